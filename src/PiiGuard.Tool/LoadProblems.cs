using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace PiiGuard.Tool
{
    /// <summary>
    /// What went wrong while restoring and loading the input, attributed to project files. MSBuildWorkspace reports every
    /// MSBuild message of a project's design-time build as a "failure", NuGet's warnings included ("Msbuild failed when
    /// processing the file … X was not found, Y was resolved instead"), so a message alone does not mean the project failed:
    /// a project counts as not analysed when restore reported an error for it, when it did not load (no source files), or
    /// when its compilation has errors (Program decides, with these messages as the reason).
    /// </summary>
    internal sealed class LoadProblems
    {
        private static readonly Regex QuotedPath = new Regex(@"'(?<path>[^']+\.[A-Za-z]*proj)'", RegexOptions.CultureInvariant);

        private static readonly Regex RestoreError = new Regex(
            @"^\s*(?<file>\S.*?\.(?:[A-Za-z]*proj|sln|slnx|slnf|props|targets))(?:\(\d+,\d+\))?\s*:\s*error\s+(?<code>[A-Za-z]+\d+)\s*:\s*(?<message>.*?)\s*(?:\[[^\]]*\])?\s*$",
            RegexOptions.CultureInvariant | RegexOptions.Multiline);

        private readonly Dictionary<string, List<string>> _workspace = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);

        private readonly Dictionary<string, List<string>> _restore = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);

        private readonly object _gate = new object();

        /// <summary>Messages that name no project file.</summary>
        public List<string> Unattributed { get; } = new List<string>();

        /// <summary>Restore errors that name no project (a broken Directory.Build.props, the solution file).</summary>
        public List<string> RestoreErrors { get; } = new List<string>();

        /// <summary>Records a workspace message.</summary>
        public void AddWorkspaceMessage(string message)
        {
            lock (_gate)
            {
                Match match = QuotedPath.Match(message);
                if (!match.Success)
                {
                    Unattributed.Add(message);
                    return;
                }

                string path = Normalize(match.Groups["path"].Value);
                if (!_workspace.TryGetValue(path, out List<string>? list))
                {
                    _workspace[path] = list = new List<string>();
                }

                const string Prefix = "with message: ";
                int at = message.IndexOf(Prefix, StringComparison.Ordinal);
                string text = at >= 0 ? message.Substring(at + Prefix.Length) : message;
                if (!list.Contains(text))
                {
                    list.Add(text);
                }
            }
        }

        /// <summary>Reads the errors of a failed 'dotnet restore'.</summary>
        public void AddRestoreOutput(string output)
        {
            foreach (Match match in RestoreError.Matches(output))
            {
                string file = match.Groups["file"].Value.Trim();
                string text = match.Groups["code"].Value + ": " + match.Groups["message"].Value;
                if (file.EndsWith("proj", StringComparison.OrdinalIgnoreCase))
                {
                    string path = Normalize(file);
                    if (!_restore.TryGetValue(path, out List<string>? list))
                    {
                        _restore[path] = list = new List<string>();
                    }

                    if (!list.Contains(text))
                    {
                        list.Add(text);
                    }
                }
                else if (!RestoreErrors.Contains(Path.GetFileName(file) + ": " + text))
                {
                    RestoreErrors.Add(Path.GetFileName(file) + ": " + text);
                }
            }
        }

        /// <summary>The workspace's messages about a project file (MSBuild errors and warnings alike).</summary>
        public IReadOnlyList<string> WorkspaceMessagesFor(string? projectFile) =>
            projectFile != null && _workspace.TryGetValue(Normalize(projectFile), out List<string>? list) ? list : Array.Empty<string>();

        /// <summary>The restore errors of a project file.</summary>
        public IReadOnlyList<string> RestoreErrorsFor(string? projectFile) =>
            projectFile != null && _restore.TryGetValue(Normalize(projectFile), out List<string>? list) ? list : Array.Empty<string>();

        /// <summary>Project files named by a message or a restore error that are not among <paramref name="loaded"/>.</summary>
        public IEnumerable<(string Project, string Reason)> ProjectsNotIn(IEnumerable<string> loaded)
        {
            var known = new HashSet<string>(loaded.Select(Normalize), StringComparer.OrdinalIgnoreCase);
            foreach (KeyValuePair<string, List<string>> pair in _restore.Concat(_workspace).GroupBy(p => p.Key, StringComparer.OrdinalIgnoreCase).Select(g => g.First()))
            {
                if (!known.Contains(pair.Key))
                {
                    IReadOnlyList<string> restore = RestoreErrorsFor(pair.Key);
                    IReadOnlyList<string> workspace = WorkspaceMessagesFor(pair.Key);
                    yield return (pair.Key, restore.Count > 0 ? "restore failed: " + restore[0] : workspace.Count > 0 ? workspace[0] : "not loaded");
                }
            }
        }

        private static string Normalize(string path)
        {
            try
            {
                return Path.GetFullPath(path);
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
            {
                return path;
            }
        }
    }
}
