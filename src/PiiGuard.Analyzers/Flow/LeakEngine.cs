using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PiiGuard.Analyzers.Core;

namespace PiiGuard.Analyzers.Flow
{
    /// <summary>
    /// The per-compilation state of the leak analysis: well-known symbols, type facts and the cache of method
    /// summaries ("which personal data, and which parameters, does this method's return value carry").
    /// </summary>
    internal sealed class LeakEngine
    {
        /// <summary>How deep summaries of callees of callees are computed.</summary>
        public const int MaxSummaryDepth = 8;

        private readonly ConcurrentDictionary<ISymbol, Taint?> _memberTaints = SymbolCache.Create<ISymbol, Taint?>();
        private readonly ConcurrentDictionary<IMethodSymbol, ImmutableDictionary<ISymbol, Taint>> _assignments = SymbolCache.Create<IMethodSymbol, ImmutableDictionary<ISymbol, Taint>>();
        private readonly ConcurrentDictionary<IMethodSymbol, MethodSummary?> _summaries = SymbolCache.Create<IMethodSymbol, MethodSummary?>();
        private readonly ConcurrentDictionary<IMethodSymbol, bool> _mayReadPersonalData = SymbolCache.Create<IMethodSymbol, bool>();
        private readonly ConcurrentDictionary<IEventSymbol, ImmutableArray<EventHandlerRef>> _eventHandlers = SymbolCache.Create<IEventSymbol, ImmutableArray<EventHandlerRef>>();
        private Dictionary<string, List<AssignmentExpressionSyntax>>? _subscriptions;

        private int _boundBodies;

        /// <summary>How many bodies the engine has bound for summaries and member scans (for tests and the benchmark).</summary>
        public int BoundBodies => Volatile.Read(ref _boundBodies);

        /// <summary>How many handlers of one event are followed.</summary>
        public const int MaxHandlers = 16;

        public LeakEngine(KnownSymbols known)
        {
            Known = known;
            Facts = new TypeFacts(known.Pii);
        }

        public KnownSymbols Known { get; }

        public TypeFacts Facts { get; }

        public PiiSymbols Pii => Known.Pii;

        /// <summary>
        /// A summary from syntax alone, asked before a method's body is bound; null: walk the body. The summary generator
        /// sets its filter (<see cref="Generator.SummaryFilter"/>); the flow analyzer's engines set
        /// <see cref="EffectFilter.EmptySummary"/> when their effect names are computed (<see cref="Effects"/>).
        /// </summary>
        public System.Func<IMethodSymbol, CancellationToken, MethodSummary?>? Shortcut { get; set; }

        public Compilation Compilation => Known.Compilation;

        private EffectFilter? _effects;
        private readonly object _effectsGate = new object();

        /// <summary>
        /// The flow analyzer's prefilter, once <see cref="Effects"/> has been asked with it: which bodies can read personal
        /// data at all (<see cref="BodyPrefilter.MayLeak"/>). Null in the summary generator's engines.
        /// </summary>
        private volatile BodyPrefilter? _sources;

        /// <summary>
        /// The names through which a body can reach an effect under this engine's configuration (see
        /// <see cref="Generator.SummaryFilter.EffectNames"/>), computed once.
        /// </summary>
        public EffectFilter Effects(BodyPrefilter index, CancellationToken cancellationToken)
        {
            EffectFilter? effects = Volatile.Read(ref _effects);
            if (effects != null)
            {
                return effects;
            }

            lock (_effectsGate)
            {
                if (_effects == null)
                {
                    (HashSet<string> names, bool indexerSinks) = Generator.SummaryFilter.EffectNames(Compilation, Known, index, annotatedData: false, cancellationToken);
                    var filter = new EffectFilter(names, indexerSinks);
                    _sources = index;
                    Shortcut ??= (method, token) => filter.EmptySummary(method, token) ?? QuietSummary(method, token);
                    Volatile.Write(ref _effects, filter);
                }

                return _effects!;
            }
        }

        /// <summary>
        /// The summary of a method declared in this compilation, or null when it has no body here (then callers assume
        /// that the result carries what the arguments carry).
        /// </summary>
        /// <remarks>
        /// Only complete summaries are shared across the compilation: one computed without meeting the depth limit or a
        /// method already on the call chain (recursion). A summary that met either depends on the chain it was reached
        /// through, so sharing it would make the answers depend on which method the driver happened to analyse first;
        /// it is kept for the rest of the one analysis that computed it (<see cref="SummaryContext"/>) and then dropped.
        /// </remarks>
        public MethodSummary? GetSummary(IMethodSymbol method, int depth, SummaryContext context, CancellationToken cancellationToken) =>
            GetSummary(method, null, depth, context, cancellationToken);

