using System.IO;
using System.Linq;
using System.Text.Json;

namespace PiiGuard.Tool.Tests;

/// <summary>The tool on the sample (which has adopted PiiGuard through project references): default --fail-on error.</summary>
public sealed class SampleScanTests
{
    internal static void AssertSampleInventory(string json)
    {
        var inventory = new Inventory(json);
        Assert.Equal(new[] { "Applicant.Email", "Applicant.FullName", "Applicant.Phone", "Applicant.ResidentId", "PaymentCardOnFile.CardHolder", "PaymentCardOnFile.CardNumber" },
            inventory.Members.Select(m => Inventory.S(m, "type").Replace("PiiGuard.Sample.", "", System.StringComparison.Ordinal) + "." + Inventory.S(m, "member")).ToArray());
        JsonElement residentId = inventory.Member("PiiGuard.Sample.Applicant", "ResidentId");
        Assert.Equal("NationalId", Inventory.S(residentId, "kind"));
        Assert.True(residentId.GetProperty("sensitive").GetBoolean());
        Assert.Equal("Pii", Inventory.S(residentId, "source"));

        string[] flows = inventory.Flows.Select(f => Inventory.S(f, "member") + " " + Inventory.S(f, "state") + " " + Inventory.S(f, "sink")).ToArray();
        Assert.Contains("ResidentId leaking ILogger.LogInformation", flows);
        Assert.Contains("ResidentId masked ILogger.LogInformation", flows);
        Assert.Contains("Phone leaking ILogger.LogInformation", flows);
        Assert.Contains("CardNumber leaking ILogger.LogWarning", flows);
        Assert.Contains("CardNumber masked ILogger.LogWarning", flows);
        Assert.Contains("Email pseudonymised ILogger.LogInformation", flows);
        Assert.Equal(3, inventory.Findings.Count(f => Inventory.S(f, "rule") == "PII001"));
        Assert.All(inventory.Flows, f => Assert.Equal("OnboardingService.cs", Inventory.S(f, "file")));
    }

    [Fact]
    public void Scans_the_sample()
    {
        string output = Run.NewTempDirectory("sample");
        try
        {
            string project = Path.Combine(Run.RepositoryRoot, "samples", "PiiGuard.Sample", "PiiGuard.Sample.csproj");
            ProcessResult result = Run.Tool(output, project, "--no-progress", "--json", Path.Combine(output, "inventory.json"), "--html", Path.Combine(output, "inventory.html"));
            Assert.True(result.ExitCode == 0, result.Describe());
            Assert.Contains("PiiGuard.Sample", result.Output);
            Assert.DoesNotContain("analysing PiiGuard.Analyzers", result.Output); // a project input scans that project only
            AssertSampleInventory(File.ReadAllText(Path.Combine(output, "inventory.json")));
            Assert.Contains("<svg id=\"flow-diagram\"", File.ReadAllText(Path.Combine(output, "inventory.html")));
        }
        finally
        {
            Run.TryDelete(output);
        }
    }

    [Fact]
    public void Usage_errors_exit_with_2()
    {
        ProcessResult result = Run.Tool(Run.RepositoryRoot, "--fail-on", "sometimes", "x.sln");
        Assert.True(result.ExitCode == 2, result.Describe());
        Assert.Contains("--fail-on takes error, warning, info or none", result.Output);
    }
}
