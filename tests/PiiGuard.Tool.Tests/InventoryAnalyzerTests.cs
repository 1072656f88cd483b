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
using PiiGuard.Inventory;

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

    private static ImmutableArray<Diagnostic> Analyze(bool enabled) => Analyze(enabled, Source, new PersonalDataInventoryAnalyzer());

    private static ImmutableArray<Diagnostic> Analyze(bool enabled, string source, params DiagnosticAnalyzer[] analyzers)
    {
        string frameworkDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetDirectoryName(p) == frameworkDir && !Path.GetFileName(p).StartsWith("Microsoft.VisualBasic", StringComparison.Ordinal))
            .Select(p => MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(PiiGuard.PiiMask).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(Microsoft.AspNetCore.Identity.IdentityUser).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(Microsoft.AspNetCore.Identity.PersonalDataAttribute).Assembly.Location))
            .ToList();
        CSharpCompilation compilation = CSharpCompilation.Create("Inventory", new[] { CSharpSyntaxTree.ParseText(source, path: "Service.cs") }, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new Provider(enabled ? "true" : null));
        return compilation.WithAnalyzers(ImmutableArray.Create(analyzers), options)
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
            .Select(d => string.Join(" ", d.Properties["type"], d.Properties["member"], d.Properties["name"], d.Properties["piiKind"], d.Properties["sensitivity"], d.Properties["source"]))
            .OrderBy(x => x, StringComparer.Ordinal).ToArray();
        Assert.Equal(new[]
        {
            "Customer Customer.Email Email Email normal Pii",
            "Customer Customer.NationalId NationalId NationalId sensitive Pii",
            "Customer Customer.Phone Phone Phone normal Pii",
            "Person Person.FullName FullName Name normal Pii", // [Pii] on a positional record parameter marks the property
        }, members);
    }

    [Fact]
    public void Lists_the_personal_members_of_referenced_framework_types_at_their_first_use()
    {
        const string identity = """
            using Microsoft.AspNetCore.Identity;

            public class ApplicationUser : IdentityUser
            {
                public string Theme { get; set; } = "";
            }

            public class Accounts
            {
                public string Contact(IdentityUser user) => user.Email + " " + user.Email;

                public bool Confirmed(IdentityUser user) => user.EmailConfirmed;
            }
            """;
        string[] members = Analyze(true, identity, new PersonalDataInventoryAnalyzer()).Where(d => d.Id == "PII201")
            .Select(d => string.Join(" ", d.Location.GetLineSpan().StartLinePosition.Line + 1, d.Properties["type"], d.Properties["name"], d.Properties["piiKind"], d.Properties["source"], d.Properties["assembly"]))
            .OrderBy(x => x, StringComparer.Ordinal).ToArray();

        // ApplicationUser (line 3) derives from IdentityUser: its inherited [PersonalData] members are listed there, the
        // earliest use; the reads of Email on line 10 do not list it again, and non-personal members are not listed.
        Assert.Contains("3 Microsoft.AspNetCore.Identity.IdentityUser<TKey> Email Email PersonalData Microsoft.Extensions.Identity.Stores", members);
        Assert.Contains("3 Microsoft.AspNetCore.Identity.IdentityUser<TKey> PhoneNumber Phone PersonalData Microsoft.Extensions.Identity.Stores", members);
        Assert.Contains("3 Microsoft.AspNetCore.Identity.IdentityUser<TKey> UserName Username PersonalData Microsoft.Extensions.Identity.Stores", members);
        Assert.Equal(members.Length, members.Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain(members, m => m.Contains(" EmailConfirmed ", StringComparison.Ordinal) || m.Contains(" Theme ", StringComparison.Ordinal));

        // Without the derived type, the first read names the member: where the code touches it.
        string[] reads = Analyze(true, identity.Replace("public class ApplicationUser : IdentityUser", "public class ApplicationUser", StringComparison.Ordinal), new PersonalDataInventoryAnalyzer())
            .Where(d => d.Id == "PII201")
            .Select(d => (d.Location.GetLineSpan().StartLinePosition.Line + 1) + " " + d.Properties["name"])
            .ToArray();
        Assert.Equal(new[] { "10 Email" }, reads);

        // The inventory document keeps the assembly, so a reader tells framework members from the code's own.
        InventoryDocument document = InventoryDocument.Build(Analyze(true, identity, new PersonalDataInventoryAnalyzer()).Select(d => Record(d, "")), new[] { "P" });
        InventoryMember email = Assert.Single(document.Members, m => m.Member == "Email");
        Assert.Equal("Microsoft.Extensions.Identity.Stores", email.Assembly);
        Assert.Contains("\"assembly\": \"Microsoft.Extensions.Identity.Stores\"", document.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_masked_and_pseudonymised_flows_into_sinks()
    {
        var flows = Analyze(enabled: true).Where(d => d.Id == "PII202")
            .Select(d => string.Join(" ", d.Location.GetLineSpan().StartLinePosition.Line + 1, d.Properties["name"], d.Properties["state"], d.Properties["sanitizer"], d.Properties["sink"]))
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

    [Fact]
    public void Leaks_are_attributed_by_their_properties_whatever_the_messages_say()
    {
        const string leaks = """
            using System;
            using Microsoft.Extensions.Logging;
            using PiiGuard;

            namespace Shop
            {
                public class Customer
                {
                    [Pii(PiiKind.NationalId)] public string NationalId { get; set; } = "";
                    [Pii(PiiKind.Email)] public string Email { get; set; } = "";
                }

                public record Patient([Pii(PiiKind.Health)] string Diagnosis);

                public class Service
                {
                    public void Run(ILogger logger, Customer c, [Pii(PiiKind.Phone)] string phone)
                    {
                        logger.LogInformation("id {Id}", c.NationalId);
                        Console.WriteLine(phone);
                        throw new InvalidOperationException("bad " + c.Email);
                    }
                }
            }
            """;
        ImmutableArray<Diagnostic> diagnostics = Analyze(true, leaks, new PersonalDataInventoryAnalyzer(), new PersonalDataFlowAnalyzer(), new UnmaskedToStringAnalyzer());
        Assert.Contains(diagnostics, d => d.Id == "PII001");
        Assert.Contains(diagnostics, d => d.Id == "PII004");
        Assert.Contains(diagnostics, d => d.Id == "PII006");

        // The same diagnostics, once with their messages and once with messages that name nothing (a reworded format).
        InventoryDocument real = InventoryDocument.Build(diagnostics.Select(d => Record(d, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))), new[] { "P" });
        InventoryDocument reworded = InventoryDocument.Build(diagnostics.Select(d => Record(d, "(reworded)")), new[] { "P" });
        string[] flows = real.Flows.Select(f => f.Rule + " " + f.Type + "|" + f.Member + " " + f.Kind + " -> " + f.Sink + " " + f.State).ToArray();
        Assert.Equal(new[]
        {
            "PII006 Shop.Patient|Diagnosis Health -> Patient.ToString leaking",
            "PII001 Shop.Customer|NationalId NationalId -> ILogger.LogInformation leaking",
            "PII001 |phone Phone -> Console.WriteLine leaking",
            "PII004 Shop.Customer|Email Email -> new InvalidOperationException leaking",
        }, flows);
        Assert.Equal(flows, reworded.Flows.Select(f => f.Rule + " " + f.Type + "|" + f.Member + " " + f.Kind + " -> " + f.Sink + " " + f.State).ToArray());
        Assert.Equal(real.Members.Select(m => m.Type + "." + m.Member), reworded.Members.Select(m => m.Type + "." + m.Member));
    }

    private static InventoryRecord Record(Diagnostic diagnostic, string message)
    {
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        var record = new InventoryRecord { RuleId = diagnostic.Id, Message = message, File = span.Path, Line = span.StartLinePosition.Line + 1, Project = "P" };
        foreach (KeyValuePair<string, string?> property in diagnostic.Properties)
        {
            if (property.Value != null)
            {
                record.Properties[property.Key] = property.Value;
            }
        }

        return record;
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
