using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiGuard.Analyzers.Generator;

namespace PiiGuard.Benchmarks;

/// <summary>
/// <c>summaries [methods] [repetitions]</c>: what the summaries that travel with an assembly cost (docs/summaries.md).
/// For two in-memory libraries of about <c>methods</c> public methods (the synthetic solution's code, whose methods mostly
/// have nothing to record, and a library of logging helpers, every method of which is recorded), it reports the bytes the
/// attribute adds to the emitted assembly and the CPU time the summary generator adds to a compilation: a fresh
/// compilation compiled and emitted with and without the generator, interleaved, median of the repetitions after a warm-up.
/// </summary>
public static class SummaryCost
{
    public static int Run(int methods, int repetitions)
    {
        MetadataReference[] references = AnalyzerBenchmarks.References();
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var libraries = new List<(string Name, List<SyntaxTree> Trees)>
        {
            ("synthetic solution code", SyntheticTrees(methods, parse)),
            ("logging helpers (every method recorded)", HelperTrees(methods, parse)),
        };

        Console.WriteLine("| library | public methods | methods recorded | payload (bytes) | assembly without / with (bytes) | added | compile + emit CPU without / with (ms) | generator CPU | of which binding the bodies again |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach ((string name, List<SyntaxTree> trees) in libraries)
        {
            var without = new List<double>();
            var with = new List<double>();
            var bind = new List<double>();
            long sizeWithout = 0;
            long sizeWith = 0;
            string? payload = null;
            int publicMethods = 0;
            for (int rep = 0; rep <= repetitions; rep++)
            {
                // Interleaved: a shared machine's drift hits both configurations alike.
                (double cpu0, long size0, _) = Build(trees, references, generator: false);
                (double cpu1, long size1, string? text) = Build(trees, references, generator: true);
                double cpu2 = BindOnly(trees, references);
                if (rep == 0)
                {
                    continue; // warm-up (JIT)
                }

                without.Add(cpu0);
                with.Add(cpu1);
                bind.Add(cpu2);
                sizeWithout = size0;
                sizeWith = size1;
                payload = text;
            }

            Compilation probe = Create(trees, references);
            publicMethods = CountMethods(probe.Assembly.GlobalNamespace);
            int recorded = payload is null ? 0 : payload.Split('\n').Count(l => l.Length > 0 && !l.StartsWith("T:", StringComparison.Ordinal)) - 1;
            double m0 = Median(without);
            double m1 = Median(with);
            Console.WriteLine($"| {name} | {publicMethods} | {recorded} | {(payload is null ? 0 : Encoding.UTF8.GetByteCount(payload))} | {sizeWithout} / {sizeWith} | {sizeWith - sizeWithout} | {m0:F0} / {m1:F0} | +{m1 - m0:F0} ms ({(m1 - m0) / m0 * 100:F1}%) | {Median(bind) - m0:F0} ms |");
        }

        return 0;
    }

    private static (double CpuMs, long Size, string? Payload) Build(List<SyntaxTree> trees, MetadataReference[] references, bool generator)
    {
        CSharpCompilation compilation = Create(trees, references);
        TimeSpan before = Process.GetCurrentProcess().TotalProcessorTime;
        Compilation output = compilation;
        string? payload = null;
        if (generator)
        {
            GeneratorDriver driver = CSharpGeneratorDriver.Create(
                new[] { new SummaryGenerator().AsSourceGenerator() },
                parseOptions: (CSharpParseOptions)trees[0].Options,
                optionsProvider: new Options());
            driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out output, out _);
            payload = driver.GetRunResult().GeneratedTrees.FirstOrDefault()?.ToString();
        }

        using var stream = new MemoryStream();
        var result = output.Emit(stream);
        double cpu = (Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds;
        if (!result.Success)
        {
            throw new InvalidOperationException(string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5)));
        }

        if (Environment.GetEnvironmentVariable("PIIGUARD_SUMMARIES_DUMP") is { Length: > 0 } dump)
        {
            File.WriteAllBytes(Path.Combine(dump, (generator ? "with" : "without") + trees.Count + ".dll"), stream.ToArray());
            if (payload != null)
            {
                File.WriteAllText(Path.Combine(dump, "payload" + trees.Count + ".txt"), ExtractPayload(payload));
            }
        }

