using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PiiGuard.Analyzers.Core;
using PiiGuard.Analyzers.Flow.Catalog;

namespace PiiGuard.Analyzers.Flow
{
    /// <summary>Calls: sinks, sanitizers, hashes and serializers met as calls, method summaries, method groups, local functions and creations.</summary>
    internal sealed partial class TaintWalker
    {
        private Taint? EvalInvocation(IInvocationOperation invocation)
        {
            IMethodSymbol method = invocation.TargetMethod;
            if (method.MethodKind == MethodKind.LocalFunction)
            {
                return EvalLocalFunctionCall(invocation);
            }

            Taint? instanceTaint = Eval(invocation.Instance);
            ImmutableArray<IArgumentOperation> arguments = invocation.Arguments;
            var argumentTaints = new Taint?[method.Parameters.Length];
            Taint? allArguments = null;
            foreach (IArgumentOperation argument in arguments)
            {
                IOperation value = argument.Value;
                if (value is IDelegateCreationOperation or IAnonymousFunctionOperation)
                {
                    _lambdaSeed = instanceTaint ?? (method.IsExtensionMethod && argumentTaints.Length > 0 ? argumentTaints[0] : null);
                    _lambdaFills = !Scanning && IsInSource(method);
                }

                Taint? taint = Eval(value);
                _lambdaSeed = null;
                _lambdaFills = false;
                if (argument.Parameter is { } parameter && parameter.Ordinal < argumentTaints.Length)
                {
                    argumentTaints[parameter.Ordinal] = Taint.Union(argumentTaints[parameter.Ordinal], taint);
                }

                allArguments = Taint.Union(allArguments, taint);
            }

            if (method.MethodKind == MethodKind.DelegateInvoke && allArguments != null && CheckingSinks && !Scanning && RaisedEvent(invocation) is { } raised)
            {
                ReportEventHandlers(raised, arguments, argumentTaints);
            }

            Sink? sink = _known.GetMethodSink(method);
            if (sink is null && invocation.Instance is IPropertyReferenceOperation { Property: { } receiverProperty })
            {
                if (method.Name is "Add" or "TryAdd" && _known.GetContainerSink(receiverProperty) is { } container)
                {
                    sink = container;
                }
                else
                {
                    sink = _known.GetReceiverSink(receiverProperty, method);
                }
            }

            if (sink != null)
            {
                if (CheckingSinks)
                {
                    CheckSinkArguments(method, arguments, sink, null);
                }

                return null;
            }

            MethodRole role = _known.GetRole(method);
            if (role == MethodRole.UnkeyedHash && _known.IsKeyedHash(invocation.Instance?.Type))
            {
                role = MethodRole.Sanitizer;
            }

            switch (role)
            {
                case MethodRole.Sanitizer:
                    return null;
                case MethodRole.UnkeyedHash:
                    return Taint.Union(instanceTaint, allArguments)?.Hashed(invocation, (invocation.Instance?.Type?.Name ?? method.ContainingType.Name) + "." + method.Name);
                case MethodRole.Serializer:
                    {
                        Taint? serialized = null;
                        foreach (IArgumentOperation argument in arguments)
                        {
                            if (!_known.IsSerializationTarget(argument.Parameter?.Type))
                            {
                                serialized = Taint.Union(serialized, EvalObject(argument.Value)?.AsValue());
                            }
                        }

                        // XmlSerializer.Serialize(writer, value), WriteObject(stream, value): the writer or stream now holds the serialised text.
                        foreach (IArgumentOperation argument in arguments)
                        {
                            if (serialized != null && _known.IsSerializationTarget(argument.Parameter?.Type))
                            {
                                WeakUpdate(argument.Value, serialized);
                                ISymbol? writer = RootVariable(argument.Value);
                                for (int hop = 0; hop < 4 && writer != null && _writerTargets != null && _writerTargets.TryGetValue(writer, out writer); hop++)
                                {
                                    _env.TryGetValue(writer, out Taint? previous);
                                    Set(writer, Taint.Union(previous, serialized));
                                }
                            }
                        }

                        return serialized;
                    }
            }

            MethodSummary? summary = Scanning ? null : (IsInSource(method) ? CalleeSummary(method, instanceTaint, allArguments) : null) ?? _engine.GetReferencedSummary(method);
            if (summary is { ParameterSinks.IsEmpty: false } && CheckingSinks)
            {
                ReportParameterSinks(summary, arguments, argumentTaints, method);
            }

            Taint? result;
            if (_engine.Pii.GetPii(method) is PiiInfo info)
            {
                result = Taint.Source(MemberDisplay(method), info, method);
            }
            else if (_known.GetSource(method, arguments) is { } source)
            {
                result = source;
            }
            else if (method.ReturnsVoid || PiiSymbols.IsCarrierlessType(method.ReturnType) || IsNonCarrierMember(method.Name) || _known.IsNotCarrier(Awaited(method.ReturnType)))
            {
                result = null;
            }
            else if (method.Name == "ToString" && method.Parameters.Length == 0 && instanceTaint is null && invocation.Instance != null)
            {
                result = TextFormTaint(invocation.Instance);
            }
            else if (method.Name == "ToString" && method.Parameters.Length == 0 && PrintsTypeName(invocation.Instance?.Type))
            {
                // A plain object's ToString prints its type name, whatever it holds (DESIGN.md): token.Claims.ToString().
                result = null;
            }
            else if (summary != null)
            {
                result = ApplySummary(summary, argumentTaints, invocation, method);
            }
            else
            {
                result = IsProjection(method) ? ProjectionResult(method, argumentTaints) : Taint.Union(instanceTaint, allArguments);
            }

            // A user type's value carries personal data through its members, which are followed by their annotations:
            // a lookup by a personal key (FindByEmailAsync(email), GetOrdersOf(email)) returns objects, not the key.
            if (IsModelType(ModelOf(invocation.Type)) && result is not { IsMemberData: true })
            {
                result = null;
            }

            // Invoking a delegate (fill(bag)) lets it fill the objects it is given with what it carries: in a summary, the
            // delegate parameter's bit, so that the caller's lambda is followed into the sink the object reaches.
            if (method.MethodKind == MethodKind.DelegateInvoke && instanceTaint != null)
            {
                foreach (IArgumentOperation argument in arguments)
                {
                    if (argument.Value.Type is { IsReferenceType: true, SpecialType: not SpecialType.System_String } && RootVariable(argument.Value) is { } filled)
                    {
                        _env.TryGetValue(filled, out Taint? previous);
                        Set(filled, Taint.Union(previous, instanceTaint));
                    }
                }
            }

            // A mutating call on a local (StringBuilder.Append, List.Add) makes the local carry what it was given.
            if (allArguments != null && !method.IsStatic && !IsInSource(method) && IsMutator(method, invocation.Instance) && RootVariable(invocation.Instance) is { } root)
            {
                _env.TryGetValue(root, out Taint? previous);
                Set(root, Taint.Union(previous, allArguments));
            }

            return result;
        }

