using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace PiiGuard.Tool.Tests;

/// <summary>
/// PiiGuardInventory=true, from the PiiGuard.Analyzers package alone: a normal build writes the inventory JSON, and it
/// holds the same members and flows as the piiguard tool finds in the same project; piiguard diff compares two of them.
/// </summary>
public sealed class BuildInventoryTests
{
    private const string ProgramSource = """
        using Microsoft.Extensions.Logging;
        using PiiGuard;

        using ILoggerFactory factory = LoggerFactory.Create(builder => builder.AddConsole());
        ILogger logger = factory.CreateLogger("Onboarding");
        var customer = new Customer { NationalId = "11010519491231002X", Email = "zhang.wei@example.com", Tier = "gold" };

        logger.LogInformation("Onboarding {NationalId}", customer.NationalId); // LEAK
        logger.LogInformation("Onboarding {Email} {Tier}", PiiMask.Email(customer.Email), customer.Tier); // MASKED
        string pseudonym = PiiMask.Pseudonymize(customer.Email, new byte[32]) ?? "";
        logger.LogInformation("Customer {Pseudonym}", pseudonym); // PSEUDONYMISED

        public class Customer
        {
            [Pii(PiiKind.NationalId)] public string NationalId { get; set; } = "";
            [Pii(PiiKind.Email)] public string Email { get; set; } = "";
            public string Tier { get; set; } = "";
        }
        """;

    [Fact]
    public void A_build_with_PiiGuardInventory_writes_the_same_inventory_as_the_tool()
    {
        using var packed = new PackedConsumer("build-inventory", "inv");
        string root = packed.Root;
        string consumer = packed.Directory;
        packed.WriteProject("<OutputType>Exe</OutputType>",
            ("Microsoft.Extensions.Logging", "10.0.0"), ("Microsoft.Extensions.Logging.Console", "10.0.0"));
        packed.Write("Program.cs", ProgramSource);

        ProcessResult build = packed.Build("-p:PiiGuardInventory=true");
        Assert.True(build.ExitCode == 0, build.Describe());
        Assert.Contains("PiiGuard inventory: 2 personal members, 3 flows (1 leaking)", build.Output);
        Assert.DoesNotContain("CS8632", build.Output); // the inline task compiles cleanly
        string built = Path.Combine(consumer, "bin", "Debug", "net10.0", "piiguard-inventory.json");
        Assert.True(File.Exists(built), build.Describe());
        var fromBuild = new Inventory(File.ReadAllText(built));

        // The compiler's SARIF ErrorLog keeps every diagnostic property (properties.customProperties): the build route
        // attributes leaks from them, not from messages.
        string errorLog = Path.Combine(consumer, "obj", "Debug", "net10.0", "piiguard.sarif");
        Assert.True(File.Exists(errorLog), build.Describe());
        PiiGuard.Inventory.InventoryRecord leak = Assert.Single(PiiGuard.Inventory.SarifReader.Read(File.ReadAllText(errorLog), "Consumer"), r => r.RuleId == "PII001");
        Assert.Equal("Customer.NationalId", leak.Properties["member"]);
        Assert.Equal("NationalId", leak.Properties["piiKind"]);
        Assert.Equal("sensitive", leak.Properties["sensitivity"]);
        Assert.Equal("ILogger.LogInformation", leak.Properties["sink"]);
        Assert.Equal("Customer", leak.Properties["type"]);

        string json = Path.Combine(root, "tool.json");
        ProcessResult tool = Run.Tool(consumer, "Consumer.csproj", "--no-restore", "--no-progress", "--json", json);
        Assert.True(tool.ExitCode == 0, tool.Describe());
        // An adopted project's design-time build does not run the package's inventory task (no ErrorLog warning), and
        // MSBuild's messages are not printed as failures.
        Assert.DoesNotContain("ErrorLog", tool.Output);
        Assert.DoesNotContain("Msbuild failed", tool.Output, StringComparison.OrdinalIgnoreCase);
        var fromTool = new Inventory(File.ReadAllText(json));

        Assert.Equal(fromTool.Root.GetProperty("members").GetRawText(), fromBuild.Root.GetProperty("members").GetRawText());
        Assert.Equal(fromTool.Root.GetProperty("flows").GetRawText(), fromBuild.Root.GetProperty("flows").GetRawText());
        Assert.Equal(new[] { "leaking", "masked", "pseudonymised" }, fromBuild.Flows.Select(f => Inventory.S(f, "state")).ToArray());
        JsonElement nationalId = fromBuild.Member("Customer", "NationalId");
        Assert.Equal("Program.cs", Inventory.S(nationalId, "file"));
        Assert.Equal("PII001", Inventory.S(nationalId.GetProperty("sinks")[0], "rule"));

        // Two inventories of the same project from its builds, before and after a change that sends the e-mail to the log
        // unmasked: piiguard diff names the new flow and finding and exits 3 (a privacy review); the same inventory twice, 0.
        File.Copy(built, Path.Combine(root, "base.json"));
        packed.Write("Program.cs", ProgramSource.Replace(
            "logger.LogInformation(\"Customer {Pseudonym}\", pseudonym); // PSEUDONYMISED",
            "logger.LogInformation(\"Customer {Pseudonym}\", pseudonym); // PSEUDONYMISED\nlogger.LogWarning(\"Bounced {Email}\", customer.Email); // NEW LEAK",
            StringComparison.Ordinal));
        ProcessResult changed = packed.Build("-p:PiiGuardInventory=true");
        Assert.True(changed.ExitCode == 0, changed.Describe());
        Assert.Contains("PiiGuard inventory: 2 personal members, 4 flows (2 leaking)", changed.Output);
        File.Copy(built, Path.Combine(root, "head.json"));
        ProcessResult diff = Run.Tool(root, "diff", "base.json", "head.json", "--json", "diff.json");
        Assert.True(diff.ExitCode == 3, diff.Describe());
        Assert.Contains("0 personal member(s) added, 0 removed · 1 flow(s) added (1 leaking), 0 removed · 1 finding(s) new, 0 fixed", diff.Output);
        using (JsonDocument changes = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "diff.json"))))
        {
            JsonElement flow = Assert.Single(changes.RootElement.GetProperty("flowsAdded").EnumerateArray().ToArray());
            Assert.Equal(("Email", "ILogger.LogWarning", "leaking"), (Inventory.S(flow, "member"), Inventory.S(flow, "sink"), Inventory.S(flow, "state")));
            Assert.Equal("PII001", Inventory.S(Assert.Single(changes.RootElement.GetProperty("findingsNew").EnumerateArray().ToArray()), "rule"));
        }

        ProcessResult same = Run.Tool(root, "diff", "head.json", "head.json");
        Assert.True(same.ExitCode == 0, same.Describe());
        Assert.Contains("Nothing new", same.Output);
    }
}
