using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace PiiGuard.Tool.Tests;

/// <summary>
/// Scans the OwnLogger fixture (Fixtures/OwnLogger: a project that has NOT adopted PiiGuard and logs through its own
/// <c>ILogManager.Log</c>, whose implementation writes rows into an EF-like table) once as it is, and once more with the
/// suggested catalogue row appended to its piiguard.catalog (the round trip).
/// </summary>
public sealed class OwnLoggerScan : IDisposable
{
    public const string Row = "sink  M:Shop.Infrastructure.ILogManager.Log(Shop.Infrastructure.Level,System.Object,System.String,System.Object[])  log  2,3";

    public OwnLoggerScan()
    {
        Root = Run.NewTempDirectory("ownlogger");
        Run.CopyDirectory(Path.Combine(Run.RepositoryRoot, "tests", "PiiGuard.Tool.Tests", "Fixtures", "OwnLogger"), Root);
        First = Run.Tool(Root, Path.Combine("Shop", "Shop.csproj"), "--no-progress", "--fail-on", "none", "--json", Path.Combine(Root, "first.json"));
        FirstInventory = new Inventory(ReadReport("first.json", First));

        // The row exactly as the first scan suggested it, pasted into the fixture's own catalogue file.
        string suggested = Inventory.S(FirstInventory.Root.GetProperty("candidateSinks")[0], "row");
        File.AppendAllText(Path.Combine(Root, "Shop", "piiguard.catalog"), suggested + "\n");
        Second = Run.Tool(Root, Path.Combine("Shop", "Shop.csproj"), "--no-progress", "--no-restore", "--fail-on", "none", "--json", Path.Combine(Root, "second.json"));
        SecondInventory = new Inventory(ReadReport("second.json", Second));
    }

    public string Root { get; }

    public ProcessResult First { get; }

    public Inventory FirstInventory { get; }

    public ProcessResult Second { get; }

    public Inventory SecondInventory { get; }

    public void Dispose() => Run.TryDelete(Root);

    private string ReadReport(string file, ProcessResult result)
    {
        string path = Path.Combine(Root, file);
        Assert.True(result.ExitCode == 0 && File.Exists(path), result.Describe());
        return File.ReadAllText(path);
    }
}

public sealed class CandidateSinkTests : IClassFixture<OwnLoggerScan>
{
    private readonly OwnLoggerScan _scan;

    public CandidateSinkTests(OwnLoggerScan scan) => _scan = scan;

    [Fact]
    public void Own_ILogManager_Log_is_the_one_candidate_with_the_catalogue_row_to_add()
    {
        JsonElement[] candidates = _scan.FirstInventory.Root.GetProperty("candidateSinks").EnumerateArray().ToArray();
        JsonElement candidate = Assert.Single(candidates);
        Assert.Equal("M:Shop.Infrastructure.ILogManager.Log(Shop.Infrastructure.Level,System.Object,System.String,System.Object[])", Inventory.S(candidate, "method"));
        Assert.Equal("ILogManager.Log(Level, object, string message, params object[] args)", Inventory.S(candidate, "display"));
        Assert.Equal(new[] { 2, 3 }, candidate.GetProperty("parameters").EnumerateArray().Select(p => p.GetInt32()).ToArray());
        Assert.Equal(OwnLoggerScan.Row, Inventory.S(candidate, "row"));
        Assert.Equal("source", Inventory.S(candidate, "declaredIn"));

        // Checkout.Pay calls it twice (once with a constant message), CheckoutLog.Info once with its own parameter.
        Assert.Equal(3, candidate.GetProperty("calls").GetInt32());
        Assert.Equal(2, candidate.GetProperty("callsWithData").GetInt32());
        Assert.Equal("Checkout.cs:35", Inventory.S(candidate, "firstCall"));

        // Where the implementation sends the message: a column of a table row, no sink the catalogue knows.
        Assert.Equal(new[] { "DbLogManager.Log: message -> LogEntry.Message" }, candidate.GetProperty("evidence").EnumerateArray().Select(e => e.GetString()).ToArray());
    }

    [Fact]
    public void A_wrapper_that_passes_its_message_on_is_listed_under_the_candidate_not_as_a_row()
    {
        JsonElement candidate = _scan.FirstInventory.Root.GetProperty("candidateSinks")[0];
        JsonElement wrapper = Assert.Single(candidate.GetProperty("wrappers").EnumerateArray().ToArray());
        Assert.Equal("M:Shop.Infrastructure.CheckoutLog.Info(System.String,System.Object[])", Inventory.S(wrapper, "method"));
        Assert.Equal("wrapper", Inventory.S(wrapper, "via"));
        Assert.Equal(1, wrapper.GetProperty("callsWithData").GetInt32());
    }

    [Fact]
    public void Catalogued_ILogger_wrappers_and_non_log_methods_are_not_listed()
    {
        string json = _scan.FirstInventory.Root.GetProperty("candidateSinks").GetRawText();
        // IAuditTrail.Record: in the fixture's piiguard.catalog. AppLog.Write: its body reaches ILogger.LogInformation.
        // Catalog.Write(Stream), Catalog.Describe(string text), LoginService.Login(string, string message): not log-like.
        foreach (string name in new[] { "IAuditTrail", "AppLog", "Catalog.", "LoginService" })
        {
            Assert.DoesNotContain(name, json, StringComparison.Ordinal);
        }

        // AppLog.Write is followed already: its call is a finding before any row is added.
        Assert.Equal(new[] { "Checkout.cs:38 AppLog.Write -> ILogger.LogInformation" }, Leaks(_scan.FirstInventory));
    }

    [Fact]
    public void The_text_report_prints_the_row_whole_on_a_line_of_its_own()
    {
        string output = _scan.First.Output;
        Assert.Contains("1 candidate sink(s): log-like methods the catalogue does not name", output, StringComparison.Ordinal);
        Assert.Contains(Environment.NewLine + "    " + OwnLoggerScan.Row + Environment.NewLine, output, StringComparison.Ordinal);
        Assert.Contains("also called through CheckoutLog.Info(string message, params object[] args): 1 call(s) with data", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_suggested_row_in_piiguard_catalog_makes_the_scan_report_the_leaks_and_the_candidate_goes()
    {
        Assert.Equal(new[]
        {
            "Checkout.cs:35 ILogManager.Log",
            "Checkout.cs:38 AppLog.Write -> ILogger.LogInformation",
            "Checkout.cs:39 CheckoutLog.Info -> ILogManager.Log",
        }, Leaks(_scan.SecondInventory));
        Assert.Equal(0, _scan.SecondInventory.Root.GetProperty("candidateSinks").GetArrayLength());
        Assert.DoesNotContain("candidate sink(s)", _scan.Second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_existing_inventory_fields_are_unchanged_and_candidateSinks_comes_last()
    {
        string[] fields = _scan.FirstInventory.Root.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(new[] { "schema", "projects", "summary", "members", "flows", "findings", "accepted", "candidateSinks" }, fields);
    }

    private static string[] Leaks(Inventory inventory) =>
        inventory.Flows.Where(f => Inventory.S(f, "state") == "leaking" && Inventory.S(f, "rule") == "PII001")
            .Select(f => Inventory.S(f, "file") + ":" + f.GetProperty("line").GetInt32() + " " + Inventory.S(f, "sink")).ToArray();
}
