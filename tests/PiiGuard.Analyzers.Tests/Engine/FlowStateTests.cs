using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PiiGuard.Analyzers.Core;
using PiiGuard.Analyzers.Flow;

namespace PiiGuard.Analyzers.Tests.Engine;

/// <summary>
/// The flow engine's lattice on its own: the state at a program point (what each variable carries, and whether the point
/// is reachable), its join, and the comparisons the loop fixed point and the finally/label walks rely on.
/// </summary>
public class FlowStateTests
{
    private static readonly PiiInfo Email = new((int)PiiKind.Email, false, 0);
    private static readonly PiiInfo NationalId = new((int)PiiKind.NationalId, true, 0);

    private readonly ISymbol _a;
    private readonly ISymbol _b;
    private readonly ISymbol _member;

    public FlowStateTests()
    {
        var compilation = CSharpCompilation.Create("t", new[] { CSharpSyntaxTree.ParseText("class C { int A; int B; string M; }") });
        INamedTypeSymbol type = compilation.GetTypeByMetadataName("C")!;
        _a = type.GetMembers("A").Single();
        _b = type.GetMembers("B").Single();
        _member = type.GetMembers("M").Single();
    }

    [Fact]
    public void Merge_WithUnreachable_IsIdentity()
    {
        var reachable = new FlowState { [_a] = Taint.Source("a", Email) };
        var dead = new FlowState { Unreachable = true, [_b] = Taint.Source("b", NationalId) };

        Assert.Same(reachable, FlowState.Merge(reachable, dead));
        Assert.Same(reachable, FlowState.Merge(dead, reachable));
    }

    [Fact]
    public void Merge_TwoUnreachable_StaysUnreachable_AndJoinsValues()
    {
        var x = new FlowState { Unreachable = true, [_a] = Taint.Source("a", Email) };
        var y = new FlowState { Unreachable = true, [_b] = Taint.Source("b", Email) };

        FlowState merged = FlowState.Merge(x, y);

        Assert.True(merged.Unreachable);
        Assert.Equal(2, merged.Count);
    }

    [Fact]
    public void Union_JoinsPerKey_AndDoesNotChangeItsArguments()
    {
        var x = new FlowState { [_a] = Taint.Source("a", Email), [_b] = null };
        var y = new FlowState { [_b] = Taint.Source("b", NationalId) };

        FlowState joined = FlowState.Union(x, y);

        Assert.Equal("a", joined[_a]!.Display);
        Assert.Equal("b", joined[_b]!.Display);
        Assert.Null(x[_b]);
        Assert.Single(y);
    }

    [Fact]
    public void Union_KeepsTheMoreSignificantDatum()
    {
        var x = new FlowState { [_a] = Taint.Source("email", Email) };
        var y = new FlowState { [_a] = Taint.Source("id", NationalId) };

        Assert.Equal("id", FlowState.Union(x, y)[_a]!.Display);
        Assert.Equal("id", FlowState.Union(y, x)[_a]!.Display);
    }

    [Fact]
    public void Same_ComparesValuesStructurally_AndReachability()
    {
        var x = new FlowState { [_a] = Taint.Source("a", Email) };
        var y = new FlowState { [_a] = Taint.Source("a", Email) };
        var other = new FlowState { [_a] = Taint.Source("a", NationalId) };

        Assert.True(FlowState.Same(x, y));
        Assert.False(FlowState.Same(x, other));
        y.Unreachable = true;
        Assert.False(FlowState.Same(x, y));
    }

    [Fact]
    public void Covers_IsTrueExactlyWhenTheJoinChangesNothing()
    {
        var big = new FlowState { [_a] = Taint.Source("a", NationalId), [_b] = Taint.Source("b", Email) };
        var small = new FlowState { [_a] = Taint.Source("a", NationalId), [_member] = null };
        var more = new FlowState { [_member] = Taint.Source("m", Email) };

        Assert.True(FlowState.Covers(big, small));
        Assert.False(FlowState.Covers(big, more));
        FlowState joined = FlowState.Union(big, small);
        Assert.True(Taint.SameAs(big[_a], joined[_a]) && Taint.SameAs(big[_b], joined[_b]));
    }

    [Fact]
    public void Covers_AnUnreachableState_DoesNotCoverAReachableOne()
    {
        var dead = new FlowState { Unreachable = true, [_a] = Taint.Source("a", Email) };
        var live = new FlowState();

        Assert.False(FlowState.Covers(dead, live));
        Assert.True(FlowState.Covers(live, new FlowState { Unreachable = true }));
        Assert.False(FlowState.Covers(live, dead));
    }

    [Fact]
    public void Keys_VariableMemberPairs_CompareByTheirSymbols()
    {
        var state = new FlowState { [new VariableMember(_a, _member)] = Taint.Source("dto.M", Email) };

        Assert.True(state.ContainsKey(new VariableMember(_a, _member)));
        Assert.False(state.ContainsKey(new VariableMember(_b, _member)));
        Assert.False(state.ContainsKey(_member));
    }
}
