using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PiiGuard.Benchmarks;

/// <summary>
/// <c>profile [sizes] [repetitions] [baseline.dll]</c>: the CPU time of every PiiGuard analyzer over an in-memory
/// synthetic compilation (no MSBuild), and each analyzer's own time from Roslyn's telemetry. With a baseline (a
/// PiiGuard.Analyzers.dll built from another commit), both builds run interleaved on the same compilations, so a
/// change to the flow engine is compared side by side in one run. Each run uses a fresh compilation.
/// </summary>
public static class AnalyzerProfile
{
    public static int Run(int[] sizes, int repetitions, string? baseline)
    {
        repetitions = Math.Max(1, repetitions); // the first run of each row is the warm-up, not timed
        var variants = new List<(string Name, Assembly Assembly)>
        {
            ("floor", typeof(AnalyzerProfile).Assembly), // PiiGuard's generator and an empty operation-block analyzer: what any IOperation analyzer costs
            ("current", typeof(PiiGuard.Analyzers.RuleIdentifiers).Assembly),
        };
        // PIIGUARD_PROFILE_SYNTAX_FLOOR=1: also a row with an analyzer that registers only an empty code-block action (no
        // operation trees): what an analyzer pays that looks at syntax first and binds only the bodies it needs.
        if (Environment.GetEnvironmentVariable("PIIGUARD_PROFILE_SYNTAX_FLOOR") is "1" or "nogenerator")
        {
            variants.Insert(1, ("syntax-floor", typeof(EmptyCodeBlockAnalyzer).Assembly));
        }

        // PIIGUARD_PROFILE_FLOORS=1: also rows with an empty semantic-model action ("model-floor": one action per tree, after
        // the compiler has completed it) and an empty syntax-tree action ("tree-floor": what any analyzer costs the driver).
        if (Environment.GetEnvironmentVariable("PIIGUARD_PROFILE_FLOORS") == "1")
        {
            variants.Insert(1, ("model-floor", typeof(EmptySemanticModelAnalyzer).Assembly));
            variants.Insert(1, ("tree-floor", typeof(EmptySyntaxTreeAnalyzer).Assembly));
        }

        if (baseline != null)
        {
            // Its own load context: the same assembly name as the current build; Roslyn itself comes from the default context.
            var context = new AssemblyLoadContext("baseline", isCollectible: false);
            variants.Insert(1, ("baseline", context.LoadFromAssemblyPath(Path.GetFullPath(baseline))));
        }

        // PIIGUARD_PROFILE_ONLY=current (or baseline, floor): run only those rows, e.g. under dotnet-trace, where two builds of
        // the same assembly in one trace could not be told apart.
        // PIIGUARD_PROFILE_SPLIT=1: also a row per PiiGuard analyzer run alone ("only:Name"), to tell what each costs the
        // driver (its actions, the trees it makes the compiler build) besides its own time.
        if (Environment.GetEnvironmentVariable("PIIGUARD_PROFILE_SPLIT") == "1")
        {
            foreach (Type type in typeof(PiiGuard.Analyzers.RuleIdentifiers).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() != null))
            {
                variants.Add(("only:" + type.Name, typeof(PiiGuard.Analyzers.RuleIdentifiers).Assembly));
            }
        }

        if (Environment.GetEnvironmentVariable("PIIGUARD_PROFILE_ONLY") is { Length: > 0 } only)
        {
            string[] chosen = only.Split(',');
            variants.RemoveAll(v => !chosen.Contains(v.Name) && !(v.Name.StartsWith("only:", StringComparison.Ordinal) && chosen.Contains("only")));
        }

