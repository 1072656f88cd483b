using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace PiiGuard.Analyzers.Tests.Robustness;

/// <summary>
/// PiiGuard's analyzers over code that other source generators write, as in a real build: the [LoggerMessage],
/// System.Text.Json and [GeneratedRegex] generators run with PiiGuard's own, then every PiiGuard analyzer runs over
/// the result. No exception, no diagnostic inside a generated file, none where nothing is personal, and the one
/// leak written on purpose (a [Pii] value passed to a [LoggerMessage] method) reported at its call. The truncation
/// test of <see cref="RobustnessTests"/> runs these generators too.
/// </summary>
public class OtherGeneratorsTests
{
    [Fact]
    public void TheRealGeneratorsAreLoaded()
    {
        var names = RobustnessHarness.OtherGenerators.Select(g => g.GetGeneratorType().FullName).ToList();
        Assert.Contains("Microsoft.Extensions.Logging.Generators.LoggerMessageGenerator", names);
        Assert.Contains("System.Text.Json.SourceGeneration.JsonSourceGenerator", names);
        Assert.Contains("System.Text.RegularExpressions.Generator.RegexGenerator", names);
    }

    [Fact]
    public void PiiValuePassedToLoggerMessageMethod_IsTheOneDiagnostic_AndGeneratedFilesHaveNone()
    {
        var outcome = Run("OtherGenerators.cs.txt");
        AssertGeneratedAndCompiled(outcome, "BillingJsonContext");
        var reported = outcome.Diagnostics.Where(d => d.Severity > DiagnosticSeverity.Hidden)
            .Select(d => $"{d.Location.SourceTree?.FilePath}({d.Location.GetLineSpan().StartLinePosition.Line + 1}): {d.Id} {d.GetMessage()}")
            .ToList();
        Assert.Equal(new[] { "OtherGenerators.cs.txt(59): PII001 Member.Email (Email) reaches MemberLog.LogJoined unmasked" }, reported);
    }

    [Fact]
    public void NothingPersonal_NoDiagnosticAtAll()
    {
        var outcome = Run("OtherGeneratorsClean.cs.txt");
        AssertGeneratedAndCompiled(outcome, "ShippingJsonContext");
        Assert.Empty(outcome.Diagnostics);
    }

    [Fact]
    public void WholeCorpus_WithOtherGenerators_NoAnalyzerException_NoDiagnosticInGeneratedFiles()
    {
        var trees = RobustnessHarness.CorpusFiles().Select(f => RobustnessHarness.Parse(f.Text, f.Path))
            .Where(t => !t.GetRoot().ChildNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax>().Any());
        var outcome = RobustnessHarness.Run(RobustnessHarness.Compile(trees), otherGenerators: true);
        Assert.Empty(outcome.Failures);
        Assert.True(outcome.GeneratedTrees.Count > 10, $"{outcome.GeneratedTrees.Count} generated files");
        Assert.NotEmpty(outcome.Diagnostics);
        Assert.Empty(outcome.Diagnostics.Where(d => d.Location.SourceTree is { } tree && outcome.GeneratedTrees.Contains(tree)));
    }

    private static RobustnessHarness.Outcome Run(string name)
    {
        var file = RobustnessHarness.CorpusFiles().Single(f => f.Path == name);
        return RobustnessHarness.Run(RobustnessHarness.Compile(new[] { RobustnessHarness.Parse(file.Text, file.Path) }), otherGenerators: true);
    }

    /// <summary>Every other generator wrote code, the result compiles without a warning, and no PiiGuard diagnostic is in generated code.</summary>
    private static void AssertGeneratedAndCompiled(RobustnessHarness.Outcome outcome, string jsonContext)
    {
        Assert.Empty(outcome.Failures);
        var byGenerator = outcome.Generated.Results.ToDictionary(r => r.Generator.GetGeneratorType().Name, r => r.GeneratedSources.Length);
        Assert.True(byGenerator["LoggerMessageGenerator"] > 0);
        Assert.True(byGenerator["RegexGenerator"] > 0);
        Assert.True(byGenerator["JsonSourceGenerator"] > 0);
        Assert.Contains(outcome.GeneratedTrees, t => t.FilePath.EndsWith(jsonContext + ".g.cs", StringComparison.Ordinal));
        Assert.Empty(outcome.Generated.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Empty(outcome.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Empty(outcome.Diagnostics.Where(d => d.Location.SourceTree is { } tree && outcome.GeneratedTrees.Contains(tree)));
    }
}
