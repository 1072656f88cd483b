using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using PiiGuard.Analyzers;
using PiiGuard.Inventory;

namespace PiiGuard.Tool.Tests;

/// <summary>The inventory model shared by the tool and the package's MSBuild task.</summary>
public sealed class InventoryModelTests
{
    private static int _line;

    private static InventoryRecord Leak(DiagnosticDescriptor rule, params object[] args) => new()
    {
        RuleId = rule.Id,
        Message = string.Format(CultureInfo.InvariantCulture, rule.MessageFormat.ToString(CultureInfo.InvariantCulture), args),
        File = "A.cs",
        Line = ++_line,
        Project = "P",
    };

    private static InventoryRecord Member(string type, string member, string kind, bool sensitive)
    {
        var record = new InventoryRecord { RuleId = "PII201", File = "M.cs", Line = 3, Project = "P" };
        record.Properties["type"] = type;
        record.Properties["member"] = member;
        record.Properties["kind"] = kind;
        record.Properties["sensitive"] = sensitive ? "true" : "false";
        record.Properties["source"] = "Pii";
        return record;
    }

    [Fact]
    public void Reads_carrier_and_sink_from_every_leak_rule_message()
    {
        // The messages are formatted with the rules' own formats, so a change of format fails here.
        var records = new[]
        {
            Member("Shop.Customer", "Email", "Email", false),
            Member("Shop.Customer", "NationalId", "NationalId", true),
            Leak(Rules.LogLeak, "Customer.Email", "Email", "ILogger.LogInformation"),
            Leak(Rules.EgressLeak, "Customer.Email", "Email", "HttpClient.GetAsync"),
            Leak(Rules.TelemetryLeak, "Customer.NationalId", "NationalId, sensitive", "Activity.SetTag"),
            Leak(Rules.ExceptionLeak, "Customer.NationalId", "NationalId, sensitive", "new ArgumentException"),
            Leak(Rules.WholeObjectLeak, "Customer", "Email, NationalId", "JsonSerializer.Serialize"),
            Leak(Rules.UnkeyedHash, "Customer.NationalId", "NationalId, sensitive", "SHA256.HashData", "ILogger.LogWarning"),
            Leak(Rules.UnmaskedToString, "Customer", "NationalId", "ToString"),
            Leak(Rules.LogLeak, "email", "Email", "Console.WriteLine"),
        };
        InventoryDocument document = InventoryDocument.Build(records, new[] { "P" });
        string[] flows = document.Flows.Select(f => f.Rule + " " + f.Type + "|" + f.Member + " -> " + f.Sink).ToArray();
        Assert.Equal(new[]
        {
            "PII001 Shop.Customer|Email -> ILogger.LogInformation",
            "PII002 Shop.Customer|Email -> HttpClient.GetAsync",
            "PII003 Shop.Customer|NationalId -> Activity.SetTag",
            "PII004 Shop.Customer|NationalId -> new ArgumentException",
            "PII005 Shop.Customer|(whole object) -> JsonSerializer.Serialize",
            "PII007 Shop.Customer|NationalId -> ILogger.LogWarning",
            "PII006 Shop.Customer|NationalId -> ToString",
            "PII001 |email -> Console.WriteLine",
        }, flows);
        Assert.All(document.Flows, f => Assert.Equal("leaking", f.State));
        Assert.Equal(8, document.Findings.Count);
    }

    [Fact]
    public void Regimes_follow_the_documented_table()
    {
        Assert.Equal(new[] { InventoryRegimes.Pipl, InventoryRegimes.Gdpr9, InventoryRegimes.Ccpa }, InventoryRegimes.For("Health"));
        Assert.Equal(new[] { InventoryRegimes.Pipl, InventoryRegimes.Gdpr10 }, InventoryRegimes.For("CriminalRecord"));
        Assert.Equal(new[] { InventoryRegimes.Hipaa }, InventoryRegimes.For("Email"));
        Assert.Empty(InventoryRegimes.For("Username"));
        Assert.Empty(InventoryRegimes.For("NotAKind"));
        foreach (string kind in new[] { "Name", "Email", "Phone", "PostalAddress", "DateOfBirth", "NationalId", "Passport", "DriverLicense", "TaxId", "BankAccount",
            "PaymentCard", "IpAddress", "DeviceId", "OnlineId", "Location", "Biometric", "Photo", "Genetic", "Health", "Religion", "Ethnicity", "SexualOrientation",
            "PoliticalOpinion", "TradeUnion", "CriminalRecord", "Immigration", "MessageContent" })
        {
            Assert.Contains("| " + kind + " |", System.IO.File.ReadAllText(System.IO.Path.Combine(Run.RepositoryRoot, "docs", "inventory.md")));
        }
    }

    [Fact]
    public void Reads_compiler_sarif_with_custom_properties()
    {
        const string sarif = """
            {
              "$schema": "http://json.schemastore.org/sarif-2.1.0",
              "version": "2.1.0",
              "runs": [
                {
                  "results": [
                    {
                      "ruleId": "PII201",
                      "level": "note",
                      "message": { "text": "Customer.Email holds personal data (Email) \u2014 \"quoted\"" },
                      "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "file:///src/My%20App/Customer.cs" }, "region": { "startLine": 7, "startColumn": 33, "endLine": 7, "endColumn": 38 } } } ],
                      "properties": { "warningLevel": 1, "customProperties": { "type": "Shop.Customer", "member": "Email", "kind": "Email", "sensitive": "false", "source": "Pii" } }
                    },
                    {
                      "ruleId": "CS8618",
                      "level": "warning",
                      "message": { "text": "not ours" }
                    },
                    {
                      "ruleId": "PII001",
                      "level": "error",
                      "message": { "text": "Customer.Email (Email) reaches ILogger.LogInformation unmasked" },
                      "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "file:///src/My%20App/Program.cs" }, "region": { "startLine": 12 } } } ],
                      "properties": { "warningLevel": 1, "customProperties": { "piiKind": "Email", "fix": "mask" } }
                    }
                  ],
                  "tool": { "driver": { "name": "Microsoft (R) Visual C# Compiler" } }
                }
              ]
            }
            """;
        var records = SarifReader.Read(sarif, "App");
        Assert.Equal(new[] { "PII201", "PII001" }, records.Select(r => r.RuleId).ToArray());
        Assert.Equal("/src/My App/Customer.cs", records[0].File);
        Assert.Equal(7, records[0].Line);
        Assert.Equal(33, records[0].Column);
        Assert.Equal("Shop.Customer", records[0].Properties["type"]);
        Assert.Equal("error", records[1].Level);
        Assert.EndsWith("(Email) \u2014 \"quoted\"", records[0].Message, System.StringComparison.Ordinal);
        Assert.Equal("Email", records[1].Properties["piiKind"]);

        InventoryDocument document = InventoryDocument.Build(records, new[] { "App" });
        Assert.Equal("Shop.Customer|Email|leaking|ILogger.LogInformation", string.Join("|", document.Flows[0].Type, document.Flows[0].Member, document.Flows[0].State, document.Flows[0].Sink));
        Assert.Contains("\"regimes\": [\"HIPAA identifier\"]", document.ToJson(), System.StringComparison.Ordinal);
    }
}
