using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiGuard.Analyzers.Tests.Infrastructure;

namespace PiiGuard.Analyzers.Tests;

/// <summary>The Diagnostic.Properties contract with the code fixes: "piiKind" and "fix" (mask, toMaskedString, pseudonymize).</summary>
public class PII00xDiagnosticPropertiesTests
{
    private static async Task<ImmutableArray<Diagnostic>> RunAsync(string body)
    {
        string source = """
            using System;
            using System.Security.Cryptography;
            using System.Text;
            using Microsoft.Extensions.Logging;
            using PiiGuard;

            partial class Service
            {
            """ + body + """

            }
            """ + LeakModels.Source;
        var compilation = CSharpCompilation.Create(
            "Test",
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) },
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new PersonalDataFlowAnalyzer());
        var diagnostics = await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        return diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
    }

    [Fact]
    public async Task StringExpression_GetsMask()
    {
        var diagnostics = await RunAsync("""
            void Run(ILogger logger, Customer c) => logger.LogInformation("{Id}", c.NationalId);
            """);
        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("PII001", diagnostic.Id);
        Assert.Equal("NationalId", diagnostic.Properties["piiKind"]);
        Assert.Equal("mask", diagnostic.Properties["fix"]);
        Assert.Equal("c.NationalId", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
    }

    [Fact]
    public async Task NonStringExpression_HasNoFix()
    {
        var diagnostics = await RunAsync("""
            void Run(ILogger logger, Customer c) => logger.LogInformation("{Uri}", new Uri("https://x/" + c.Email));
            """);
        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("Email", diagnostic.Properties["piiKind"]);
        Assert.False(diagnostic.Properties.ContainsKey("fix"));
    }

    [Fact]
    public async Task MaskableObject_GetsToMaskedString()
    {
        var diagnostics = await RunAsync("""
            void Run(Serilog.ILogger log, MaskedPerson p, Person plain)
            {
                log.Information("{@P}", p);
                log.Information("{@P}", plain);
            }
            """);
        Assert.Equal(2, diagnostics.Length);
        Assert.All(diagnostics, d => Assert.Equal("PII005", d.Id));
        Assert.Equal("toMaskedString", diagnostics[0].Properties["fix"]);
        Assert.Equal("Name", diagnostics[0].Properties["piiKind"]);
        Assert.False(diagnostics[1].Properties.ContainsKey("fix"));
    }

    [Fact]
    public async Task MaskableObject_AssignedToAMemberOfItsType_HasNoFix()
    {
        var diagnostics = await RunAsync("""
            void Run(Confluent.Kafka.IProducer<string, MaskedPerson> producer, MaskedPerson p)
            {
                producer.Produce("people", new Confluent.Kafka.Message<string, MaskedPerson> { Value = p });
            }
            """);
        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("PII005", diagnostic.Id);
        Assert.Equal("Name", diagnostic.Properties["piiKind"]);
        Assert.False(diagnostic.Properties.ContainsKey("fix"));
    }

    [Fact]
    public async Task UnkeyedHash_GetsPseudonymizeAtTheHash()
    {
        var diagnostics = await RunAsync("""
            void Run(ILogger logger, Customer c)
            {
                var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(c.Phone)));
                logger.LogInformation(hash);
            }
            """);
        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("PII007", diagnostic.Id);
        Assert.Equal("pseudonymize", diagnostic.Properties["fix"]);
        Assert.Equal("Phone", diagnostic.Properties["piiKind"]);
        Assert.StartsWith("SHA256.HashData(", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
    }
}
