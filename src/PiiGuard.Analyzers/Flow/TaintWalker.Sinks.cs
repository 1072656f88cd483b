using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PiiGuard.Analyzers.Core;
using PiiGuard.Analyzers.Flow.Catalog;

namespace PiiGuard.Analyzers.Flow
{
    /// <summary>Sink checks: the arguments of a sink call, sink properties and containers, and each value reported through LeakReporter.</summary>
    internal sealed partial class TaintWalker
    {
        // ---------------------------------------------------------------- sinks

        private void CheckAssignmentSink(IOperation target, IOperation value)
        {
            if (!CheckingSinks || target is not IPropertyReferenceOperation property)
            {
                return;
            }

            Sink? sink = _known.GetPropertySink(property.Property);
            if (sink is null && property.Property.IsIndexer && property.Instance is IPropertyReferenceOperation { Property: { } inner })
            {
                sink = _known.GetContainerSink(inner);
            }

            if (sink != null)
            {
                CheckValue(value, sink, sink.Mode, null);
            }
        }

        /// <summary>
        /// <c>notifier.Phone = customer.Mobile</c> where the property's setter (in this compilation, or in a referenced assembly
        /// through its summary) sends its value to a sink: the assigned value is the leak, named with the property.
        /// </summary>
        private void CheckSetterSummary(IOperation target, IOperation value, Taint? taint)
        {
            if (!CheckingSinks || Scanning || taint is null || target is not IPropertyReferenceOperation { Property.SetMethod: { } setter } property
                || setter.Parameters.Length == 0)
            {
                return;
            }

            MethodSummary? summary = IsInSource(setter) ? (_depth < LeakEngine.MaxSummaryDepth ? Summary(setter) : null) : _engine.GetReferencedSummary(setter);
            if (summary is not { ParameterSinks.IsEmpty: false })
            {
                return;
            }

            int ordinal = setter.Parameters.Length - 1;
            foreach (ParameterSink parameterSink in summary.ParameterSinks)
            {
                if (parameterSink.Ordinal != ordinal)
                {
                    continue;
                }

                string display = DisplayNames.TypeName(property.Property.ContainingType) + "." + property.Property.Name + " -> " + parameterSink.Display;
                if (taint.HasSource && Reporting)
                {
                    _reporter!.Report(taint, StripConversions(value), parameterSink.Sink, display, _engine.Facts);
                }

                if (taint.Parameters != 0 && _parameterSinks != null)
                {
                    RecordParameterSinks(taint.Parameters, parameterSink.Sink, display);
                }
            }
        }

