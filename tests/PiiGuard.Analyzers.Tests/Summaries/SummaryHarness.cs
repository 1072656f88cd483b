using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiGuard.Analyzers.Generator;
using PiiGuard.Analyzers.Tests.Infrastructure;

namespace PiiGuard.Analyzers.Tests.Summaries;

/// <summary>Builds a library as a build would (with the summary generator, to a real PE image) for the tests of summaries across assemblies.</summary>
public static class SummaryHarness
{
    public static CSharpCompilation CreateLibrary(params string[] sources) => CSharpCompilation.Create(
        "Lib",
        sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest), path: $"/lib/File{i}.cs")),
        TestReferences.All,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, deterministic: true));

    /// <summary>A driver with the summary generator; <paramref name="summaries"/> is the value of the PiiGuardSummaries property (null: not set).</summary>
    public static GeneratorDriver CreateDriver(string? summaries, IReadOnlyDictionary<string, string>? options = null)
    {
        var values = new Dictionary<string, string>(options ?? new Dictionary<string, string>());
        if (summaries != null)
        {
            values[SummaryGenerator.EnabledProperty] = summaries;
        }

        return CSharpGeneratorDriver.Create(
            new[] { new SummaryGenerator().AsSourceGenerator() },
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            optionsProvider: new Provider(values),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    /// <summary>Runs the generator and returns the output compilation and the generated text (null when nothing was generated).</summary>
    public static (Compilation Output, string? Generated, GeneratorDriver Driver) Run(CSharpCompilation library, string? summaries = "true", IReadOnlyDictionary<string, string>? options = null)
    {
        GeneratorDriver driver = CreateDriver(summaries, options).RunGeneratorsAndUpdateCompilation(library, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        Assert.Empty(diagnostics);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        return (output, result.GeneratedSources.SingleOrDefault(s => s.HintName == SummaryGenerator.HintName).SourceText?.ToString(), driver);
    }

    /// <summary>The library's PE image, built with the summary generator (or without it, as a build without PiiGuard).</summary>
    public static byte[] BuildLibrary(string source, bool summaries = true)
    {
        CSharpCompilation library = CreateLibrary(source);
        Compilation output = summaries ? Run(library).Output : library;
        return Emit(output);
    }

    /// <summary>The application's personal type, appended to every application of the cross-assembly tests.</summary>
    public const string Customer = """

        public class Customer
        {
            [PiiGuard.Pii(PiiGuard.PiiKind.Phone)] public string Mobile { get; set; } = "";
            public string Tier { get; set; } = "";
        }
        """;

    /// <summary>Runs the flow analyzer on <paramref name="app"/> (plus <see cref="Customer"/>) compiled against the library's image.</summary>
    public static System.Threading.Tasks.Task VerifyApp(byte[] library, string app, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected)
    {
        var test = AnalyzerVerifier<PersonalDataFlowAnalyzer>.CreateTest(app + Customer);
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromImage(library));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(System.Threading.CancellationToken.None);
    }

    public static byte[] Emit(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        return stream.ToArray();
    }

    private sealed class Provider : AnalyzerConfigOptionsProvider
    {
        private static readonly Options NoOptions = new(new Dictionary<string, string>());

        public Provider(IReadOnlyDictionary<string, string> global) => GlobalOptions = new Options(global);

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => NoOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => NoOptions;

        private sealed class Options(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
