using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PiiGuard.Tool.Tests;

/// <summary>
/// Scans the Clinic fixture (Fixtures/Clinic: two projects that have NOT adopted PiiGuard; [PersonalData] on two
/// members, an Ssn found by its name) once, with every report and --fail-on warning.
/// </summary>
public sealed class ClinicScan : IDisposable
{
    public ClinicScan()
    {
        Root = Run.NewTempDirectory("clinic");
        Run.CopyDirectory(Path.Combine(Run.RepositoryRoot, "tests", "PiiGuard.Tool.Tests", "Fixtures", "Clinic"), Root);
        Reports = Path.Combine(Root, "reports");
        Result = Run.Tool(Root, "Clinic.sln", "--fail-on", "warning", "--no-progress",
            "--json", Path.Combine(Reports, "inventory.json"), "--sarif", Path.Combine(Reports, "piiguard.sarif"),
            "--md", Path.Combine(Reports, "inventory.md"), "--html", Path.Combine(Reports, "inventory.html"));
    }

    public string Root { get; }

    public string Reports { get; }

    public ProcessResult Result { get; }

    public string Read(string file)
    {
        string path = Path.Combine(Reports, file);
        Assert.True(File.Exists(path), $"{file} was not written. {Result.Describe()}");
        return File.ReadAllText(path);
    }

    public void Dispose() => Run.TryDelete(Root);
}

public sealed class ClinicScanTests : IClassFixture<ClinicScan>
{
    private readonly ClinicScan _scan;

    public ClinicScanTests(ClinicScan scan) => _scan = scan;

    [Fact]
    public void Fails_on_warnings_and_prints_the_summary_table()
    {
        Assert.True(_scan.Result.ExitCode == 1, _scan.Result.Describe());
        string output = _scan.Result.Output;
        Assert.Contains("3 finding(s) at or above --fail-on warning", output);
        // Project | Adopted | Generated | Members | Sensitive | Leaking | Masked | Pseudonymised | Errors | Warnings | Info
        Assert.Matches(new Regex(@"Clinic\.App\s+│\s+no\s+│\s+0\s+│\s+0\s+│\s+0\s+│\s+3\s+│\s+0\s+│\s+1\s+│\s+0\s+│\s+3\s+│"), output);
        Assert.Matches(new Regex(@"Clinic\.Domain\s+│\s+no\s+│\s+0\s+│\s+3\s+│\s+1\s+│"), output);
        Assert.Contains("PII004", output);

        // The solution has not adopted PiiGuard: name-based discovery is on, and the summary says which findings it made.
        Assert.Contains("1 of these come from names", output);
    }

    [Fact]
    public void The_tables_and_their_legend_fit_an_80_column_terminal()
    {
        string[] lines = _scan.Result.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        string[] table = lines.Where(l => l.IndexOfAny(new[] { '│', '─', '╭', '╰' }) >= 0 || l.Contains("PiiGuard scan of", StringComparison.Ordinal)
            || l.StartsWith("Pkg:", StringComparison.Ordinal) || l.StartsWith("Sns:", StringComparison.Ordinal) || l.StartsWith("Err/", StringComparison.Ordinal)).ToArray();
        Assert.True(table.Length >= 12, _scan.Result.Describe());
        Assert.All(table, line => Assert.True(line.Length <= 80, $"{line.Length} columns: {line}"));
    }