        /// <summary>
        /// A projection (<c>Select</c>, <c>ToDictionary</c>, <c>ConvertAll</c>, <c>Max(selector)</c>): a library method with a
        /// selector whose result holds what the selector returns and none of the elements it was given, because its return
        /// type does not mention the type of the selector's input. Its result carries what the selectors return (and its
        /// other non-element arguments), not the source: <c>orders.Select(o =&gt; o.Sku)</c> carries no buyer's e-mail.
        /// OrderBy, Where, GroupBy and First return their elements and are not projections.
        /// </summary>
        private static bool IsProjection(IMethodSymbol method)
        {
            IMethodSymbol original = method.OriginalDefinition;
            bool selector = false;
            foreach (IParameterSymbol parameter in original.Parameters)
            {
                if (SelectorOf(parameter.Type) is not { } invoke || invoke.ReturnsVoid || invoke.ReturnType.SpecialType == SpecialType.System_Boolean)
                {
                    continue;
                }

                foreach (IParameterSymbol input in invoke.Parameters)
                {
                    if (input.Type is ITypeParameterSymbol element && Mentions(original.ReturnType, element))
                    {
                        return false;
                    }
                }

                selector = true;
            }

            return selector;
        }

        /// <summary>The selectors' results and the arguments that are not the source elements.</summary>
        private static Taint? ProjectionResult(IMethodSymbol method, Taint?[] argumentTaints)
        {
            IMethodSymbol original = method.OriginalDefinition;
            Taint? result = null;
            for (int i = 0; i < argumentTaints.Length && i < original.Parameters.Length; i++)
            {
                ITypeSymbol type = original.Parameters[i].Type;
                if (SelectorOf(type) != null || !MentionsAnySelectorInput(original, type))
                {
                    result = Taint.Union(result, argumentTaints[i]);
                }
            }

            return result;
        }

