using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PiiGuard.Analyzers.Tests.Generator;

/// <summary>The generated code compiles with no warning in every supported language version, nullable on and off.</summary>
public class GeneratorCompileTests
{
    [Theory]
    [MemberData(nameof(Shapes.CompileMatrix), MemberType = typeof(Shapes))]
    public void GeneratedCode_CompilesWithoutWarnings(string shapeName, LanguageVersion version, bool nullable)
    {
        Shape shape = Shapes.Get(shapeName);
        var run = GeneratorHarness.RunGenerator(shape.Sources, version, nullable);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.NotEmpty(run.Sources);
        var problems = run.Problems
            // Nullable annotations in the test's own sources when nullable is off are the test's business, not the generator's.
            .Where(d => nullable || d.Id != "CS8632" || IsGenerated(d))
            .ToArray();
        Assert.True(problems.Length == 0, string.Join("\n", problems.Select(p => p.ToString())) + "\n\n" + string.Join("\n\n", run.Files.Values));
    }

    [Theory]
    [InlineData("Class")]
    [InlineData("Struct")]
    [InlineData("ClassInheritance")]
    [InlineData("GlobalNamespace")]
    [InlineData("PartialAcrossFiles")]
    public void GeneratedCode_CompilesInCSharp73(string shapeName)
    {
        // netstandard2.0 and .NET Framework projects default to C# 7.3.
        var run = GeneratorHarness.RunGenerator(Shapes.Get(shapeName).Sources, LanguageVersion.CSharp7_3, nullable: false);

        run.AssertCompilesClean();
    }

    [Fact]
    public void GeneratedCode_CompilesWithWarningLevel9999()
    {
        var run = GeneratorHarness.RunGenerator(Shapes.All.Where(s => s.Name == "Members").SelectMany(s => s.Sources));
        var strict = run.Output.WithOptions(((CSharpCompilationOptions)run.Output.Options).WithWarningLevel(9999));

        Assert.Empty(strict.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning && IsGenerated(d)));
    }

    [Theory]
    [MemberData(nameof(Shapes.Names), MemberType = typeof(Shapes))]
    public void GeneratedCode_NeedsNoMoreXmlDocumentation(string shapeName)
    {
        // GenerateDocumentationFile + warnings as errors: the generated public and protected members carry documentation.
        var options = GeneratorHarness.ParseOptions().WithDocumentationMode(DocumentationMode.Diagnose);
        var run = GeneratorHarness.RunGenerator(Shapes.Get(shapeName).Sources, options: options);

        var diagnostics = run.Output.GetDiagnostics();
        Assert.Contains(diagnostics, d => d.Id == "CS1591" && !IsGenerated(d)); // the check is on: the test's own code is undocumented
        var problems = diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning && IsGenerated(d)).ToArray();
        Assert.True(problems.Length == 0, string.Join("\n", problems.Select(p => p.ToString())));
    }

    private static bool IsGenerated(Diagnostic diagnostic)
        => diagnostic.Location.SourceTree?.FilePath.EndsWith(".g.cs", System.StringComparison.Ordinal) == true;
}