        string? text = payload is null ? null : ExtractPayload(payload);
        return (cpu, stream.Length, text);
    }

    /// <summary>Compile and emit after binding, on the same compilation as the generator's, every body the generator would summarise.</summary>
    private static double BindOnly(List<SyntaxTree> trees, MetadataReference[] references)
    {
        CSharpCompilation compilation = Create(trees, references);
        TimeSpan before = Process.GetCurrentProcess().TotalProcessorTime;
        var methods = new List<IMethodSymbol>();
        SummaryGenerator.CollectMethods(compilation.Assembly.GlobalNamespace, SummaryGenerator.HasInternalsVisibleTo(compilation.Assembly), methods);
        foreach (IMethodSymbol method in methods)
        {
            if (method.DeclaringSyntaxReferences.Length == 1)
            {
                SyntaxNode node = method.DeclaringSyntaxReferences[0].GetSyntax();
                compilation.GetSemanticModel(node.SyntaxTree).GetOperation(node);
            }
        }

        // What the compiler does after the generator: a new compilation (one more tree) that binds everything again.
        Compilation output = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("// nothing", (CSharpParseOptions)trees[0].Options));
        using var stream = new MemoryStream();
        output.Emit(stream);
        return (Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds;
    }

    private static string ExtractPayload(string generated)
    {
        var literal = (Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax)SyntaxFactory.ParseCompilationUnit(generated).AttributeLists.Single().Attributes.Single().ArgumentList!.Arguments[1].Expression;
        return (string)literal.Token.Value!;
    }

    private static CSharpCompilation Create(List<SyntaxTree> trees, MetadataReference[] references) => CSharpCompilation.Create("Library", trees, references,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, deterministic: true));

    /// <summary>The synthetic solution's domain and service files, about seven public methods per module, up to <paramref name="methods"/>.</summary>
    private static List<SyntaxTree> SyntheticTrees(int methods, CSharpParseOptions parse)
    {
        var trees = new List<SyntaxTree>();
        for (int i = 0; i < Math.Max(1, methods / 7); i++)
        {
            trees.Add(CSharpSyntaxTree.ParseText(SyntheticSolution.Domain(i), parse, $"Domain{i:D4}.cs"));
            trees.Add(CSharpSyntaxTree.ParseText(SyntheticSolution.Service(i), parse, $"Service{i:D4}.cs"));
        }

        return trees;
    }

    /// <summary>Logging helpers: ten public methods per class, each with a fact (a parameter reaching a log, a pass-through, a masking method).</summary>
    private static List<SyntaxTree> HelperTrees(int methods, CSharpParseOptions parse)
    {
        var trees = new List<SyntaxTree>();
        for (int i = 0; i < Math.Max(1, methods / 10); i++)
        {
            trees.Add(CSharpSyntaxTree.ParseText($$"""
                using Microsoft.Extensions.Logging;
                using PiiGuard;

                namespace Company.Shared.Logging.Module{{i}}
                {
                    public sealed class AuditTrail{{i}}(ILogger<AuditTrail{{i}}> log)
                    {
                        public void UserSignedIn(string userName, string ipAddress) => log.LogInformation("User {User} signed in from {Ip}", userName, ipAddress);
                        public void OrderPlaced(string orderId, decimal total) => log.LogInformation("Order {Order} of {Total}", orderId, total);
                        public void MailSent(string recipient) => log.LogDebug("Mail sent to {Recipient}", recipient);
                        public void Failed(string operation, string detail) => log.LogError("{Operation} failed: {Detail}", operation, detail);
                        public void Warn(string message) => log.LogWarning("{Message}", message);
                        public string Describe(string userName, string city) => userName + " from " + city;
                        public string Quote(string value) => "\"" + value + "\"";
                        public static string MaskedMail(string mail) => PiiMask.Email(mail) ?? "";
                        public static string MaskedPhone(string phone) => PiiMask.Phone(phone) ?? "";
                        public void Trace(string step, string userName) => Warn(step + " by " + userName);
                    }
                }
                """, parse, $"Helpers{i:D4}.cs"));
        }

        return trees;
    }

    private static int CountMethods(INamespaceOrTypeSymbol container)
    {
        int count = 0;
        foreach (ISymbol member in container.GetMembers())
        {
            count += member switch
            {
                INamespaceOrTypeSymbol nested => CountMethods(nested),
                IMethodSymbol { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Public, IsImplicitlyDeclared: false } => 1,
                _ => 0,
            };
        }

        return count;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private sealed class Options : AnalyzerConfigOptionsProvider
    {
        private static readonly Values On = new(true);
        private static readonly Values Off = new(false);

        public override AnalyzerConfigOptions GlobalOptions => On;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Off;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Off;

        private sealed class Values(bool on) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
            {
                value = on && key == SummaryGenerator.EnabledProperty ? "true" : null;
                return value != null;
            }
        }
    }
}
