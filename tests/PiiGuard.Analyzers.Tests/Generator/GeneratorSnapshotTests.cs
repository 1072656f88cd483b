using System.Linq;

namespace PiiGuard.Analyzers.Tests.Generator;

/// <summary>The generated code of each shape, compared with its checked-in snapshot (Generator/Snapshots).</summary>
public class GeneratorSnapshotTests
{
    [Theory]
    [MemberData(nameof(Shapes.Names), MemberType = typeof(Shapes))]
    public void GeneratedCode_MatchesSnapshot(string shapeName)
    {
        Shape shape = Shapes.Get(shapeName);
        var run = GeneratorHarness.RunGenerator(shape.Sources);

        Assert.NotEmpty(run.Sources);
        foreach (var source in run.Sources.OrderBy(s => s.HintName, System.StringComparer.Ordinal))
        {
            string name = shape.Name + "." + source.HintName.Replace(".Masking.g.cs", string.Empty);
            Snapshot.Match(name, source.SourceText.ToString());
        }
    }

    [Fact]
    public void NullableProject_GetsAnnotationsWithoutNullableAnalysis()
    {
        // Annotations keep the generated members' nullability visible to the user's code; with nullable warnings off, the
        // compiler does not run its nullable analysis over the generated bodies (issue 18: part of compiling the output).
        var run = GeneratorHarness.RunGenerator(Shapes.Class.Sources);

        string text = run.Sources.Single().SourceText.ToString();
        Assert.Contains("#nullable enable annotations\n#nullable disable warnings\n", text.Replace("\r\n", "\n"));
        Assert.DoesNotContain("#nullable enable\n", text.Replace("\r\n", "\n"));
        Assert.Contains("?)", text);
    }

    [Fact]
    public void LanguageVersion73_WritesNoNullableAnnotations()
    {
        var run = GeneratorHarness.RunGenerator(Shapes.Class.Sources, Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp7_3, nullable: false);

        string text = run.Sources.Single().SourceText.ToString();
        Snapshot.Match("CSharp73.Demo.Customer", text);
        Assert.DoesNotContain("#nullable enable", text);
        Assert.DoesNotContain("?)", text);
    }
}