        private static bool MentionsAnySelectorInput(IMethodSymbol original, ITypeSymbol type)
        {
            foreach (IParameterSymbol parameter in original.Parameters)
            {
                if (SelectorOf(parameter.Type) is { } invoke)
                {
                    foreach (IParameterSymbol input in invoke.Parameters)
                    {
                        if (input.Type is ITypeParameterSymbol element && Mentions(type, element))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        /// <summary>The Invoke method of a delegate type, or of the delegate an expression tree (<c>Expression&lt;Func&lt;…&gt;&gt;</c>) holds.</summary>
        private static IMethodSymbol? SelectorOf(ITypeSymbol type)
        {
            if (type is INamedTypeSymbol { TypeKind: TypeKind.Delegate } @delegate)
            {
                return @delegate.DelegateInvokeMethod;
            }

            if (type is INamedTypeSymbol { Name: "Expression", TypeArguments.Length: 1 } expression && expression.TypeArguments[0] is INamedTypeSymbol { TypeKind: TypeKind.Delegate } inner
                && IsNamespace(expression.ContainingNamespace, "Expressions", "Linq"))
            {
                return inner.DelegateInvokeMethod;
            }

            return null;
        }

        private static bool Mentions(ITypeSymbol type, ITypeParameterSymbol parameter)
        {
            switch (type)
            {
                case ITypeParameterSymbol candidate:
                    return SymbolEqualityComparer.Default.Equals(candidate, parameter);
                case IArrayTypeSymbol array:
                    return Mentions(array.ElementType, parameter);
                case INamedTypeSymbol named:
                    foreach (ITypeSymbol argument in named.TypeArguments)
                    {
                        if (Mentions(argument, parameter))
                        {
                            return true;
                        }
                    }

                    return named.ContainingType != null && Mentions(named.ContainingType, parameter);
                default:
                    return false;
            }
        }

        /// <summary>
        /// Whether a value of this static type prints its type name: a class or struct (not object, not an interface a string
        /// could stand behind) whose ToString is object's, or a generic collection interface of non-characters.
        /// </summary>
        private bool PrintsTypeName(ITypeSymbol? type)
        {
            switch (type)
            {
                case INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct, SpecialType: SpecialType.None } named:
                    return _engine.Facts.GetTextForm(named) == TextForm.Plain && !IsModelType(named);
                case INamedTypeSymbol { TypeKind: TypeKind.Interface, IsGenericType: true, TypeArguments.Length: 1 } collection:
                    return IsNamespace(collection.ContainingNamespace, "Generic", "Collections") && collection.TypeArguments[0].SpecialType != SpecialType.System_Char
                        && collection.TypeArguments[0].TypeKind != TypeKind.TypeParameter;
                default:
                    return false;
            }
        }

        /// <summary>
        /// The summary of a callee of this compilation at a call that hands it nothing personal (no argument and no receiver
        /// carries anything): when the callee cannot see personal data of its own either (<see cref="LeakEngine.MayReadPersonalData"/>),
        /// its summary could only map clean arguments to the result and to sinks, so the call's result is clean and nothing
        /// in it is reported, whatever its body does; it is not summarised (issue 18: <c>Normalize(line)</c> over an order's
        /// lines bound a callee body per call site). Otherwise the callee's summary.
        /// </summary>
        private MethodSummary? CalleeSummary(IMethodSymbol method, Taint? instanceTaint, Taint? allArguments) =>
            instanceTaint is null && allArguments is null && !_engine.MayReadPersonalData(method, _cancellationToken)
                ? MethodSummary.Empty
                : Summary(method);

        private MethodSummary? Summary(IMethodSymbol method)
        {
            MethodSummary? summary = _engine.GetSummary(method, _depth + 1, _context, _cancellationToken);
            if (summary is { IsComplete: false })
            {
                _incomplete = true;
            }

            return summary;
        }

        private void RecordParameterSinks(ulong parameters, Sink sink, string display)
        {
            for (int i = 0; i < 64 && parameters != 0; i++, parameters >>= 1)
            {
                if ((parameters & 1) != 0 && _parameterSinks!.Count < 64)
                {
                    _parameterSinks.Add(new ParameterSink(i, sink, display));
                }
            }
        }

        /// <summary>
        /// The event an invocation raises: <c>SignedUp?.Invoke(this, e)</c>, <c>SignedUp.Invoke(this, e)</c> or <c>SignedUp(this, e)</c>
        /// on an event declared in this compilation; null for any other delegate.
        /// </summary>
        private static IEventSymbol? RaisedEvent(IInvocationOperation invocation)
        {
            IOperation? target = invocation.Instance;
            if (target is IConditionalAccessInstanceOperation)
            {
                target = null;
                for (IOperation? parent = invocation.Parent; parent != null; parent = parent.Parent)
                {
                    if (parent is IConditionalAccessOperation access)
                    {
                        target = access.Operation;
                        break;
                    }
                }
            }

            return target is null ? null : StripConversions(target) is IEventReferenceOperation { Event: { } @event } && @event.DeclaringSyntaxReferences.Length > 0 ? @event : null;
        }

        /// <summary>
        /// Raising an event calls its handlers with the raise's arguments: a handler whose parameter reaches a sink makes
        /// the argument a leak, named with the event and the handler (<c>Shop.SignedUp -&gt; Audit.OnSignedUp -&gt; ILogger.LogInformation</c>;
        /// a lambda handler is named by the event alone).
        /// </summary>
        private void ReportEventHandlers(IEventSymbol @event, ImmutableArray<IArgumentOperation> arguments, Taint?[] argumentTaints)
        {
            string eventDisplay = DisplayNames.TypeName(@event.ContainingType) + "." + @event.Name;
            foreach (EventHandlerRef handler in _engine.GetEventHandlers(@event, _cancellationToken))
            {
                if (handler.Method.Parameters.Length != argumentTaints.Length)
                {
                    continue;
                }

                MethodSummary? summary = _engine.GetSummary(handler, _depth + 1, _context, _cancellationToken);
                if (summary is { IsComplete: false })
                {
                    _incomplete = true;
                }

                if (summary is { ParameterSinks.IsEmpty: false })
                {
                    string via = handler.IsLambda ? eventDisplay : eventDisplay + " -> " + DisplayNames.TypeName(handler.Method.ContainingType) + "." + handler.Method.Name;
                    ReportParameterSinks(summary, arguments, argumentTaints, handler.Method, via);
                }
            }
        }

        /// <summary>A helper whose parameter reaches a sink: the caller's argument is the leak.</summary>
        private void ReportParameterSinks(MethodSummary summary, ImmutableArray<IArgumentOperation> arguments, Taint?[] argumentTaints, IMethodSymbol method, string? via = null)
        {
            foreach (ParameterSink parameterSink in summary.ParameterSinks)
            {
                // A parameter annotated as personal data is reported inside the helper already: one leak, one diagnostic.
                if (parameterSink.Ordinal >= argumentTaints.Length || argumentTaints[parameterSink.Ordinal] is not { } taint
                    || _engine.Pii.GetPii(method.Parameters[parameterSink.Ordinal]) != null)
                {
                    continue;
                }

                string display = (via ?? DisplayNames.TypeName(method.ContainingType) + "." + method.Name) + " -> " + parameterSink.Display;
                if (taint.HasSource && Reporting)
                {
                    foreach (IArgumentOperation argument in arguments)
                    {
                        if (argument.Parameter?.Ordinal == parameterSink.Ordinal)
                        {
                            ReportArgument(taint, argument, parameterSink.Sink, display);
                        }
                    }
                }

                if (taint.Parameters != 0 && _parameterSinks != null)
                {
                    RecordParameterSinks(taint.Parameters, parameterSink.Sink, display);
                }
            }
        }

        /// <summary>
        /// Reports an argument that reaches a sink inside a helper: at the argument, or, for the values of a params
        /// array or collection (which the compiler wraps in an implicit creation spanning the whole call), at each value
        /// that carries personal data.
        /// </summary>
        private void ReportArgument(Taint taint, IArgumentOperation argument, Sink sink, string display)
        {
            IOperation value = StripConversions(argument.Value);
            if (argument.ArgumentKind != ArgumentKind.Explicit && value.IsImplicit)
            {
                IEnumerable<IOperation> elements = value is IArrayCreationOperation { Initializer: { } initializer } ? initializer.ElementValues : value.ChildOperations;
                bool reported = false;
                foreach (IOperation element in elements)
                {
                    if (!element.IsImplicit && EvalText(element) is { HasSource: true } carried)
                    {
                        _reporter!.Report(carried, StripConversions(element), sink, display, _engine.Facts);
                        reported = true;
                    }
                }

                if (reported)
                {
                    return;
                }
            }

            _reporter!.Report(taint, value, sink, display, _engine.Facts);
        }

        private Taint? ApplySummary(MethodSummary summary, Taint?[] argumentTaints, IInvocationOperation invocation, IMethodSymbol method)
        {
            string display = DisplayNames.TypeName(method.ContainingType) + "." + method.Name;
            Taint? result = summary.Fixed;
            if (result?.Hash != null || result?.HashDisplay != null)
            {
                result = result.WithHashAt(invocation, display);
            }

            for (int i = 0; i < argumentTaints.Length && i < 64; i++)
            {
                Taint? argument = argumentTaints[i];
                if (argument is null)
                {
                    continue;
                }

                if ((summary.Parameters & (1UL << i)) != 0)
                {
                    result = Taint.Union(result, argument);
                }

                if ((summary.HashedParameters & (1UL << i)) != 0)
                {
                    result = Taint.Union(result, argument.Hashed(invocation, display));
                }
            }

            return result;
        }

        /// <summary>A method group (<c>customers.Select(GetEmail)</c>) carries what the method returns, as a lambda would.</summary>
        private Taint? EvalMethodGroup(IMethodSymbol method)
        {
            if (_engine.Pii.GetPii(method) is PiiInfo info)
            {
                return Taint.Source(MemberDisplay(method), info, method);
            }

            if (Scanning || method.MethodKind == MethodKind.LocalFunction || _known.GetRole(method) != MethodRole.None)
            {
                return null;
            }

            // A method of a referenced assembly is followed through its summary (items.Select(Lib.Text.Quote)); without one, as before.
            MethodSummary? summary = IsInSource(method) ? Summary(method) : _engine.GetReferencedSummary(method);
            Taint? result = summary?.Fixed;
            if (summary != null && (summary.Parameters != 0 || summary.HashedParameters != 0) && _lambdaSeed is { } seed)
            {
                result = Taint.Union(result, seed);
            }

            return IsModelType(method.ReturnType) && result is not { IsMemberData: true } ? null : result;
        }

        private Taint? EvalLocalFunctionCall(IInvocationOperation invocation)
        {
            IMethodSymbol method = invocation.TargetMethod.OriginalDefinition;
            var argumentTaints = new Taint?[method.Parameters.Length];
            foreach (IArgumentOperation argument in invocation.Arguments)
            {
                Taint? taint = Eval(argument.Value);
                if (argument.Parameter is { } parameter && parameter.Ordinal < argumentTaints.Length)
                {
                    argumentTaints[parameter.Ordinal] = taint;
                }
            }

            if (_localFunctions is null && _root != null)
            {
                CollectLocalFunctions(_root);
            }

            if (_localFunctions is null || !_localFunctions.TryGetValue(method, out ILocalFunctionOperation? function))
            {
                return null;
            }

            _activeLocalFunctions ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            if (_activeLocalFunctions.Count > 3 || !_activeLocalFunctions.Add(method))
            {
                return null;
            }

            try
            {
                return VisitFunctionBody(function.Symbol.Parameters, function.Body ?? function.IgnoredBody, null, argumentTaints);
            }
            finally
            {
                _activeLocalFunctions.Remove(method);
            }
        }

        private Taint? EvalCreation(IObjectCreationOperation creation)
        {
            Taint? arguments = null;
            var argumentTaints = new Taint?[creation.Constructor?.Parameters.Length ?? 0];
            foreach (IArgumentOperation argument in creation.Arguments)
            {
                Taint? taint = Eval(argument.Value);
                arguments = Taint.Union(arguments, taint);
                if (argument.Parameter is { } parameter && parameter.Ordinal < argumentTaints.Length)
                {
                    argumentTaints[parameter.Ordinal] = Taint.Union(argumentTaints[parameter.Ordinal], taint);
                }
            }

            Taint? initializer = Eval(creation.Initializer);
            if (creation.Constructor is { } constructor)
            {
                Sink? sink = _known.GetMethodSink(constructor);
                if (sink != null)
                {
                    if (CheckingSinks)
                    {
                        CheckSinkArguments(constructor, creation.Arguments, sink, null);
                    }

                    return null;
                }

                // A constructor whose parameter reaches a sink in its body (in this compilation, or in a referenced assembly
                // through its summary): the argument is the leak, named "new Notifier -> ILogger.LogInformation".
                if (arguments != null && CheckingSinks && !Scanning)
                {
                    MethodSummary? summary = IsInSource(constructor) ? Summary(constructor) : _engine.GetReferencedSummary(constructor);
                    if (summary is { ParameterSinks.IsEmpty: false })
                    {
                        ReportParameterSinks(summary, creation.Arguments, argumentTaints, constructor, "new " + DisplayNames.TypeName(constructor.ContainingType));
                    }
                }
            }

            // User types are followed member by member (and by their text form); what their members were given is member data.
            if (IsModelType(creation.Type))
            {
                return Taint.Union(arguments, initializer)?.AsMemberData();
            }

            return Taint.Union(arguments, initializer);
        }
    }
}
