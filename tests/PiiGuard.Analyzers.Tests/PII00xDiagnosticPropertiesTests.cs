using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiGuard.Analyzers.Tests.Infrastructure;

namespace PiiGuard.Analyzers.Tests;

/// <summary>
/// The Diagnostic.Properties contract (DiagnosticPropertyNames, docs/inventory.md): with the code fixes, "piiKind" and
/// "fix" (mask, toMaskedString, pseudonymize); with the inventory, the tool and the build route, "member", "piiKind",
/// "sensitivity" and "sink" on every leak (PII001-PII005, PII007), and "type"/"member"/"name" on PII006 and PII008.
/// </summary>
public class PII00xDiagnosticPropertiesTests
{
    private static Task<ImmutableArray<Diagnostic>> RunAsync(string body) => RunAsync(body, new PersonalDataFlowAnalyzer());

    private static async Task<ImmutableArray<Diagnostic>> RunAsync(string body, params DiagnosticAnalyzer[] analyzers)
    {
        string source = """
            using System;
            using System.Diagnostics;
            using System.Net.Http;
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
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create(analyzers)).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
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
        Assert.Equal("PII002", diagnostic.Id); // the serialised object leaves the process (DESIGN: PII002, not PII005)
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

    /// <summary>"rule member piiKind sensitivity sink" of each diagnostic.</summary>
    private static string[] Describe(ImmutableArray<Diagnostic> diagnostics) => diagnostics
        .Select(d => string.Join(" | ", d.Id, d.Properties["member"], d.Properties["piiKind"], d.Properties["sensitivity"], d.Properties["sink"]))
        .ToArray();

    [Fact]
    public async Task EveryLeakRule_NamesMemberKindSensitivityAndSink()
    {
        var diagnostics = await RunAsync("""
            async System.Threading.Tasks.Task Run(ILogger logger, HttpClient client, Activity activity, Serilog.ILogger log, Customer c, Person p)
            {
                logger.LogInformation("{Id}", c.NationalId);
                await client.GetAsync("https://api.example.com/" + c.Email);
                activity.SetTag("phone", c.Phone);
                log.Information("{@P}", p);
                logger.LogWarning(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(c.Phone))));
                throw new InvalidOperationException(c.Diagnosis);
            }
            """);
        Assert.Equal(new[]
        {
            "PII001 | Customer.NationalId | NationalId | sensitive | ILogger.LogInformation",
            "PII002 | Customer.Email | Email | normal | HttpClient.GetAsync",
            "PII003 | Customer.Phone | Phone | normal | Activity.SetTag",
            "PII005 | Person | Name | normal | ILogger.Information",
            "PII007 | Customer.Phone | Phone | normal | ILogger.LogWarning",
            "PII004 | Customer.Diagnosis | Health | sensitive | new InvalidOperationException",
        }, Describe(diagnostics));
        Assert.Equal("SHA256.HashData", diagnostics.Single(d => d.Id == "PII007").Properties["hash"]);
        Assert.Equal("Name", diagnostics.Single(d => d.Id == "PII005").Properties["piiKinds"]);
    }

    [Fact]
    public async Task Leak_PropertiesNameParametersMethodsAndWholeObjects()
    {
        var diagnostics = await RunAsync("""
            void Run(ILogger logger, [Pii(PiiKind.Email)] string email, Customer c)
            {
                logger.LogInformation(email);
                logger.LogInformation("{C}", System.Text.Json.JsonSerializer.Serialize(c));
                logger.LogInformation("{Id}", Id());
            }

            [return: Pii(PiiKind.Passport)]
            string Id() => "";
            """);
        Assert.Equal(new[]
        {
            "PII001 | email | Email | normal | ILogger.LogInformation",
            "PII005 | Customer | NationalId | sensitive | ILogger.LogInformation",
            "PII001 | Service.Id() | Passport | sensitive | ILogger.LogInformation",
        }, Describe(diagnostics));
        Assert.Equal("NationalId,Email,Phone,Health", diagnostics[1].Properties["piiKinds"]);
    }

    [Fact]
    public async Task Leak_ThroughAHelper_SinkNamesTheHelper()
    {
        var diagnostics = await RunAsync("""
            private readonly ILogger _logger = null!;
            void Audit(string text) => _logger.LogInformation(text);
            void Run(Customer c) => Audit(c.Email);
            """);
        Assert.Equal(new[] { "PII001 | Customer.Email | Email | normal | Service.Audit -> ILogger.LogInformation" }, Describe(diagnostics));
    }

    [Fact]
    public async Task UnmaskedToString_NamesTypeFirstMemberKindsAndToString()
    {
        var diagnostics = await RunAsync("", new UnmaskedToStringAnalyzer());
        Diagnostic person = diagnostics.Single(d => d.Properties["type"] == "Person");
        Assert.Equal("PII006", person.Id);
        Assert.Equal("Person.Name", person.Properties["member"]);
        Assert.Equal("Name", person.Properties["name"]);
        Assert.Equal("Name", person.Properties["piiKind"]);
        Assert.Equal("Name", person.Properties["piiKinds"]);
        Assert.Equal("normal", person.Properties["sensitivity"]);
        Assert.Equal("Person.ToString", person.Properties["sink"]);
    }

    [Fact]
    public async Task UnmaskedToString_UserWritten_NamesItsMethod()
    {
        var diagnostics = await RunAsync("""
            }

            namespace Clinic
            {
                public class Patient
                {
                    [Pii(PiiKind.Name)] public string Name { get; set; } = "";
                    [Pii(PiiKind.Health)] public string Diagnosis { get; set; } = "";
                    public override string ToString() => Name + ": " + Diagnosis;
                }
            """, new UnmaskedToStringAnalyzer());
        Diagnostic patient = diagnostics.Single(d => d.Properties["type"] == "Clinic.Patient");
        Assert.Equal("Patient.Name", patient.Properties["member"]);
        Assert.Equal("Name,Health", patient.Properties["piiKinds"]);
        Assert.Equal("sensitive", patient.Properties["sensitivity"]);
        Assert.Equal("Patient.ToString", patient.Properties["sink"]);
    }

    [Fact]
    public async Task UnannotatedPersonalData_NamesTypeMemberKindAndSensitivity()
    {
        var diagnostics = await RunAsync("""
            }

            namespace Crm
            {
                public class Lead
                {
                    public string Ssn { get; set; } = "";
                    public string Email { get; set; } = "";
                }
            """, new UnannotatedPersonalDataAnalyzer());
        Assert.Equal(new[] { "Crm.Lead Lead.Ssn Ssn NationalId sensitive", "Crm.Lead Lead.Email Email Email normal" },
            diagnostics.Select(d => string.Join(" ", d.Properties["type"], d.Properties["member"], d.Properties["name"], d.Properties["piiKind"], d.Properties["sensitivity"])).ToArray());
    }

    [Fact]
    public async Task SensitiveLoggingSwitch_NamesTheSwitchAsSink()
    {
        var diagnostics = await RunAsync("""
            void Run(Microsoft.EntityFrameworkCore.DbContextOptionsBuilder options, Microsoft.Extensions.DependencyInjection.IServiceCollection services)
            {
                options.EnableSensitiveDataLogging();
                Microsoft.Extensions.DependencyInjection.HttpLoggingServicesExtensions.AddW3CLogging(services,
                    o => o.LoggingFields = Microsoft.AspNetCore.HttpLogging.W3CLoggingFields.Cookie);
            }
            """, new SensitiveLoggingSwitchAnalyzer());
        Assert.Equal(new[] { "DbContextOptionsBuilder.EnableSensitiveDataLogging", "W3CLoggerOptions.LoggingFields" },
            diagnostics.Select(d => d.Properties["sink"]).ToArray());
    }

    [Fact]
    public async Task Leak_NamesTheCarriersTypeAndName_HoweverItReachedTheSink()
    {
        var diagnostics = await RunAsync("""
            void Run(ILogger logger, Serilog.ILogger log, Customer c, Person p)
            {
                logger.LogInformation($"id {c.NationalId}");
                var email = c.Email;
                logger.LogInformation(email);
                log.Information("{@P}", p);
                logger.LogInformation(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(c.Phone))));
            }
            """);
        Assert.Equal(new[] { "PII001 Customer NationalId", "PII001 Customer Email", "PII005 Person -", "PII007 Customer Phone" },
            diagnostics.Select(d => d.Id + " " + d.Properties.GetValueOrDefault("type", "-") + " " + d.Properties.GetValueOrDefault("name", "-")).ToArray());
    }
}
