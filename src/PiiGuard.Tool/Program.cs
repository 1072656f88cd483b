using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using PiiGuard.Analyzers;
using PiiGuard.Analyzers.Baseline;
using PiiGuard.Inventory;
using Spectre.Console;

namespace PiiGuard.Tool
{
    /// <summary>Entry point of the piiguard tool.</summary>
    internal static class Program
    {
        public static async Task<int> Main(string[] args)
        {
            try
            {
                return await RunAsync(args).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Never a stack trace: one line that says what failed.
                Console.Error.WriteLine("piiguard: error: " + OneLine(e));
                return 2;
            }
        }

        /// <summary>The exception's message on one line (with its inner exception's, when that says more).</summary>
        internal static string OneLine(Exception e)
        {
            string message = e.Message;
            if (e is AggregateException { InnerExceptions.Count: 1 } aggregate)
            {
                message = aggregate.InnerExceptions[0].Message;
            }
            else if (e.InnerException != null && !message.Contains(e.InnerException.Message, StringComparison.Ordinal))
            {
                message += " (" + e.InnerException.Message + ")";
            }

            return string.Join(" ", message.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
        }

        private static async Task<int> RunAsync(string[] args)
        {
            if (SummariesCommand.TryRun(args, Console.Out, Console.Error) is int summaries)
            {
                return summaries;
            }

            if (await AnnotateCommand.TryRunAsync(args).ConfigureAwait(false) is int annotate)
            {
                return annotate;
            }

            Options options = Options.Parse(args, out string? error);
            if (options.Help)
            {
                Console.WriteLine(Options.Usage);
                return 0;
            }

            if (error != null)
            {
                Console.Error.WriteLine("piiguard: " + error + " (piiguard --help for usage)");
                return 2;
            }

            if (options.Command == "diff")
            {
                return InventoryDiff.Run(options);
            }

            string? path = ResolveInput(options.Path, out error);
            if (path is null)
            {
                Console.Error.WriteLine("piiguard: " + error);
                return 2;
            }

            // The baseline: --baseline, or piiguard.baseline.json in the input's folder or above (as the package finds it).
            string? baselineFile = options.Baseline != null ? Path.GetFullPath(options.Baseline) : FindAbove(Path.GetDirectoryName(path)!, BaselineDocument.DefaultFileName);
            if (options.Baseline != null && !File.Exists(baselineFile))
            {
                Console.Error.WriteLine("piiguard: no such baseline: " + baselineFile);
                return 2;
            }

            BaselineDocument? baseline = null;
            if (baselineFile != null)
            {
                try
                {
                    baseline = BaselineDocument.Parse(File.ReadAllText(baselineFile));
                }
                catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
                {
                    Console.Error.WriteLine("piiguard: cannot read the baseline " + baselineFile + ": " + OneLine(e) + " (PII111)");
                    return 2;
                }
            }

            string baselineTarget = Path.GetFullPath(options.Output ?? baselineFile ?? Path.Combine(Path.GetDirectoryName(path)!, BaselineDocument.DefaultFileName));
            if (options.Command == "baseline" && !options.Update && !options.Check && File.Exists(baselineTarget))
            {
                Console.Error.WriteLine("piiguard: " + baselineTarget + " exists: --update drops the entries that no longer match, --check lists them; delete the file to record today's findings again");
                return 2;
            }

            if (options.Command == "baseline" && (options.Update || options.Check) && baseline is null)
            {
                Console.Error.WriteLine("piiguard: no baseline to " + (options.Update ? "update" : "check") + " (piiguard.baseline.json in " + Path.GetDirectoryName(path) + " or above, or --baseline)");
                return 2;
            }

            // piiguard baseline [--update] looks at the findings with no baseline applied; a scan and --check apply it.
            bool applyBaseline = options.Command != "baseline" || options.Check;
            string? appliedBaseline = applyBaseline ? baselineFile : null;

            bool interactive = options.Progress && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
            if (Console.IsOutputRedirected)
            {
                // Logs of CI runs: the width of a terminal (COLUMNS when the caller sets it), not unlimited lines.
                AnsiConsole.Profile.Width = int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), NumberStyles.None, CultureInfo.InvariantCulture, out int columns) && columns >= 40 ? columns : 80;
            }

