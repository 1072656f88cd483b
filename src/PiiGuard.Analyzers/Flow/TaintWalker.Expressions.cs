using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PiiGuard.Analyzers.Core;
using PiiGuard.Analyzers.Flow.Catalog;

namespace PiiGuard.Analyzers.Flow
{
    /// <summary>The taint rules for expressions: what a value carries, as text, as an object, through a member.</summary>
    internal sealed partial class TaintWalker
    {
        // ---------------------------------------------------------------- expressions

        private Taint? Eval(IOperation? operation)
        {
            switch (operation)
            {
                case null:
                case ILiteralOperation:
                case IDefaultValueOperation:
                case ITypeOfOperation:
                case ISizeOfOperation:
                case INameOfOperation:
                case IInstanceReferenceOperation:
                case IIncrementOrDecrementOperation:
                    return null;

                case IMethodReferenceOperation methodReference:
                    return EvalMethodGroup(methodReference.Method);

                case IConversionOperation conversion:
                    {
                        Taint? operand = Eval(conversion.Operand);
                        if (PiiSymbols.IsCarrierlessType(conversion.Type))
                        {
                            return null;
                        }

                        if (conversion.IsImplicit && conversion.Type is { } target
                            && (target.SpecialType == SpecialType.System_Object || target.SpecialType == SpecialType.System_String || target.TypeKind == TypeKind.Interface))
                        {
                            return operand is null ? TextFormTaint(conversion.Operand) : AsText(operand, conversion.Operand.Type);
                        }

                        return operand;
                    }

                case ILocalReferenceOperation local:
                    return _env.TryGetValue(local.Local, out Taint? localTaint) ? localTaint : null;

                case IParameterReferenceOperation parameter:
                    return _env.TryGetValue(parameter.Parameter, out Taint? parameterTaint) ? parameterTaint : SourceOf(parameter.Parameter);

                case IFieldReferenceOperation field:
                    return EvalMember(field.Field, field.Field.Type, field.Instance);

                case IPropertyReferenceOperation property:
                    if (property.Property.IsIndexer)
                    {
                        foreach (IArgumentOperation argument in property.Arguments)
                        {
                            Eval(argument.Value);
                        }

                        return _known.GetSource(property.Property, property.Arguments) ?? Eval(property.Instance);
                    }

                    return EvalMember(property.Property, property.Property.Type, property.Instance);

                case IArrayElementReferenceOperation element:
                    foreach (IOperation index in element.Indices)
                    {
                        Eval(index);
                    }

                    return Eval(element.ArrayReference);

                case IArgumentOperation argument:
                    return Eval(argument.Value);

                case IInvocationOperation invocation:
                    return EvalInvocation(invocation);

                case IObjectCreationOperation creation:
                    return EvalCreation(creation);

                case IAnonymousObjectCreationOperation anonymous:
                    {
                        Taint? result = null;
                        foreach (IOperation initializer in anonymous.Initializers)
                        {
                            result = Taint.Union(result, Eval(initializer));
                        }

                        return result;
                    }

                case IInterpolatedStringOperation interpolated:
                    {
                        Taint? result = null;
                        foreach (IInterpolatedStringContentOperation part in interpolated.Parts)
                        {
                            if (part is IInterpolationOperation hole)
                            {
                                result = Taint.Union(result, EvalText(hole.Expression));
                            }
                            else if (part is IInterpolatedStringAppendOperation append && append.AppendCall is IInvocationOperation call)
                            {
                                foreach (IArgumentOperation argument in call.Arguments)
                                {
                                    result = Taint.Union(result, EvalText(argument.Value));
                                }
                            }
                        }

                        return result;
                    }

                case IInterpolatedStringHandlerCreationOperation handler:
                    return Eval(handler.Content);

                case IBinaryOperation binary:
                    {
                        bool concat = binary.Type?.SpecialType == SpecialType.System_String;
                        Taint? left = concat ? EvalText(binary.LeftOperand) : Eval(binary.LeftOperand);
                        Taint? right = concat ? EvalText(binary.RightOperand) : Eval(binary.RightOperand);
                        return PiiSymbols.IsCarrierlessType(binary.Type) ? null : Taint.Union(left, right);
                    }

                case IUnaryOperation unary:
                    {
                        Taint? operand = Eval(unary.Operand);
                        return PiiSymbols.IsCarrierlessType(unary.Type) ? null : operand;
                    }

                case IConditionalOperation conditional:
                    if (conditional.Type is null)
                    {
                        Visit(conditional);
                        return null;
                    }

                    Eval(conditional.Condition);
                    return Taint.Union(Eval(conditional.WhenTrue), Eval(conditional.WhenFalse));

                case ICoalesceOperation coalesce:
                    return Taint.Union(Eval(coalesce.Value), Eval(coalesce.WhenNull));

                case IConditionalAccessOperation access:
                    {
                        _conditionalInstances.Push(Eval(access.Operation));
                        try
                        {
                            return Eval(access.WhenNotNull);
                        }
                        finally
                        {
                            _conditionalInstances.Pop();
                        }
                    }

                case IConditionalAccessInstanceOperation:
                    return _conditionalInstances.Count > 0 ? _conditionalInstances.Peek() : null;

                case ISimpleAssignmentOperation assignment:
                    {
                        Taint? value = Eval(assignment.Value);
                        CheckAssignmentSink(assignment.Target, assignment.Value);
                        CheckSetterSummary(assignment.Target, assignment.Value, value);
                        EvalTargetParts(assignment.Target);
                        AssignTarget(assignment.Target, value);
                        return value;
                    }

                case ICompoundAssignmentOperation compound:
                    {
                        bool concat = compound.Type?.SpecialType == SpecialType.System_String;
                        Taint? value = Taint.Union(Eval(compound.Target), concat ? EvalText(compound.Value) : Eval(compound.Value));
                        CheckAssignmentSink(compound.Target, compound.Value);
                        AssignTarget(compound.Target, value);
                        return value;
                    }

                case ICoalesceAssignmentOperation coalesceAssignment:
                    {
                        Taint? value = Taint.Union(Eval(coalesceAssignment.Target), Eval(coalesceAssignment.Value));
                        AssignTarget(coalesceAssignment.Target, value);
                        return value;
                    }

                case IDeconstructionAssignmentOperation deconstruction:
                    {
                        IOperation target = deconstruction.Target is IDeclarationExpressionOperation declared ? declared.Expression : deconstruction.Target;
                        if (target is ITupleOperation targets && StripConversions(deconstruction.Value) is ITupleOperation values && targets.Elements.Length == values.Elements.Length)
                        {
                            Taint? all = null;
                            var taints = new Taint?[values.Elements.Length];
                            for (int i = 0; i < taints.Length; i++)
                            {
                                taints[i] = Eval(values.Elements[i]);
                                all = Taint.Union(all, taints[i]);
                            }

                            for (int i = 0; i < taints.Length; i++)
                            {
                                AssignTarget(targets.Elements[i], taints[i]);
                            }

                            return all;
                        }

                        Taint? value = Eval(deconstruction.Value);
                        AssignTarget(target, value);
                        return value;
                    }

                case ITupleOperation tuple:
                    {
                        Taint? result = null;
                        foreach (IOperation element in tuple.Elements)
                        {
                            result = Taint.Union(result, Eval(element));
                        }

                        return result;
                    }

                case IDeclarationExpressionOperation:
                    return null;

                case IArrayCreationOperation array:
                    foreach (IOperation size in array.DimensionSizes)
                    {
                        Eval(size);
                    }

                    return Eval(array.Initializer);

                case IArrayInitializerOperation arrayInitializer:
                    {
                        Taint? result = null;
                        foreach (IOperation element in arrayInitializer.ElementValues)
                        {
                            result = Taint.Union(result, Eval(element));
                        }

                        return result;
                    }

                case IObjectOrCollectionInitializerOperation initializer:
                    {
                        Taint? result = null;
                        foreach (IOperation element in initializer.Initializers)
                        {
                            // A value given to a sink property (Subject = …, Message = …) is reported there; the object does not carry it on.
                            Taint? value = Eval(element);
                            if (!IsSinkPropertyAssignment(element))
                            {
                                result = Taint.Union(result, value);
                            }

                            if (element is IInvocationOperation add && _known.GetMethodSink(add.TargetMethod) is null)
                            {
                                foreach (IArgumentOperation argument in add.Arguments)
                                {
                                    result = Taint.Union(result, Eval(argument.Value));
                                }
                            }
                        }

                        return result;
                    }

                case IMemberInitializerOperation memberInitializer:
                    if (memberInitializer.InitializedMember is IPropertyReferenceOperation { Property: { } container } && _known.GetContainerSink(container) is { } entrySink
                        && memberInitializer.Initializer is IObjectOrCollectionInitializerOperation entries)
                    {
                        CheckContainerEntries(entries, entrySink);
                        return null;
                    }

                    return Eval(memberInitializer.Initializer);

                case IAnonymousFunctionOperation function:
                    {
                        Taint? seed = _lambdaSeed;
                        bool withFilled = _lambdaFills;
                        _lambdaSeed = null;
                        _lambdaFills = false;
                        return VisitFunctionBody(function.Symbol.Parameters, function.Body, seed, null, withFilled);
                    }

                case IDelegateCreationOperation @delegate:
                    return Eval(@delegate.Target);

                case IAwaitOperation await:
                    {
                        Taint? awaited = Eval(await.Operation);
                        return IsModelType(await.Type) && awaited is not { IsMemberData: true } ? null : awaited;
                    }

                case IIsTypeOperation isType:
                    Eval(isType.ValueOperand);
                    return null;

                case IIsPatternOperation isPattern:
                    BindPattern(isPattern.Pattern, Eval(isPattern.Value));
                    return null;

                case ISwitchExpressionOperation switchExpression:
                    {
                        Taint? value = Eval(switchExpression.Value);
                        Taint? result = null;
                        foreach (ISwitchExpressionArmOperation arm in switchExpression.Arms)
                        {
                            BindPattern(arm.Pattern, value);
                            Eval(arm.Guard);
                            result = Taint.Union(result, Eval(arm.Value));
                        }

                        return result;
                    }

                case IThrowOperation @throw:
                    Eval(@throw.Exception);
                    return null;

                default:
                    if (IsStatement(operation))
                    {
                        Visit(operation);
                        return null;
                    }

                    {
                        Taint? result = null;
                        foreach (IOperation child in operation.ChildOperations)
                        {
                            result = Taint.Union(result, Eval(child));
                        }

                        return PiiSymbols.IsCarrierlessType(operation.Type) ? null : result;
                    }
            }
        }

