using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PiiGuard.Analyzers.Core;
using PiiGuard.Analyzers.Flow.Catalog;

namespace PiiGuard.Analyzers.Flow
{
    /// <summary>The walker's statements: blocks, labels and jumps, declarations, loops and switches (see the statements section).</summary>
    internal sealed partial class TaintWalker
    {
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
                        FlowState before = Snapshot();
                        Visit(conditional.WhenTrue);
                        FlowState afterTrue = _env;
                        _env = before;
                        Visit(conditional.WhenFalse);
                        _env = FlowState.Merge(afterTrue, _env);
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
                        if (_exits?.Labels is { } pending && pending.TryGetValue(label.Label, out FlowState? arrived))
                        {
                            if (round < 2 && !(_labelEntries is { } entries && entries.TryGetValue(label.Label, out FlowState? entry) && FlowState.Covers(entry, arrived)))
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
                FlowState end = _env;
                _env = new FlowState { Unreachable = true };
                for (int i = from; i < statements.Length; i++)
                {
                    Visit(statements[i]);
                }

                _env = FlowState.Merge(end, _env);
            }
        }

        /// <summary>The state at a label: what falls through to it, what the gotos to it brought, and what reached it in an earlier walk.</summary>
        private void EnterLabel(ILabelSymbol label)
        {
            if (TakeJumps(label) is { } arrived)
            {
                _env = FlowState.Merge(_env, arrived);
            }

            _labelEntries ??= new Dictionary<ILabelSymbol, FlowState>(SymbolEqualityComparer.Default);
            if (_labelEntries.TryGetValue(label, out FlowState? earlier))
            {
                _env = FlowState.Merge(_env, earlier);
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
        private void AddJump(JumpKind kind, ILabelSymbol? target, FlowState state)
        {
            Exits exits = _exits ??= new Exits();
            switch (kind)
            {
                case JumpKind.Label when target != null:
                    exits.Labels ??= new Dictionary<ILabelSymbol, FlowState>(SymbolEqualityComparer.Default);
                    exits.Labels[target] = exits.Labels.TryGetValue(target, out FlowState? pending) ? FlowState.Merge(pending, state) : new FlowState(state);
                    break;
                case JumpKind.Return:
                    exits.Returned = exits.Returned is null ? new FlowState(state) : FlowState.Merge(exits.Returned, state);
                    break;
                case JumpKind.Throw:
                    exits.Thrown = exits.Thrown is null ? new FlowState(state) : FlowState.Merge(exits.Thrown, state);
                    break;
            }
        }

        /// <summary>Removes and returns the join of the states that jumped to a label so far.</summary>
        private FlowState? TakeJumps(ILabelSymbol? label)
        {
            if (label != null && _exits?.Labels is { } labels && labels.TryGetValue(label, out FlowState? state))
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
            FlowState bottom = _env;
            for (int round = 0; round < 3; round++)
            {
                FlowState before = Snapshot();
                if (conditionAtTop)
                {
                    Eval(condition);
                }

                Visit(loop.Body);
                if (TakeJumps(loop.ContinueLabel) is { } continued)
                {
                    _env = FlowState.Merge(_env, continued);
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
                _env = FlowState.Merge(before, _env);
                if (FlowState.Same(before, _env))
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
                _env = FlowState.Merge(_env, broken);
            }
        }

        private void VisitSwitch(ISwitchOperation @switch)
        {
            Taint? value = Eval(@switch.Value);
            FlowState before = Snapshot();
            FlowState? merged = null;
            FlowState?[]? gotoEntries = null;
            bool hasDefault = false;
            for (int round = 0; round < 3; round++)
            {
                merged = null;
                for (int index = 0; index < @switch.Cases.Length; index++)
                {
                    ISwitchCaseOperation @case = @switch.Cases[index];
                    _env = new FlowState(before);

                    // goto case / goto default: the section is also entered with the state at the goto.
                    if (TakeCaseJumps(@case) is { } arrived)
                    {
                        gotoEntries ??= new FlowState?[@switch.Cases.Length];
                        gotoEntries[index] = gotoEntries[index] is { } earlier ? FlowState.Merge(earlier, arrived) : arrived;
                    }

                    if (gotoEntries?[index] is { } entered)
                    {
                        _env = FlowState.Union(_env, entered);
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
                    merged = merged is null ? _env : FlowState.Merge(merged, _env);
                }

                // A goto case back to an earlier section that brings something new: walk the sections again.
                bool again = false;
                for (int index = 0; index < @switch.Cases.Length; index++)
                {
                    if (TakeCaseJumps(@switch.Cases[index]) is { } arrived && round < 2)
                    {
                        gotoEntries ??= new FlowState?[@switch.Cases.Length];
                        if (gotoEntries[index] is not { } earlier || !FlowState.Covers(earlier, arrived))
                        {
                            gotoEntries[index] = gotoEntries[index] is { } known ? FlowState.Merge(known, arrived) : arrived;
                            again = true;
                        }
                    }
                }

                // A goto back to a label in an earlier section (the sections share one scope): the same.
                if (_exits?.Labels is { Count: > 0 } pending)
                {
                    List<ILabelSymbol>? done = null;
                    foreach (KeyValuePair<ILabelSymbol, FlowState> jump in pending)
                    {
                        if (!IsSectionLabel(@switch, jump.Key))
                        {
                            continue;
                        }

                        if (round < 2 && !(_labelEntries is { } entries && entries.TryGetValue(jump.Key, out FlowState? entry) && FlowState.Covers(entry, jump.Value)))
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

            _env = merged is null ? before : hasDefault ? merged : FlowState.Merge(merged, before);
            if (TakeJumps(@switch.ExitLabel) is { } broken)
            {
                _env = FlowState.Merge(_env, broken);
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

        private FlowState? TakeCaseJumps(ISwitchCaseOperation @case)
        {
            FlowState? arrived = null;
            foreach (ICaseClauseOperation clause in @case.Clauses)
            {
                if (TakeJumps(clause.Label) is { } state)
                {
                    arrived = arrived is null ? state : FlowState.Merge(arrived, state);
                }
            }

            return arrived;
        }
    }
}
