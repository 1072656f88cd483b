using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace PiiGuard.Analyzers.Tests.Robustness;

/// <summary>
/// No analyzer exception (AD0001) and no generator crash on any code: half-typed code (every corpus file and
/// the sample truncated at many points), syntax errors, modern language forms (C# 14: Corpus/CSharp14.cs.txt); and
/// the same answers whether the analyzers run concurrently or not. Except in the whole-corpus test, the real
/// LoggerMessage, System.Text.Json and GeneratedRegex generators run with PiiGuard's own (see OtherGeneratorsTests).
/// </summary>
public class RobustnessTests
{
    private readonly ITestOutputHelper _output;

    public RobustnessTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void HarnessFindsTheAnalyzers()
    {
        Assert.NotEmpty(RobustnessHarness.Analyzers);
        var names = RobustnessHarness.CorpusFiles().Select(f => f.Path).ToList();
        Assert.True(names.Count >= 8);
        var truncated = CorpusNames().Select(o => (string)o[0]).ToList();
        Assert.Contains("CSharp14.cs.txt", truncated);
        Assert.Contains("OtherGenerators.cs.txt", truncated);
    }

    [Fact]
    public void WholeCorpus_NoAnalyzerException()
    {
        var trees = RobustnessHarness.CorpusFiles().Select(f => RobustnessHarness.Parse(f.Text, f.Path)).ToList();
        var outcome = RobustnessHarness.Run(RobustnessHarness.Compile(trees.Where(t => !IsTopLevel(t))));
        Assert.Empty(outcome.Failures);
        Assert.NotEmpty(outcome.Diagnostics); // the corpus leaks on purpose: the analyzers did run
    }

    /// <summary>Every corpus file but the clean twins (the same forms as the file they are named after, minus [Pii]).</summary>
    public static IEnumerable<object[]> CorpusNames() => RobustnessHarness.CorpusFiles()
        .Where(f => !f.Path.EndsWith("Clean.cs.txt", StringComparison.Ordinal))
        .Select(f => new object[] { f.Path });

    /// <summary>
    /// Each cut is compiled with the files the truncated one may use (a self-contained corpus file alone) and run
    /// through PiiGuard's generator and the other generators (LoggerMessage, System.Text.Json, GeneratedRegex).
    /// </summary>
    [Theory]
    [MemberData(nameof(CorpusNames))]
    public void TruncatedAnywhere_NoAnalyzerExceptionOrGeneratorCrash(string path)
    {
        var files = RobustnessHarness.CorpusFiles();
        var target = files.Single(f => f.Path == path);
        var others = IsSelfContained(target, files)
            ? new List<SyntaxTree>()
            : files.Where(f => f.Path != path && !IsSelfContained(f, files)).Select(f => RobustnessHarness.Parse(f.Text, f.Path)).Where(t => !IsTopLevel(t)).ToList();
        var failures = new List<string>();
        foreach (int cut in CutPoints(target.Text))
        {
            var truncated = RobustnessHarness.Parse(target.Text[..cut], target.Path);
            var kind = IsTopLevel(truncated) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
            var outcome = RobustnessHarness.Run(RobustnessHarness.Compile(others.Append(truncated), kind), otherGenerators: true);
            failures.AddRange(outcome.Failures.Select(f => $"cut at {cut}: {f}"));
            failures.AddRange(outcome.Diagnostics.Where(d => d.Location.SourceTree is { } tree && outcome.GeneratedTrees.Contains(tree))
                .Select(d => $"cut at {cut}: in generated code: {d}"));
        }

        Fail(failures);
    }

    /// <summary>A corpus file in a namespace of its own that uses no other corpus namespace and that no other file uses.</summary>
    private static bool IsSelfContained((string Path, string Text) file, IEnumerable<(string Path, string Text)> all)
    {
        var match = System.Text.RegularExpressions.Regex.Match(file.Text, @"^namespace (Corpus\.\w+)", System.Text.RegularExpressions.RegexOptions.Multiline);
        return file.Path.EndsWith(".cs.txt", StringComparison.Ordinal) && match.Success && !file.Text.Contains("using Corpus.", StringComparison.Ordinal)
            && !all.Any(other => other.Path != file.Path
                && (other.Text.Contains(match.Groups[1].Value + ".", StringComparison.Ordinal) || other.Text.Contains(match.Groups[1].Value + ";", StringComparison.Ordinal)));
    }

