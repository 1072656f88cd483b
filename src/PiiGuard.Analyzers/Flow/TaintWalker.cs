using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PiiGuard.Analyzers.Core;
using PiiGuard.Analyzers.Flow.Catalog;

namespace PiiGuard.Analyzers.Flow
{
    /// <summary>
    /// One pass over a method body: an abstract interpretation over the operation tree that tracks, per local,
    /// parameter and assigned member, which personal datum the value carries. Branches are analysed on copies of the
    /// state and joined; loops are iterated to a fixed point (at most three rounds); a clean reassignment clears a local.
    /// Jumps follow the control-flow graph: break, continue, goto (also goto case and backward gotos), return, throw and
    /// yield break send the state to their target, and the code after them is unreachable, which a join ignores (see the
    /// statements section for the details, finally blocks and dead code).
    /// Sinks met on the way are reported through <see cref="LeakReporter"/>; in summary mode nothing is reported and
    /// the taint of the returned values is collected instead.
    /// </summary>
    internal sealed partial class TaintWalker
    {
        private readonly LeakEngine _engine;
        private readonly KnownSymbols _known;
        private readonly LeakReporter? _reporter;
        private readonly WalkMode _mode;
        private readonly int _depth;
        private readonly SummaryContext _context;

        /// <summary>Whether a summary this walk used was cut by the depth limit or recursion (then so is the walk's own summary).</summary>
        private bool _incomplete;
        private readonly CancellationToken _cancellationToken;
        private readonly Stack<Taint?> _conditionalInstances = new Stack<Taint?>();
        private FlowState _env = new FlowState();
        private Dictionary<IMethodSymbol, ILocalFunctionOperation>? _localFunctions;

        /// <summary>The body walked; its local functions are indexed on the first call to one (most bodies have none).</summary>
        private IOperation? _root;
        private HashSet<IMethodSymbol>? _activeLocalFunctions;
        private Taint? _returnTaint;
        private Taint? _lambdaSeed;

        /// <summary>The lambda about to be walked is an argument of a method of this compilation: its result includes what it fills.</summary>
        private bool _lambdaFills;
        private List<ParameterSink>? _parameterSinks;
        private Dictionary<ISymbol, Taint>? _memberAssignments;
        private Dictionary<ISymbol, ISymbol>? _writerTargets;

        /// <summary>Jumps waiting for their target (see the statements section); returns and throws are kept only where something needs them.</summary>
        private Exits? _exits;
        private bool _collectExits;
        private Dictionary<ILabelSymbol, FlowState>? _labelEntries;

        /// <summary>
        /// The write logs of the try bodies being walked, innermost last, each with whether its try catches every
        /// exception (then nothing written in its body escapes to the logs further out). See <see cref="Set"/>.
        /// </summary>
        private List<(FlowState Log, bool CatchesAll)>? _tryWrites;

        private TaintWalker(LeakEngine engine, WalkMode mode, LeakReporter? reporter, int depth, SummaryContext context, CancellationToken cancellationToken)
        {
            _engine = engine;
            _known = engine.Known;
            _mode = mode;
            _reporter = reporter;
            _depth = depth;
            _context = context;
            _cancellationToken = cancellationToken;
        }

        /// <summary>Analyses an operation block and reports the leaks in it.</summary>
        public static void Analyze(LeakEngine engine, IOperation block, LeakReporter reporter, CancellationToken cancellationToken)
        {
            var walker = new TaintWalker(engine, WalkMode.Report, reporter, 0, new SummaryContext(), cancellationToken);
            walker._root = block;
            walker.Visit(block);
        }

        /// <summary>Computes what a method's return value carries.</summary>
        public static MethodSummary Summarize(LeakEngine engine, IMethodSymbol method, IOperation body, int depth, SummaryContext context, CancellationToken cancellationToken)
        {
            var walker = new TaintWalker(engine, WalkMode.Summarize, null, depth, context, cancellationToken);
            walker._parameterSinks = new List<ParameterSink>();
            foreach (IParameterSymbol parameter in method.Parameters)
            {
                walker.Set(parameter, Taint.Union(walker.SourceOf(parameter), Taint.Parameter(parameter.Ordinal)));
            }

            walker._root = body;
            walker.Visit(body);
            Taint? result = walker._returnTaint;
            ImmutableArray<ParameterSink> sinks = walker._parameterSinks.Count == 0 ? ImmutableArray<ParameterSink>.Empty : walker._parameterSinks.ToImmutableArray();
            if (result is null && sinks.IsEmpty)
            {
                return walker._incomplete ? MethodSummary.Cut : MethodSummary.Empty;
            }

            return new MethodSummary(result?.WithoutParameters(), result?.Parameters ?? 0, result?.HashedParameters ?? 0, sinks, isComplete: !walker._incomplete);
        }

        /// <summary>
        /// Scans a method for the personal data it assigns to members of its own type, without reading fields or
        /// using summaries (see <see cref="LeakEngine.GetMemberTaint"/>).
        /// </summary>
        public static ImmutableDictionary<ISymbol, Taint> ScanMemberAssignments(LeakEngine engine, IMethodSymbol method, IOperation body, CancellationToken cancellationToken)
        {
            var walker = new TaintWalker(engine, WalkMode.ScanAssignments, null, LeakEngine.MaxSummaryDepth + 1, new SummaryContext(), cancellationToken);
            walker._memberAssignments = new Dictionary<ISymbol, Taint>(SymbolEqualityComparer.Default);
            walker._root = body;
            walker.Visit(body);
            return walker._memberAssignments.Count == 0 ? ImmutableDictionary<ISymbol, Taint>.Empty : walker._memberAssignments.ToImmutableDictionary(SymbolEqualityComparer.Default);
        }

