using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PiiGuard.Analyzers.Core;
using PiiGuard.Analyzers.Flow.Catalog;

namespace PiiGuard.Analyzers.Flow
{
    /// <summary>Assignments: locals, members, deconstructions, patterns, writers and the weak updates of collections and objects.</summary>
    internal sealed partial class TaintWalker
    {
        // ---------------------------------------------------------------- assignment

        private void AssignTarget(IOperation? target, Taint? value)
        {
            switch (target)
            {
                case ILocalReferenceOperation local:
                    Set(local.Local, value);
                    break;
                case IParameterReferenceOperation parameter:
                    Set(parameter.Parameter, value);
                    break;
                case IVariableDeclaratorOperation declarator:
                    Set(declarator.Symbol, value);
                    break;
                case IDeclarationExpressionOperation declaration:
                    AssignTarget(declaration.Expression, value);
                    break;
                case ITupleOperation tuple:
                    foreach (IOperation element in tuple.Elements)
                    {
                        AssignTarget(element, value);
                    }

                    break;
                case IPropertyReferenceOperation { Property.IsIndexer: true } indexer:
                    WeakUpdate(indexer.Instance, value);
                    break;
                case IArrayElementReferenceOperation element:
                    WeakUpdate(element.ArrayReference, value);
                    break;
                case IPropertyReferenceOperation property:
                    AssignMember(property.Property, property.Instance, value);
                    break;
                case IFieldReferenceOperation field:
                    AssignMember(field.Field, field.Instance, value);
                    break;
            }
        }

        private void AssignMember(ISymbol member, IOperation? instance, Taint? value)
        {
            if (MemberKey(member, instance) is { } key)
            {
                Set(key, value);
            }

            WeakUpdateObject(instance, value);
            RecordMemberAssignment(member, instance, value);
        }

        /// <summary><c>var dto = new Dto { Email = x }</c>: <c>dto.Email</c> carries what <c>x</c> carries.</summary>
        private void BindInitializedMembers(ISymbol variable, IOperation value)
        {
            if (StripConversions(value) is not IObjectCreationOperation { Initializer: { } initializer })
            {
                return;
            }

            foreach (IOperation element in initializer.Initializers)
            {
                if (element is ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Member: { } member } } assignment && member is IPropertySymbol or IFieldSymbol)
                {
                    Taint? taint = Eval(assignment.Value);
                    Set(new VariableMember(variable, member.OriginalDefinition), taint);
                }
            }
        }

        /// <summary>
        /// <c>var xml = XmlWriter.Create(text)</c>: a writer or stream made over another one (a local or parameter) writes into
        /// it, so what a serializer writes into <c>xml</c> ends up in <c>text</c>.
        /// </summary>
        private void BindWriterTarget(ISymbol variable, IOperation value)
        {
            ImmutableArray<IArgumentOperation> arguments = StripConversions(value) switch
            {
                IInvocationOperation call => call.Arguments,
                IObjectCreationOperation creation => creation.Arguments,
                _ => ImmutableArray<IArgumentOperation>.Empty,
            };
            if (arguments.IsEmpty || variable is not ILocalSymbol { Type: { } type } || !_known.IsSerializationTarget(type))
            {
                return;
            }

            foreach (IArgumentOperation argument in arguments)
            {
                if (_known.IsSerializationTarget(argument.Value.Type) && RootVariable(argument.Value) is { } target && !SymbolEqualityComparer.Default.Equals(target, variable))
                {
                    (_writerTargets ??= new Dictionary<ISymbol, ISymbol>(SymbolEqualityComparer.Default))[variable] = target;
                    return;
                }
            }
        }

        /// <summary>
        /// The state key of a member: the member itself for this object's and static members, (variable, member) for a
        /// member of a local or parameter, null otherwise (an object initializer's member belongs to the object created).
        /// </summary>
        private static object? MemberKey(ISymbol member, IOperation? instance) => instance switch
        {
            null => member.OriginalDefinition,
            IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } => member.OriginalDefinition,
            ILocalReferenceOperation local => new VariableMember(local.Local, member.OriginalDefinition),
            IParameterReferenceOperation parameter => new VariableMember(parameter.Parameter, member.OriginalDefinition),
            _ => null,
        };

        private void RecordMemberAssignment(ISymbol member, IOperation? instance, Taint? value)
        {
            if (_memberAssignments != null && instance is null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } && value?.WithoutParameters() is { HasSource: true } data)
            {
                ISymbol key = member.OriginalDefinition;
                _memberAssignments.TryGetValue(key, out Taint? previous);
                _memberAssignments[key] = Taint.Union(previous, data)!;
            }
        }

        /// <summary><c>dto.Email = c.Email</c>: the local <c>dto</c> now holds member data.</summary>
        private void WeakUpdateObject(IOperation? instance, Taint? value)
        {
            if (value is { HasSource: true } && instance is ILocalReferenceOperation or IParameterReferenceOperation && IsModelType(instance.Type))
            {
                WeakUpdate(instance, value.AsMemberData());
            }
        }

        private void WeakUpdate(IOperation? collection, Taint? value)
        {
            if (value != null && RootVariable(collection) is { } root)
            {
                _env.TryGetValue(root, out Taint? previous);
                Set(root, Taint.Union(previous, value));
            }
        }

        private void EvalTargetParts(IOperation target)
        {
            if (target is IPropertyReferenceOperation { Property.IsIndexer: true } indexer)
            {
                foreach (IArgumentOperation argument in indexer.Arguments)
                {
                    Eval(argument.Value);
                }
            }
        }

        private void BindPattern(IPatternOperation? pattern, Taint? value)
        {
            switch (pattern)
            {
                case IDeclarationPatternOperation declaration when declaration.DeclaredSymbol != null:
                    Set(declaration.DeclaredSymbol, value);
                    break;
                case IRecursivePatternOperation recursive:
                    if (recursive.DeclaredSymbol != null)
                    {
                        Set(recursive.DeclaredSymbol, value);
                    }

                    break;
                case IBinaryPatternOperation binary:
                    BindPattern(binary.LeftPattern, value);
                    BindPattern(binary.RightPattern, value);
                    break;
            }
        }

        private static ISymbol? RootVariable(IOperation? operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case ILocalReferenceOperation local:
                        return local.Local;
                    case IParameterReferenceOperation parameter:
                        return parameter.Parameter;
                    case IFieldReferenceOperation field when field.Instance is null or IInstanceReferenceOperation:
                        return field.Field.OriginalDefinition;
                    case IPropertyReferenceOperation { Property.IsIndexer: false, Property.IsStatic: false } property when property.Instance is IInstanceReferenceOperation:
                        return property.Property.OriginalDefinition;
                    case IInvocationOperation { Instance: { } instance } call when SymbolEqualityComparer.Default.Equals(call.Type, instance.Type):
                        operation = instance;
                        break;
                    case IConversionOperation conversion:
                        operation = conversion.Operand;
                        break;
                    default:
                        return null;
                }
            }
        }
    }
}
