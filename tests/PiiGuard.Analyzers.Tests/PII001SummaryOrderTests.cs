using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PiiGuard.Analyzers.Core;
using PiiGuard.Analyzers.Flow;
using PiiGuard.Analyzers.Tests.Infrastructure;

namespace PiiGuard.Analyzers.Tests;

/// <summary>
/// Method summaries do not depend on which method the driver analyses first: a summary cut short by recursion or by
/// the depth limit is not shared with other analyses (it used to be cached, so a leak through mutual recursion was
/// reported or missed depending on the order of the files).
/// </summary>
public class PII001SummaryOrderTests
{
    private const string Helpers = """
        using PiiGuard;

        public class Customer
        {
            [Pii(PiiKind.Email)] public string Email { get; set; } = "";
            public string Tier { get; set; } = "";
        }

        public static class Ping
        {
            // Mutual recursion: Pong's result carries the e-mail through Ping.
            public static string Ping1(Customer c, int n) => n == 0 ? c.Email : Pong(c, n - 1);
            public static string Pong(Customer c, int n) => n == 0 ? c.Tier : Ping1(c, n - 1);
        }
        """;

    private const string ViaPing = """
        using Microsoft.Extensions.Logging;

        public class ViaPing
        {
            public void Run(ILogger logger, Customer c) => logger.LogInformation(Ping.Ping1(c, 3));
        }
        """;

    private const string ViaPong = """
        using Microsoft.Extensions.Logging;

        public class ViaPong
        {
            public void Run(ILogger logger, Customer c) => logger.LogInformation(Pong2.Call(c));
        }

        public static class Pong2
        {
            public static string Call(Customer c) => Ping.Pong(c, 3);
        }
        """;

    /// <summary>
    /// Drives the engine directly, one method after the other in a chosen order (the analyzer driver's order cannot be
    /// chosen): analysing ViaPing first used to cache Pong's summary as "carries nothing" (Ping1 was on the call chain
    /// when Pong was summarised), and the leak through ViaPong was then missed.
    /// </summary>
    [Theory]
    [InlineData("ViaPing", "ViaPong")]
    [InlineData("ViaPong", "ViaPing")]
    public void MutualRecursion_SameLeaksWhicheverMethodIsAnalysedFirst(string first, string second)
    {
        var compilation = CSharpCompilation.Create(
            "Order",
            new[]
            {
                CSharpSyntaxTree.ParseText(Helpers, path: "Helpers.cs"),
                CSharpSyntaxTree.ParseText(ViaPing, path: "ViaPing.cs"),
                CSharpSyntaxTree.ParseText(ViaPong, path: "ViaPong.cs"),
            },
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var pii = PiiSymbols.Create(compilation);
        var engine = new LeakEngine(new KnownSymbols(compilation, pii, PiiGuardOptions.Parse(null, null, compilation)));

        var leaks = new List<string>();
        foreach (string typeName in new[] { first, second })
        {
            IMethodSymbol run = compilation.GetTypeByMetadataName(typeName)!.GetMembers("Run").OfType<IMethodSymbol>().Single();
            SyntaxNode declaration = run.DeclaringSyntaxReferences.Single().GetSyntax();
            IOperation body = compilation.GetSemanticModel(declaration.SyntaxTree).GetOperation(declaration)!;
            var reporter = new LeakReporter(declaration.SyntaxTree);
            TaintWalker.Analyze(engine, body, reporter, CancellationToken.None);
            leaks.AddRange(reporter.Diagnostics.Where(d => d.Id == RuleIdentifiers.LogLeak).Select(_ => typeName));
        }

        Assert.Equal(new[] { "ViaPing", "ViaPong" }, leaks.OrderBy(l => l, System.StringComparer.Ordinal));
    }

    [Fact]
    public Task ChainOfSixHelpers_IsFollowed() => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync("""
        using Microsoft.Extensions.Logging;
        using PiiGuard;

        public class Customer
        {
            [Pii(PiiKind.Phone)] public string Phone { get; set; } = "";
        }

        public static class Chain
        {
            public static string L1(Customer c) => L2(c);
            public static string L2(Customer c) => L3(c);
            public static string L3(Customer c) => L4(c);
            public static string L4(Customer c) => L5(c);
            public static string L5(Customer c) => L6(c);
            public static string L6(Customer c) => "tel:" + c.Phone;
        }

        public class Service
        {
            public void Run(ILogger logger, Customer c)
            {
                logger.LogInformation({|PII001:Chain.L1(c)|});
                logger.LogInformation({|PII001:Chain.L4(c)|});
            }
        }
        """);
}