        // PIIGUARD_BENCH_VARIANT=plain|noruntime: the same code without any PiiGuard attribute (and, for noruntime,
        // without PiiGuard's runtime referenced), to measure what the analyzers cost code that declares no personal data.
        SyntheticVariant variant = SyntheticSolution.VariantFromEnvironment();
        string runtimeLocation = typeof(PiiGuard.PiiMask).Assembly.Location;
        MetadataReference[] references = AnalyzerBenchmarks.References()
            .Where(r => variant != SyntheticVariant.NoRuntime || !string.Equals(r.Display, runtimeLocation, StringComparison.Ordinal))
            .ToArray();
        // PIIGUARD_PROFILE_SEQUENTIAL=1: one thread for the compiler and the analyzers. On a loaded machine, threads that
        // spin waiting for descheduled ones burn CPU that is noise; a single thread's CPU time is steadier.
        bool sequential = Environment.GetEnvironmentVariable("PIIGUARD_PROFILE_SEQUENTIAL") == "1";
        Console.WriteLine($"synthetic code: {variant}, {references.Length} references{(sequential ? ", sequential" : "")}");
        foreach (int size in sizes)
        {
            var parse = new CSharpParseOptions(LanguageVersion.Latest);
            var trees = new List<SyntaxTree>();
            for (int i = 0; i < Math.Max(1, size / 2); i++)
            {
                trees.Add(CSharpSyntaxTree.ParseText(SyntheticSolution.Domain(i, variant), parse, $"Domain{i:D4}.cs"));
                trees.Add(CSharpSyntaxTree.ParseText(SyntheticSolution.Service(i, variant), parse, $"Service{i:D4}.cs"));
            }

            // PIIGUARD_PROFILE_PREFILTER=1: how many of the user's bodies the flow analyzer's prefilter keeps (binds), by member name.
            if (Environment.GetEnvironmentVariable("PIIGUARD_PROFILE_PREFILTER") == "1")
            {
                CountKeptBodies(CSharpCompilation.Create("Synthetic", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)));
            }

            var compileCpu = new List<double>();
            var compileGeneratedCpu = new List<double>();
            var cpu = variants.ToDictionary(v => v.Name, _ => new List<double>());
            var gcPause = variants.ToDictionary(v => v.Name, _ => new List<double>());
            var own = variants.ToDictionary(v => v.Name, _ => new Dictionary<string, List<double>>());
            var diagnostics = new Dictionary<string, int>();
            for (int rep = 0; rep <= repetitions; rep++)
            {
                Compilation compilation = CSharpCompilation.Create("Synthetic", Reparse(trees), references,
                    new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: !sequential));
                TimeSpan before = Process.GetCurrentProcess().TotalProcessorTime;
                compilation.Clone().GetDiagnostics();
                double compilerOnly = (Process.GetCurrentProcess().TotalProcessorTime - before).TotalSeconds;
                // The compiler alone over the same code plus PiiGuard's generated masking code: what the generator's output
                // costs to compile, apart from what the analyzers cost.
                CSharpGeneratorDriver.Create(Load("current", typeof(PiiGuard.Analyzers.RuleIdentifiers).Assembly).Generators)
                    .RunGeneratorsAndUpdateCompilation(compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(Reparse(trees)), out Compilation withGenerated, out _);
                before = Process.GetCurrentProcess().TotalProcessorTime;
                withGenerated.GetDiagnostics();
                double compilerGenerated = (Process.GetCurrentProcess().TotalProcessorTime - before).TotalSeconds;
                if (rep > 0)
                {
                    compileCpu.Add(compilerOnly);
                    compileGeneratedCpu.Add(compilerGenerated);
                }

