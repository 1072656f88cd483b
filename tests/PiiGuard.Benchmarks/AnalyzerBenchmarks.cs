using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PiiGuard.Benchmarks;

/// <summary>
/// The IDE's cost of a keystroke: semantic analysis of one 2,000-line file, by the compiler alone and with
/// every PiiGuard analyzer (and generator), on a fresh compilation each time (as after an edit).
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private SyntaxTree _tree = null!;
    private ImmutableArray<DiagnosticAnalyzer> _analyzers;
    private GeneratorDriver _driver = null!;

    [GlobalSetup]
    public void Setup()
    {
        _tree = CSharpSyntaxTree.ParseText(LargeFile(2000), new CSharpParseOptions(LanguageVersion.Latest), "Large.cs");
        _compilation = CSharpCompilation.Create("Large", new[] { _tree }, References(), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assembly analyzerAssembly = typeof(PiiGuard.Analyzers.RuleIdentifiers).Assembly;
        _analyzers = analyzerAssembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() != null)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        var generators = analyzerAssembly.GetTypes()
            .Where(t => !t.IsAbstract && t.GetCustomAttribute<GeneratorAttribute>() != null)
            .Select(t => ((IIncrementalGenerator)Activator.CreateInstance(t)!).AsSourceGenerator());
        _driver = CSharpGeneratorDriver.Create(generators);
        _driver = _driver.RunGeneratorsAndUpdateCompilation(_compilation, out var updated, out _);
        _compilation = (CSharpCompilation)updated;
        int errors = _compilation.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
        Console.WriteLine($"// {_tree.GetText().Lines.Count} lines, {_analyzers.Length} analyzers, {errors} compile errors");
    }

    [Benchmark(Baseline = true)]
    public int CompilerOnly() => _compilation.Clone().GetSemanticModel(_compilation.SyntaxTrees.First()).GetDiagnostics().Length;

    [Benchmark]
    public int CompilerAndPiiGuardAnalyzers()
    {
        var compilation = _compilation.Clone();
        var tree = compilation.SyntaxTrees.First();
        var withAnalyzers = compilation.WithAnalyzers(_analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        int compilerDiagnostics = compilation.GetSemanticModel(tree).GetDiagnostics().Length;
        return compilerDiagnostics + withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), null, CancellationToken.None).GetAwaiter().GetResult().Length;
    }

    internal static string LargeFile(int lines)
    {
        var sb = new StringBuilder();
        int i = 0;
        var usings = new StringBuilder();
        while (sb.ToString().Split('\n').Length < lines)
        {
            sb.AppendLine(StripUsings(SyntheticSolution.Domain(i), usings));
            sb.AppendLine(StripUsings(SyntheticSolution.Service(i), usings));
            i++;
        }

        return usings.ToString() + sb;
    }

    private static string StripUsings(string text, StringBuilder usings)
    {
        var body = new StringBuilder();
        foreach (string line in text.Split('\n'))
        {
            if (line.StartsWith("using ", StringComparison.Ordinal) && line.TrimEnd().EndsWith(';'))
            {
                if (!usings.ToString().Contains(line.TrimEnd(), StringComparison.Ordinal))
                {
                    usings.AppendLine(line.TrimEnd());
                }
            }
            else
            {
                body.AppendLine(line.TrimEnd('\r'));
            }
        }

        return body.ToString();
    }

    internal static MetadataReference[] References()
    {
        string tpa = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        string frameworkDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return tpa.Split(Path.PathSeparator)
            .Where(p => Path.GetDirectoryName(p) == frameworkDir && !Path.GetFileName(p).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            .Append(typeof(PiiMask).Assembly.Location)
            .Append(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location)
            .Where(IsManaged)
            .Distinct()
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToArray();
    }

    private static bool IsManaged(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
            return pe.HasMetadata;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
