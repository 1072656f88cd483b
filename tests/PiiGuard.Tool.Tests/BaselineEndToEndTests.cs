using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace PiiGuard.Tool.Tests;

/// <summary>
/// Issue 16, parts 1 and 2, on a real project built from the packed PiiGuard.Analyzers package: piiguard baseline records
/// today's finding; code edited above it and the file renamed, the build (warnings as errors) is still clean and the SARIF
/// log shows the finding as suppressed; a new leak fails the build; an expired [PiiAccepted] fails it; a stale entry is
/// PII110 in the scan and --update drops it.
/// </summary>
public sealed class BaselineEndToEndTests
{
    private const string Model = """

        public class Customer
        {
            [Pii(PiiKind.NationalId)] public string NationalId { get; set; } = "";
            [Pii(PiiKind.Email)] public string Email { get; set; } = "";
        }
        """;

    private const string Today = """
        using Microsoft.Extensions.Logging;
        using PiiGuard;

        public static class Onboarding
        {
            public static void Run(ILogger logger, Customer customer)
            {
                logger.LogInformation("Onboarding {NationalId}", customer.NationalId);
            }
        }
        """ + Model;

    [Fact]
    public void Baseline_survives_edits_a_new_leak_or_an_expired_exception_fails_the_build()
    {
        using var packed = new PackedConsumer("baseline-e2e", "bl");
        string root = packed.Root;
        string consumer = packed.Directory;
        packed.WriteProject("""
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            <ErrorLog>piiguard.sarif,version=2.1</ErrorLog>
            """, ("Microsoft.Extensions.Logging.Abstractions", "10.0.0"));
        packed.Write("Onboarding.cs", Today);
        ProcessResult Build() => packed.Build("--no-incremental");
        ProcessResult BuildWith(string property) => packed.Build("--no-incremental", property);

        ProcessResult before = Build();
        Assert.True(before.ExitCode != 0 && before.Output.Contains("error PII001", StringComparison.Ordinal), before.Describe());

        // 1. Record today's finding.
        ProcessResult baseline = Run.Tool(consumer, "baseline", "Consumer.csproj", "--no-progress", "--no-restore");
        Assert.True(baseline.ExitCode == 0, baseline.Describe());
        string file = Path.Combine(consumer, "piiguard.baseline.json");
        string json = File.ReadAllText(file);
        Assert.Contains("{\"rule\": \"PII001\", \"carrier\": \"Customer.NationalId\", \"sink\": \"ILogger.LogInformation\", \"in\": \"M:Onboarding.Run(Microsoft.Extensions.Logging.ILogger,Customer)\", \"count\": 1}", json);
        Assert.DoesNotContain("Onboarding.cs", json); // no file, no line

        // 2. Lines added above the finding, the method moved down, the file renamed: still clean, the finding suppressed in SARIF.
        File.Delete(Path.Combine(consumer, "Onboarding.cs"));
        File.WriteAllText(Path.Combine(consumer, "Signup.cs"), "// moved here\n\n" + Today.Replace(
            "public static class Onboarding\n{\n",
            "public static class Onboarding\n{\n    public static int Count { get; set; }\n\n    public static void Other() => Count++;\n\n",
            StringComparison.Ordinal));
        ProcessResult clean = Build();
        Assert.True(clean.ExitCode == 0, clean.Describe());
        using (JsonDocument sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(consumer, "piiguard.sarif"))))
        {
            JsonElement result = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "PII001");
            Assert.True(result.TryGetProperty("suppressions", out JsonElement suppressions), result.GetRawText());
            // The compiler writes a DiagnosticSuppressor's id and justification in properties.suppressionType.
            string suppressionType = suppressions[0].GetProperty("properties").GetProperty("suppressionType").GetString()!;
            Assert.Contains("Suppression Id: PIIB001", suppressionType);
            Assert.Contains("In the PiiGuard baseline", suppressionType);
        }

        ProcessResult scan = Run.Tool(consumer, "Consumer.csproj", "--no-progress", "--no-restore", "--fail-on", "warning", "--json", Path.Combine(root, "inventory.json"));
        Assert.True(scan.ExitCode == 0, scan.Describe());
        var inventory = new Inventory(File.ReadAllText(Path.Combine(root, "inventory.json")));
        JsonElement accepted = Assert.Single(inventory.Root.GetProperty("accepted").EnumerateArray());
        Assert.Equal("baseline", Inventory.S(accepted, "by"));
        Assert.Equal("leaking", Inventory.S(Assert.Single(inventory.Flows), "state")); // still a flow in the inventory

        // 3. A new leak fails the build.
        string signup = File.ReadAllText(Path.Combine(consumer, "Signup.cs"));
        File.WriteAllText(Path.Combine(consumer, "Signup.cs"), signup.Replace(
            "        logger.LogInformation(\"Onboarding {NationalId}\", customer.NationalId);\n",
            "        logger.LogInformation(\"Onboarding {NationalId}\", customer.NationalId);\n        logger.LogInformation(\"Mail {Email}\", customer.Email);\n",
            StringComparison.Ordinal));
        ProcessResult leak = Build();
        Assert.True(leak.ExitCode != 0, leak.Describe());
        Assert.Contains("error PII001: Customer.Email (Email) reaches ILogger.LogInformation unmasked", leak.Output);
        Assert.DoesNotContain("Customer.NationalId", leak.Output);

        // 4. Accepted with a reviewed exception that has expired: fails again, PII112 names it.
        File.WriteAllText(Path.Combine(consumer, "Signup.cs"), signup.Replace(
            "    public static void Run(",
            "    [PiiAccepted(\"KYC audit trail\", Reviewer = \"li.na\", Expires = \"2020-03-01\")]\n    public static void Run(",
            StringComparison.Ordinal));
        ProcessResult expired = Build();
        Assert.True(expired.ExitCode != 0, expired.Describe());
        Assert.Contains("error PII112: The reviewed exception [PiiAccepted] on Onboarding.Run(ILogger, Customer) expired on 2020-03-01 (reviewed by li.na)", expired.Output);
        Assert.Contains("error PII001: Customer.NationalId", expired.Output);

        // ...and holds while it is valid.
        File.WriteAllText(Path.Combine(consumer, "Signup.cs"), signup.Replace(
            "    public static void Run(",
            "    [PiiAccepted(\"KYC audit trail\", Reviewer = \"li.na\", Expires = \"2999-03-01\")]\n    public static void Run(",
            StringComparison.Ordinal));
        ProcessResult valid = Build();
        Assert.True(valid.ExitCode == 0, valid.Describe());

        // 4b. The same as a reviewed baseline entry: it holds until its date, then the finding fails the build and PII112
        // names the entry at its line.
        File.WriteAllText(Path.Combine(consumer, "Signup.cs"), signup);
        string recorded = File.ReadAllText(file);
        string Reviewed(string expires) => recorded.Replace("\"count\": 1}", "\"count\": 1, \"reason\": \"KYC audit trail\", \"reviewer\": \"li.na\", \"expires\": \"" + expires + "\"}", StringComparison.Ordinal);
        File.WriteAllText(file, Reviewed("2020-03-01"));
        ProcessResult entryExpired = Build();
        Assert.True(entryExpired.ExitCode != 0, entryExpired.Describe());
        Assert.Contains("piiguard.baseline.json(4,1): error PII112: The reviewed exception 'PII001 Customer.NationalId -> ILogger.LogInformation in M:Onboarding.Run(Microsoft.Extensions.Logging.ILogger,Customer)' (baseline) expired on 2020-03-01 (reviewed by li.na)", entryExpired.Output);
        Assert.Contains("error PII001: Customer.NationalId", entryExpired.Output);
        Assert.DoesNotContain("PII110", entryExpired.Output); // expired, but it still matches its finding
        File.WriteAllText(file, Reviewed("2999-03-01"));
        ProcessResult entryValid = Build();
        Assert.True(entryValid.ExitCode == 0, entryValid.Describe());
        File.WriteAllText(file, recorded);
        Assert.True(Build().ExitCode == 0);

        // 5. The leak fixed: the entry is stale. The build says so at the entry's line (an error under warnings as errors),
        // and an incremental build with no change says it again: the failed compilation wrote no assembly, so the compiler runs again.
        File.WriteAllText(Path.Combine(consumer, "Signup.cs"), signup.Replace("customer.NationalId)", "PiiMask.NationalId(customer.NationalId))", StringComparison.Ordinal));
        const string StaleEntry = "piiguard.baseline.json(4,1): error PII110: The baseline entry 'PII001 Customer.NationalId -> ILogger.LogInformation in M:Onboarding.Run(Microsoft.Extensions.Logging.ILogger,Customer)' matches no finding; remove it ('piiguard baseline --update') so the baseline only shrinks";
        foreach (ProcessResult incremental in new[] { packed.Build(), packed.Build() })
        {
            Assert.True(incremental.ExitCode != 0, incremental.Describe());
            Assert.Contains(StaleEntry, incremental.Output);
            Assert.DoesNotContain("PII001", incremental.Output.Replace("'PII001 Customer.NationalId", "", StringComparison.Ordinal));
        }

        // Without warnings as errors it is a warning, in the SARIF log at the baseline file's line.
        ProcessResult warned = BuildWith("-p:TreatWarningsAsErrors=false");
        Assert.True(warned.ExitCode == 0, warned.Describe());
        Assert.Contains(StaleEntry.Replace("error PII110", "warning PII110", StringComparison.Ordinal), warned.Output);
        using (JsonDocument sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(consumer, "piiguard.sarif"))))
        {
            JsonElement result = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "PII110");
            Assert.False(result.TryGetProperty("suppressions", out _), result.GetRawText());
            JsonElement location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.EndsWith("piiguard.baseline.json", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
            Assert.Equal(4, location.GetProperty("region").GetProperty("startLine").GetInt32());
        }

        // The scan reports it once (its own PII110, over every project; not the build's as well).
        ProcessResult stale = Run.Tool(consumer, "Consumer.csproj", "--no-progress", "--no-restore", "--fail-on", "warning", "--json", Path.Combine(root, "stale.json"));
        Assert.True(stale.ExitCode == 1, stale.Describe());
        Assert.Contains("PII110", stale.Output);
        Assert.Single(new Inventory(File.ReadAllText(Path.Combine(root, "stale.json"))).Findings, f => Inventory.S(f, "rule") == "PII110");
        ProcessResult check = Run.Tool(consumer, "baseline", "Consumer.csproj", "--check", "--no-progress", "--no-restore");
        Assert.True(check.ExitCode == 1, check.Describe());
        Assert.Contains("piiguard.baseline.json(4): warning PII110: The baseline entry 'PII001 Customer.NationalId", check.Output);
        Assert.Contains("1 of 1 baseline entries match no finding", check.Output);
        ProcessResult overwrite = Run.Tool(consumer, "baseline", "Consumer.csproj", "--no-progress", "--no-restore");
        Assert.True(overwrite.ExitCode == 2, overwrite.Describe());
        Assert.Contains("piiguard.baseline.json exists: --update drops the entries that no longer match", overwrite.Output);
        ProcessResult update = Run.Tool(consumer, "baseline", "Consumer.csproj", "--update", "--no-progress", "--no-restore");
        Assert.True(update.ExitCode == 0, update.Describe());
        Assert.Contains("0 entries (0 findings), 1 entries dropped", update.Output);
        Assert.DoesNotContain("PII001", File.ReadAllText(file));
        ProcessResult shrunk = Build();
        Assert.True(shrunk.ExitCode == 0, shrunk.Describe());
        Assert.DoesNotContain("PII110", shrunk.Output);

        // A broken baseline is PII111 in the build, never AD0001.
        File.WriteAllText(file, "{ \"schema\": \"piiguard-baseline/1\", \"entries\": [ oops ] }");
        ProcessResult broken = Build();
        Assert.True(broken.ExitCode != 0, broken.Describe());
        Assert.Contains("PII111", broken.Output);
        Assert.DoesNotContain("AD0001", broken.Output);

        // ...and one line and exit 2 in the tool, as is a --baseline that does not exist.
        foreach ((string[] args, string message) in new[]
        {
            (new[] { "Consumer.csproj", "--no-progress", "--no-restore" }, "piiguard: cannot read the baseline "),
            (new[] { "baseline", "Consumer.csproj", "--check", "--no-progress", "--no-restore" }, "piiguard: cannot read the baseline "),
            (new[] { "Consumer.csproj", "--baseline", "missing.json", "--no-progress", "--no-restore" }, "piiguard: no such baseline: "),
        })
        {
            ProcessResult unreadable = Run.Tool(consumer, args);
            Assert.True(unreadable.ExitCode == 2, unreadable.Describe());
            Assert.StartsWith(message, Assert.Single(unreadable.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
            FailClosedTests.AssertNoStackTrace(unreadable);
        }
    }

    /// <summary>
    /// A baseline beside the solution holds the findings of two projects; each project's build reports (PII110) only the
    /// entries of its own members. The application, which references the library, does not claim the library's entry (the
    /// solution builds clean with warnings as errors); once the library's leak is fixed, the library's build reports its
    /// entry, once, and the application's reports nothing.
    /// </summary>
    [Fact]
    public void A_solution_baseline_is_checked_project_by_project_in_the_build()
    {
        using var packed = new PackedConsumer("baseline-projects", "blp");
        string consumer = packed.Directory;
        (string, string)[] logging = { ("Microsoft.Extensions.Logging.Abstractions", "10.0.0") };
        const string Strict = "<TreatWarningsAsErrors>true</TreatWarningsAsErrors>";
        packed.Write("Lib/Lib.csproj", packed.ProjectText(Strict, "", logging));
        string audit = """
            using Microsoft.Extensions.Logging;
            using PiiGuard;

            namespace Shop;

            public class Customer
            {
                [Pii(PiiKind.NationalId)] public string NationalId { get; set; } = "";
                [Pii(PiiKind.Email)] public string Email { get; set; } = "";
            }

            public static class Audit
            {
                public static void Record(ILogger logger, Customer customer) => logger.LogInformation("Audit {NationalId}", customer.NationalId);
            }
            """;
        packed.Write("Lib/Audit.cs", audit);
        packed.Write("App/App.csproj", packed.ProjectText(Strict, "<ProjectReference Include=\"../Lib/Lib.csproj\" />", logging));
        packed.Write("App/Signup.cs", """
            using Microsoft.Extensions.Logging;

            namespace Shop.App;

            public static class Signup
            {
                public static void Run(ILogger logger, Shop.Customer customer)
                {
                    Shop.Audit.Record(logger, customer);
                    logger.LogInformation("Signup {Email}", customer.Email);
                }
            }
            """);
        packed.Write("Shop.slnx", """
            <Solution>
              <Project Path="Lib/Lib.csproj" />
              <Project Path="App/App.csproj" />
            </Solution>
            """);

        ProcessResult baseline = Run.Tool(consumer, "baseline", "Shop.slnx", "--no-progress");
        Assert.True(baseline.ExitCode == 0, baseline.Describe());
        string[] lines = File.ReadAllLines(Path.Combine(consumer, "piiguard.baseline.json"));
        Assert.Contains("\"carrier\": \"Shop.Customer.Email\", \"sink\": \"ILogger.LogInformation\", \"in\": \"M:Shop.App.Signup.Run(Microsoft.Extensions.Logging.ILogger,Shop.Customer)\"", lines[3]);
        Assert.Contains("\"carrier\": \"Shop.Customer.NationalId\", \"sink\": \"ILogger.LogInformation\", \"in\": \"M:Shop.Audit.Record(Microsoft.Extensions.Logging.ILogger,Shop.Customer)\"", lines[4]);

        ProcessResult clean = packed.BuildOf("Shop.slnx", "--no-restore");
        Assert.True(clean.ExitCode == 0, clean.Describe());
        Assert.DoesNotContain("PII1", clean.Output);

        packed.Write("Lib/Audit.cs", audit.Replace("customer.NationalId)", "PiiMask.NationalId(customer.NationalId))", StringComparison.Ordinal));
        ProcessResult fixedLeak = packed.BuildOf("Shop.slnx", "--no-restore", "--no-incremental", "-p:TreatWarningsAsErrors=false");
        Assert.True(fixedLeak.ExitCode == 0, fixedLeak.Describe());
        Assert.Contains("App ->", fixedLeak.Output); // the application was compiled too (--no-incremental)
        string[] stale = fixedLeak.Output.Split('\n').Where(l => l.Contains("PII110", StringComparison.Ordinal)).Select(l => l.Trim()).Distinct().ToArray();
        string line = Assert.Single(stale);
        Assert.Contains("piiguard.baseline.json(5,1): warning PII110: The baseline entry 'PII001 Shop.Customer.NationalId -> ILogger.LogInformation in M:Shop.Audit.Record(Microsoft.Extensions.Logging.ILogger,Shop.Customer)' matches no finding", line);
        Assert.EndsWith("Lib.csproj]", line);
    }
}