    [Fact]
    public void Json_inventory_lists_the_fixture_members_with_kinds_sources_and_regimes()
    {
        var inventory = new Inventory(_scan.Read("inventory.json"));
        Assert.Equal("piiguard-inventory/1", Inventory.S(inventory.Root, "schema"));
        Assert.Equal(new[] { "Clinic.App", "Clinic.Domain" }, inventory.Root.GetProperty("projects").EnumerateArray().Select(p => p.GetString()).ToArray());
        Assert.Equal(new[] { "Email", "PhoneNumber", "Ssn" }, inventory.Members.Select(m => Inventory.S(m, "member")).OrderBy(x => x).ToArray());
        Assert.DoesNotContain(inventory.Members, m => Inventory.S(m, "member") == "Ward");

        JsonElement email = inventory.Member("Clinic.Domain.Patient", "Email");
        Assert.Equal("Email", Inventory.S(email, "kind"));
        Assert.Equal("PersonalData", Inventory.S(email, "source"));
        Assert.False(email.GetProperty("sensitive").GetBoolean());
        Assert.Equal("Clinic.Domain/Patient.cs", Inventory.S(email, "file"));
        Assert.Equal(8, email.GetProperty("line").GetInt32());

        JsonElement phone = inventory.Member("Clinic.Domain.Patient", "PhoneNumber");
        Assert.Equal("Phone", Inventory.S(phone, "kind"));

        // Not annotated: found by its name (PII008, raised to a warning because the solution has not adopted PiiGuard).
        JsonElement ssn = inventory.Member("Clinic.Domain.Patient", "Ssn");
        Assert.Equal("NationalId", Inventory.S(ssn, "kind"));
        Assert.Equal("Name", Inventory.S(ssn, "source"));
        Assert.True(ssn.GetProperty("sensitive").GetBoolean());
        Assert.Equal(new[] { "PIPL Art. 28 sensitive", "CCPA sensitive", "HIPAA identifier" }, ssn.GetProperty("regimes").EnumerateArray().Select(r => r.GetString()).ToArray());
    }

    [Fact]
    public void Json_inventory_lists_every_sink_with_its_state_and_location()
    {
        var inventory = new Inventory(_scan.Read("inventory.json"));
        string[] flows = inventory.Flows.Select(f => string.Join(" | ", Inventory.S(f, "member"), Inventory.S(f, "sink"), Inventory.S(f, "state"), Inventory.S(f, "rule"),
            Inventory.S(f, "file") + ":" + f.GetProperty("line").GetInt32())).ToArray();
        Assert.Equal(new[]
        {
            "Email | ILogger.LogInformation | leaking | PII001 | Clinic.App/Admissions.cs:18",
            "Email | ILogger.LogInformation | pseudonymised | PII202 | Clinic.App/Admissions.cs:21",
            "PhoneNumber | new InvalidOperationException | leaking | PII004 | Clinic.App/Admissions.cs:25",
            "Ssn | ILogger.LogWarning | leaking | PII001 | Clinic.App/Admissions.cs:28",
        }, flows);
        Assert.Equal("HMACSHA256.HashData", Inventory.S(inventory.Flows[1], "sanitizer"));

        JsonElement email = inventory.Member("Clinic.Domain.Patient", "Email");
        Assert.Equal(2, email.GetProperty("sinks").GetArrayLength());
        JsonElement summary = inventory.Root.GetProperty("summary");
        Assert.Equal(3, summary.GetProperty("members").GetInt32());
        Assert.Equal(3, summary.GetProperty("leaking").GetInt32());
        Assert.Equal(1, summary.GetProperty("pseudonymised").GetInt32());
        Assert.Equal(new[] { "PII001", "PII004", "PII001" }, inventory.Findings.Select(f => Inventory.S(f, "rule")).ToArray());

        // Ssn is not annotated: the scan of an unadopted solution found the leak by the member's name, and says so.
        JsonElement byName = Assert.Single(inventory.Findings, f => Inventory.S(f, "inferred") == "name");
        Assert.Contains("Patient.Ssn (NationalId, sensitive, inferred from the name) reaches ILogger.LogWarning", Inventory.S(byName, "message"), StringComparison.Ordinal);
        Assert.Equal("name", Inventory.S(inventory.Flows.Single(f => Inventory.S(f, "member") == "Ssn"), "inferred"));
        Assert.All(inventory.Flows.Where(f => Inventory.S(f, "member") != "Ssn"), f => Assert.Equal("", Inventory.S(f, "inferred")));
    }