            string root = Path.GetDirectoryName(path)!;
            var stopwatch = Stopwatch.StartNew();
            var scans = new List<ProjectScan>();
            var problems = new LoadProblems();
            var loaded = new List<string>();
            Scanner.WorkspaceMessage += problems.AddWorkspaceMessage;
            if (interactive)
            {
                await AnsiConsole.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                    .StartAsync(async context =>
                    {
                        ProgressTask load = context.AddTask("Restoring and loading " + Markup.Escape(Path.GetFileName(path)), maxValue: 1);
                        load.IsIndeterminate = true;
                        Solution solution = await LoadAsync(options, path, problems, _ => { }).ConfigureAwait(false);
                        load.Value = 1;
                        load.StopTask();
                        loaded.AddRange(solution.Projects.Select(p => p.FilePath).OfType<string>());
                        List<Project> projects = Scanner.ProjectsOf(solution, path);
                        ProgressTask analyse = context.AddTask("Analysing " + projects.Count.ToString(CultureInfo.InvariantCulture) + " project(s)", maxValue: Math.Max(1, projects.Count));
                        foreach (Project project in projects)
                        {
                            analyse.Description = "Analysing " + Markup.Escape(project.Name);
                            scans.Add(await ScanOneAsync(project, root, problems, appliedBaseline, applyBaseline).ConfigureAwait(false));
                            analyse.Increment(1);
                        }

                        analyse.Description = "Analysed " + projects.Count.ToString(CultureInfo.InvariantCulture) + " project(s)";
                    }).ConfigureAwait(false);
            }
            else
            {
                Solution solution = await LoadAsync(options, path, problems, Console.WriteLine).ConfigureAwait(false);
                loaded.AddRange(solution.Projects.Select(p => p.FilePath).OfType<string>());
                List<Project> projects = Scanner.ProjectsOf(solution, path);
                int i = 0;
                foreach (Project project in projects)
                {
                    Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "[{0}/{1}] analysing {2}", ++i, projects.Count, project.Name));
                    scans.Add(await ScanOneAsync(project, root, problems, appliedBaseline, applyBaseline).ConfigureAwait(false));
                }
            }

            // What was not analysed, and why: projects that did not load, restore errors, compilations with errors.
            var notAnalysed = new List<string>();
            var skipped = new List<string>();
            foreach ((string project, string reason) in problems.ProjectsNotIn(loaded))
            {
                if (project.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
                {
                    notAnalysed.Add(Relative(root, project) + ": " + reason);
                }
                else
                {
                    skipped.Add(Relative(root, project) + ": not a C# project");
                }
            }

            notAnalysed.AddRange(problems.RestoreErrors.Select(e => "restore failed: " + e));
            notAnalysed.AddRange(scans.Where(s => s.Problem != null).Select(s => s.Name + ": " + s.Problem));

            if (scans.Count == 0 && notAnalysed.Count == 0)
            {
                Console.Error.WriteLine("piiguard: no C# project found in " + path);
                return 2;
            }

            if (options.Command == "baseline" && !options.Check)
            {
                return WriteBaseline(options, scans, notAnalysed, baseline, baselineTarget);
            }

            InventoryDocument inventory = InventoryDocument.Build(scans.SelectMany(s => s.Records), scans.Select(s => s.Name));
            List<BaselineEntry> stale = baseline is null || !applyBaseline ? new List<BaselineEntry>() : Stale(baseline, scans);
            foreach (BaselineEntry entry in stale)
            {
                inventory.Findings.Add(new InventoryRecord
                {
                    RuleId = RuleIdentifiers.BaselineEntryUnmatched,
                    Level = "warning",
                    Message = Rules.BaselineEntryUnmatched.MessageFormat.ToString(CultureInfo.InvariantCulture).Replace("{0}", "'" + Describe(entry) + "'", StringComparison.Ordinal),
                    File = Path.GetRelativePath(root, baselineFile!).Replace('\\', '/'),
                    Line = entry.Line,
                    Column = 1,
                });
            }

            var report = new Report(Path.GetFileName(path), inventory, scans, stopwatch.Elapsed);
            if (options.Command == "baseline")
            {
                // --check: the stale entries only.
                foreach (InventoryRecord record in inventory.Findings.Where(f => f.RuleId == RuleIdentifiers.BaselineEntryUnmatched))
                {
                    Console.WriteLine(record.File + "(" + I(record.Line) + "): warning " + record.RuleId + ": " + record.Message);
                }

                Console.WriteLine(I(stale.Count) + " of " + I(baseline!.Entries.Count) + " baseline entries match no finding");
                return notAnalysed.Count > 0 && !options.AllowIncomplete ? ReportIncomplete(notAnalysed) : stale.Count > 0 ? 1 : 0;
            }

            PrintSummary(report);
            PrintCandidateSinks(report);
            foreach (string line in skipped)
            {
                Console.WriteLine("note: skipped " + line);
            }

            if (!WriteIfAsked(options.Json, () => Reports.InventoryJson(report), "inventory")
                || !WriteIfAsked(options.Sarif, () => Reports.Sarif(report), "SARIF")
                || !WriteIfAsked(options.Markdown, () => Reports.Markdown(report), "Markdown report")
                || !WriteIfAsked(options.Html, () => Reports.Html(report), "HTML report"))
            {
                return 2;
            }

            if (notAnalysed.Count > 0)
            {
                TextWriter writer = options.AllowIncomplete ? Console.Out : Console.Error;
                writer.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0} {1} project(s) not analysed or analysed incompletely:", options.AllowIncomplete ? "note:" : "piiguard:", notAnalysed.Count));
                foreach (string line in notAnalysed)
                {
                    writer.WriteLine("  " + line);
                }

                if (!options.AllowIncomplete)
                {
                    Console.Error.WriteLine("piiguard: the scan is incomplete: exit code 2 (fix the projects above, or pass --allow-incomplete to accept a partial scan)");
                    return 2;
                }
            }

            int failing = inventory.Findings.Count(f => Severity.Fails(f.Level, options.FailOn));
            if (failing > 0)
            {
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0} finding(s) at or above --fail-on {1}: exit code 1", failing, options.FailOn.ToString().ToLowerInvariant()));
                return 1;
            }

            return 0;
        }

        /// <summary>The baseline entries that match no finding (suppressed or not) of any scanned project.</summary>
        private static List<BaselineEntry> Stale(BaselineDocument baseline, IEnumerable<ProjectScan> scans)
        {
            var found = new HashSet<string>(scans.SelectMany(s => s.Fingerprints).Select(f => f.Entry.Key), StringComparer.Ordinal);
            return baseline.Entries.Where(e => !found.Contains(e.Key)).ToList();
        }

        private static string Describe(BaselineEntry entry) => BaselineAnalyzer.Describe(entry);

        private static int ReportIncomplete(List<string> notAnalysed)
        {
            Console.Error.WriteLine(string.Format(CultureInfo.InvariantCulture, "piiguard: {0} project(s) not analysed or analysed incompletely:", notAnalysed.Count));
            foreach (string line in notAnalysed)
            {
                Console.Error.WriteLine("  " + line);
            }

            Console.Error.WriteLine("piiguard: the scan is incomplete: exit code 2 (fix the projects above, or pass --allow-incomplete to accept a partial scan)");
            return 2;
        }

        /// <summary>
        /// piiguard baseline: today's unsuppressed PII001–PII009 findings by fingerprint. --update keeps only the entries that
        /// still match, with at most as many findings as match today, and their reviews: it never adds.
        /// </summary>
        private static int WriteBaseline(Options options, List<ProjectScan> scans, List<string> notAnalysed, BaselineDocument? old, string target)
        {
            if (notAnalysed.Count > 0 && !options.AllowIncomplete)
            {
                Console.Error.WriteLine("piiguard: the baseline is not written: a baseline of a partial scan would not hold the findings of the projects missing from it");
                return ReportIncomplete(notAnalysed);
            }

            var counts = new Dictionary<string, (BaselineEntry Entry, int Count)>(StringComparer.Ordinal);
            foreach ((BaselineEntry entry, bool suppressed) in scans.SelectMany(s => s.Fingerprints))
            {
                if (!suppressed)
                {
                    counts[entry.Key] = counts.TryGetValue(entry.Key, out var seen) ? (seen.Entry, seen.Count + 1) : (entry, 1);
                }
            }

            var document = new BaselineDocument();
            int dropped = 0;
            if (options.Update && old != null)
            {
                foreach (BaselineEntry entry in old.Entries)
                {
                    if (counts.TryGetValue(entry.Key, out var now) && now.Count > 0)
                    {
                        int keep = Math.Min(entry.Count, now.Count);
                        counts[entry.Key] = (now.Entry, now.Count - keep);
                        entry.Count = keep;
                        document.Entries.Add(entry);
                    }
                    else
                    {
                        dropped++;
                    }
                }
            }
            else
            {
                foreach ((BaselineEntry entry, int count) in counts.Values)
                {
                    entry.Count = count;
                    document.Entries.Add(entry);
                }
            }

            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllText(target, document.ToJson());
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine("piiguard: cannot write the baseline to " + target + ": " + OneLine(e));
                return 2;
            }

            int findings = document.Entries.Sum(e => e.Count);
            Console.WriteLine(options.Update
                ? string.Format(CultureInfo.InvariantCulture, "updated {0}: {1} entries ({2} findings), {3} entries dropped", target, document.Entries.Count, findings, dropped)
                : string.Format(CultureInfo.InvariantCulture, "wrote {0}: {1} entries ({2} findings)", target, document.Entries.Count, findings));
            if (options.Update && counts.Values.Any(c => c.Count > 0))
            {
                Console.WriteLine(I(counts.Values.Sum(c => c.Count)) + " finding(s) not in the baseline are not added: fix them, or accept them with a reviewed exception");
            }

            return 0;
        }

        private static string? FindAbove(string folder, string name)
        {
            for (DirectoryInfo? dir = new DirectoryInfo(folder); dir != null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            return null;
        }

        /// <summary>The input as a full path: a solution or project file, or a folder that holds exactly one.</summary>
        internal static string? ResolveInput(string input, out string? error)
        {
            error = null;
            string path = Path.GetFullPath(input);
            if (Directory.Exists(path))
            {
                string[] candidates = Directory.GetFiles(path, "*.sln").Concat(Directory.GetFiles(path, "*.slnx")).ToArray();
                if (candidates.Length == 0)
                {
                    candidates = Directory.GetFiles(path, "*.csproj");
                }

                if (candidates.Length != 1)
                {
                    error = candidates.Length == 0
                        ? "no .sln, .slnx or .csproj in " + path
                        : "more than one solution or project in " + path + ": name one (" + string.Join(", ", candidates.Select(Path.GetFileName)) + ")";
                    return null;
                }

                path = candidates[0];
            }

            if (!File.Exists(path))
            {
                error = "no such file: " + path;
                return null;
            }

            string extension = Path.GetExtension(path).ToLowerInvariant();
            if (extension is not (".sln" or ".slnx" or ".slnf") && !extension.EndsWith("proj", StringComparison.Ordinal))
            {
                error = "not a solution or project file: " + path + " (give a .sln, .slnx, .slnf or .csproj)";
                return null;
            }

            try
            {
                using FileStream stream = File.OpenRead(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error = "cannot read " + path + ": " + OneLine(e);
                return null;
            }

            return path;
        }

        /// <summary>Scans one project and decides whether its analysis is complete.</summary>
        private static async Task<ProjectScan> ScanOneAsync(Project project, string root, LoadProblems problems, string? baseline, bool applyBaseline)
        {
            ProjectScan scan = await Scanner.ScanAsync(project, root, baseline, applyBaseline, CancellationToken.None).ConfigureAwait(false);
            IReadOnlyList<string> restore = problems.RestoreErrorsFor(project.FilePath);
            IReadOnlyList<string> messages = problems.WorkspaceMessagesFor(project.FilePath);
            if (restore.Count > 0)
            {
                scan.Problem = "restore failed: " + restore[0];
            }
            else if (!project.DocumentIds.Any() && messages.Count > 0)
            {
                scan.Problem = "did not load: " + messages[0];
            }
            else if (scan.CompilerErrors > 0)
            {
                string problem = string.Format(CultureInfo.InvariantCulture, "{0} compiler error(s), first: {1}", scan.CompilerErrors, Relative(root, scan.FirstCompilerError ?? ""));
                if (scan.GeneratorFailures.Count > 0)
                {
                    problem += "; source generator " + scan.GeneratorFailures[0] + " could not run in piiguard, so code that uses its output does not compile here";
                }
                else if (messages.Count > 0)
                {
                    problem += "; MSBuild said: " + messages[0];
                }

                scan.Problem = problem;
            }

            return scan;
        }

        private static string Relative(string root, string text) =>
            text.Replace(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);

        private static async Task<Solution> LoadAsync(Options options, string path, LoadProblems problems, Action<string> log)
        {
            if (options.Restore)
            {
                log("restoring " + path);
                (int exitCode, string output) = Scanner.Restore(path);
                if (exitCode != 0)
                {
                    problems.AddRestoreOutput(output);
                    if (problems.RestoreErrors.Count == 0 && !output.Contains(": error ", StringComparison.Ordinal))
                    {
                        problems.RestoreErrors.Add("'dotnet restore' exited with " + exitCode.ToString(CultureInfo.InvariantCulture) + ": " + OneLine(new InvalidOperationException(output.Trim())));
                    }
                }
            }

            log("loading " + path);
            (_, Solution solution) = await Scanner.OpenAsync(path, options.Configuration, CancellationToken.None).ConfigureAwait(false);
            return solution;
        }

        private static bool WriteIfAsked(string? file, Func<string> content, string what)
        {
            if (string.IsNullOrEmpty(file))
            {
                return true;
            }

            string full = Path.GetFullPath(file);
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, content());
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine("piiguard: cannot write the " + what + " to " + full + ": " + OneLine(e));
                return false;
            }

            Console.WriteLine("wrote " + what + ": " + full);
            return true;
        }

        /// <summary>
        /// The summary table, within 80 columns: short headers, explained by the legend under the table; only the project
        /// column wraps.
        /// </summary>
        private static void PrintSummary(Report report)
        {
            InventoryDocument inventory = report.Inventory;
            var table = new Table().Border(TableBorder.Rounded).Title("PiiGuard scan of " + Markup.Escape(report.Input));
            table.AddColumn(new TableColumn("Project"));
            foreach (string header in new[] { "Pkg", "Gen", "Mbr", "Sns", "Lkg", "Msk", "Psd", "Err", "Wrn", "Inf" })
            {
                table.AddColumn(new TableColumn(header).NoWrap());
            }

            foreach (ProjectScan scan in report.Scans)
            {
                var members = inventory.Members.Where(m => m.Project == scan.Name).ToList();
                var flows = inventory.Flows.Where(f => f.Project == scan.Name).ToList();
                var findings = inventory.Findings.Where(f => f.Project == scan.Name).ToList();
                table.AddRow(
                    Markup.Escape(scan.Name) + (scan.Problem != null ? " [red](!)[/]" : ""),
                    scan.Adopted ? "yes" : "no",
                    I(scan.GeneratedFiles),
                    I(members.Count),
                    I(members.Count(m => m.Sensitive)),
                    Colour(flows.Count(f => f.State == "leaking"), "red"),
                    I(flows.Count(f => f.State == "masked")),
                    I(flows.Count(f => f.State == "pseudonymised")),
                    Colour(findings.Count(f => f.Level == "error"), "red"),
                    Colour(findings.Count(f => f.Level == "warning"), "yellow"),
                    I(findings.Count(f => f.Level == "note")));
            }

            table.AddRow(
                "[bold]total[/]", "", I(report.Scans.Sum(s => s.GeneratedFiles)),
                I(inventory.Members.Count),
                I(inventory.Members.Count(m => m.Sensitive)),
                Colour(inventory.Flows.Count(f => f.State == "leaking"), "red"),
                I(inventory.Flows.Count(f => f.State == "masked")),
                I(inventory.Flows.Count(f => f.State == "pseudonymised")),
                Colour(inventory.Findings.Count(f => f.Level == "error"), "red"),
                Colour(inventory.Findings.Count(f => f.Level == "warning"), "yellow"),
                I(inventory.Findings.Count(f => f.Level == "note")));
            AnsiConsole.Write(table);
            Console.WriteLine("Pkg: references PiiGuard  Gen: generated masking files  Mbr: personal members");
            Console.WriteLine("Sns: sensitive members  Lkg/Msk/Psd: leaking/masked/pseudonymised flows");
            Console.WriteLine("Err/Wrn/Inf: findings by severity");
            if (report.Scans.Any(s => s.Problem != null))
            {
                Console.WriteLine("(!): not analysed or analysed incompletely, see below");
            }

            if (inventory.Findings.Count > 0)
            {
                var rules = new Table().Border(TableBorder.Rounded).Title("Findings by rule");
                rules.AddColumns("Rule", "Severity", "Count", "First");
                foreach (var group in inventory.Findings.GroupBy(f => f.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    InventoryRecord first = group.First();
                    rules.AddRow(group.Key, Severity.Display(group.OrderByDescending(f => Severity.Rank(f.Level)).First().Level),
                        I(group.Count()),
                        Markup.Escape(first.File + ":" + first.Line.ToString(CultureInfo.InvariantCulture) + " " + first.Message));
                }

                AnsiConsole.Write(rules);
                int fromNames = inventory.Findings.Count(f => f.Properties.TryGetValue("inferred", out string? inferred) && inferred == "name");
                if (fromNames > 0)
                {
                    Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                        "{0} of these come from names (not annotated; the message says \"inferred from the name\"):", fromNames));
                    Console.WriteLine("annotate the member with [Pii(PiiKind.X)], or declare it [NotPii(\"reason\")].");
                }
            }

            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "scanned {0} project(s) in {1:F1}s", report.Scans.Count, report.Elapsed.TotalSeconds));
        }

        /// <summary>
        /// The candidate sinks, each with the row to paste into a piiguard.catalog file. Plain lines, not a table: a row is
        /// wider than a terminal and must be copied whole. Nothing is printed when there are none.
        /// </summary>
        private static void PrintCandidateSinks(Report report)
        {
            if (report.CandidateSinks.Count == 0)
            {
                return;
            }

            Console.WriteLine();
            Console.WriteLine(I(report.CandidateSinks.Count) + " candidate sink(s): log-like methods the catalogue does not name, so what they are given is not checked.");
            Console.WriteLine("If one writes a log, an audit trail or any other record people read, add its row to a piiguard.catalog file");
            Console.WriteLine("(docs/configuration.md, \"Your own catalogue\"):");
            foreach (SinkCandidate candidate in report.CandidateSinks)
            {
                Console.WriteLine();
                Console.WriteLine("  " + candidate.Display);
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "    {0} call(s), {1} with data (first: {2}); {3}", candidate.Calls, candidate.CallsWithData, candidate.FirstCall,
                    string.Join(", ", candidate.Projects)));
                foreach (string evidence in candidate.Evidence)
                {
                    Console.WriteLine("    " + evidence);
                }

                foreach (SinkCandidate wrapper in candidate.Wrappers)
                {
                    Console.WriteLine(wrapper.Via == "implementation"
                        ? string.Format(CultureInfo.InvariantCulture, "    also called directly on the implementation {0}: {1} call(s) with data (the row does not cover those calls)", wrapper.Display, wrapper.CallsWithData)
                        : string.Format(CultureInfo.InvariantCulture, "    also called through {0}: {1} call(s) with data (followed once the row is added)", wrapper.Display, wrapper.CallsWithData));
                }

                Console.WriteLine("    " + candidate.Row);
            }
        }

        private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

        private static string Colour(int count, string colour) =>
            count == 0 ? "0" : "[" + colour + "]" + count.ToString(CultureInfo.InvariantCulture) + "[/]";
    }

    /// <summary>What the reports are made of.</summary>
    internal sealed record Report(string Input, InventoryDocument Inventory, IReadOnlyList<ProjectScan> Scans, TimeSpan Elapsed)
    {
        /// <summary>The candidate sinks of every scanned project, merged and ranked.</summary>
        public IReadOnlyList<SinkCandidate> CandidateSinks { get; } = SinkCandidates.Merge(Scans.SelectMany(s => s.CandidateSinks));
    }
}