        private bool Reporting => _mode == WalkMode.Report;

        /// <summary>In a member-assignment scan, fields are not read and summaries are not used.</summary>
        private bool Scanning => _mode == WalkMode.ScanAssignments;

        /// <summary>Whether sinks are checked: when reporting, or when a summary records the parameters that reach them.</summary>
        private bool CheckingSinks => _mode != WalkMode.ScanAssignments;

        // ---------------------------------------------------------------- helpers

        private Taint? SourceOf(IParameterSymbol parameter) => _engine.Pii.GetPii(parameter) is PiiInfo info ? Taint.Source(parameter.Name, info) : null;

        private static IOperation StripConversions(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }

        /// <summary>A call that stores its arguments in its receiver: returns nothing or the receiver itself (builders), or is named so.</summary>
        private static bool IsMutator(IMethodSymbol method, IOperation? instance) =>
            method.ReturnsVoid
            || (instance != null && SymbolEqualityComparer.Default.Equals(method.ReturnType, instance.Type))
            || method.Name.StartsWith("Add", System.StringComparison.Ordinal) || method.Name.StartsWith("Append", System.StringComparison.Ordinal)
            || method.Name.StartsWith("Insert", System.StringComparison.Ordinal) || method.Name.StartsWith("TryAdd", System.StringComparison.Ordinal)
            || method.Name is "Push" or "Enqueue" or "Write" or "WriteLine";

        private static bool IsNonCarrierMember(string name) => name is "Length" or "Count" or "LongLength" or "LongCount" or "Capacity" or "GetHashCode"
            or "IndexOf" or "IndexOfAny" or "LastIndexOf" or "LastIndexOfAny" or "CompareTo" or "Compare" or "GetType" or "GetLength" or "GetTypeCode" or "Rank";

        /// <summary>A type declared in this compilation (not anonymous, not a tuple): its members, not its constructor arguments, decide what it carries.</summary>
        private static bool IsModelType(ITypeSymbol? type) =>
            type is INamedTypeSymbol { IsAnonymousType: false, IsTupleType: false } named && named.DeclaringSyntaxReferences.Length > 0 && named.TypeKind is TypeKind.Class or TypeKind.Struct;

        /// <summary>The result type of an awaitable Task&lt;T&gt; or ValueTask&lt;T&gt;; any other type itself.</summary>
        private static ITypeSymbol? Awaited(ITypeSymbol? type) =>
            type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1, Name: "Task" or "ValueTask" } task
                && IsNamespace(task.ContainingNamespace, "Tasks", "Threading") ? task.TypeArguments[0] : type;

        /// <summary>
        /// The objects a result holds: the result of a task, the elements of an array or of a generic collection
        /// (System.Collections.Generic, System.Linq), or the type itself.
        /// </summary>
        private static ITypeSymbol? ModelOf(ITypeSymbol? type)
        {
            type = Awaited(type);
            if (type is IArrayTypeSymbol array)
            {
                return array.ElementType;
            }

            if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } collection && (IsNamespace(collection.ContainingNamespace, "Generic", "Collections") || IsNamespace(collection.ContainingNamespace, "Linq", null)))
            {
                return collection.TypeArguments[0];
            }

            return type;
        }

        /// <summary>
        /// Whether a namespace is System.<paramref name="parent"/>.<paramref name="name"/> (or System.<paramref name="name"/>
        /// when <paramref name="parent"/> is null), without building its display string: this is asked per call.
        /// </summary>
        private static bool IsNamespace(INamespaceSymbol? ns, string name, string? parent)
        {
            if (ns is null || ns.Name != name)
            {
                return false;
            }

            ns = ns.ContainingNamespace;
            if (parent != null)
            {
                if (ns is null || ns.Name != parent)
                {
                    return false;
                }

                ns = ns.ContainingNamespace;
            }

            return ns is { Name: "System" } && ns.ContainingNamespace is { IsGlobalNamespace: true };
        }

        private bool IsInSource(IMethodSymbol method) => method.DeclaringSyntaxReferences.Length > 0 && !method.IsAbstract;

        private static string MemberDisplay(ISymbol member) => member switch
        {
            IMethodSymbol method => DisplayNames.TypeName(method.ContainingType) + "." + method.Name + "()",
            _ => member.ContainingType is { } type ? DisplayNames.TypeName(type) + "." + member.Name : member.Name,
        };

        private static string TypeDisplay(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);

        private void CollectLocalFunctions(IOperation root)
        {
            _localFunctions = new Dictionary<IMethodSymbol, ILocalFunctionOperation>(SymbolEqualityComparer.Default);
            foreach (IOperation operation in root.Descendants())
            {
                if (operation is ILocalFunctionOperation function)
                {
                    _localFunctions[function.Symbol] = function;
                }
            }
        }

        private FlowState Snapshot() => new FlowState(_env);

        /// <summary>
        /// Sets what a variable or member holds, and records the value in the write log of every enclosing try body:
        /// an exception can leave the body after any statement, so its catch and finally see every value written.
        /// </summary>
        private void Set(object key, Taint? value)
        {
            _env[key] = value;
            LogWrite(key, value);
        }

        private void LogWrite(object key, Taint? value)
        {
            for (int i = (_tryWrites?.Count ?? 0) - 1; i >= 0; i--)
            {
                (FlowState log, bool catchesAll) = _tryWrites![i];
                log.TryGetValue(key, out Taint? previous);
                log[key] = Taint.Union(previous, value);
                if (catchesAll)
                {
                    break;
                }
            }
        }
    }
}