        private static bool IsStatement(IOperation operation) => operation is IBlockOperation or ILoopOperation or ISwitchOperation or ITryOperation
            or IReturnOperation or IVariableDeclarationGroupOperation or IExpressionStatementOperation or IUsingOperation or ILockOperation
            or ILabeledOperation or IBranchOperation or ILocalFunctionOperation or IEmptyOperation or IMethodBodyBaseOperation or IUsingDeclarationOperation;

        /// <summary>The value as text: what it carries, or, for an object whose ToString prints personal members, the object.</summary>
        private Taint? EvalText(IOperation operation)
        {
            IOperation stripped = StripConversions(operation);
            return AsText(Eval(operation), stripped.Type) ?? TextFormTaint(stripped);
        }

        /// <summary>What ToString shows of a value: an object's member data only when its type prints its members.</summary>
        private Taint? AsText(Taint? taint, ITypeSymbol? type)
        {
            if (taint is not { IsMemberData: true })
            {
                return taint;
            }

            return type != null && type.SpecialType == SpecialType.None && _engine.Facts.GetTextForm(type) == TextForm.Unmasked ? taint.AsValue() : null;
        }

        /// <summary>The value as a reflection-based reader sees it (Serilog {@x}, JSON): a whole object holding personal data, masked or not.</summary>
        private Taint? EvalObject(IOperation operation)
        {
            IOperation stripped = StripConversions(operation);
            Taint? taint = Eval(stripped);
            if (taint is { HasSource: true, IsWholeObject: false, IsMemberData: false })
            {
                return taint;
            }

            PersonalShape? shape = _engine.Facts.GetShape(stripped.Type);
            if (shape is null)
            {
                return taint;
            }

            // A summarised helper's parameter (string ToJson(Customer c)) is serialised whole too, and keeps its bit for the call site.
            Taint whole = Taint.WholeObject(TypeDisplay(stripped.Type!), shape.First, shape.Kinds, serialized: true, origin: stripped.Type);
            return taint is { HasSource: false } ? Taint.Union(taint, whole) : whole;
        }

