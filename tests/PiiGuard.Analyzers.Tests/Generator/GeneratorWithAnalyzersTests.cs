using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PiiGuard.Analyzers.Tests.Generator;

/// <summary>
/// The generator and the analyzers together, as in a real build: the generated code draws no PII006/PII103 of its own,
/// and every type the analyzers report as unusable is skipped by the generator without breaking the build further.
/// </summary>
public class GeneratorWithAnalyzersTests
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
        new GenerateMaskingAnalyzer(), new UnmaskedToStringAnalyzer());

    [Theory]
    [MemberData(nameof(Shapes.Names), MemberType = typeof(Shapes))]
    public async Task GeneratedShapes_DrawOnlyTheExpectedDiagnostics(string shapeName)
    {
        Shape shape = Shapes.Get(shapeName);
        var run = GeneratorHarness.RunGenerator(shape.Sources).AssertCompilesClean();

        var diagnostics = await run.Output.WithAnalyzers(Analyzers).GetAnalyzerDiagnosticsAsync();

        // UserToString keeps its own ToString and PrintMembers (PII103); RecordInheritance's base record Party is not
        // [GenerateMasking] and its compiler-generated ToString prints Name (PII006).
        string[] expected = shape == Shapes.UserToString ? new[] { "PII103", "PII103" }
            : shape == Shapes.RecordInheritance || shape == Shapes.RecordFromPlainRecord ? new[] { "PII006" }
            : shape == Shapes.Members ? new[] { "PII102" } // byte[] Photo is erased
            : System.Array.Empty<string>();
        Assert.Equal(expected, diagnostics.Select(d => d.Id).ToArray());
    }

    [Theory]
    [InlineData("[PiiGuard.GenerateMasking] public class C { [PiiGuard.Pii(PiiGuard.PiiKind.Email)] public string E { get; set; } = \"\"; }", "PII101")]
    [InlineData("[PiiGuard.GenerateMasking] public record R([property: PiiGuard.Pii(PiiGuard.PiiKind.Email)] string E);", "PII101")]
    [InlineData("public class O { [PiiGuard.GenerateMasking] public partial class C { [PiiGuard.Pii(PiiGuard.PiiKind.Email)] public string E { get; set; } = \"\"; } }", "PII104")]
    [InlineData("[PiiGuard.GenerateMasking] public static partial class S { [PiiGuard.Pii(PiiGuard.PiiKind.Email)] public static string E { get; set; } = \"\"; }", "PII107")]
    [InlineData("[PiiGuard.GenerateMasking] public ref partial struct Span { [PiiGuard.Pii(PiiGuard.PiiKind.Email)] public string E; }", "PII107")]
    [InlineData("[PiiGuard.GenerateMasking] file partial class F { [PiiGuard.Pii(PiiGuard.PiiKind.Email)] public string E { get; set; } = \"\"; }", "PII107")]
    public async Task SkippedTypes_GenerateNothing_AndAreReported(string source, string? id)
    {
        var run = GeneratorHarness.RunGenerator(source);

        Assert.Empty(run.Sources);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Problems.Where(d => d.Id.StartsWith("CS", System.StringComparison.Ordinal)));
        var diagnostics = await run.Output.WithAnalyzers(Analyzers).GetAnalyzerDiagnosticsAsync();
        Assert.Equal(id is null ? System.Array.Empty<string>() : new[] { id }, diagnostics.Where(d => d.Id != "PII006").Select(d => d.Id).ToArray());
    }

    [Fact]
    public void BrokenCode_DoesNotCrashTheGenerator()
    {
        var run = GeneratorHarness.RunGenerator("""
            [PiiGuard.GenerateMasking]
            public partial class Broken : MissingBase
            {
                [PiiGuard.Pii(PiiGuard.PiiKind.Email)] public Missing Email { get; set; }
                [PiiGuard.Pii(PiiGuard.PiiKind.Email)] public string Name { get => ; }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.DoesNotContain(run.Output.GetDiagnostics(), d => d.Location.SourceTree?.FilePath.EndsWith(".g.cs", System.StringComparison.Ordinal) == true && d.Severity == DiagnosticSeverity.Error && d.Id != "CS0246");
    }

    [Fact]
    public void UnsupportedMember_IsErasedInTheGeneratedCode()
    {
        var run = GeneratorHarness.RunGenerator(new[]
        {
            """
            using System.Collections.Generic;
            [PiiGuard.GenerateMasking]
            public partial class Customer
            {
                [PiiGuard.Pii(PiiGuard.PiiKind.Email)] public Dictionary<string, string> Contacts { get; set; } = new Dictionary<string, string>();
            }
            public static class Sample
            {
                public static object Create() { var c = new Customer(); c.Contacts["home"] = "someone@example.com"; return c; }
            }
            """,
        }).AssertCompilesClean();

        run.Execute(assembly =>
        {
            object value = assembly.GetType("Sample")!.GetMethod("Create")!.Invoke(null, null)!;
            Assert.Equal("Customer { Contacts = *** }", value.ToString());
        });
    }

    [Fact]
    public void KeywordAndLocalNamedMembers_Compile()
    {
        var run = GeneratorHarness.RunGenerator(new[]
        {
            """
            using System.Collections.Generic;
            [PiiGuard.GenerateMasking]
            public partial class @class
            {
                [PiiGuard.Pii(PiiGuard.PiiKind.Email)] public string @event { get; set; } = "e@example.com";
                [PiiGuard.Pii(PiiGuard.PiiKind.Email)] public List<string> items { get; set; } = new List<string> { "i@example.com" };
                public string builder { get; set; } = "b";
                public string item = "x";
                public string first = "f";
                public string result = "r";
            }
            public static class Sample { public static object Create() => new @class(); }
            """,
        }).AssertCompilesClean();

        run.Execute(assembly =>
        {
            object value = assembly.GetType("Sample")!.GetMethod("Create")!.Invoke(null, null)!;
            Assert.Equal("class { event = ***@example.com, items = [***@example.com], builder = b, item = x, first = f, result = r }", value.ToString());
        });
    }
}
