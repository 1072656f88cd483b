using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using PiiGuard.Inventory;
using Spectre.Console;

namespace PiiGuard.Tool
{
    /// <summary>Entry point of the piiguard tool.</summary>
    internal static class Program
    {
        public static async Task<int> Main(string[] args)
        {
            if (SummariesCommand.TryRun(args, Console.Out, Console.Error) is int summaries)
            {
                return summaries;
            }

            Options options = Options.Parse(args, out string? error);
            if (options.Help)
            {
                Console.WriteLine(Options.Usage);
                return 0;
            }

            if (error != null)
            {
                Console.Error.WriteLine("piiguard: " + error);
                Console.Error.WriteLine(Options.Usage);
                return 2;
            }

            string path = Path.GetFullPath(options.Path);
            if (!File.Exists(path))
            {
                Console.Error.WriteLine("piiguard: no such file: " + path);
                return 2;
            }

            bool interactive = options.Progress && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
            if (Console.IsOutputRedirected)
            {
                AnsiConsole.Profile.Width = 200;
            }

            string root = Path.GetDirectoryName(path)!;
            var stopwatch = Stopwatch.StartNew();
            var scans = new List<ProjectScan>();
            var loadMessages = new List<string>();
            Scanner.WorkspaceMessage += message => { lock (loadMessages) { loadMessages.Add(message); } };
            try
            {
                if (interactive)
                {
                    await AnsiConsole.Progress()
                        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                        .StartAsync(async context =>
                        {
                            ProgressTask load = context.AddTask("Restoring and loading " + Markup.Escape(Path.GetFileName(path)), maxValue: 1);
                            load.IsIndeterminate = true;
                            Solution solution = await LoadAsync(options, path, _ => { }).ConfigureAwait(false);
                            load.Value = 1;
                            load.StopTask();
                            List<Project> projects = Scanner.ProjectsOf(solution, path);
                            ProgressTask analyse = context.AddTask("Analysing " + projects.Count.ToString(CultureInfo.InvariantCulture) + " project(s)", maxValue: Math.Max(1, projects.Count));
                            foreach (Project project in projects)
                            {
                                analyse.Description = "Analysing " + Markup.Escape(project.Name);
                                scans.Add(await Scanner.ScanAsync(project, root, CancellationToken.None).ConfigureAwait(false));
                                analyse.Increment(1);
                            }

                            analyse.Description = "Analysed " + projects.Count.ToString(CultureInfo.InvariantCulture) + " project(s)";
                        }).ConfigureAwait(false);
                }
                else
                {
                    Solution solution = await LoadAsync(options, path, Console.WriteLine).ConfigureAwait(false);
                    List<Project> projects = Scanner.ProjectsOf(solution, path);
                    int i = 0;
                    foreach (Project project in projects)
                    {
                        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "[{0}/{1}] analysing {2}", ++i, projects.Count, project.Name));
                        scans.Add(await Scanner.ScanAsync(project, root, CancellationToken.None).ConfigureAwait(false));
                    }
                }
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or ArgumentException)
            {
                Console.Error.WriteLine("piiguard: could not load " + path + ": " + e.Message);
                return 2;
            }

            foreach (string message in loadMessages.Distinct().Take(10))
            {
                Console.Error.WriteLine("piiguard: warning: " + message);
            }

            if (scans.Count == 0)
            {
                Console.Error.WriteLine("piiguard: no C# project found in " + path);
                return 2;
            }

            InventoryDocument inventory = InventoryDocument.Build(scans.SelectMany(s => s.Records), scans.Select(s => s.Name));
            var report = new Report(Path.GetFileName(path), inventory, scans, stopwatch.Elapsed);
            PrintSummary(report);

            WriteIfAsked(options.Json, inventory.ToJson(), "inventory");
            WriteIfAsked(options.Sarif, Reports.Sarif(report), "SARIF");
            WriteIfAsked(options.Markdown, Reports.Markdown(report), "Markdown report");
            WriteIfAsked(options.Html, Reports.Html(report), "HTML report");

