using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PiiGuard.Analyzers.Generator;
using PiiGuard.Analyzers.Tests.Infrastructure;

namespace PiiGuard.Analyzers.Tests.Generator;

/// <summary>Runs the masking generator over test sources and compiles, loads and runs the result.</summary>
public static class GeneratorHarness
{
    /// <summary>The result of one generator run.</summary>
    public sealed record Run(CSharpCompilation Input, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics, ImmutableArray<GeneratedSourceResult> Sources, GeneratorDriver Driver)
    {
        /// <summary>The generated files, by hint name.</summary>
        public IReadOnlyDictionary<string, string> Files => Sources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());

        /// <summary>The diagnostics of the output compilation at warning level or above.</summary>
        public ImmutableArray<Diagnostic> Problems => Output.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .ToImmutableArray();
    }

    public static CSharpParseOptions ParseOptions(LanguageVersion version = LanguageVersion.Latest) => new(version);

    public static CSharpCompilation CreateCompilation(IEnumerable<string> sources, LanguageVersion version = LanguageVersion.Latest, bool nullable = true, IEnumerable<MetadataReference>? references = null, CSharpParseOptions? options = null)
    {
        CSharpParseOptions parseOptions = options ?? ParseOptions(version);
        var trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, parseOptions, path: $"/src/File{i}.cs")).ToArray();
        return CSharpCompilation.Create(
            "GeneratorTest" + Guid.NewGuid().ToString("N"),
            trees,
            references ?? TestReferences.All,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: nullable ? NullableContextOptions.Enable : NullableContextOptions.Disable,
                generalDiagnosticOption: ReportDiagnostic.Default));
    }

    public static Run RunGenerator(string source, LanguageVersion version = LanguageVersion.Latest, bool nullable = true)
        => RunGenerator(new[] { source }, version, nullable);

    public static Run RunGenerator(IEnumerable<string> sources, LanguageVersion version = LanguageVersion.Latest, bool nullable = true, IEnumerable<MetadataReference>? references = null, CSharpParseOptions? options = null)
    {
        CSharpCompilation input = CreateCompilation(sources, version, nullable, references, options);
        GeneratorDriver driver = CreateDriver(version, options);
        driver = driver.RunGeneratorsAndUpdateCompilation(input, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        GeneratorDriverRunResult result = driver.GetRunResult();
        ImmutableArray<GeneratedSourceResult> generated = result.Results.Single().GeneratedSources;
        if (result.Results.Single().Exception is Exception e)
        {
            throw new InvalidOperationException("The generator threw.", e);
        }

        return new Run(input, output, diagnostics, generated, driver);
    }

    public static GeneratorDriver CreateDriver(LanguageVersion version = LanguageVersion.Latest, CSharpParseOptions? options = null)
        => CSharpGeneratorDriver.Create(
            new[] { new MaskingGenerator().AsSourceGenerator() },
            parseOptions: options ?? ParseOptions(version),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Asserts that the generated code compiles with no warning and no error.</summary>
    public static Run AssertCompilesClean(this Run run)
    {
        Assert.Empty(run.GeneratorDiagnostics);
        var problems = run.Problems;
        Assert.True(problems.IsEmpty, "The output compilation has problems:\n" + string.Join("\n", problems) + "\n\n" + string.Join("\n\n", run.Files.Values));
        return run;
    }

    /// <summary>Emits the output compilation, loads it in a collectible context and hands its assembly to <paramref name="use"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Execute(this Run run, Action<Assembly> use)
    {
        using var stream = new MemoryStream();
        var emit = run.Output.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        stream.Position = 0;
        var context = new AssemblyLoadContext("PiiGuardGeneratorTest", isCollectible: true);
        try
        {
            use(context.LoadFromStream(stream));
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>Creates an instance of a type of the test assembly, by full name, through its constructor.</summary>
    public static object Create(this Assembly assembly, string typeName, params object?[] arguments)
    {
        Type type = assembly.GetType(typeName, throwOnError: true)!;
        return Activator.CreateInstance(type, arguments)!;
    }

    /// <summary>Calls ToMaskedString() through PiiGuard.IMaskable.</summary>
    public static string Masked(object value) => ((IMaskable)value).ToMaskedString();
}