    [Fact]
    public void SyntaxErrorsEverywhere_NoAnalyzerException()
    {
        var random = new Random(20261125);
        var failures = new List<string>();
        foreach (var (path, text) in RobustnessHarness.CorpusFiles())
        {
            for (int i = 0; i < 12; i++)
            {
                // Delete a random span, or insert stray tokens, as an editor mid-keystroke would.
                int at = random.Next(text.Length);
                string broken = (i % 2 == 0)
                    ? text.Remove(at, Math.Min(random.Next(1, 40), text.Length - at))
                    : text.Insert(at, new[] { "{", ")", "$\"{", "=>", "[Pii(", "\"", "#if X", "@", ";" }[random.Next(9)]);
                var tree = RobustnessHarness.Parse(broken, path);
                var outcome = RobustnessHarness.Run(RobustnessHarness.Compile(new[] { tree }, IsTopLevel(tree) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary), otherGenerators: true);
                failures.AddRange(outcome.Failures.Select(f => $"{path} edit {i} at {at}: {f}"));
            }
        }

        Fail(failures);
    }

    [Fact]
    public void ModernLanguageForms_WithoutPersonalData_GiveNoDiagnostics()
    {
        var modern = RobustnessHarness.CorpusFiles().Single(f => f.Path == "Modern.cs.txt");
        var text = modern.Text.Replace("[Pii(PiiKind.Email)] ", "", StringComparison.Ordinal);
        var outcome = RobustnessHarness.Run(RobustnessHarness.Compile(new[] { RobustnessHarness.Parse(text, modern.Path) }));
        Assert.Empty(outcome.Failures);
        Assert.Empty(outcome.Diagnostics.Where(d => d.Id.StartsWith("PII", StringComparison.Ordinal) && d.Severity > DiagnosticSeverity.Hidden));
    }

    [Fact]
    public void ConcurrentAndSequentialAnalysis_GiveTheSameDiagnostics()
    {
        // Many documents: the corpus copied into 12 namespaces. The JSON contexts get a name per copy as well:
        // System.Text.Json's generator names its files after the context alone, so two of one name collide.
        var files = RobustnessHarness.CorpusFiles().Where(f => f.Path.EndsWith(".cs.txt", StringComparison.Ordinal) && !f.Path.StartsWith("Program", StringComparison.Ordinal)).ToList();
        var trees = Enumerable.Range(0, 12).SelectMany(i => files.Select(f =>
            RobustnessHarness.Parse(
                f.Text.Replace("namespace Corpus", $"namespace Corpus{i}", StringComparison.Ordinal)
                    .Replace("using Corpus.", $"using Corpus{i}.", StringComparison.Ordinal)
                    .Replace("JsonContext", $"JsonContext{i}", StringComparison.Ordinal),
                $"{i}/{f.Path}")))
            .ToList();
        var compilation = RobustnessHarness.Compile(trees);
        var concurrent = RobustnessHarness.Run(compilation, concurrent: true, otherGenerators: true);
        var sequential = RobustnessHarness.Run(compilation, concurrent: false, otherGenerators: true);
        Assert.Empty(concurrent.Failures);
        Assert.Empty(sequential.Failures);
        var a = Describe(concurrent.Diagnostics);
        var b = Describe(sequential.Diagnostics);
        _output.WriteLine($"{a.Count} diagnostics");
        Assert.NotEmpty(a);
        Assert.Equal(b, a);
    }

    /// <summary>Fails with every failure written out in full (xunit truncates collection items).</summary>
    private void Fail(List<string> failures)
    {
        foreach (string failure in failures.Take(20))
        {
            _output.WriteLine(failure);
        }

        Assert.True(failures.Count == 0, $"{failures.Count} failures; the first: {failures.FirstOrDefault()}");
    }

    private static List<string> Describe(IEnumerable<Diagnostic> diagnostics) => diagnostics
        .Select(d => $"{d.Id} {d.Location.SourceTree?.FilePath}:{d.Location.SourceSpan} {d.GetMessage()}")
        .OrderBy(s => s, StringComparer.Ordinal)
        .ToList();

    private static bool IsTopLevel(SyntaxTree tree) =>
        tree.GetRoot().ChildNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax>().Any();

    /// <summary>Every line end, plus points inside lines, capped so each file costs at most ~120 runs.</summary>
    private static IEnumerable<int> CutPoints(string text)
    {
        var points = new SortedSet<int>();
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                points.Add(i);
                points.Add(Math.Max(0, i - 7));
            }
        }

        int step = Math.Max(1, points.Count / 120);
        return points.Where((_, index) => index % step == 0).Append(text.Length / 2).Distinct();
    }
}