            int failing = inventory.Findings.Count(f => Severity.Fails(f.Level, options.FailOn));
            if (failing > 0)
            {
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0} finding(s) at or above --fail-on {1}: exit code 1", failing, options.FailOn.ToString().ToLowerInvariant()));
                return 1;
            }

            return 0;
        }

        private static async Task<Solution> LoadAsync(Options options, string path, Action<string> log)
        {
            if (options.Restore)
            {
                log("restoring " + path);
                (int exitCode, string output) = Scanner.Restore(path);
                if (exitCode != 0)
                {
                    Console.Error.WriteLine("piiguard: warning: 'dotnet restore' failed; the analysis may miss references." + Environment.NewLine + output.Trim());
                }
            }

            log("loading " + path);
            (_, Solution solution) = await Scanner.OpenAsync(path, options.Configuration, CancellationToken.None).ConfigureAwait(false);
            return solution;
        }

        private static void WriteIfAsked(string? file, string content, string what)
        {
            if (string.IsNullOrEmpty(file))
            {
                return;
            }

            string full = Path.GetFullPath(file);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
            Console.WriteLine("wrote " + what + ": " + full);
        }

        private static void PrintSummary(Report report)
        {
            InventoryDocument inventory = report.Inventory;
            var table = new Table().Border(TableBorder.Rounded).Title("PiiGuard scan of " + Markup.Escape(report.Input));
            table.AddColumns("Project", "Adopted", "Generated", "Members", "Sensitive", "Leaking", "Masked", "Pseudonymised", "Errors", "Warnings", "Info");
            foreach (ProjectScan scan in report.Scans)
            {
                var members = inventory.Members.Where(m => m.Project == scan.Name).ToList();
                var flows = inventory.Flows.Where(f => f.Project == scan.Name).ToList();
                var findings = inventory.Findings.Where(f => f.Project == scan.Name).ToList();
                table.AddRow(
                    Markup.Escape(scan.Name),
                    scan.Adopted ? "yes" : "no",
                    scan.GeneratedFiles.ToString(CultureInfo.InvariantCulture),
                    members.Count.ToString(CultureInfo.InvariantCulture),
                    members.Count(m => m.Sensitive).ToString(CultureInfo.InvariantCulture),
                    Colour(flows.Count(f => f.State == "leaking"), "red"),
                    flows.Count(f => f.State == "masked").ToString(CultureInfo.InvariantCulture),
                    flows.Count(f => f.State == "pseudonymised").ToString(CultureInfo.InvariantCulture),
                    Colour(findings.Count(f => f.Level == "error"), "red"),
                    Colour(findings.Count(f => f.Level == "warning"), "yellow"),
                    findings.Count(f => f.Level == "note").ToString(CultureInfo.InvariantCulture));
            }

            table.AddRow(
                "[bold]total[/]", "", report.Scans.Sum(s => s.GeneratedFiles).ToString(CultureInfo.InvariantCulture),
                inventory.Members.Count.ToString(CultureInfo.InvariantCulture),
                inventory.Members.Count(m => m.Sensitive).ToString(CultureInfo.InvariantCulture),
                Colour(inventory.Flows.Count(f => f.State == "leaking"), "red"),
                inventory.Flows.Count(f => f.State == "masked").ToString(CultureInfo.InvariantCulture),
                inventory.Flows.Count(f => f.State == "pseudonymised").ToString(CultureInfo.InvariantCulture),
                Colour(inventory.Findings.Count(f => f.Level == "error"), "red"),
                Colour(inventory.Findings.Count(f => f.Level == "warning"), "yellow"),
                inventory.Findings.Count(f => f.Level == "note").ToString(CultureInfo.InvariantCulture));
            AnsiConsole.Write(table);

            if (inventory.Findings.Count > 0)
            {
                var rules = new Table().Border(TableBorder.Rounded).Title("Findings by rule");
                rules.AddColumns("Rule", "Severity", "Count", "First");
                foreach (var group in inventory.Findings.GroupBy(f => f.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    InventoryRecord first = group.First();
                    rules.AddRow(group.Key, Severity.Display(group.OrderByDescending(f => Severity.Rank(f.Level)).First().Level),
                        group.Count().ToString(CultureInfo.InvariantCulture),
                        Markup.Escape(first.File + ":" + first.Line.ToString(CultureInfo.InvariantCulture) + " " + first.Message));
                }

                AnsiConsole.Write(rules);
            }

            foreach (ProjectScan scan in report.Scans.Where(s => s.CompilerErrors > 0))
            {
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "note: {0} has {1} compiler error(s); results may be incomplete (restore or build it first). First: {2}", scan.Name, scan.CompilerErrors, scan.FirstCompilerError));
            }

            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "scanned {0} project(s) in {1:F1}s", report.Scans.Count, report.Elapsed.TotalSeconds));
        }

        private static string Colour(int count, string colour) =>
            count == 0 ? "0" : "[" + colour + "]" + count.ToString(CultureInfo.InvariantCulture) + "[/]";
    }

    /// <summary>What the reports are made of.</summary>
    internal sealed record Report(string Input, InventoryDocument Inventory, IReadOnlyList<ProjectScan> Scans, TimeSpan Elapsed);
}
