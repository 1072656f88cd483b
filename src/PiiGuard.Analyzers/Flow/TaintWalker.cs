using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PiiGuard.Analyzers.Core;

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
    internal sealed class TaintWalker
    {
        private static readonly Sink ConsoleOutSink = new Sink(SinkRule.Log, "Console.Out");

        private readonly LeakEngine _engine;
        private readonly KnownSymbols _known;
        private readonly LeakReporter? _reporter;
        private readonly int _depth;
        private readonly SummaryContext _context;

        /// <summary>Whether a summary this walk used was cut by the depth limit or recursion (then so is the walk's own summary).</summary>
        private bool _incomplete;
        private readonly CancellationToken _cancellationToken;
        private readonly Stack<Taint?> _conditionalInstances = new Stack<Taint?>();
        private State _env = new State();
        private Dictionary<IMethodSymbol, ILocalFunctionOperation>? _localFunctions;

        /// <summary>The body walked; its local functions are indexed on the first call to one (most bodies have none).</summary>
        private IOperation? _root;
        private HashSet<IMethodSymbol>? _activeLocalFunctions;
        private Taint? _returnTaint;
        private Taint? _lambdaSeed;
        private List<ParameterSink>? _parameterSinks;
        private Dictionary<ISymbol, Taint>? _memberAssignments;
        private Dictionary<ISymbol, ISymbol>? _writerTargets;

        /// <summary>Jumps waiting for their target (see the statements section); returns and throws are kept only where something needs them.</summary>
        private Exits? _exits;
        private bool _collectExits;
        private Dictionary<ILabelSymbol, State>? _labelEntries;

        /// <summary>
        /// The write logs of the try bodies being walked, innermost last, each with whether its try catches every
        /// exception (then nothing written in its body escapes to the logs further out). See <see cref="Set"/>.
        /// </summary>
        private List<(State Log, bool CatchesAll)>? _tryWrites;

        private TaintWalker(LeakEngine engine, LeakReporter? reporter, int depth, SummaryContext context, CancellationToken cancellationToken)
        {
            _engine = engine;
            _known = engine.Known;
            _reporter = reporter;
            _depth = depth;
            _context = context;
            _cancellationToken = cancellationToken;
        }

        /// <summary>Analyses an operation block and reports the leaks in it.</summary>
        public static void Analyze(LeakEngine engine, IOperation block, LeakReporter reporter, CancellationToken cancellationToken)
        {
            var walker = new TaintWalker(engine, reporter, 0, new SummaryContext(), cancellationToken);
            walker._root = block;
            walker.Visit(block);
        }

        /// <summary>Computes what a method's return value carries.</summary>
        public static MethodSummary Summarize(LeakEngine engine, IMethodSymbol method, IOperation body, int depth, SummaryContext context, CancellationToken cancellationToken)
        {
            var walker = new TaintWalker(engine, null, depth, context, cancellationToken);
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
            var walker = new TaintWalker(engine, null, LeakEngine.MaxSummaryDepth + 1, new SummaryContext(), cancellationToken);
            walker._memberAssignments = new Dictionary<ISymbol, Taint>(SymbolEqualityComparer.Default);
            walker._root = body;
            walker.Visit(body);
            return walker._memberAssignments.Count == 0 ? ImmutableDictionary<ISymbol, Taint>.Empty : walker._memberAssignments.ToImmutableDictionary(SymbolEqualityComparer.Default);
        }

        private bool Reporting => _reporter != null;

        /// <summary>In a member-assignment scan, fields are not read and summaries are not used.</summary>
        private bool Scanning => _memberAssignments != null;

        /// <summary>Whether sinks are checked: when reporting, or when a summary records the parameters that reach them.</summary>
        private bool CheckingSinks => _reporter != null || _parameterSinks != null;

        // ---------------------------------------------------------------- statements
        //
        // Jumps: a control-flow graph over the structured tree ("CFG-lite"), which gives the graph's answers for structured
        // code and goto. After return, throw, break, continue, goto and yield break the state is unreachable: it keeps
        // the values it had before the jump, so the code that follows in the block (dead code, which the compiler flags
        // with CS0162) is still walked and its leaks reported as before, but a join ignores it (an unreachable state is
        // Merge's identity). The state at the jump goes to the jump's target: break to the exit of its loop or switch,
        // continue to the loop's bottom and so into the next round of its fixed point, goto to its label (goto case and
        // goto default to their switch section), and return, throw and yield break out of the function, through the
        // finally blocks on the way. A goto back to a label of the enclosing block walks the block again from that label
        // until nothing new arrives (at most two more times, like the rounds of a loop). A catch is entered from any point
        // of its try body: the join of the state before the body, at its end and at each jump out of it. A finally block
        // is walked for the normal path and, when they bring more, once more for the jumps out of the try and the
        // exceptions from anywhere in it (the states before the body and at the end of the body and of each catch)
        // joined; that result goes on to the jumps' targets. Returns in lambdas and local functions end their own body,
        // not the enclosing method's state.

        private void Visit(IOperation? operation)
        {
            if (operation is null)
            {
                return;
            }

            _cancellationToken.ThrowIfCancellationRequested();
            switch (operation)
            {
                case IBlockOperation block:
                    VisitStatements(block.Operations);
                    break;

                case IMethodBodyBaseOperation body:
                    foreach (IOperation child in body.ChildOperations)
                    {
                        Visit(child);
                    }

                    break;

                case IVariableDeclarationGroupOperation group:
                    foreach (IVariableDeclarationOperation declaration in group.Declarations)
                    {
                        VisitDeclaration(declaration);
                    }

                    break;

                case IVariableDeclarationOperation declaration:
                    VisitDeclaration(declaration);
                    break;

                case IUsingDeclarationOperation usingDeclaration:
                    Visit(usingDeclaration.DeclarationGroup);
                    break;

                case IExpressionStatementOperation expression:
                    Eval(expression.Operation);
                    if (expression.Operation is IThrowOperation)
                    {
                        Jump(JumpKind.Throw, null);
                    }

                    break;

                case IThrowOperation thrown:
                    Eval(thrown);
                    Jump(JumpKind.Throw, null);
                    break;

                case IConditionalOperation conditional when conditional.Type is null:
                    {
                        Eval(conditional.Condition);
                        State before = Snapshot();
                        Visit(conditional.WhenTrue);
                        State afterTrue = _env;
                        _env = before;
                        Visit(conditional.WhenFalse);
                        _env = Merge(afterTrue, _env);
                        break;
                    }

                case ILoopOperation loop:
                    VisitLoop(loop);
                    break;

                case ISwitchOperation @switch:
                    VisitSwitch(@switch);
                    break;

                case ITryOperation @try:
                    VisitTry(@try);
                    break;

                case IReturnOperation @return:
                    _returnTaint = Taint.Union(_returnTaint, Eval(@return.ReturnedValue));
                    if (@return.Kind != OperationKind.YieldReturn)
                    {
                        // A function's last statement needs no copy of the state: its body's end state keeps the values.
                        if (IsLastStatementOfFunction(@return))
                        {
                            _env.Unreachable = true;
                        }
                        else
                        {
                            Jump(JumpKind.Return, null);
                        }
                    }

                    break;

                case IBranchOperation branch:
                    Jump(JumpKind.Label, branch.Target);
                    break;

                case IUsingOperation @using:
                    Visit(@using.Resources);
                    Visit(@using.Body);
                    break;

                case ILockOperation @lock:
                    Eval(@lock.LockedValue);
                    Visit(@lock.Body);
                    break;

                case ILabeledOperation labeled:
                    EnterLabel(labeled.Label);
                    Visit(labeled.Operation);
                    break;

                case ILocalFunctionOperation localFunction:
                    VisitFunctionBody(localFunction.Symbol.Parameters, localFunction.Body ?? localFunction.IgnoredBody, null, seedFromArguments: null);
                    break;

                case IEmptyOperation:
                    break;

                default:
                    Eval(operation);
                    break;
            }
        }

        /// <summary>The statements of a block or switch section; a goto back to one of their labels walks them again from it.</summary>
        private void VisitStatements(ImmutableArray<IOperation> statements)
        {
            List<int>? labeled = null;
            for (int i = 0; i < statements.Length; i++)
            {
                if (statements[i] is ILabeledOperation)
                {
                    (labeled ??= new List<int>()).Add(i);
                }

                Visit(statements[i]);
            }

            if (labeled is null)
            {
                return;
            }

            for (int round = 0; ; round++)
            {
                // The first label that a later goto brought something new to; the jumps that bring nothing new are dropped.
                int from = -1;
                foreach (int index in labeled)
                {
                    for (IOperation? statement = statements[index]; statement is ILabeledOperation label && from < 0; statement = label.Operation)
                    {
                        if (_exits?.Labels is { } pending && pending.TryGetValue(label.Label, out State? arrived))
                        {
                            if (round < 2 && !(_labelEntries is { } entries && entries.TryGetValue(label.Label, out State? entry) && Covers(entry, arrived)))
                            {
                                from = index;
                            }
                            else
                            {
                                pending.Remove(label.Label);
                            }
                        }
                    }

                    if (from >= 0)
                    {
                        break;
                    }
                }

                if (from < 0)
                {
                    return;
                }

                // Walk again from that label: EnterLabel joins what arrived with the label's earlier entry state.
                State end = _env;
                _env = new State { Unreachable = true };
                for (int i = from; i < statements.Length; i++)
                {
                    Visit(statements[i]);
                }

                _env = Merge(end, _env);
            }
        }

        /// <summary>The state at a label: what falls through to it, what the gotos to it brought, and what reached it in an earlier walk.</summary>
        private void EnterLabel(ILabelSymbol label)
        {
            if (TakeJumps(label) is { } arrived)
            {
                _env = Merge(_env, arrived);
            }

            _labelEntries ??= new Dictionary<ILabelSymbol, State>(SymbolEqualityComparer.Default);
            if (_labelEntries.TryGetValue(label, out State? earlier))
            {
                _env = Merge(_env, earlier);
            }

            _labelEntries[label] = Snapshot();
        }

        /// <summary>A return that ends the top block of a lambda, local function or method (an expression body's return).</summary>
        private static bool IsLastStatementOfFunction(IReturnOperation @return) =>
            @return.Parent is IBlockOperation { Parent: IAnonymousFunctionOperation or ILocalFunctionOperation or IMethodBodyBaseOperation } block
            && ReferenceEquals(block.Operations[block.Operations.Length - 1], @return);

        /// <summary>Sends the state to the jump's target; the code that follows is unreachable.</summary>
        private void Jump(JumpKind kind, ILabelSymbol? target)
        {
            if (_env.Unreachable)
            {
                return;
            }

            if (kind == JumpKind.Label || _collectExits)
            {
                AddJump(kind, target, _env);
            }

            _env.Unreachable = true;
        }

        /// <summary>Joins a (reachable) state to the states pending at a jump target; the state is copied.</summary>
        private void AddJump(JumpKind kind, ILabelSymbol? target, State state)
        {
            Exits exits = _exits ??= new Exits();
            switch (kind)
            {
                case JumpKind.Label when target != null:
                    exits.Labels ??= new Dictionary<ILabelSymbol, State>(SymbolEqualityComparer.Default);
                    exits.Labels[target] = exits.Labels.TryGetValue(target, out State? pending) ? Merge(pending, state) : new State(state);
                    break;
                case JumpKind.Return:
                    exits.Returned = exits.Returned is null ? new State(state) : Merge(exits.Returned, state);
                    break;
                case JumpKind.Throw:
                    exits.Thrown = exits.Thrown is null ? new State(state) : Merge(exits.Thrown, state);
                    break;
            }
        }

        /// <summary>Removes and returns the join of the states that jumped to a label so far.</summary>
        private State? TakeJumps(ILabelSymbol? label)
        {
            if (label != null && _exits?.Labels is { } labels && labels.TryGetValue(label, out State? state))
            {
                labels.Remove(label);
                return state;
            }

            return null;
        }

        private void VisitDeclaration(IVariableDeclarationOperation declaration)
        {
            foreach (IVariableDeclaratorOperation declarator in declaration.Declarators)
            {
                IVariableInitializerOperation? initializer = declarator.Initializer ?? declaration.Initializer;
                Taint? value = initializer is null ? null : Eval(initializer.Value);
                Set(declarator.Symbol, value);
                if (initializer != null)
                {
                    BindInitializedMembers(declarator.Symbol, initializer.Value);
                    BindWriterTarget(declarator.Symbol, initializer.Value);
                }
            }
        }

        private void VisitLoop(ILoopOperation loop)
        {
            Taint? element = null;
            if (loop is IForLoopOperation @for)
            {
                foreach (IOperation before in @for.Before)
                {
                    Visit(before);
                }
            }
            else if (loop is IForEachLoopOperation forEach)
            {
                // The iteration variable is read-only: binding it once, before the first round, keeps it out of the
                // state change that would otherwise cost every foreach a second round.
                element = Eval(forEach.Collection);
                AssignTarget(forEach.LoopControlVariable, element);
            }

            IOperation? condition = loop switch
            {
                IForLoopOperation forLoop => forLoop.Condition,
                IWhileLoopOperation whileLoop => whileLoop.Condition,
                _ => null,
            };
            bool conditionAtTop = loop is not IWhileLoopOperation { ConditionIsTop: false };

            // for (;;), while (true) and do … while (true) are left only by a jump.
            bool endless = loop is IForLoopOperation { Condition: null } || condition is { ConstantValue: { HasValue: true, Value: true } };
            State bottom = _env;
            for (int round = 0; round < 3; round++)
            {
                State before = Snapshot();
                if (conditionAtTop)
                {
                    Eval(condition);
                }

                Visit(loop.Body);
                if (TakeJumps(loop.ContinueLabel) is { } continued)
                {
                    _env = Merge(_env, continued);
                }

                if (loop is IForLoopOperation forLoop)
                {
                    foreach (IOperation atBottom in forLoop.AtLoopBottom)
                    {
                        Visit(atBottom);
                    }
                }

                if (!conditionAtTop)
                {
                    Eval(condition);
                }

                bottom = _env;
                _env = Merge(before, _env);
                if (SameState(before, _env))
                {
                    break;
                }
            }

            // The loop is left where its condition fails (at the head; at the bottom of a do … while) and by break.
            if (!conditionAtTop)
            {
                _env = bottom;
            }

            if (endless)
            {
                _env.Unreachable = true;
            }

            if (TakeJumps(loop.ExitLabel) is { } broken)
            {
                _env = Merge(_env, broken);
            }
        }

        private void VisitSwitch(ISwitchOperation @switch)
        {
            Taint? value = Eval(@switch.Value);
            State before = Snapshot();
            State? merged = null;
            State?[]? gotoEntries = null;
            bool hasDefault = false;
            for (int round = 0; round < 3; round++)
            {
                merged = null;
                for (int index = 0; index < @switch.Cases.Length; index++)
                {
                    ISwitchCaseOperation @case = @switch.Cases[index];
                    _env = new State(before);

                    // goto case / goto default: the section is also entered with the state at the goto.
                    if (TakeCaseJumps(@case) is { } arrived)
                    {
                        gotoEntries ??= new State?[@switch.Cases.Length];
                        gotoEntries[index] = gotoEntries[index] is { } earlier ? Merge(earlier, arrived) : arrived;
                    }

                    if (gotoEntries?[index] is { } entered)
                    {
                        _env = Union(_env, entered);
                    }

                    foreach (ICaseClauseOperation clause in @case.Clauses)
                    {
                        if (clause is IDefaultCaseClauseOperation)
                        {
                            hasDefault = true;
                        }
                        else if (clause is IPatternCaseClauseOperation pattern)
                        {
                            BindPattern(pattern.Pattern, value);
                            Eval(pattern.Guard);
                        }
                    }

                    VisitStatements(@case.Body);
                    merged = merged is null ? _env : Merge(merged, _env);
                }

                // A goto case back to an earlier section that brings something new: walk the sections again.
                bool again = false;
                for (int index = 0; index < @switch.Cases.Length; index++)
                {
                    if (TakeCaseJumps(@switch.Cases[index]) is { } arrived && round < 2)
                    {
                        gotoEntries ??= new State?[@switch.Cases.Length];
                        if (gotoEntries[index] is not { } earlier || !Covers(earlier, arrived))
                        {
                            gotoEntries[index] = gotoEntries[index] is { } known ? Merge(known, arrived) : arrived;
                            again = true;
                        }
                    }
                }

                // A goto back to a label in an earlier section (the sections share one scope): the same.
                if (_exits?.Labels is { Count: > 0 } pending)
                {
                    List<ILabelSymbol>? done = null;
                    foreach (KeyValuePair<ILabelSymbol, State> jump in pending)
                    {
                        if (!IsSectionLabel(@switch, jump.Key))
                        {
                            continue;
                        }

                        if (round < 2 && !(_labelEntries is { } entries && entries.TryGetValue(jump.Key, out State? entry) && Covers(entry, jump.Value)))
                        {
                            again = true;
                        }
                        else
                        {
                            (done ??= new List<ILabelSymbol>()).Add(jump.Key);
                        }
                    }

                    if (done != null)
                    {
                        foreach (ILabelSymbol label in done)
                        {
                            pending.Remove(label);
                        }
                    }
                }

                if (!again)
                {
                    break;
                }
            }

            _env = merged is null ? before : hasDefault ? merged : Merge(merged, before);
            if (TakeJumps(@switch.ExitLabel) is { } broken)
            {
                _env = Merge(_env, broken);
            }
        }

        /// <summary>Whether a label is declared in one of the switch's sections (they share one scope).</summary>
        private static bool IsSectionLabel(ISwitchOperation @switch, ILabelSymbol label)
        {
            foreach (ISwitchCaseOperation @case in @switch.Cases)
            {
                foreach (IOperation statement in @case.Body)
                {
                    for (IOperation? labeled = statement; labeled is ILabeledOperation declared; labeled = declared.Operation)
                    {
                        if (SymbolEqualityComparer.Default.Equals(declared.Label, label))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        private State? TakeCaseJumps(ISwitchCaseOperation @case)
        {
            State? arrived = null;
            foreach (ICaseClauseOperation clause in @case.Clauses)
            {
                if (TakeJumps(clause.Label) is { } state)
                {
                    arrived = arrived is null ? state : Merge(arrived, state);
                }
            }

            return arrived;
        }

        private void VisitTry(ITryOperation @try)
        {
            VisitTryStatement(@try);

            // What holds after this try can be seen by an exception from the statements after it in an enclosing try
            // body (needed when this try caught everything, so its body's writes did not reach the outer logs).
            if (_tryWrites is { Count: > 0 } && !_env.Unreachable)
            {
                foreach (KeyValuePair<object, Taint?> entry in _env)
                {
                    LogWrite(entry.Key, entry.Value);
                }
            }
        }

        private void VisitTryStatement(ITryOperation @try)
        {
            // The jumps out of the body and the catches are collected apart: they pass through the finally block.
            Exits? outer = _exits;
            bool outerCollects = _collectExits;
            _exits = null;
            _collectExits = true;
            State before = Snapshot();
            var writes = new State();
            (_tryWrites ??= new List<(State, bool)>()).Add((writes, CatchesAll(@try)));
            Visit(@try.Body);
            _tryWrites.RemoveAt(_tryWrites.Count - 1);
            State normal = _env;

            // An exception can be thrown from any point of the body: the state before it, joined with every value written
            // in it (the write log), and at its end (even after a jump); and of the catches (the state at their end).
            State anywhere = Union(Union(before, writes), _env);
            if (!@try.Catches.IsEmpty)
            {
                // A catch is entered from any point of the body, including each jump out of it.
                State entry = anywhere;
                if (_exits is { } jumps)
                {
                    entry = Union(entry, jumps.Returned);
                    entry = Union(entry, jumps.Thrown);
                    if (jumps.Labels != null)
                    {
                        foreach (State state in jumps.Labels.Values)
                        {
                            entry = Union(entry, state);
                        }
                    }

                    if (CatchesAll(@try))
                    {
                        jumps.Thrown = null;
                    }
                }

                foreach (ICatchClauseOperation @catch in @try.Catches)
                {
                    _env = new State(entry);
                    Eval(@catch.Filter);
                    Visit(@catch.Handler);
                    if (@try.Finally != null)
                    {
                        anywhere = Union(anywhere, _env);
                    }

                    normal = Merge(normal, _env);
                }
            }

            Exits? leaving = _exits;
            _exits = outer;
            _collectExits = outerCollects;
            if (@try.Finally is null)
            {
                _env = normal;
                ForwardJumps(leaving, null);
                return;
            }

            // The finally block runs after the normal path, after each jump out and after an exception from anywhere:
            // walked for the normal path and, when the others bring more, once more for them all joined, whose result
            // goes on to the jumps' targets (and to an enclosing catch as a throw).
            State others = anywhere;
            if (leaving != null)
            {
                others = Union(others, leaving.Returned);
                others = Union(others, leaving.Thrown);
                if (leaving.Labels != null)
                {
                    foreach (State state in leaving.Labels.Values)
                    {
                        others = Union(others, state);
                    }
                }
            }

            if (Covers(normal, others))
            {
                _env = normal;
                Visit(@try.Finally);
                if (!_env.Unreachable)
                {
                    ForwardJumps(leaving, _env);
                }

                return;
            }

            State? afterNormal = null;
            if (!normal.Unreachable)
            {
                _env = normal;
                Visit(@try.Finally);
                afterNormal = _env;
            }

            _env = others;
            Visit(@try.Finally);
            if (!_env.Unreachable)
            {
                ForwardJumps(leaving, _env);
                if (_collectExits && leaving?.Thrown is null)
                {
                    AddJump(JumpKind.Throw, null, _env);
                }
            }

            if (afterNormal != null)
            {
                _env = afterNormal;
            }
            else
            {
                _env.Unreachable = true;
            }
        }

        /// <summary>Passes the jumps out of a try statement on to the enclosing targets, each with its own state or with the state after the finally block.</summary>
        private void ForwardJumps(Exits? leaving, State? throughFinally)
        {
            if (leaving is null)
            {
                return;
            }

            if (leaving.Returned != null && _collectExits)
            {
                AddJump(JumpKind.Return, null, throughFinally ?? leaving.Returned);
            }

            if (leaving.Thrown != null && _collectExits)
            {
                AddJump(JumpKind.Throw, null, throughFinally ?? leaving.Thrown);
            }

            if (leaving.Labels != null)
            {
                foreach (KeyValuePair<ILabelSymbol, State> entry in leaving.Labels)
                {
                    AddJump(JumpKind.Label, entry.Key, throughFinally ?? entry.Value);
                }
            }
        }

        /// <summary>Whether a catch without a filter takes every exception (catch, catch (Exception)).</summary>
        private bool CatchesAll(ITryOperation @try)
        {
            foreach (ICatchClauseOperation @catch in @try.Catches)
            {
                if (@catch.Filter is null && (@catch.ExceptionType.SpecialType == SpecialType.System_Object
                    || SymbolEqualityComparer.Default.Equals(@catch.ExceptionType, _known.Exception)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Walks a lambda's or local function's body with its parameters bound; returns what it returns.</summary>
        private Taint? VisitFunctionBody(ImmutableArray<IParameterSymbol> parameters, IOperation? body, Taint? seed, Taint?[]? seedFromArguments)
        {
            if (body is null)
            {
                return null;
            }

            // The body is entered when the function is called (a local function declared after a return is too). Its
            // returns end its own body: the state at them joins the state at its end, which joins the caller's.
            State saved = Snapshot();
            _env.Unreachable = false;
            foreach (IParameterSymbol parameter in parameters)
            {
                Taint? bound = seedFromArguments != null && parameter.Ordinal < seedFromArguments.Length ? seedFromArguments[parameter.Ordinal] : seed;
                Set(parameter, Taint.Union(SourceOf(parameter), bound));
            }

            Taint? savedReturn = _returnTaint;
            Taint? savedSeed = _lambdaSeed;
            Exits? savedExits = _exits;
            bool savedCollects = _collectExits;
            Dictionary<ILabelSymbol, State>? savedLabels = _labelEntries;
            _returnTaint = null;
            _lambdaSeed = null;
            _exits = null;
            _collectExits = true;
            _labelEntries = null;
            Visit(body);
            Taint? result = _returnTaint;
            State end = _env;
            if (_exits != null)
            {
                end = Union(end, _exits.Returned);
                end = Union(end, _exits.Thrown);
            }

            _returnTaint = savedReturn;
            _lambdaSeed = savedSeed;
            _exits = savedExits;
            _collectExits = savedCollects;
            _labelEntries = savedLabels;
            foreach (IParameterSymbol parameter in parameters)
            {
                end.Remove(parameter);
            }

            _env = Union(saved, end);
            return result;
        }

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

                        return Eval(property.Instance);
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
                        _lambdaSeed = null;
                        return VisitFunctionBody(function.Symbol.Parameters, function.Body, seed, null);
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

            if (instance is null)
            {
                return null;
            }

            Taint? instanceTaint = Eval(instance);
            if (instanceTaint is null || IsModelType(instance.Type) || IsModelType(type))
            {
                return null;
            }

            return instanceTaint;
        }

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
                }

                Taint? taint = Eval(value);
                _lambdaSeed = null;
                if (argument.Parameter is { } parameter && parameter.Ordinal < argumentTaints.Length)
                {
                    argumentTaints[parameter.Ordinal] = Taint.Union(argumentTaints[parameter.Ordinal], taint);
                }

                allArguments = Taint.Union(allArguments, taint);
            }

            Sink? sink = _known.GetMethodSink(method);
            if (sink is null && invocation.Instance is IPropertyReferenceOperation { Property: { } receiverProperty })
            {
                if (method.Name is "Add" or "TryAdd" && _known.GetContainerSink(receiverProperty) is { } container)
                {
                    sink = container;
                }
                else if (receiverProperty.Name is "Out" or "Error" && SymbolEqualityComparer.Default.Equals(receiverProperty.ContainingType, _known.Console)
                    && method.Name.StartsWith("Write", System.StringComparison.Ordinal))
                {
                    sink = ConsoleOutSink;
                }
            }

            if (sink != null)
            {
                if (CheckingSinks)
                {
                    CheckSinkArguments(method, arguments, sink, sink == ConsoleOutSink ? "Console." + receiverName(invocation) + "." + method.Name : null);
                }

                return null;
            }

            MethodRole role = _known.GetRole(method);
            if (role == MethodRole.UnkeyedHash && invocation.Instance?.Type is { } hashType && _known.KeyedHashAlgorithm != null && KnownSymbols.InheritsFrom(hashType, _known.KeyedHashAlgorithm))
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

            MethodSummary? summary = IsInSource(method) && !Scanning ? Summary(method) : null;
            if (summary is { ParameterSinks.IsEmpty: false } && CheckingSinks)
            {
                ReportParameterSinks(summary, arguments, argumentTaints, method);
            }

            Taint? result;
            if (_engine.Pii.GetPii(method) is PiiInfo info)
            {
                result = Taint.Source(MemberDisplay(method), info, method);
            }
            else if (method.ReturnsVoid || PiiSymbols.IsCarrierlessType(method.ReturnType) || IsNonCarrierMember(method.Name))
            {
                result = null;
            }
            else if (method.Name == "ToString" && method.Parameters.Length == 0 && instanceTaint is null && invocation.Instance != null)
            {
                result = TextFormTaint(invocation.Instance);
            }
            else if (summary != null)
            {
                result = ApplySummary(summary, argumentTaints, invocation, method);
            }
            else
            {
                result = Taint.Union(instanceTaint, allArguments);
            }

            // A user type's value carries personal data through its members, which are followed by their annotations.
            if (IsModelType(invocation.Type) && result is not { IsMemberData: true })
            {
                result = null;
            }

            // A mutating call on a local (StringBuilder.Append, List.Add) makes the local carry what it was given.
            if (allArguments != null && !method.IsStatic && !IsInSource(method) && IsMutator(method, invocation.Instance) && RootVariable(invocation.Instance) is { } root)
            {
                _env.TryGetValue(root, out Taint? previous);
                Set(root, Taint.Union(previous, allArguments));
            }

            return result;

            static string receiverName(IInvocationOperation call) => ((IPropertyReferenceOperation)call.Instance!).Property.Name;
        }

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

        /// <summary>A helper whose parameter reaches a sink: the caller's argument is the leak.</summary>
        private void ReportParameterSinks(MethodSummary summary, ImmutableArray<IArgumentOperation> arguments, Taint?[] argumentTaints, IMethodSymbol method)
        {
            foreach (ParameterSink parameterSink in summary.ParameterSinks)
            {
                // A parameter annotated as personal data is reported inside the helper already: one leak, one diagnostic.
                if (parameterSink.Ordinal >= argumentTaints.Length || argumentTaints[parameterSink.Ordinal] is not { } taint
                    || _engine.Pii.GetPii(method.Parameters[parameterSink.Ordinal]) != null)
                {
                    continue;
                }

                string display = DisplayNames.TypeName(method.ContainingType) + "." + method.Name + " -> " + parameterSink.Display;
                if (taint.HasSource && _reporter != null)
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
            if (result?.Hash != null)
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

            if (Scanning || method.MethodKind == MethodKind.LocalFunction || !IsInSource(method) || _known.GetRole(method) != MethodRole.None)
            {
                return null;
            }

            MethodSummary? summary = Summary(method);
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
            foreach (IArgumentOperation argument in creation.Arguments)
            {
                arguments = Taint.Union(arguments, Eval(argument.Value));
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
            }

            // User types are followed member by member (and by their text form); what their members were given is member data.
            if (IsModelType(creation.Type))
            {
                return Taint.Union(arguments, initializer)?.AsMemberData();
            }

            return Taint.Union(arguments, initializer);
        }

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
                    || (sink.OnlyParameters != null && !sink.OnlyParameters.Contains(parameter.Name)) || IsExcludedSinkParameter(parameter.Type))
                {
                    continue;
                }

                if (sink.SerilogTemplate)
                {
                    if (parameter.Name == "messageTemplate")
                    {
                        holes = SerilogTemplate.Parse(argument.Value.ConstantValue.HasValue ? argument.Value.ConstantValue.Value as string : null);
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
            if (taint is { HasSource: true } && _reporter != null)
            {
                _reporter.Report(taint, operation, sink, display ?? sink.Display, _engine.Facts);
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

            return _known.IsException(type)
                || SymbolEqualityComparer.Default.Equals(type, _known.EventId)
                || SymbolEqualityComparer.Default.Equals(type, _known.CancellationToken)
                || SymbolEqualityComparer.Default.Equals(type, _known.Logger);
        }

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

        private State Snapshot() => new State(_env);

        /// <summary>
        /// The join of two states. An unreachable state adds nothing (it is the identity), and two unreachable states
        /// join to an unreachable one (what dead code is walked with). May return one of its arguments.
        /// </summary>
        private static State Merge(State a, State b)
        {
            if (a.Unreachable != b.Unreachable)
            {
                return a.Unreachable ? b : a;
            }

            return Union(a, b);
        }

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
                (State log, bool catchesAll) = _tryWrites![i];
                log.TryGetValue(key, out Taint? previous);
                log[key] = Taint.Union(previous, value);
                if (catchesAll)
                {
                    break;
                }
            }
        }

        /// <summary>A new state with the values of both, reachable when <paramref name="a"/> is.</summary>
        private static State Union(State a, State? b)
        {
            var merged = new State(a);
            if (b is null)
            {
                return merged;
            }

            foreach (KeyValuePair<object, Taint?> entry in b)
            {
                merged.TryGetValue(entry.Key, out Taint? existing);
                merged[entry.Key] = Taint.Union(existing, entry.Value);
            }

            return merged;
        }

        private static bool SameState(State a, State b)
        {
            if (a.Count != b.Count || a.Unreachable != b.Unreachable)
            {
                return false;
            }

            foreach (KeyValuePair<object, Taint?> entry in a)
            {
                if (!b.TryGetValue(entry.Key, out Taint? other) || !Taint.SameAs(entry.Value, other))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Whether joining <paramref name="b"/> to <paramref name="a"/> would change nothing.</summary>
        private static bool Covers(State a, State b)
        {
            if (a.Unreachable && !b.Unreachable)
            {
                return false;
            }

            foreach (KeyValuePair<object, Taint?> entry in b)
            {
                if (entry.Value is null)
                {
                    continue;
                }

                if (!a.TryGetValue(entry.Key, out Taint? known) || !Taint.SameAs(Taint.Union(known, entry.Value), known))
                {
                    return false;
                }
            }

            return true;
        }

        private enum JumpKind
        {
            Label,
            Return,
            Throw,
        }

        /// <summary>The walker's state at a point: what each variable and member carries, and whether the point is reachable.</summary>
        private sealed class State : Dictionary<object, Taint?>
        {
            public State()
                : base(EnvKeyComparer.Instance)
            {
            }

            public State(State other)
                : base(other, EnvKeyComparer.Instance)
            {
                Unreachable = other.Unreachable;
            }

            /// <summary>Only a jump leads here: the values are those before the jump, and a join ignores them.</summary>
            public bool Unreachable { get; set; }
        }

        /// <summary>The states of the jumps not yet joined at their target, in a function body or a try statement.</summary>
        private sealed class Exits
        {
            public Dictionary<ILabelSymbol, State>? Labels { get; set; }

            public State? Returned { get; set; }

            public State? Thrown { get; set; }
        }
    }

    /// <summary>A member of the object held by a local or parameter (<c>dto.Email</c>).</summary>
    internal sealed class VariableMember
    {
        public VariableMember(ISymbol variable, ISymbol member)
        {
            Variable = variable;
            Member = member;
        }

        public ISymbol Variable { get; }

        public ISymbol Member { get; }
    }

    /// <summary>Compares the keys of the walker's state: symbols, and (variable, member) pairs.</summary>
    internal sealed class EnvKeyComparer : IEqualityComparer<object>
    {
        public static readonly EnvKeyComparer Instance = new EnvKeyComparer();

        public new bool Equals(object? x, object? y)
        {
            if (x is ISymbol a && y is ISymbol b)
            {
                return SymbolEqualityComparer.Default.Equals(a, b);
            }

            return x is VariableMember m && y is VariableMember n
                && SymbolEqualityComparer.Default.Equals(m.Variable, n.Variable) && SymbolEqualityComparer.Default.Equals(m.Member, n.Member);
        }

        public int GetHashCode(object obj) => obj switch
        {
            ISymbol symbol => SymbolEqualityComparer.Default.GetHashCode(symbol),
            VariableMember pair => (SymbolEqualityComparer.Default.GetHashCode(pair.Variable) * 31) ^ SymbolEqualityComparer.Default.GetHashCode(pair.Member),
            _ => 0,
        };
    }
}
