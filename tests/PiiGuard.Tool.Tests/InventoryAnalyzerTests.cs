using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiGuard.Analyzers;
using PiiGuard.Analyzers.Inventory;

namespace PiiGuard.Tool.Tests;

/// <summary>The inventory analyzer in process: PII201 members, PII202 masked and pseudonymised flows, off by default.</summary>
public sealed class InventoryAnalyzerTests
{
    private const string Source = """
        using Microsoft.Extensions.Logging;
        using PiiGuard;

        public record Person([Pii(PiiKind.Name)] string FullName, string Country);

        public class Customer
        {
            [Pii(PiiKind.NationalId)] public string NationalId { get; set; } = "";
            [Pii(PiiKind.Email)] public string Email { get; set; } = "";
            [Pii(PiiKind.Phone)] public string Phone = "";
            public bool EmailConfirmed { get; set; }
            public string Tier { get; set; } = "";
            public string ToMaskedString() => "Customer { *** }";
        }

        public static class Redact
        {
            [PiiSanitizer] public static string Hide(string value) => "***";
        }

        public class Service
        {
            private readonly ILogger _logger;
            public Service(ILogger logger) => _logger = logger;

            public void Run(Customer c, byte[] key)
            {
                _logger.LogInformation("id {Id}", PiiMask.NationalId(c.NationalId));      // masked
                string masked = PiiMask.Email(c.Email) ?? "";
                _logger.LogInformation("mail {Mail}", masked);                             // masked, through a local
                _logger.LogInformation("p {P}", PiiMask.Pseudonymize(c.Email, key));       // pseudonymised
                _logger.LogInformation("phone {Phone}", Redact.Hide(c.Phone));             // masked by [PiiSanitizer]
                _logger.LogInformation("customer {C}", c.ToMaskedString());                // every personal member, masked
                string unused = PiiMask.Phone(c.Phone) ?? "";                               // not a sink: nothing
            }
        }
        """;

    private static ImmutableArray<Diagnostic> Analyze(bool enabled)
    {
        string frameworkDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetDirectoryName(p) == frameworkDir && !Path.GetFileName(p).StartsWith("Microsoft.VisualBasic", StringComparison.Ordinal))
            .Select(p => MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(PiiGuard.PiiMask).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location))
            .ToList();
        CSharpCompilation compilation = CSharpCompilation.Create("Inventory", new[] { CSharpSyntaxTree.ParseText(Source, path: "Service.cs") }, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new Provider(enabled ? "true" : null));
        return compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new PersonalDataInventoryAnalyzer()), options)
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
    }

    [Fact]
    public void Silent_without_the_build_property()
    {
        Assert.Empty(Analyze(enabled: false));
    }

    [Fact]
    public void Reports_every_personal_member_with_its_data()
    {
        var members = Analyze(enabled: true).Where(d => d.Id == "PII201")
            .Select(d => string.Join(" ", d.Properties["type"], d.Properties["member"], d.Properties["kind"], d.Properties["sensitive"], d.Properties["source"]))
            .OrderBy(x => x, StringComparer.Ordinal).ToArray();
        Assert.Equal(new[]
        {
            "Customer Email Email false Pii",
            "Customer NationalId NationalId true Pii",
            "Customer Phone Phone false Pii",
            "Person FullName Name false Pii", // [Pii] on a positional record parameter marks the property
        }, members);
    }

    [Fact]
    public void Reports_masked_and_pseudonymised_flows_into_sinks()
    {
        var flows = Analyze(enabled: true).Where(d => d.Id == "PII202")
            .Select(d => string.Join(" ", d.Location.GetLineSpan().StartLinePosition.Line + 1, d.Properties["member"], d.Properties["state"], d.Properties["sanitizer"], d.Properties["sink"]))
            .OrderBy(x => x, StringComparer.Ordinal).ToArray();
        Assert.Equal(new[]
        {
            "28 NationalId masked PiiMask.NationalId ILogger.LogInformation",
            "30 Email masked PiiMask.Email ILogger.LogInformation",
            "31 Email pseudonymised PiiMask.Pseudonymize ILogger.LogInformation",
            "32 Phone masked Redact.Hide ILogger.LogInformation",
            "33 Email masked Customer.ToMaskedString ILogger.LogInformation",
            "33 NationalId masked Customer.ToMaskedString ILogger.LogInformation",
            "33 Phone masked Customer.ToMaskedString ILogger.LogInformation",
        }, flows);
    }

    private sealed class Provider : AnalyzerConfigOptionsProvider
    {
        public Provider(string? inventory) => GlobalOptions = new Options(inventory);

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(null);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(null);

        private sealed class Options : AnalyzerConfigOptions
        {
            private readonly string? _inventory;

            public Options(string? inventory) => _inventory = inventory;

            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
            {
                value = key == PersonalDataInventoryAnalyzer.EnableOption ? _inventory : null;
                return value != null;
            }
        }
    }
}