        private Taint? TextFormTaint(IOperation operation)
        {
            ITypeSymbol? type = operation.Type;
            if (type is null || type.SpecialType != SpecialType.None)
            {
                return null;
            }

            PersonalShape? shape = _engine.Facts.GetShape(type);
            if (shape is null || _engine.Facts.GetTextForm(type) != TextForm.Unmasked)
            {
                return null;
            }

            return Taint.WholeObject(TypeDisplay(type), shape.First, shape.Kinds, origin: type);
        }

        private Taint? EvalMember(ISymbol member, ITypeSymbol type, IOperation? instance)
        {
            if (_engine.Pii.GetPii(member) is PiiInfo info)
            {
                return Taint.Source(MemberDisplay(member), info, member);
            }

            if (member is IPropertySymbol or IFieldSymbol && _known.GetSource(member, ImmutableArray<IArgumentOperation>.Empty) is { } source)
            {
                return source;
            }

            if (MemberKey(member, instance) is { } key && _env.TryGetValue(key, out Taint? assigned))
            {
                return assigned;
            }

            if (PiiSymbols.IsCarrierlessType(type) || IsNonCarrierMember(member.Name))
            {
                return null;
            }

            if (!Scanning && (instance is null or IInstanceReferenceOperation) && _engine.GetMemberTaint(member, _cancellationToken) is { } given)
            {
                return given;
            }

            if (member is IPropertySymbol { GetMethod: { } getter } && getter.DeclaringSyntaxReferences.Length == 1 && _depth < LeakEngine.MaxSummaryDepth)
            {
                MethodSummary? summary = Summary(getter);
                if (summary?.Fixed is { } carried)
                {
                    return carried;
                }
            }
            else if (!Scanning && member is IPropertySymbol { GetMethod: { } referencedGetter } && referencedGetter.DeclaringSyntaxReferences.Length == 0
                && _engine.GetReferencedSummary(referencedGetter)?.Fixed is { } returned)
            {
                return returned; // a property of a referenced assembly that returns personal data (its summary, docs/summaries.md)
            }

            if (instance is null)
            {
                return null;
            }

            Taint? instanceTaint = Eval(instance);
            if (instanceTaint is null || IsModelType(instance.Type) || IsModelType(type) || _known.IsBarrier(member))
            {
                return null;
            }

            return instanceTaint;
        }
    }
}