        /// <summary>The summary of an event handler: a method of this compilation, or a lambda with the body it was subscribed with.</summary>
        public MethodSummary? GetSummary(EventHandlerRef handler, int depth, SummaryContext context, CancellationToken cancellationToken) =>
            GetSummary(handler.Method, handler.LambdaBody, depth, context, cancellationToken);

        private MethodSummary? GetSummary(IMethodSymbol method, IOperation? knownBody, int depth, SummaryContext context, CancellationToken cancellationToken)
        {
            method = method.PartialImplementationPart ?? method.OriginalDefinition;
            if (_summaries.TryGetValue(method, out MethodSummary? cached) || context.Incomplete.TryGetValue(method, out cached))
            {
                return cached;
            }

            if (knownBody is null && Shortcut?.Invoke(method, cancellationToken) is { } quick)
            {
                _summaries.TryAdd(method, quick);
                return quick;
            }

            if (depth > MaxSummaryDepth || !context.InProgress.Add(method))
            {
                return MethodSummary.Cut;
            }

            try
            {
                IOperation? body = knownBody ?? GetBody(method, cancellationToken);
                MethodSummary? summary = body is null ? null : TaintWalker.Summarize(this, method, body, depth, context, cancellationToken);
                if (summary is { IsComplete: false })
                {
                    context.Incomplete[method] = summary;
                }
                else
                {
                    _summaries.TryAdd(method, summary);
                }

                return summary;
            }
            finally
            {
                context.InProgress.Remove(method);
            }
        }

        /// <summary>
        /// The summary of a method that has no body in this compilation, read from the summaries its containing assembly
        /// carries (<see cref="ReferencedSummaries"/>, docs/summaries.md); null when that assembly recorded none for it (then
        /// callers assume, as before, that the result carries what the arguments carry).
        /// </summary>
        public MethodSummary? GetReferencedSummary(IMethodSymbol method)
        {
            method = (method.ReducedFrom ?? method).OriginalDefinition;
            if (method.MethodKind is not (MethodKind.Ordinary or MethodKind.Constructor or MethodKind.PropertyGet or MethodKind.PropertySet) || method.IsAbstract || method.ContainingAssembly is not { } assembly
                || SymbolEqualityComparer.Default.Equals(assembly, Compilation.Assembly))
            {
                return null;
            }

            return ReferencedSummaries.Of(assembly).Find(method);
        }

        /// <summary>
        /// The handlers subscribed in this compilation to an event declared in it (<c>SignedUp += OnSignedUp</c>,
        /// <c>SignedUp += (s, e) =&gt; …</c>): raising the event calls each of them with the raise's arguments. Found by a
        /// syntactic index of the <c>+=</c> assignments by the name they assign (built once, on the first raise that passes
        /// something), then bound to confirm the event. At most <see cref="MaxHandlers"/> per event.
        /// </summary>
        public ImmutableArray<EventHandlerRef> GetEventHandlers(IEventSymbol @event, CancellationToken cancellationToken)
        {
            @event = @event.OriginalDefinition;
            if (@event.DeclaringSyntaxReferences.Length == 0)
            {
                return ImmutableArray<EventHandlerRef>.Empty;
            }

            if (_eventHandlers.TryGetValue(@event, out ImmutableArray<EventHandlerRef> cached))
            {
                return cached;
            }

            ImmutableArray<EventHandlerRef>.Builder handlers = ImmutableArray.CreateBuilder<EventHandlerRef>();
            if (Subscriptions(cancellationToken).TryGetValue(@event.Name, out List<AssignmentExpressionSyntax>? candidates))
            {
                foreach (AssignmentExpressionSyntax candidate in candidates)
                {
#pragma warning disable RS1030 // The handlers of an event are subscribed anywhere in the compilation.
                    SemanticModel model = Compilation.GetSemanticModel(candidate.SyntaxTree);
#pragma warning restore RS1030
                    if (handlers.Count >= MaxHandlers
                        || model.GetOperation(candidate, cancellationToken) is not IEventAssignmentOperation { Adds: true, EventReference: IEventReferenceOperation reference } assignment
                        || !SymbolEqualityComparer.Default.Equals(reference.Event.OriginalDefinition, @event))
                    {
                        continue;
                    }

                    IOperation handler = assignment.HandlerValue;
                    while (handler is IConversionOperation conversion)
                    {
                        handler = conversion.Operand;
                    }

                    switch (handler)
                    {
                        case IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }:
                            handlers.Add(new EventHandlerRef(lambda.Symbol, lambda.Body));
                            break;
                        case IDelegateCreationOperation { Target: IMethodReferenceOperation { Method: { } method } } when method.DeclaringSyntaxReferences.Length > 0 && !method.IsAbstract:
                            handlers.Add(new EventHandlerRef(method, null));
                            break;
                    }
                }
            }

