using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PiiGuard.Benchmarks;

/// <summary>
/// <c>ide [repetitions]</c>: the <see cref="AnalyzerBenchmarks"/> scenario (semantic diagnostics of one 2,000-line file
/// on a fresh compilation, as after a keystroke) for each PiiGuard analyzer alone, all of them, and an empty
/// operation-block analyzer (what any IOperation analyzer pays: the driver binds every body a second time), interleaved,
/// medians of CPU milliseconds on one thread. A diagnosis tool for the BenchmarkDotNet figure, not a replacement.
/// </summary>
public static class IdeProfile
{
    public static int Run(int repetitions)
    {
        SyntaxTree tree = CSharpSyntaxTree.ParseText(AnalyzerBenchmarks.LargeFile(2000), new CSharpParseOptions(LanguageVersion.Latest), "Large.cs");
        Compilation compilation = CSharpCompilation.Create("Large", new[] { tree }, AnalyzerBenchmarks.References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false));
        Assembly assembly = typeof(PiiGuard.Analyzers.RuleIdentifiers).Assembly;
        var generators = assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.GetCustomAttribute<GeneratorAttribute>() != null)
            .Select(t => ((IIncrementalGenerator)Activator.CreateInstance(t)!).AsSourceGenerator());
        CSharpGeneratorDriver.Create(generators).RunGeneratorsAndUpdateCompilation(compilation, out compilation, out _);
        Type[] analyzerTypes = assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() != null)
            .ToArray();
        var rows = new List<(string Name, Func<ImmutableArray<DiagnosticAnalyzer>>? Analyzers)>
        {
            ("compiler only", null),
            ("empty operation-block analyzer", () => ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyOperationBlockAnalyzer())),
            ("all PiiGuard analyzers", () => analyzerTypes.Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!).ToImmutableArray()),
        };
        rows.AddRange(analyzerTypes.Select(t => (t.Name, (Func<ImmutableArray<DiagnosticAnalyzer>>?)(() => ImmutableArray.Create((DiagnosticAnalyzer)Activator.CreateInstance(t)!)))));

        // PIIGUARD_IDE_ONLY=row1,row2 keeps those rows (and the compiler's, for the ratio): a loop to profile one analyzer.
        if (Environment.GetEnvironmentVariable("PIIGUARD_IDE_ONLY") is { Length: > 0 } only)
        {
            var keep = new HashSet<string>(only.Split(','), StringComparer.Ordinal) { "compiler only" };
            rows.RemoveAll(r => !keep.Contains(r.Name));
        }
        var times = rows.ToDictionary(r => r.Name, _ => new List<double>());
        for (int rep = 0; rep <= repetitions; rep++)
        {
            foreach ((string name, Func<ImmutableArray<DiagnosticAnalyzer>>? analyzers) in rows)
            {
                Compilation fresh = compilation.Clone();
                SyntaxTree target = fresh.SyntaxTrees.First();
                TimeSpan before = Process.GetCurrentProcess().TotalProcessorTime;
                fresh.GetSemanticModel(target).GetDiagnostics();
                if (analyzers != null)
                {
                    var withAnalyzers = fresh.WithAnalyzers(analyzers(), new CompilationWithAnalyzersOptions(
                        new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
                    withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(fresh.GetSemanticModel(target), null, CancellationToken.None).GetAwaiter().GetResult();
                }

                double ms = (Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds;
                if (rep > 0)
                {
                    times[name].Add(ms);
                }
            }
        }

        double compiler = Median(times["compiler only"]);
        Console.WriteLine($"one 2,000-line file, {repetitions} interleaved rounds, CPU ms (median) and ratio to the compiler alone");
        foreach ((string name, _) in rows)
        {
            double median = Median(times[name]);
            Console.WriteLine($"  {name,-40} {median,8:F1} ms  {median / compiler,5:F2}x");
        }

        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted[sorted.Count / 2];
    }
}
