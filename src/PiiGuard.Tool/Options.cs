using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PiiGuard.Tool
{
    /// <summary>The command line of piiguard.</summary>
    internal sealed class Options
    {
        public const string Usage = """
            piiguard - personal-data inventory and leak scanner (PiiGuard analyzers, no package needed)

            usage: piiguard <solution.sln|.slnx|project.csproj> [options]
                   piiguard baseline <solution|project> [--update] [--check] [--output <file>] [options]
                   piiguard diff <base-inventory.json> <head-inventory.json> [--md <file>] [--json <file>]
                   piiguard diff --base <git ref> [<solution|project>] [<head-inventory.json>] [--md <file>] [--json <file>]
                   piiguard annotate <solution|project> [--diagnostics PII008,...] [--preset <name>] [--dry-run]

              --json <file>         write the personal-data inventory (JSON, schema piiguard-inventory/1)
              --sarif <file>        write the findings as SARIF 2.1
              --md <file>           write a Markdown report
              --html <file>         write a self-contained HTML report with a data-flow diagram
              --fail-on <severity>  exit 1 when a finding at or above it exists: error (default), warning, info, none
              --configuration <c>   MSBuild configuration to load (default: Debug)
              --no-restore          do not run 'dotnet restore' before loading
              --no-progress         plain output, no progress display
              --allow-incomplete    accept a partial scan: projects that do not load or restore, or whose
                                    compilation has errors, are listed and the exit code ignores them
              --baseline <file>     the baseline to apply (default: piiguard.baseline.json in the input's
                                    folder or above); findings it holds are suppressed, entries that
                                    match no finding are PII110

            After the summary, a scan lists the candidate sinks: log-like methods the catalogue does not name (a
            team's own ILogManager.Log, IAuditService.Record...), each with the piiguard.catalog row that makes it a
            sink (docs/configuration.md); --json writes them as candidateSinks.

            piiguard baseline: writes piiguard.baseline.json beside the input (or --output) with today's
            findings (PII001-PII009); --update drops the entries that match no finding and keeps the rest
            with their reviews (it never adds); --check only reports stale entries (PII110, exit 1)

            piiguard diff: what a change adds and removes between two inventories (personal members, flows,
            findings) as Markdown and JSON; exit 0 nothing new, 3 new personal data, egress or findings;
            --base <ref> scans that commit (checked out in a temporary git worktree) for the base, and the
            working tree (or the head inventory given) for the head

            piiguard annotate: applies PiiGuard's code fixes across a solution (default PII008: [Pii(kind)] on
            members named like personal data); piiguard annotate --help for its options

              -h, --help            this text

            exit codes: 0 no finding at or above --fail-on, 1 findings at or above it, 2 usage error, an
                        unreadable input, or a project not analysed (unless --allow-incomplete)
            """;

        public string Path { get; private set; } = "";

        public string? Json { get; private set; }

        public string? Sarif { get; private set; }

        public string? Markdown { get; private set; }

        public string? Html { get; private set; }

        public FailOn FailOn { get; private set; } = FailOn.Error;

        public string Configuration { get; private set; } = "Debug";

        public bool Restore { get; private set; } = true;

        public bool Progress { get; private set; } = true;

        public bool Help { get; private set; }

        public bool AllowIncomplete { get; private set; }

        /// <summary>scan, baseline or diff.</summary>
        public string Command { get; private set; } = "scan";

        /// <summary>baseline --update.</summary>
        public bool Update { get; private set; }

        /// <summary>baseline --check.</summary>
        public bool Check { get; private set; }

        /// <summary>baseline --output.</summary>
        public string? Output { get; private set; }

        /// <summary>--baseline.</summary>
        public string? Baseline { get; private set; }

        /// <summary>diff: the head inventory (Path is the base).</summary>
        public string Head { get; private set; } = "";

        /// <summary>diff --base: the git ref whose scan is the base (Path is then the solution or project to scan).</summary>
        public string? BaseRef { get; private set; }

        public static Options Parse(IReadOnlyList<string> args, out string? error)
        {
            var options = new Options();
            error = null;
            int first = 0;
            if (args.Count > 0 && args[0] is "baseline" or "diff" or "scan")
            {
                options.Command = args[0];
                first = 1;
            }

            for (int i = first; i < args.Count; i++)
            {
                string arg = args[i];
                string? Next()
                {
                    if (i + 1 >= args.Count)
                    {
                        return null;
                    }

                    return args[++i];
                }

                switch (arg)
                {
                    case "-h" or "--help" or "-?":
                        options.Help = true;
                        break;
                    case "--json":
                        options.Json = Next();
                        break;
                    case "--sarif":
                        options.Sarif = Next();
                        break;
                    case "--md" or "--markdown":
                        options.Markdown = Next();
                        break;
                    case "--html":
                        options.Html = Next();
                        break;
                    case "--configuration" or "-c":
                        options.Configuration = Next() ?? "Debug";
                        break;
                    case "--no-restore":
                        options.Restore = false;
                        break;
                    case "--no-progress":
                        options.Progress = false;
                        break;
                    case "--allow-incomplete":
                        options.AllowIncomplete = true;
                        break;
                    case "--update" when options.Command == "baseline":
                        options.Update = true;
                        break;
                    case "--check" when options.Command == "baseline":
                        options.Check = true;
                        break;
                    case "--output" or "-o" when options.Command == "baseline":
                        options.Output = Next();
                        break;
                    case "--baseline":
                        options.Baseline = Next();
                        break;
                    case "--base" when options.Command == "diff":
                        options.BaseRef = Next();
                        break;
                    case "--fail-on":
                        string? value = Next();
                        switch (value?.ToLowerInvariant())
                        {
                            case "error": options.FailOn = FailOn.Error; break;
                            case "warning" or "warn": options.FailOn = FailOn.Warning; break;
                            case "info" or "note" or "suggestion": options.FailOn = FailOn.Info; break;
                            case "none" or "never": options.FailOn = FailOn.None; break;
                            default:
                                error = string.Format(CultureInfo.InvariantCulture, "--fail-on takes error, warning, info or none, not '{0}'", value);
                                return options;
                        }

                        break;
                    default:
                        if (arg.StartsWith('-'))
                        {
                            error = "unknown option " + arg;
                            return options;
                        }

                        if (options.Command == "diff" && options.Path.Length > 0 && options.Head.Length == 0)
                        {
                            options.Head = arg;
                            break;
                        }

                        if (options.Path.Length > 0)
                        {
                            error = options.Command == "diff" ? "diff takes two inventory files" : "one solution or project only";
                            return options;
                        }

                        options.Path = arg;
                        break;
                }

                if (arg is "--json" or "--sarif" or "--md" or "--markdown" or "--html" or "--configuration" or "-c" or "--output" or "-o" or "--baseline" or "--base"
                    && (i >= args.Count || args[i] == arg))
                {
                    error = arg + " needs a value";
                    return options;
                }
            }

            if (options.Command == "diff" && options.BaseRef != null)
            {
                // diff --base <ref> [<solution|project>] [<head.json>]: the positionals by what they are.
                string[] positionals = new[] { options.Path, options.Head }.Where(p => p.Length > 0).ToArray();
                options.Path = "";
                options.Head = "";
                foreach (string positional in positionals)
                {
                    if (positional.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && options.Head.Length == 0)
                    {
                        options.Head = positional;
                    }
                    else if (!positional.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && options.Path.Length == 0)
                    {
                        options.Path = positional;
                    }
                    else
                    {
                        error = "diff --base takes a solution or project and a head inventory, one of each at most";
                    }
                }

                if (options.Path.Length == 0)
                {
                    options.Path = ".";
                }

                if (options.BaseRef.Trim().Length == 0 || options.BaseRef.StartsWith('-'))
                {
                    error = "--base needs a git ref (a branch, tag or commit)";
                }
            }
            else if (!options.Help && options.Command == "diff" && options.Head.Length == 0)
            {
                error = "diff takes two inventory files: piiguard diff <base.json> <head.json>";
            }
            else if (!options.Help && options.Path.Length == 0)
            {
                error = "give a .sln, .slnx or .csproj";
            }
            else if (options.Update && options.Check)
            {
                error = "--update and --check cannot be combined";
            }

            return options;
        }
    }

    /// <summary>The lowest severity that fails the run.</summary>
    internal enum FailOn
    {
        None,
        Error,
        Warning,
        Info,
    }

    /// <summary>Severity helpers.</summary>
    internal static class Severity
    {
        /// <summary>error=3, warning=2, note=1, none=0.</summary>
        public static int Rank(string level) => level switch
        {
            "error" => 3,
            "warning" => 2,
            "note" => 1,
            _ => 0,
        };

        public static bool Fails(string level, FailOn failOn) => failOn switch
        {
            FailOn.Error => Rank(level) >= 3,
            FailOn.Warning => Rank(level) >= 2,
            FailOn.Info => Rank(level) >= 1,
            _ => false,
        };

        public static string Display(string level) => level == "note" ? "info" : level;

        public static string Parse(string name) => name.ToLowerInvariant() switch
        {
            "info" => "note",
            _ => name.ToLowerInvariant(),
        };

        public static bool IsValid(string level) => Array.IndexOf(new[] { "error", "warning", "note" }, level) >= 0;
    }
}