            ImmutableArray<EventHandlerRef> result = handlers.ToImmutable();
            _eventHandlers.TryAdd(@event, result);
            return result;
        }

        /// <summary>Every <c>x += …</c> of the compilation by the name it assigns (read from the prefilter's per-tree index), built once.</summary>
        private Dictionary<string, List<AssignmentExpressionSyntax>> Subscriptions(CancellationToken cancellationToken)
        {
            Dictionary<string, List<AssignmentExpressionSyntax>>? index = Volatile.Read(ref _subscriptions);
            if (index != null)
            {
                return index;
            }

            index = new Dictionary<string, List<AssignmentExpressionSyntax>>(System.StringComparer.Ordinal);
            foreach (SyntaxTree tree in Compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (AssignmentExpressionSyntax assignment in BodyPrefilter.AddAssignments(tree))
                {
                    string? name = assignment.Left switch
                    {
                        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
                        _ => null,
                    };
                    if (name is null)
                    {
                        continue;
                    }

                    if (!index.TryGetValue(name, out List<AssignmentExpressionSyntax>? list))
                    {
                        index[name] = list = new List<AssignmentExpressionSyntax>();
                    }

                    list.Add(assignment);
                }
            }

            return Interlocked.CompareExchange(ref _subscriptions, index, null) ?? index;
        }

        /// <summary>
        /// What a private field or property of a type of this compilation is given by the methods of its type
        /// (<c>_email = email</c> in a constructor): the union of the personal data assigned to it. Computed by a scan that
        /// neither reads fields nor uses summaries, so that it is deterministic and cannot recurse.
        /// </summary>
        public Taint? GetMemberTaint(ISymbol member, CancellationToken cancellationToken)
        {
            member = member.OriginalDefinition;
            if (member.DeclaredAccessibility != Accessibility.Private || member.IsImplicitlyDeclared || member.DeclaringSyntaxReferences.Length == 0
                || member is IFieldSymbol { IsConst: true } || member.ContainingType is null)
            {
                return null;
            }

            if (_memberTaints.TryGetValue(member, out Taint? cached))
            {
                return cached;
            }

            Taint? result = null;
            foreach (ISymbol candidate in member.ContainingType.GetMembers())
            {
                if (candidate is IMethodSymbol method && !method.IsImplicitlyDeclared && MayAssign(method, member.Name, cancellationToken)
                    && MayReadPersonalData(method, cancellationToken))
                {
                    if (GetAssignments(method, cancellationToken).TryGetValue(member, out Taint? assigned))
                    {
                        result = Taint.Union(result, assigned);
                    }
                }
            }

            _memberTaints.TryAdd(member, result);
            return result;
        }

