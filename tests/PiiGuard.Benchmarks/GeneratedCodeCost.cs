using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PiiGuard.Benchmarks;

/// <summary>
/// <c>generated [size] [repetitions]</c>: what the masking generator's output costs the compiler. The synthetic code is
/// compiled alone and with the generator's output (doc comments not parsed, as csc does without /doc), single-threaded,
/// interleaved, medians; PIIGUARD_GENCOST_DROP=Name1,Name2 also compiles the output without those generated methods, to
/// see which part of it costs what.
/// </summary>
public static class GeneratedCodeCost
{
    public static int Run(int size, int repetitions)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.None);
        var trees = new List<SyntaxTree>();
        for (int i = 0; i < Math.Max(1, size / 2); i++)
        {
            trees.Add(CSharpSyntaxTree.ParseText(SyntheticSolution.Domain(i), parse, $"Domain{i:D4}.cs"));
            trees.Add(CSharpSyntaxTree.ParseText(SyntheticSolution.Service(i), parse, $"Service{i:D4}.cs"));
        }

        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false);
        Compilation compilation = CSharpCompilation.Create("Synthetic", trees, AnalyzerBenchmarks.References(), options);
        var generators = typeof(PiiGuard.Analyzers.RuleIdentifiers).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.GetCustomAttributes(typeof(GeneratorAttribute), false).Length > 0)
            .Select(t => ((IIncrementalGenerator)Activator.CreateInstance(t)!).AsSourceGenerator())
            .ToArray();
        CSharpGeneratorDriver.Create(generators, parseOptions: parse).RunGeneratorsAndUpdateCompilation(compilation, out Compilation generated, out _);
        var generatedTrees = generated.SyntaxTrees.Except(trees).ToList();
        long chars = generatedTrees.Sum(t => (long)t.Length);
        int lines = generatedTrees.Sum(t => t.GetText().Lines.Count);
        Console.WriteLine($"{size} files: {generatedTrees.Count} generated files, {lines} lines, {chars / 1024} KiB");

        // PIIGUARD_GENCOST_GENONLY=N: only run the generators N times over fresh compilations (a loop to profile), then stop.
        if (int.TryParse(Environment.GetEnvironmentVariable("PIIGUARD_GENCOST_GENONLY"), out int generatorRuns))
        {
            for (int run = 0; run < generatorRuns; run++)
            {
                CSharpGeneratorDriver.Create(generators, parseOptions: parse).RunGenerators(compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(trees));
            }

            return 0;
        }

        var rows = new List<(string Name, Compilation Compilation)> { ("compiler alone", compilation), ("with generated code", generated) };
        // PIIGUARD_GENCOST_DUMP=dir writes the generated files there; PIIGUARD_GENCOST_LOAD=dir1,dir2 compiles rows with the
        // files of those directories instead (edited copies of a dump), to try another shape of output before changing the emitter.
        if (Environment.GetEnvironmentVariable("PIIGUARD_GENCOST_DUMP") is { Length: > 0 } dump)
        {
            System.IO.Directory.CreateDirectory(dump);
            foreach (SyntaxTree tree in generatedTrees)
            {
                System.IO.File.WriteAllText(System.IO.Path.Combine(dump, System.IO.Path.GetFileName(tree.FilePath)), tree.ToString());
            }
        }

        if (Environment.GetEnvironmentVariable("PIIGUARD_GENCOST_LOAD") is { Length: > 0 } load)
        {
            foreach (string dir in load.Split(','))
            {
                var loaded = System.IO.Directory.EnumerateFiles(dir, "*.cs").Select(f => CSharpSyntaxTree.ParseText(System.IO.File.ReadAllText(f), parse, f));
                rows.Add(($"with {System.IO.Path.GetFileName(dir)}", compilation.AddSyntaxTrees(loaded)));
            }
        }

        if (Environment.GetEnvironmentVariable("PIIGUARD_GENCOST_DROP") is { Length: > 0 } drop)
        {
            foreach (string name in drop.Split(','))
            {
                var stripped = generatedTrees.Select(t => t.WithRootAndOptions(new DropMethods(name).Visit(t.GetRoot()), t.Options)).ToList();
                rows.Add(($"without {name}", compilation.AddSyntaxTrees(stripped)));
            }
        }

        var cpu = rows.ToDictionary(r => r.Name, _ => new List<double>());
        for (int rep = 0; rep <= repetitions; rep++)
        {
            foreach (var (name, c) in rows)
            {
                Compilation fresh = c.RemoveAllSyntaxTrees().AddSyntaxTrees(c.SyntaxTrees);
                TimeSpan before = Process.GetCurrentProcess().TotalProcessorTime;
                int errors = fresh.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
                double seconds = (Process.GetCurrentProcess().TotalProcessorTime - before).TotalSeconds;
                if (rep > 0)
                {
                    cpu[name].Add(seconds);
                }
                else if (errors > 0 && !name.StartsWith("without", StringComparison.Ordinal))
                {
                    Console.WriteLine($"  {name}: {errors} compile errors, first: {fresh.GetDiagnostics().First(d => d.Severity == DiagnosticSeverity.Error)}");
                }
            }
        }

        // The generators' own run (no compile of their output): a fresh driver over a fresh compilation each time, as a
        // full build does; the driver's wall-clock timing per generator and the process CPU of the whole driver run
        // (the CPU row is the one to quote on a shared machine), medians of the runs.
        var generatorTimes = new Dictionary<string, List<double>>();
        for (int rep = 0; rep <= repetitions; rep++)
        {
            Compilation fresh = compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(trees);
            TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            GeneratorDriver driver = CSharpGeneratorDriver.Create(generators, parseOptions: parse).RunGenerators(fresh);
            double driverCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            if (rep > 0)
            {
                (generatorTimes.TryGetValue("(driver, CPU)", out var cpuList) ? cpuList : generatorTimes["(driver, CPU)"] = new List<double>()).Add(driverCpu);
            }

            foreach (GeneratorTimingInfo timing in driver.GetTimingInfo().GeneratorTimes)
            {
                if (rep > 0)
                {
                    string key = timing.Generator.GetGeneratorType().Name;
                    (generatorTimes.TryGetValue(key, out var list) ? list : generatorTimes[key] = new List<double>()).Add(timing.ElapsedTime.TotalSeconds);
                }
            }
        }

        foreach (var (name, times) in generatorTimes.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            double m = Median(times);
            Console.WriteLine($"  generator {name,-30} own time {m * 1000,7:F0} ms ({m * 1000 / Math.Max(1, size / 2):F3} ms per type; runs {string.Join(", ", times.Select(v => (v * 1000).ToString("F0")))})");
        }

        double baseline = Median(cpu["compiler alone"]);
        foreach (var (name, _) in rows)
        {
            double m = Median(cpu[name]);
            Console.WriteLine($"  {name,-40} CPU {m,6:F2} s (+{m - baseline:F2} s; runs {string.Join(", ", cpu[name].Select(v => v.ToString("F2")))})");
        }

        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted[sorted.Count / 2];
    }

    private sealed class DropMethods(string name) : CSharpSyntaxRewriter
    {
        public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node) =>
            node.Identifier.ValueText == name || node.ExplicitInterfaceSpecifier != null && name == "explicit" ? null : node;
    }
}
