using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace PiiGuard.Analyzers.Flow
{
    internal enum JumpKind
    {
        Label,
        Return,
        Throw,
    }

    /// <summary>The walker's state at a point: what each variable and member carries, and whether the point is reachable.</summary>
    internal sealed class FlowState : Dictionary<object, Taint?>
    {
        public FlowState()
            : base(EnvKeyComparer.Instance)
        {
        }

        public FlowState(FlowState other)
            : base(other, EnvKeyComparer.Instance)
        {
            Unreachable = other.Unreachable;
        }

        /// <summary>Only a jump leads here: the values are those before the jump, and a join ignores them.</summary>
        public bool Unreachable { get; set; }

        /// <summary>
        /// The join of two states. An unreachable state adds nothing (it is the identity), and two unreachable states
        /// join to an unreachable one (what dead code is walked with). May return one of its arguments.
        /// </summary>
        public static FlowState Merge(FlowState a, FlowState b)
        {
            if (a.Unreachable != b.Unreachable)
            {
                return a.Unreachable ? b : a;
            }

            return Union(a, b);
        }

        /// <summary>A new state with the values of both, reachable when <paramref name="a"/> is.</summary>
        public static FlowState Union(FlowState a, FlowState? b)
        {
            var merged = new FlowState(a);
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

        public static bool Same(FlowState a, FlowState b)
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
        public static bool Covers(FlowState a, FlowState b)
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
    }

    /// <summary>The states of the jumps not yet joined at their target, in a function body or a try statement.</summary>
    internal sealed class Exits
    {
        public Dictionary<ILabelSymbol, FlowState>? Labels { get; set; }

        public FlowState? Returned { get; set; }

        public FlowState? Thrown { get; set; }
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
