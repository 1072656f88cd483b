using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiGuard.Analyzers.Tests.Infrastructure;

namespace PiiGuard.Analyzers.Tests.Robustness;

/// <summary>
/// Runs every analyzer and generator in PiiGuard.Analyzers (found by reflection, so new ones are covered
/// without touching this file) over a compilation, and collects analyzer exceptions and generator failures.
/// </summary>
internal static class RobustnessHarness
{
    public static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(RuleIdentifiers).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() != null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public static readonly ImmutableArray<ISourceGenerator> Generators = typeof(RuleIdentifiers).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && t.GetCustomAttribute<GeneratorAttribute>() != null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => Activator.CreateInstance(t) switch
        {
            IIncrementalGenerator incremental => incremental.AsSourceGenerator(),
            ISourceGenerator generator => generator,
            _ => throw new InvalidOperationException(t.FullName),
        })
        .ToImmutableArray();

    private static readonly Lazy<ImmutableArray<ISourceGenerator>> LazyOtherGenerators = new(LoadOtherGenerators);

    /// <summary>
    /// The real generators of other packages that write code next to the user's: [LoggerMessage]
    /// (Microsoft.Extensions.Logging.Abstractions), System.Text.Json's JsonSerializerContext and [GeneratedRegex]
    /// (the targeting pack). The test project's build copies the ones the SDK resolved for it beside the tests.
    /// </summary>
    public static ImmutableArray<ISourceGenerator> OtherGenerators => LazyOtherGenerators.Value;

    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The corpus files shipped with the tests plus the sample's sources.</summary>
    public static ImmutableArray<(string Path, string Text)> CorpusFiles()
    {
        string corpusDir = Path.Combine(AppContext.BaseDirectory, "Robustness", "Corpus");
        var files = Directory.EnumerateFiles(corpusDir, "*.cs.txt").OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (Path.GetFileName(p), File.ReadAllText(p)));
        string samples = Path.Combine(RepoRoot, "samples");
        if (Directory.Exists(samples))
        {
            files = files.Concat(Directory.EnumerateFiles(samples, "*.cs", SearchOption.AllDirectories)
                .Where(p => !p.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar) && !p.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar))
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => (Path.GetRelativePath(RepoRoot, p), File.ReadAllText(p))));
        }

        return files.ToImmutableArray();
    }

    public static CSharpCompilation Compile(IEnumerable<SyntaxTree> trees, OutputKind kind = OutputKind.DynamicallyLinkedLibrary) =>
        CSharpCompilation.Create(
            "Robustness",
            trees,
            TestReferences.All,
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));

    /// <summary>Parses with the newest language version of the test compiler (C# 14 with Roslyn 5.0).</summary>
    public static SyntaxTree Parse(string text, string path) =>
        CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest), path);

    /// <summary>
    /// Runs the generators (PiiGuard's, and with <paramref name="otherGenerators"/> those of
    /// <see cref="OtherGenerators"/>, and <paramref name="extraGenerators"/>, all in one driver as the compiler does), then
    /// the analyzers; returns everything that went wrong, and the diagnostics. The additional files and the options
    /// provider (both empty by default) go to the generators and the analyzers, as a build gives them.
    /// </summary>
    public static Outcome Run(
        CSharpCompilation compilation,
        bool concurrent = true,
        bool otherGenerators = false,
        ImmutableArray<ISourceGenerator> extraGenerators = default,
        ImmutableArray<AdditionalText> additionalTexts = default,
        AnalyzerConfigOptionsProvider? optionsProvider = null)
    {
        var failures = new ConcurrentBag<string>();
        var generators = otherGenerators ? Generators.AddRange(OtherGenerators) : Generators;
        if (!extraGenerators.IsDefaultOrEmpty)
        {
            generators = generators.AddRange(extraGenerators);
        }

        additionalTexts = additionalTexts.IsDefault ? ImmutableArray<AdditionalText>.Empty : additionalTexts;
        GeneratorDriver driver = CSharpGeneratorDriver.Create(generators, additionalTexts, (CSharpParseOptions)compilation.SyntaxTrees.First().Options, optionsProvider);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        foreach (GeneratorRunResult result in driver.GetRunResult().Results)
        {
            if (result.Exception != null)
            {
                failures.Add($"generator {result.Generator.GetGeneratorType().Name} threw: {result.Exception}");
            }

            foreach (GeneratedSourceResult source in result.GeneratedSources)
            {
                foreach (Diagnostic d in source.SyntaxTree.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error))
                {
                    failures.Add($"generated {source.HintName} has a syntax error: {d}");
                }
            }
        }

        var options = new CompilationWithAnalyzersOptions(
            optionsProvider is null ? new AnalyzerOptions(additionalTexts) : new AnalyzerOptions(additionalTexts, optionsProvider),
            onAnalyzerException: (ex, analyzer, diagnostic) => failures.Add($"{analyzer.GetType().Name} threw: {ex}"),
            concurrentAnalysis: concurrent,
            logAnalyzerExecutionTime: false);
        var withAnalyzers = output.WithAnalyzers(Analyzers, options);
        ImmutableArray<Diagnostic> diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        foreach (Diagnostic d in diagnostics.Where(d => d.Id == "AD0001"))
        {
            failures.Add(d.ToString());
        }

        return new Outcome(failures.ToImmutableArray(), diagnostics.Where(d => d.Id != "AD0001").ToImmutableArray(), output, driver.GetRunResult());
    }

    private static ImmutableArray<ISourceGenerator> LoadOtherGenerators()
    {
        string folder = Path.Combine(AppContext.BaseDirectory, "Robustness", "Generators");
        var loader = new AssemblyLoader();
        var generators = ImmutableArray.CreateBuilder<ISourceGenerator>();
        var errors = new List<string>();
        foreach (string path in Directory.EnumerateFiles(folder, "*.dll").OrderBy(p => p, StringComparer.Ordinal))
        {
            var reference = new AnalyzerFileReference(path, loader);
            reference.AnalyzerLoadFailed += (_, e) => errors.Add($"{Path.GetFileName(path)}: {e.ErrorCode} {e.Message}");
            generators.AddRange(reference.GetGenerators(LanguageNames.CSharp));
        }

        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Generators failed to load: " + string.Join("; ", errors));
        }

        return generators.ToImmutable();
    }

    /// <summary>Loads generator assemblies into the test process, where they bind to its (newer) Roslyn.</summary>
    private sealed class AssemblyLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PiiGuard.Analyzers.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PiiGuard.Analyzers.sln not found above " + AppContext.BaseDirectory);
    }

    public sealed record Outcome(ImmutableArray<string> Failures, ImmutableArray<Diagnostic> Diagnostics, Compilation Output, GeneratorDriverRunResult Generated)
    {
        /// <summary>The files the generators wrote.</summary>
        public ImmutableHashSet<SyntaxTree> GeneratedTrees { get; } = Generated.GeneratedTrees.ToImmutableHashSet();
    }
}