    [Fact]
    public void Sarif_holds_the_findings()
    {
        using JsonDocument sarif = JsonDocument.Parse(_scan.Read("piiguard.sarif"));
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        JsonElement run = sarif.RootElement.GetProperty("runs")[0];
        Assert.Equal("PiiGuard", run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString());
        var results = run.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(new[] { "PII001", "PII004", "PII001" }, results.Select(r => r.GetProperty("ruleId").GetString()).ToArray());
        JsonElement location = results[0].GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("Clinic.App/Admissions.cs", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(18, location.GetProperty("region").GetProperty("startLine").GetInt32());

        // The diagnostic properties, where the compiler's SARIF puts them: the same reader reads both logs.
        JsonElement properties = results[0].GetProperty("properties");
        Assert.Equal("Clinic.App", properties.GetProperty("project").GetString());
        JsonElement custom = properties.GetProperty("customProperties");
        Assert.Equal("Patient.Email", custom.GetProperty("member").GetString());
        Assert.Equal("ILogger.LogInformation", custom.GetProperty("sink").GetString());
        var records = PiiGuard.Inventory.SarifReader.Read(_scan.Read("piiguard.sarif"), "Clinic.App");
        Assert.Equal("Clinic.Domain.Patient", records[0].Properties["type"]);
        Assert.Equal("Email", records[0].Properties["piiKind"]);
        Assert.Equal("normal", records[0].Properties["sensitivity"]);
        Assert.Equal("PhoneNumber", records[1].Properties["name"]);
    }

    [Fact]
    public void Markdown_report_has_the_tables()
    {
        string md = _scan.Read("inventory.md");
        Assert.Contains("# Personal-data inventory: Clinic.sln", md);
        Assert.Contains("| Clinic.Domain.Patient | Ssn | NationalId | yes | PIPL Art. 28 sensitive, CCPA sensitive, HIPAA identifier | name only (PII008, not annotated) | Clinic.Domain/Patient.cs:13 |", md);
        Assert.Contains("| Patient.PhoneNumber | new InvalidOperationException | **leaking** | PII004 | Clinic.App/Admissions.cs:25 |", md);
    }

    [Fact]
    public void Html_report_is_self_contained()
    {
        string html = _scan.Read("inventory.html");
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
    }

    [ChromiumFact]
    public void Html_report_renders_in_headless_chromium_with_the_flow_diagram_and_tables()
    {
        string page = Path.Combine(_scan.Reports, "inventory.html");
        Assert.True(File.Exists(page), _scan.Result.Describe());
        ProcessResult chromium = Chromium.DumpDom(page);
        Assert.True(chromium.ExitCode == 0, chromium.Describe());
        string dom = chromium.Output;

        Assert.Contains("<title>PiiGuard inventory: Clinic.sln</title>", dom);
        Assert.Matches(new Regex("<svg id=\"flow-diagram\"[^>]*>"), dom);
        // One curve per (member, sink, state): Email leaking + pseudonymised to ILogger.LogInformation, PhoneNumber leaking to
        // the exception, Ssn (found by its name) leaking to ILogger.LogWarning.
        Assert.Equal(3, Regex.Matches(dom, "<path class=\"flow leaking\" data-state=\"leaking\"").Count);
        Assert.Single(Regex.Matches(dom, "<path class=\"flow pseudonymised\" data-state=\"pseudonymised\""));
        Assert.Contains("Patient.Email → ILogger.LogInformation: leaking (1)", dom);
        Assert.Contains(">new InvalidOperationException</text>", dom);
        Assert.Contains(">Ssn</text>", dom);

        // Tables: three members, four flows, three findings.
        Assert.Equal(3, Rows(dom, "members"));
        Assert.Equal(4, Rows(dom, "flows"));
        Assert.Equal(3, Rows(dom, "findings"));
        Assert.Contains("<b class=\"leaking\">3</b>leaking flows", dom);
        Assert.Contains("<span class=\"chip\">PIPL Art. 28 sensitive</span>", dom);
    }

    private static int Rows(string dom, string tableId)
    {
        Match table = Regex.Match(dom, "<table id=\"" + tableId + "\">(.*?)</table>", RegexOptions.Singleline);
        Assert.True(table.Success, "table " + tableId + " missing");
        Match body = Regex.Match(table.Groups[1].Value, "<tbody>(.*?)</tbody>", RegexOptions.Singleline);
        return Regex.Matches(body.Groups[1].Value, "<tr[ >]").Count;
    }
}
