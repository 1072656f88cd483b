using System.Linq;
using Microsoft.CodeAnalysis;
using PiiGuard.Analyzers;
using PiiGuard.Inventory;

namespace PiiGuard.Tool.Tests;

/// <summary>The inventory model shared by the tool and the package's MSBuild task.</summary>
public sealed class InventoryModelTests
{
    private static int _line;

    /// <summary>A leak finding as the analyzers report it: its data in properties, and a message that does not matter.</summary>
    private static InventoryRecord Leak(DiagnosticDescriptor rule, string member, string kind, string sink, string message = "reworded: the inventory does not read messages")
    {
        var record = new InventoryRecord { RuleId = rule.Id, Message = message, File = "A.cs", Line = ++_line, Project = "P" };
        record.Properties["member"] = member;
        record.Properties["piiKind"] = kind;
        record.Properties["sensitivity"] = kind == "NationalId" ? "sensitive" : "normal";
        record.Properties["sink"] = sink;
        return record;
    }

    private static InventoryRecord Member(string type, string member, string kind, bool sensitive)
    {
        var record = new InventoryRecord { RuleId = "PII201", Message = "-", File = "M.cs", Line = 3, Project = "P" };
        record.Properties["type"] = type;
        record.Properties["member"] = InventoryMember.ShortType(type) + "." + member;
        record.Properties["name"] = member;
        record.Properties["piiKind"] = kind;
        record.Properties["sensitivity"] = sensitive ? "sensitive" : "normal";
        record.Properties["source"] = "Pii";
        return record;
    }

    [Fact]
    public void Reads_carrier_and_sink_of_every_leak_rule_from_properties_not_messages()
    {
        // No message below names its member or its sink: attribution comes from the diagnostic properties alone, so a
        // change of a rule's message format cannot break the inventory.
        var records = new[]
        {
            Member("Shop.Customer", "Email", "Email", false),
            Member("Shop.Customer", "NationalId", "NationalId", true),
            Leak(Rules.LogLeak, "Customer.Email", "Email", "ILogger.LogInformation"),
            Leak(Rules.EgressLeak, "Customer.Email", "Email", "HttpClient.GetAsync"),
            Leak(Rules.TelemetryLeak, "Customer.NationalId", "NationalId", "Activity.SetTag"),
            Leak(Rules.ExceptionLeak, "Customer.NationalId", "NationalId", "new ArgumentException"),
            Leak(Rules.WholeObjectLeak, "Customer", "Email", "JsonSerializer.Serialize"),
            Leak(Rules.UnkeyedHash, "Customer.NationalId", "NationalId", "ILogger.LogWarning"),
            Leak(Rules.UnmaskedToString, "Customer.NationalId", "NationalId", "Customer.ToString"),
            Leak(Rules.LogLeak, "email", "Email", "Console.WriteLine", message: "Customer.NationalId (NationalId) reaches ILogger.LogError unmasked"),
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
            "PII006 Shop.Customer|NationalId -> Customer.ToString",
            "PII001 |email -> Console.WriteLine", // the message names another member and sink: ignored
        }, flows);
        Assert.All(document.Flows, f => Assert.Equal("leaking", f.State));
        Assert.Equal(8, document.Findings.Count);
    }

    [Fact]
    public void A_leak_with_a_type_is_matched_by_full_type_name()
    {
        // Two Customer types; the short "member" name alone cannot tell them apart, "type" and "name" can.
        InventoryRecord leak = Leak(Rules.LogLeak, "Customer.Email", "Email", "ILogger.LogInformation");
        leak.Properties["type"] = "Billing.Customer";
        leak.Properties["name"] = "Email";
        InventoryDocument document = InventoryDocument.Build(new[] { Member("Sales.Customer", "Email", "Email", false), Member("Billing.Customer", "Email", "Email", false), leak }, new[] { "P" });
        InventoryFlow flow = Assert.Single(document.Flows);
        Assert.Equal("Billing.Customer|Email", flow.Type + "|" + flow.Member);
    }

    [Fact]
    public void Members_found_by_name_come_from_PII008_properties()
    {
        var pii008 = new InventoryRecord { RuleId = "PII008", Message = "reworded", File = "C.cs", Line = 4, Project = "P" };
        pii008.Properties["type"] = "Shop.Contact";
        pii008.Properties["member"] = "Contact.Ssn";
        pii008.Properties["name"] = "Ssn";
        pii008.Properties["piiKind"] = "NationalId";
        pii008.Properties["sensitivity"] = "sensitive";
        var annotated = new InventoryRecord { RuleId = "PII008", Message = "reworded", File = "M.cs", Line = 9, Project = "P" };
        annotated.Properties["type"] = "Shop.Customer";
        annotated.Properties["member"] = "Customer.Email";
        annotated.Properties["name"] = "Email";
        annotated.Properties["piiKind"] = "Email";

        InventoryDocument document = InventoryDocument.Build(new[] { Member("Shop.Customer", "Email", "Email", false), pii008, annotated }, new[] { "P" });
        Assert.Equal(new[] { "Shop.Contact.Ssn NationalId True Name", "Shop.Customer.Email Email False Pii" },
            document.Members.Select(m => m.Type + "." + m.Member + " " + m.Kind + " " + m.Sensitive + " " + m.Source).ToArray());
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
                      "properties": { "warningLevel": 1, "customProperties": { "type": "Shop.Customer", "member": "Customer.Email", "name": "Email", "piiKind": "Email", "sensitivity": "normal", "source": "Pii" } }
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
                      "properties": { "warningLevel": 1, "customProperties": { "fix": "mask", "member": "Customer.Email", "piiKind": "Email", "sensitivity": "normal", "sink": "ILogger.LogInformation" } }
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