        /// <summary>
        /// Whether a method's syntax assigns something named <paramref name="name"/> (<c>_email = …</c>, <c>this._email ??= …</c>,
        /// a deconstruction, an out or ref argument): a cheap filter, so that only those methods are bound and scanned
        /// for member assignments. The names come from the prefilter's cached tree index (issue 18: a walk per method and
        /// a shared cache of its names were a tenth of the flow analyzer's lock waits).
        /// </summary>
        private static bool MayAssign(IMethodSymbol method, string name, CancellationToken cancellationToken)
        {
            method = method.PartialImplementationPart ?? method.OriginalDefinition;
            foreach (SyntaxReference reference in method.DeclaringSyntaxReferences)
            {
                if (BodyPrefilter.MayAssign(reference.GetSyntax(cancellationToken), name))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether a method's body can see personal data other than through its parameters (<see cref="BodyPrefilter.MayLeak"/>:
        /// it mentions a personal member, a source, a type or member that leads to one, has a personal parameter, or is an
        /// instance method of a type that holds personal members). A scan of a method that cannot finds no personal data to
        /// assign, so it is not bound (issue 18: a constructor that only stores a logger and a client was bound for every
        /// read of those fields). True when the engine has no prefilter (the summary generator's) or the method has no
        /// declaration to look at.
        /// </summary>
        public bool MayReadPersonalData(IMethodSymbol method, CancellationToken cancellationToken)
        {
            BodyPrefilter? sources = _sources;
            if (sources is null)
            {
                return true;
            }

            // Asked at every call that hands a callee nothing personal: once per method (a large body's mentions are many).
            method = method.PartialImplementationPart ?? method.OriginalDefinition;
            if (_mayReadPersonalData.TryGetValue(method, out bool known))
            {
                return known;
            }

            bool may = method.DeclaringSyntaxReferences.Length == 0;
            foreach (SyntaxReference reference in method.DeclaringSyntaxReferences)
            {
                if (sources.MayLeak(method, reference.GetSyntax(cancellationToken), cancellationToken))
                {
                    may = true;
                    break;
                }
            }

            _mayReadPersonalData.TryAdd(method, may);
            return may;
        }

        /// <summary>
        /// The summary of a callee whose body cannot see personal data (<see cref="BodyPrefilter.MayLeak"/> is false) and does not
        /// mention any of its parameters: nothing can flow into its result or into a sink inside it, so the walk would give
        /// <see cref="MethodSummary.Empty"/>, and its body is not bound (issue 18: callees bound only for their summaries were
        /// a third of the flow analyzer's thread time in a trace of csc, although mostly binding the driver's cached model does
        /// anyway when the SDK's analyzers run, docs/benchmarks.md; <c>order.Summary()</c> that formats an order's id and
        /// total is one). Null for any other method: walk it.
        /// </summary>
        private MethodSummary? QuietSummary(IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (method.MethodKind is not (MethodKind.Ordinary or MethodKind.PropertyGet) || method.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            SyntaxNode? body = Generator.SummaryFilter.BodyOf(method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken));
            if (body is null || MayReadPersonalData(method, cancellationToken))
            {
                return null;
            }

            if (!method.Parameters.IsEmpty)
            {
                foreach (SyntaxToken token in body.DescendantTokens())
                {
                    if (token.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.IdentifierToken))
                    {
                        foreach (IParameterSymbol parameter in method.Parameters)
                        {
                            if (parameter.Name == token.ValueText)
                            {
                                return null;
                            }
                        }
                    }
                }
            }

            return MethodSummary.Empty;
        }

        private ImmutableDictionary<ISymbol, Taint> GetAssignments(IMethodSymbol method, CancellationToken cancellationToken)
        {
            method = method.PartialImplementationPart ?? method.OriginalDefinition;
            if (_assignments.TryGetValue(method, out ImmutableDictionary<ISymbol, Taint>? cached))
            {
                return cached;
            }

            IOperation? body = GetBody(method, cancellationToken);
            ImmutableDictionary<ISymbol, Taint> result = body is null
                ? ImmutableDictionary<ISymbol, Taint>.Empty
                : TaintWalker.ScanMemberAssignments(this, method, body, cancellationToken);
            _assignments.TryAdd(method, result);
            return result;
        }

        private IOperation? GetBody(IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (method.IsAbstract || method.IsExtern || method.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            SyntaxNode node = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            if (!Compilation.ContainsSyntaxTree(node.SyntaxTree))
            {
                return null;
            }

            Interlocked.Increment(ref _boundBodies);
#pragma warning disable RS1030 // Interprocedural summaries read the bodies of callees, which may be in other trees of the same compilation.
            SemanticModel model = Compilation.GetSemanticModel(node.SyntaxTree);
#pragma warning restore RS1030
            return model.GetOperation(node, cancellationToken);
        }
    }

    /// <summary>What a method's return value carries: fixed personal data, and the parameters that flow into it.</summary>
    internal sealed class MethodSummary
    {
        public static readonly MethodSummary Empty = new MethodSummary(null, 0, 0, ImmutableArray<ParameterSink>.Empty, isComplete: true);

        /// <summary>What a caller assumes of a method beyond the depth limit or already on the call chain: nothing, provisionally.</summary>
        public static readonly MethodSummary Cut = new MethodSummary(null, 0, 0, ImmutableArray<ParameterSink>.Empty, isComplete: false);

        public MethodSummary(Taint? fixedTaint, ulong parameters, ulong hashedParameters, ImmutableArray<ParameterSink> parameterSinks, bool isComplete)
        {
            Fixed = fixedTaint;
            Parameters = parameters;
            HashedParameters = hashedParameters;
            ParameterSinks = parameterSinks;
            IsComplete = isComplete;
        }

        /// <summary>Whether the summary met neither the depth limit nor recursion anywhere below it (then it is the same however it was reached).</summary>
        public bool IsComplete { get; }

        /// <summary>Parameters that reach a sink inside the method (a logging helper): the caller's argument is reported.</summary>
        public ImmutableArray<ParameterSink> ParameterSinks { get; }

        /// <summary>Personal data the return value carries whatever the arguments.</summary>
        public Taint? Fixed { get; }

        /// <summary>Bit i: parameter i flows to the return value.</summary>
        public ulong Parameters { get; }

        /// <summary>Bit i: parameter i flows to the return value through an unkeyed hash.</summary>
        public ulong HashedParameters { get; }
    }
}

namespace PiiGuard.Analyzers.Flow
{
    /// <summary>
    /// One analysis's view of the summaries: the methods on the current call chain, and the summaries it computed that
    /// are not complete (kept so that a callee reached along several paths is walked once per analysis).
    /// </summary>
    internal sealed class SummaryContext
    {
        public HashSet<IMethodSymbol> InProgress { get; } = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);