                foreach ((string name, Assembly assembly) in variants)
                {
                    var (analyzers, generators) = Load(name, assembly);
                    // Trees parsed again for every row: a build parses its files once, and the red nodes and the syntax
                    // index PiiGuard caches per tree (BodyPrefilter) must not carry over from the rows before.
                    Compilation fresh = compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(Reparse(trees));
                    CSharpGeneratorDriver.Create(generators).RunGeneratorsAndUpdateCompilation(fresh, out Compilation generated, out _);
                    var withAnalyzers = generated.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                        new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: !sequential, logAnalyzerExecutionTime: true));
                    before = Process.GetCurrentProcess().TotalProcessorTime;
                    TimeSpan pauseBefore = GC.GetTotalPauseDuration();
                    AnalysisResult result = withAnalyzers.GetAnalysisResultAsync(CancellationToken.None).GetAwaiter().GetResult();
                    double seconds = (Process.GetCurrentProcess().TotalProcessorTime - before).TotalSeconds;
                    double paused = (GC.GetTotalPauseDuration() - pauseBefore).TotalSeconds;
                    if (rep == 0)
                    {
                        continue; // warm-up: JIT
                    }

                    cpu[name].Add(seconds);
                    gcPause[name].Add(paused);
                    diagnostics[name] = result.GetAllDiagnostics().Length;
                    foreach (var pair in result.AnalyzerTelemetryInfo)
                    {
                        string analyzer = pair.Key.GetType().Name;
                        if (!own[name].TryGetValue(analyzer, out var list))
                        {
                            own[name][analyzer] = list = new List<double>();
                        }

                        list.Add(pair.Value.ExecutionTime.TotalSeconds);
                    }
                }
            }

            Console.WriteLine($"{size} files: compiler alone, CPU {Median(compileCpu):F2} s (runs {Runs(compileCpu)}); with PiiGuard's generated code {Median(compileGeneratedCpu):F2} s (runs {Runs(compileGeneratedCpu)})");
            foreach ((string name, _) in variants)
            {
                Console.WriteLine($"  {name}: compiler + analyzers, CPU {Median(cpu[name]):F2} s (runs {Runs(cpu[name])}), GC pauses {Median(gcPause[name]):F2} s, {diagnostics[name]} diagnostics");
                foreach (var pair in own[name].OrderByDescending(p => Median(p.Value)).Take(8))
                {
                    Console.WriteLine($"    {pair.Key,-36} own time {Median(pair.Value),6:F2} s (runs {Runs(pair.Value)})");
                }
            }

            if (cpu.ContainsKey("current") && cpu.ContainsKey("baseline"))
            {
                double ratio = Median(cpu["current"].Zip(cpu["baseline"], (c, b) => c / b).ToList());
                double extraBaseline = Median(cpu["baseline"]) - Median(compileCpu);
                double extraCurrent = Median(cpu["current"]) - Median(compileCpu);
                Console.WriteLine($"  current/baseline CPU, median of paired runs: {ratio:F2}; CPU over the compiler alone: baseline {extraBaseline:F2} s, current {extraCurrent:F2} s");
            }
        }

        return 0;
    }

    /// <summary>The same files parsed again: new trees, with no red nodes and nothing cached against them.</summary>
    private static List<SyntaxTree> Reparse(List<SyntaxTree> trees) =>
        trees.Select(t => CSharpSyntaxTree.ParseText(t.GetText(), (CSharpParseOptions)t.Options, t.FilePath)).ToList();

    private static (ImmutableArray<DiagnosticAnalyzer> Analyzers, ISourceGenerator[] Generators) Load(string name, Assembly assembly)
    {
        if (name == "syntax-floor")
        {
            // PIIGUARD_PROFILE_SYNTAX_FLOOR=nogenerator: the same row without PiiGuard's generator, to tell what the analyzer
            // driver costs the user's code from what it costs the generated code.
            return (ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyCodeBlockAnalyzer()),
                Environment.GetEnvironmentVariable("PIIGUARD_PROFILE_SYNTAX_FLOOR") == "nogenerator"
                    ? Array.Empty<ISourceGenerator>()
                    : Load("current", typeof(PiiGuard.Analyzers.RuleIdentifiers).Assembly).Generators);
        }

        if (name is "model-floor" or "tree-floor")
        {
            return (ImmutableArray.Create<DiagnosticAnalyzer>(name == "model-floor" ? new EmptySemanticModelAnalyzer() : new EmptySyntaxTreeAnalyzer()),
                Load("current", typeof(PiiGuard.Analyzers.RuleIdentifiers).Assembly).Generators);
        }

        if (assembly == typeof(AnalyzerProfile).Assembly)
        {
            // PiiGuard's generator still runs, so that the floor compiles the same generated code as the other rows.
            return (ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyOperationBlockAnalyzer()), Load("current", typeof(PiiGuard.Analyzers.RuleIdentifiers).Assembly).Generators);
        }

        var analyzers = assembly.GetTypes()
            .Where(t => !name.StartsWith("only:", StringComparison.Ordinal) || t.Name == name.Substring(5))
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() != null)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        var generators = assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.GetCustomAttribute<GeneratorAttribute>() != null)
            .Select(t => ((IIncrementalGenerator)Activator.CreateInstance(t)!).AsSourceGenerator())
            .ToArray();
        return (analyzers, generators);
    }

    private static void CountKeptBodies(Compilation compilation)
    {
        var pii = PiiGuard.Analyzers.Core.PiiSymbols.Create(compilation);
        var prefilter = new PiiGuard.Analyzers.Flow.BodyPrefilter(compilation, pii, PiiGuard.Analyzers.Flow.Catalog.UserCatalog.Empty, userIdsArePersonal: false);
        var kept = new Dictionary<string, int>();
        var skipped = new Dictionary<string, int>();
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            SemanticModel model = compilation.GetSemanticModel(tree);
            foreach (SyntaxNode node in tree.GetRoot().DescendantNodes())
            {
                if (node is not (Microsoft.CodeAnalysis.CSharp.Syntax.BaseMethodDeclarationSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.AccessorDeclarationSyntax
                    or Microsoft.CodeAnalysis.CSharp.Syntax.ArrowExpressionClauseSyntax { Parent: Microsoft.CodeAnalysis.CSharp.Syntax.PropertyDeclarationSyntax })
                    || (node is Microsoft.CodeAnalysis.CSharp.Syntax.AccessorDeclarationSyntax { Body: null, ExpressionBody: null }))
                {
                    continue;
                }

                ISymbol? owner = model.GetDeclaredSymbol(node is Microsoft.CodeAnalysis.CSharp.Syntax.ArrowExpressionClauseSyntax arrow ? arrow.Parent! : node);
                if (owner is null)
                {
                    continue;
                }

                string name = owner.ContainingType?.Name.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9') + "." + owner.Name;
                var counts = prefilter.MayLeak(owner, node, CancellationToken.None) ? kept : skipped;
                counts[name] = counts.TryGetValue(name, out int n) ? n + 1 : 1;
            }
        }

        Console.WriteLine($"  prefilter: {kept.Values.Sum()} bodies kept, {skipped.Values.Sum()} skipped");
        foreach (var pair in kept.OrderByDescending(p => p.Value).Take(12))
        {
            Console.WriteLine($"    kept    {pair.Value,5} {pair.Key}");
        }

        foreach (var pair in skipped.OrderByDescending(p => p.Value).Take(12))
        {
            Console.WriteLine($"    skipped {pair.Value,5} {pair.Key}");
        }
    }

    private static string Runs(List<double> values) => string.Join(", ", values.Select(v => v.ToString("F2")));

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }
}

