using System;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace PiiGuard.Tool
{
    /// <summary>
    /// <c>piiguard diff --base &lt;git ref&gt; [&lt;solution|project&gt;] [&lt;head.json&gt;]</c>: the base inventory is the scan of
    /// the ref, checked out into a temporary git worktree (the working tree is not touched, uncommitted changes stay); the
    /// head is the scan of the working tree, or the head inventory given. Each scan is this tool run as a child process
    /// (its own MSBuild workspace), with its progress on stderr so that stdout is the Markdown alone. A ref that is not
    /// a commit, an input outside a git repository, or a scan that fails: one line and exit 2.
    /// </summary>
    internal static class GitBase
    {
        public static int Run(Options options)
        {
            string? input = Program.ResolveInput(options.Path, out string? error);
            if (input is null)
            {
                Console.Error.WriteLine("piiguard: " + error);
                return 2;
            }

            string folder = Path.GetDirectoryName(input)!;
            string baseRef = options.BaseRef!;
            (int code, string output) = Git(folder, "rev-parse", "--show-toplevel");
            if (code != 0)
            {
                Console.Error.WriteLine("piiguard: --base needs a git repository: " + folder + " is not in one (" + Program.OneLine(new InvalidOperationException(output.Trim())) + ")");
                return 2;
            }

            string top = output.Trim();
            (code, string prefix) = Git(folder, "rev-parse", "--show-prefix");
            (int verified, string commit) = Git(folder, "rev-parse", "--verify", "--quiet", "--end-of-options", baseRef + "^{commit}");
            if (code != 0 || verified != 0 || commit.Trim().Length == 0)
            {
                Console.Error.WriteLine("piiguard: --base '" + baseRef + "' is not a commit in " + top + " (a branch, tag or commit id)");
                return 2;
            }

            commit = commit.Trim();
            string shortCommit = commit.Length > 12 ? commit.Substring(0, 12) : commit;
            string work = Path.Combine(Path.GetTempPath(), "piiguard-diff-" + Guid.NewGuid().ToString("N").Substring(0, 12));
            string checkout = Path.Combine(work, "base");
            try
            {
                Directory.CreateDirectory(work);
                (code, output) = Git(top, "worktree", "add", "--detach", "--quiet", checkout, commit);
                if (code != 0)
                {
                    Console.Error.WriteLine("piiguard: cannot check out " + baseRef + " into a temporary worktree: " + Program.OneLine(new InvalidOperationException(output.Trim())));
                    return 2;
                }

                string baseInput = Path.Combine(checkout, prefix.Trim().Replace('/', Path.DirectorySeparatorChar), Path.GetFileName(input));
                if (!File.Exists(baseInput))
                {
                    Console.Error.WriteLine("piiguard: " + Path.GetFileName(input) + " does not exist at " + baseRef + " (" + shortCommit + ")");
                    return 2;
                }

                string baseJson = Path.Combine(work, "base.json");
                Console.Error.WriteLine("piiguard: scanning " + baseRef + " (" + shortCommit + ")");
                if (!Scan(baseInput, baseJson, options, restore: true, baseRef))
                {
                    return 2;
                }

                string headJson;
                string headName;
                if (options.Head.Length > 0)
                {
                    headJson = options.Head;
                    headName = Path.GetFileName(options.Head);
                }
                else
                {
                    headJson = Path.Combine(work, "head.json");
                    headName = "working tree";
                    Console.Error.WriteLine("piiguard: scanning the working tree");
                    if (!Scan(input, headJson, options, restore: options.Restore, "the working tree"))
                    {
                        return 2;
                    }
                }

                JsonElement @base;
                JsonElement head;
                try
                {
                    @base = InventoryDiff.Load(baseJson);
                    head = InventoryDiff.Load(headJson);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or FormatException)
                {
                    Console.Error.WriteLine("piiguard: " + Program.OneLine(e));
                    return 2;
                }

                return InventoryDiff.Report(@base, head, baseRef + " (" + shortCommit + ")", headName, options);
            }
            finally
            {
                if (Directory.Exists(checkout))
                {
                    Git(top, "worktree", "remove", "--force", checkout);
                }

                TryDelete(work);
                Git(top, "worktree", "prune");
            }
        }

        /// <summary>Runs this tool's scan on <paramref name="input"/> with the inventory written to <paramref name="json"/>.</summary>
        private static bool Scan(string input, string json, Options options, bool restore, string what)
        {
            string host = Environment.ProcessPath ?? "dotnet";
            var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            if (string.Equals(Path.GetFileNameWithoutExtension(host), "dotnet", StringComparison.OrdinalIgnoreCase))
            {
                // Run as 'dotnet piiguard.dll' (a local tool, the build output): the child needs the assembly.
                start.ArgumentList.Add(typeof(GitBase).Assembly.Location);
            }

            foreach (string arg in new[] { input, "--json", json, "--no-progress", "--fail-on", "none", "--configuration", options.Configuration })
            {
                start.ArgumentList.Add(arg);
            }

            if (!restore)
            {
                start.ArgumentList.Add("--no-restore");
            }

            if (options.AllowIncomplete)
            {
                start.ArgumentList.Add("--allow-incomplete");
            }

            using Process process = Process.Start(start)!;
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            Task<string> error = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            if (process.ExitCode == 0 && File.Exists(json))
            {
                return true;
            }

            // The scan's own explanation (it fails closed: a project that does not load or compile, exit 2).
            Console.Error.WriteLine("piiguard: the scan of " + what + " failed (exit " + process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) + "):");
            foreach (string line in (error.Result + output.Result).Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith("piiguard:", StringComparison.Ordinal) || l.StartsWith("  ", StringComparison.Ordinal)).Take(20))
            {
                Console.Error.WriteLine("  " + line.Trim());
            }

            return false;
        }

        /// <summary>Runs git; its exit code and output (stderr after stdout). No git on the PATH: exit code -1.</summary>
        private static (int ExitCode, string Output) Git(string workingDirectory, params string[] args)
        {
            var start = new ProcessStartInfo("git") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["GIT_TERMINAL_PROMPT"] = "0";
            try
            {
                using Process process = Process.Start(start)!;
                Task<string> output = process.StandardOutput.ReadToEndAsync();
                Task<string> error = process.StandardError.ReadToEndAsync();
                process.WaitForExit();
                return (process.ExitCode, output.Result + error.Result);
            }
            catch (Win32Exception e)
            {
                return (-1, "git could not be run: " + e.Message);
            }
        }

        private static void TryDelete(string directory)
        {
            try
            {
                if (Directory.Exists(directory))
                {
                    Directory.Delete(directory, recursive: true);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A temporary folder left behind is not worth failing the diff for.
            }
        }
    }
}
