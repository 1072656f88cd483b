using System;
using System.Collections.Generic;
using System.Globalization;

namespace PiiGuard.Tool
{
    /// <summary>The command line of piiguard.</summary>
    internal sealed class Options
    {
        public const string Usage = """
            piiguard - personal-data inventory and leak scanner (PiiGuard analyzers, no package needed)

            usage: piiguard <solution.sln|.slnx|project.csproj> [options]

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

        public static Options Parse(IReadOnlyList<string> args, out string? error)
        {
            var options = new Options();
            error = null;
            for (int i = 0; i < args.Count; i++)
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

                        if (options.Path.Length > 0)
                        {
                            error = "one solution or project only";
                            return options;
                        }

                        options.Path = arg;
                        break;
                }

                if (arg is "--json" or "--sarif" or "--md" or "--markdown" or "--html" or "--configuration" or "-c"
                    && (i >= args.Count || args[i] == arg))
                {
                    error = arg + " needs a value";
                    return options;
                }
            }

            if (!options.Help && options.Path.Length == 0)
            {
                error = "give a .sln, .slnx or .csproj";
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