        /// <summary>Whether an object initializer's element assigns a sink property (its value is checked by <see cref="CheckAssignmentSink"/>).</summary>
        private bool IsSinkPropertyAssignment(IOperation element) =>
            element is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: { } property } } && _known.GetPropertySink(property) != null;

        /// <summary>
        /// <c>new EventTelemetry("x") { Properties = { ["email"] = v } }</c>: each entry of a sink container's collection
        /// initializer reaches the container's sink, and the object created carries none of it.
        /// </summary>
        private void CheckContainerEntries(IObjectOrCollectionInitializerOperation entries, Sink sink)
        {
            foreach (IOperation element in entries.Initializers)
            {
                switch (element)
                {
                    case ISimpleAssignmentOperation entry:
                        EvalTargetParts(entry.Target);
                        Eval(entry.Value);
                        if (CheckingSinks)
                        {
                            CheckValue(entry.Value, sink, sink.Mode, null);
                        }

                        break;
                    case IInvocationOperation add:
                        foreach (IArgumentOperation argument in add.Arguments)
                        {
                            Eval(argument.Value);
                        }

                        if (CheckingSinks)
                        {
                            CheckSinkArguments(add.TargetMethod, add.Arguments, sink, null);
                        }

                        break;
                    default:
                        Eval(element);
                        break;
                }
            }
        }

        private void CheckSinkArguments(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, Sink sink, string? display)
        {
            List<bool>? holes = null;
            int holeIndex = 0;
            SinkMode mode = sink.Mode;
            if (sink.DestructureFlag != null)
            {
                foreach (IArgumentOperation argument in arguments)
                {
                    if (argument.Parameter?.Name == sink.DestructureFlag && argument.Value.ConstantValue is { HasValue: true, Value: true })
                    {
                        mode = SinkMode.Destructure;
                    }
                }
            }

            foreach (IArgumentOperation argument in arguments)
            {
                IParameterSymbol? parameter = argument.Parameter;
                if (parameter is null || parameter.Ordinal < sink.SkipLeading || (method.IsExtensionMethod && parameter.Ordinal == 0)
                    || (sink.OnlyParameters != null && !sink.OnlyParameters.Contains(parameter.Name)))
                {
                    continue;
                }

                // A formatter or message factory (ILogger.Log's formatter, NLog's LogMessageGenerator): what it returns is logged.
                if (parameter.Type.TypeKind == TypeKind.Delegate && StripConversions(argument.Value) is IDelegateCreationOperation { Target: IAnonymousFunctionOperation producer })
                {
                    CheckReturnedValues(producer.Body, sink, display);
                    continue;
                }

                if (IsExcludedSinkParameter(parameter.Type))
                {
                    continue;
                }

                if (sink.TemplateParameter != null)
                {
                    if (parameter.Name == sink.TemplateParameter)
                    {
                        holes = MessageTemplate.Parse(argument.Value.ConstantValue.HasValue ? argument.Value.ConstantValue.Value as string : null);
                        CheckValue(argument.Value, sink, SinkMode.Text, display);
                        continue;
                    }

                    IOperation value = StripConversions(argument.Value);
                    if (argument.ArgumentKind == ArgumentKind.ParamArray && value is IArrayCreationOperation { Initializer: { } elements })
                    {
                        foreach (IOperation element in elements.ElementValues)
                        {
                            CheckValue(element, sink, HoleMode(holes, holeIndex++), display);
                        }
                    }
                    else
                    {
                        CheckValue(argument.Value, sink, HoleMode(holes, holeIndex++), display);
                    }

                    continue;
                }

                CheckValue(argument.Value, sink, mode, display);
            }
        }

        /// <summary>
        /// Checks the values a lambda returns, in the state around it (its parameters are unbound, what it captures is
        /// known); nested lambdas and local functions return to their own callers and are skipped.
        /// </summary>
        private void CheckReturnedValues(IOperation operation, Sink sink, string? display)
        {
            foreach (IOperation child in operation.ChildOperations)
            {
                if (child is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    continue;
                }

                if (child is IReturnOperation { ReturnedValue: { } returned })
                {
                    CheckValue(returned, sink, SinkMode.Text, display);
                }

                CheckReturnedValues(child, sink, display);
            }
        }

        private static SinkMode HoleMode(List<bool>? holes, int index) => holes != null && index < holes.Count && holes[index] ? SinkMode.Destructure : SinkMode.Text;

        /// <summary>Checks a value reaching a sink; interpolations, concatenations and params arrays are checked piece by piece so that the diagnostic points at the hole.</summary>
        private void CheckValue(IOperation value, Sink sink, SinkMode mode, string? display)
        {
            IOperation operation = StripConversions(value);
            switch (operation)
            {
                case IArrayCreationOperation { Initializer: { } initializer } when operation.IsImplicit || sink.Rule == SinkRule.Log:
                    foreach (IOperation element in initializer.ElementValues)
                    {
                        CheckValue(element, sink, mode, display);
                    }

                    return;

                case IInterpolatedStringOperation interpolated:
                    foreach (IInterpolatedStringContentOperation part in interpolated.Parts)
                    {
                        if (part is IInterpolationOperation hole)
                        {
                            CheckValue(hole.Expression, sink, SinkMode.Text, display);
                        }
                        else if (part is IInterpolatedStringAppendOperation { AppendCall: IInvocationOperation call })
                        {
                            foreach (IArgumentOperation argument in call.Arguments)
                            {
                                if (argument.Value.Type?.SpecialType != SpecialType.System_Int32 || argument.Value is not ILiteralOperation)
                                {
                                    CheckValue(argument.Value, sink, SinkMode.Text, display);
                                }
                            }
                        }
                    }

                    return;

                case IInterpolatedStringHandlerCreationOperation handler:
                    CheckValue(handler.Content, sink, mode, display);
                    return;

                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                    CheckValue(binary.LeftOperand, sink, SinkMode.Text, display);
                    CheckValue(binary.RightOperand, sink, SinkMode.Text, display);
                    return;
            }

            Taint? taint = mode == SinkMode.Destructure ? EvalObject(operation) : EvalText(operation);
            if (taint is { HasSource: true } && Reporting)
            {
                _reporter!.Report(taint, operation, sink, display ?? sink.Display, _engine.Facts);
            }

            if (taint is { Parameters: not 0 } && _parameterSinks != null)
            {
                RecordParameterSinks(taint.Parameters, sink, display ?? sink.Display);
            }
        }

        private bool IsExcludedSinkParameter(ITypeSymbol type)
        {
            if (type.TypeKind is TypeKind.Enum or TypeKind.Delegate || PiiSymbols.IsCarrierlessType(type))
            {
                return true;
            }

            return _known.IsNotSinkParameter(type);
        }
    }
}
