using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PiiGuard.Analyzers.Core;
using PiiGuard.Analyzers.Flow.Catalog;

namespace PiiGuard.Analyzers.Flow
{
    /// <summary>The walker's try statements (catch and finally states) and the bodies of lambdas and local functions.</summary>
    internal sealed partial class TaintWalker
    {
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
            FlowState before = Snapshot();
            var writes = new FlowState();
            (_tryWrites ??= new List<(FlowState, bool)>()).Add((writes, CatchesAll(@try)));
            Visit(@try.Body);
            _tryWrites.RemoveAt(_tryWrites.Count - 1);
            FlowState normal = _env;

            // An exception can be thrown from any point of the body: the state before it, joined with every value written
            // in it (the write log), and at its end (even after a jump); and of the catches (the state at their end).
            FlowState anywhere = FlowState.Union(FlowState.Union(before, writes), _env);
            if (!@try.Catches.IsEmpty)
            {
                // A catch is entered from any point of the body, including each jump out of it.
                FlowState entry = anywhere;
                if (_exits is { } jumps)
                {
                    entry = FlowState.Union(entry, jumps.Returned);
                    entry = FlowState.Union(entry, jumps.Thrown);
                    if (jumps.Labels != null)
                    {
                        foreach (FlowState state in jumps.Labels.Values)
                        {
                            entry = FlowState.Union(entry, state);
                        }
                    }

                    if (CatchesAll(@try))
                    {
                        jumps.Thrown = null;
                    }
                }

                foreach (ICatchClauseOperation @catch in @try.Catches)
                {
                    _env = new FlowState(entry);
                    Eval(@catch.Filter);
                    Visit(@catch.Handler);
                    if (@try.Finally != null)
                    {
                        anywhere = FlowState.Union(anywhere, _env);
                    }

                    normal = FlowState.Merge(normal, _env);
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
            FlowState others = anywhere;
            if (leaving != null)
            {
                others = FlowState.Union(others, leaving.Returned);
                others = FlowState.Union(others, leaving.Thrown);
                if (leaving.Labels != null)
                {
                    foreach (FlowState state in leaving.Labels.Values)
                    {
                        others = FlowState.Union(others, state);
                    }
                }
            }

            if (FlowState.Covers(normal, others))
            {
                _env = normal;
                Visit(@try.Finally);
                if (!_env.Unreachable)
                {
                    ForwardJumps(leaving, _env);
                }

                return;
            }

            FlowState? afterNormal = null;
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
        private void ForwardJumps(Exits? leaving, FlowState? throughFinally)
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
                foreach (KeyValuePair<ILabelSymbol, FlowState> entry in leaving.Labels)
                {
                    AddJump(JumpKind.Label, entry.Key, throughFinally ?? entry.Value);
                }
            }
        }

        /// <summary>What a function's body wrote into its parameters (or their members) beyond what they were bound to.</summary>
        private Taint? Filled(ImmutableArray<IParameterSymbol> parameters, FlowState end, Taint? seed, Taint?[]? seedFromArguments)
        {
            Taint? filled = null;
            foreach (KeyValuePair<object, Taint?> entry in end)
            {
                ISymbol? variable = entry.Key switch
                {
                    IParameterSymbol parameter => parameter,
                    VariableMember pair => pair.Variable,
                    _ => null,
                };

                if (entry.Value is null || variable is not IParameterSymbol owner || !parameters.Contains(owner, SymbolEqualityComparer.Default))
                {
                    continue;
                }

                Taint? bound = Taint.Union(SourceOf(owner), seedFromArguments != null && owner.Ordinal < seedFromArguments.Length ? seedFromArguments[owner.Ordinal] : seed);
                if (entry.Key is VariableMember || !Taint.SameAs(entry.Value, bound))
                {
                    filled = Taint.Union(filled, entry.Value);
                }
            }

            return filled;
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
        /// <remarks>
        /// With <paramref name="withFilled"/> (a lambda passed to a method of this compilation), the result also carries what
        /// the body wrote into its parameters' objects (<c>bag =&gt; bag["buyer"] = order.BuyerEmail</c>): the callee's
        /// summary decides whether the object it passes the lambda reaches a sink.
        /// </remarks>
        private Taint? VisitFunctionBody(ImmutableArray<IParameterSymbol> parameters, IOperation? body, Taint? seed, Taint?[]? seedFromArguments, bool withFilled = false)
        {
            if (body is null)
            {
                return null;
            }

            // The body is entered when the function is called (a local function declared after a return is too). Its
            // returns end its own body: the state at them joins the state at its end, which joins the caller's.
            FlowState saved = Snapshot();
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
            Dictionary<ILabelSymbol, FlowState>? savedLabels = _labelEntries;
            _returnTaint = null;
            _lambdaSeed = null;
            _exits = null;
            _collectExits = true;
            _labelEntries = null;
            Visit(body);
            Taint? result = _returnTaint;
            FlowState end = _env;
            if (_exits != null)
            {
                end = FlowState.Union(end, _exits.Returned);
                end = FlowState.Union(end, _exits.Thrown);
            }

            _returnTaint = savedReturn;
            _lambdaSeed = savedSeed;
            _exits = savedExits;
            _collectExits = savedCollects;
            _labelEntries = savedLabels;
            if (withFilled)
            {
                result = Taint.Union(result, Filled(parameters, end, seed, seedFromArguments));
            }

            foreach (IParameterSymbol parameter in parameters)
            {
                end.Remove(parameter);
            }

            _env = FlowState.Union(saved, end);
            return result;
        }
    }
}
