using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiGuard.Analyzers.Tests.Infrastructure;

namespace PiiGuard.Analyzers.Tests;

/// <summary>Half-typed code never makes the leak analyzer throw (no AD0001), and a compilation without sources costs nothing.</summary>
public class PII00xRobustnessTests
{
    private static async Task<ImmutableArray<Diagnostic>> RunAsync(string body, bool withPiiGuard = true)
    {
        string source = """
            using System;
            using System.Linq;
            using System.Net.Http;
            using Microsoft.Extensions.Logging;
            using PiiGuard;

            partial class Service
            {
            """ + body + """

            }
            """ + (withPiiGuard ? LeakModels.Source : "");
        var references = withPiiGuard ? TestReferences.All : TestReferences.Framework;
        var compilation = CSharpCompilation.Create("Test", new[] { CSharpSyntaxTree.ParseText(source) }, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new PersonalDataFlowAnalyzer());
        var exceptions = new System.Collections.Concurrent.ConcurrentBag<System.Exception>();
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), (exception, analyzer, diagnostic) => exceptions.Add(exception), concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false);
        var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.Empty(exceptions);
        return diagnostics;
    }

    [Theory]
    [InlineData("void Run(ILogger logger, Customer c) => logger.LogInformation(c.Emial);")]
    [InlineData("void Run(ILogger logger, Customer c) { var x = ; logger.LogInformation(x); }")]
    [InlineData("void Run(ILogger logger, Customer c) => logger.LogInformation($\"{c.Email\");")]
    [InlineData("void Run(ILogger logger, Customer c) { Unknown.Method(c.Email); unknown(c.Phone); }")]
    [InlineData("void Run(Customer c) { var content = new StringContent(c.Email ")]
    [InlineData("void Run(ILogger logger, Customer c) { foreach (var e in ) { logger.LogInformation(e); } }")]
    [InlineData("void Run(Customer c) => throw new (c.Email);")]
    [InlineData("void Run(Customer c) { Local(c.Email); void Local(string s) => Local2(s); }")]
    [InlineData("void Run(ILogger logger, Customer c) => Foo(x => logger.LogInformation(x.Email));")]
    [InlineData("void Run(Serilog.ILogger log, Customer c, string template) => log.Information(template, c, c.Email);")]
    [InlineData("void Run(ILogger logger, Customer c) { var (a, b) = c.Email; logger.LogInformation(a); }")]
    [InlineData("void Run(ILogger logger, Customer c) { goto end; end: logger.LogInformation(c.Email); }")]
    [InlineData("string P => Q; string Q => P; void Run(ILogger logger) => logger.LogInformation(P);")]
    [InlineData("void Run(ILogger logger, Customer c) { dynamic d = c; logger.LogInformation(d.Email); Console.WriteLine(d); }")]
    [InlineData("void Run(ILogger logger, Customer? c) { logger.LogInformation(c?.Contact?.Email!); ref string r = ref Field; r = c!.Email; } string Field = \"\";")]
    public async Task BrokenOrUnusualCode_DoesNotThrow(string body)
    {
        var diagnostics = await RunAsync(body);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }

    [Fact]
    public async Task DeepConcatenation_DoesNotOverflow()
    {
        var builder = new StringBuilder("void Run(ILogger logger, Customer c) => logger.LogInformation(\"a\"");
        for (int i = 0; i < 400; i++)
        {
            builder.Append(i % 50 == 0 ? " + c.Email" : " + \"x\"");
        }

        builder.Append(");");
        var diagnostics = await RunAsync(builder.ToString());
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        Assert.Equal(8, diagnostics.Count(d => d.Id == "PII001"));
    }

    [Fact]
    public async Task CompilationWithoutPiiGuard_ReportsNothing()
    {
        var diagnostics = await RunAsync("void Run(string email) => Console.WriteLine(email);", withPiiGuard: false);
        Assert.Empty(diagnostics);
    }
}