/// <summary>An analyzer that registers one action that does nothing: what the analyzer driver costs for that kind of action.</summary>
internal abstract class EmptyAnalyzer : DiagnosticAnalyzer
{
    private readonly DiagnosticDescriptor _unused;

    protected EmptyAnalyzer(string id) => _unused = new DiagnosticDescriptor(id, "unused", "unused", "Benchmark", DiagnosticSeverity.Hidden, true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(_unused);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        Register(context);
    }

    protected abstract void Register(AnalysisContext context);
}

/// <summary>Registers an operation-block action that does nothing: the driver still builds every IOperation tree.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class EmptyOperationBlockAnalyzer() : EmptyAnalyzer("FLOOR001")
{
    protected override void Register(AnalysisContext context) => context.RegisterOperationBlockAction(_ => { });
}

/// <summary>Registers a code-block action that does nothing: the driver declares every member but binds no body.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class EmptyCodeBlockAnalyzer() : EmptyAnalyzer("FLOOR002")
{
    protected override void Register(AnalysisContext context) => context.RegisterCodeBlockAction(_ => { });
}

/// <summary>Registers a semantic-model action that does nothing: one call per tree, no member declared to it, no body bound.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class EmptySemanticModelAnalyzer() : EmptyAnalyzer("FLOOR003")
{
    protected override void Register(AnalysisContext context) => context.RegisterSemanticModelAction(_ => { });
}

/// <summary>Registers a syntax-tree action that does nothing: what the analyzer driver costs with no semantic action at all.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class EmptySyntaxTreeAnalyzer() : EmptyAnalyzer("FLOOR004")
{
    protected override void Register(AnalysisContext context) => context.RegisterSyntaxTreeAction(_ => { });
}