        public Dictionary<IMethodSymbol, MethodSummary?> Incomplete { get; } = new Dictionary<IMethodSymbol, MethodSummary?>(SymbolEqualityComparer.Default);
    }

    /// <summary>A handler of an event: a method, or a lambda with its body (a lambda has no declaration of its own to bind).</summary>
    internal readonly struct EventHandlerRef
    {
        public EventHandlerRef(IMethodSymbol method, IOperation? lambdaBody)
        {
            Method = method;
            LambdaBody = lambdaBody;
        }

        public IMethodSymbol Method { get; }

        /// <summary>The body of a lambda handler; null for a method.</summary>
        public IOperation? LambdaBody { get; }

        public bool IsLambda => LambdaBody != null;
    }

    /// <summary>A parameter of a summarised method that reaches a sink in its body.</summary>
    internal readonly struct ParameterSink
    {
        public ParameterSink(int ordinal, Sink sink, string display)
        {
            Ordinal = ordinal;
            Sink = sink;
            Display = display;
        }

        public int Ordinal { get; }

        public Sink Sink { get; }

        /// <summary>"ILogger.LogInformation" (the sink inside the method).</summary>
        public string Display { get; }
    }

    /// <summary>The names through which a body can reach an effect, and whether an element assignment can (an indexer sink).</summary>
    internal sealed class EffectFilter
    {
        public EffectFilter(HashSet<string> names, bool indexerSinks)
        {
            Names = names;
            IndexerSinks = indexerSinks;
        }

        public HashSet<string> Names { get; }

        public bool IndexerSinks { get; }

        /// <summary>
        /// Whether the body <paramref name="block"/> (of a member declaration) can reach an effect, from its syntax: it has a
        /// shape through which a value leaves (<see cref="BodyPrefilter.HasSinkShape"/>) and mentions a name that leads to an
        /// effect, or assigns an element where an indexer is a sink.
        /// </summary>
        public bool MayReach(SyntaxNode block)
        {
            (bool sinkShape, bool mentions) = BodyPrefilter.WaysOut(block, Names);
            return sinkShape && (mentions || (IndexerSinks && Generator.SummaryFilter.AssignsAnElement(block)));
        }

        /// <summary>
        /// The summary of a callee whose body need not be bound (issue 18: binding callee bodies a second time, for their
        /// summaries, was a third of the walk): a method declared in one place that returns nothing that can carry personal
        /// data (void or bool, <see cref="PiiSymbols.IsCarrierlessType"/>) and cannot reach an effect (<see cref="MayReach"/>). Its caller uses such a
        /// summary only for the parameters that reach a sink inside it, and there are none: the walk would give
        /// <see cref="MethodSummary.Empty"/> too. Null for any other method: walk it.
        /// </summary>
        public MethodSummary? EmptySummary(IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (method.MethodKind != MethodKind.Ordinary || method.DeclaringSyntaxReferences.Length != 1
                || !(method.ReturnsVoid || PiiSymbols.IsCarrierlessType(method.ReturnType)))
            {
                return null;
            }

            SyntaxNode declaration = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            return declaration is MethodDeclarationSyntax && !MayReach(declaration) ? MethodSummary.Empty : null;
        }
    }
}
