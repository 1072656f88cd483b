using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.MSBuild;
using PiiGuard.Analyzers;
using PiiGuard.CodeFixes;

namespace PiiGuard.Tool
{
    /// <summary>
    /// <c>piiguard annotate &lt;sln|csproj&gt;</c>: applies PiiGuard's code fixes across a solution from the command line, the
    /// way Fix All does in the IDE, and writes the changed files (issue 16, part 5). The chosen rules run as warnings
    /// whatever .editorconfig, a .globalconfig or a preset says: <c>dotnet format analyzers --diagnostics PII008</c> only
    /// fixes what the project's configuration already reports at warning, so under the audit preset's .globalconfig it
    /// changes nothing. Each rule takes its first provider in the code-fix assembly's order (as dotnet format does;
    /// CodeFixCatalogTests pins it: PII008 adds [Pii], never [NotPii]), through that provider's own Fix All.
    /// </summary>
    internal static class AnnotateCommand
    {
        public const string Usage = """
            usage: piiguard annotate <solution.sln|.slnx|project.csproj> [--diagnostics PII008,...] [--preset <name>] [--dry-run]

            Applies PiiGuard's code fixes to every document, as Fix All does in the IDE, and writes the changed files.
            By default PII008's fix: [Pii(PiiKind.X)] on each member named like personal data, the kind inferred from
            its name ('using PiiGuard;' added where needed). The chosen rules run as warnings whatever .editorconfig,
            a .globalconfig or a preset says. Projects must reference PiiGuard (the PiiGuard.Analyzers package).

              --diagnostics <ids>   the rules whose fixes to apply, comma-separated (default: PII008); each rule takes
                                    its first fix, as dotnet format does (PII001-PII004: mask at the sink)
              --preset <name>       analyse as under a preset: audit turns on name-based discovery, strict reports
                                    users' own ids; recommended (default) leaves the project's settings
              --dry-run             list what would change, write nothing
              --configuration <c>   MSBuild configuration to load (default: Debug)
              --no-restore          do not run 'dotnet restore' before loading
              --allow-incomplete    fix the projects that load and compile, list the others (default: exit 2 and
                                    write nothing when a project does not load, restore or compile)
              -h, --help            this text

            exit codes: 0 done (or nothing to change), 2 usage error, an unreadable input, a project not loaded,
                        restored or compiled, or no project that references PiiGuard
            """;

        private static readonly Regex IdPattern = new Regex("^PII[0-9]{3}$", RegexOptions.CultureInvariant);

        /// <summary>PiiGuard's code-fix providers in the assembly's type order (the order dotnet format picks from).</summary>
        private static readonly CodeFixProvider[] Providers = typeof(AddPiiAttributeCodeFixProvider).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() != null)
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToArray();

        /// <summary>The exit code when <paramref name="args"/> is the annotate command, otherwise null.</summary>
        public static async Task<int?> TryRunAsync(string[] args)
        {
            if (args.Length == 0 || args[0] != "annotate")
            {
                return null;
            }

            Settings settings = Settings.Parse(args, out string? error);
            if (settings.Help)
            {
                Console.WriteLine(Usage);
                return 0;
            }

            if (error != null)
            {
                Console.Error.WriteLine("piiguard: " + error + " (piiguard annotate --help for usage)");
                return 2;
            }

            string? path = Program.ResolveInput(settings.Input, out error);
            if (path is null)
            {
                Console.Error.WriteLine("piiguard: " + error);
                return 2;
            }

            var problems = new LoadProblems();
            Scanner.WorkspaceMessage += problems.AddWorkspaceMessage;
            try
            {
                return await RunAsync(settings, path, problems, CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                Scanner.WorkspaceMessage -= problems.AddWorkspaceMessage;
            }
        }

        private static async Task<int> RunAsync(Settings settings, string path, LoadProblems problems, CancellationToken cancellationToken)
        {
            string root = Path.GetDirectoryName(path)!;
            if (settings.Restore)
            {
                Console.WriteLine("restoring " + path);
                (int exitCode, string output) = Scanner.Restore(path);
                if (exitCode != 0)
                {
                    problems.AddRestoreOutput(output);
                    if (problems.RestoreErrors.Count == 0 && !output.Contains(": error ", StringComparison.Ordinal))
                    {
                        problems.RestoreErrors.Add("'dotnet restore' exited with " + I(exitCode) + ": " + Program.OneLine(new InvalidOperationException(output.Trim())));
                    }
                }
            }

            Console.WriteLine("loading " + path);
            (MSBuildWorkspace workspace, Solution solution) = await Scanner.OpenAsync(path, settings.Configuration, cancellationToken).ConfigureAwait(false);
            using (workspace)
            {
                // What cannot be fixed safely: projects that did not load, restore or compile (fail closed, as the scanner does).
                var notFixed = new List<string>();
                var notes = new List<string>();
                foreach ((string project, string reason) in problems.ProjectsNotIn(solution.Projects.Select(p => p.FilePath).OfType<string>()))
                {
                    if (project.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
                    {
                        notFixed.Add(Relative(root, project) + ": " + reason);
                    }
                }

                notFixed.AddRange(problems.RestoreErrors.Select(e => "restore failed: " + e));

                Solution prepared = solution;
                var targets = new List<ProjectId>();
                foreach (Project original in Scanner.ProjectsOf(solution, path))
                {
                    Project project = Scanner.WithToolGenerator(prepared.GetProject(original.Id)!);
                    prepared = project.Solution;
                    IReadOnlyList<string> restore = problems.RestoreErrorsFor(project.FilePath);
                    IReadOnlyList<string> messages = problems.WorkspaceMessagesFor(project.FilePath);
                    if (restore.Count > 0)
                    {
                        notFixed.Add(project.Name + ": restore failed: " + restore[0]);
                        continue;
                    }

                    if (!project.DocumentIds.Any() && messages.Count > 0)
                    {
                        notFixed.Add(project.Name + ": did not load: " + messages[0]);
                        continue;
                    }

                    Compilation compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false)
                        ?? throw new InvalidOperationException("no compilation for " + project.Name);
                    if (compilation.GetTypeByMetadataName("PiiGuard.PiiAttribute") is null)
                    {
                        notes.Add(project.Name + " does not reference PiiGuard (add the PiiGuard.Analyzers package first): skipped");
                        continue;
                    }

                    Diagnostic[] errors = compilation.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
                    if (errors.Length > 0)
                    {
                        notFixed.Add(project.Name + ": " + I(errors.Length) + " compiler error(s), first: " + Relative(root, errors[0].ToString()));
                        continue;
                    }

                    targets.Add(project.Id);
                }

                foreach (string note in notes)
                {
                    Console.WriteLine("note: " + note);
                }

                if (notFixed.Count > 0)
                {
                    TextWriter writer = settings.AllowIncomplete ? Console.Out : Console.Error;
                    writer.WriteLine((settings.AllowIncomplete ? "note: " : "piiguard: ") + I(notFixed.Count) + " project(s) not loaded, restored or compiled:");
                    foreach (string line in notFixed)
                    {
                        writer.WriteLine("  " + line);
                    }

                    if (!settings.AllowIncomplete)
                    {
                        Console.Error.WriteLine("piiguard: nothing written: fix the projects above, or pass --allow-incomplete to fix the others");
                        return 2;
                    }
                }

                if (targets.Count == 0)
                {
                    Console.Error.WriteLine("piiguard: no project in " + Path.GetFileName(path) + " references PiiGuard and compiles: add the PiiGuard.Analyzers package, then annotate");
                    return 2;
                }

                // One pass per rule, in the order given: each pass analyses the solution as the previous one left it.
                var found = new Dictionary<ProjectId, List<Diagnostic>>();
                Solution current = prepared;
                foreach (string id in settings.Ids)
                {
                    Dictionary<ProjectId, ImmutableArray<Diagnostic>> diagnostics = await AnalyzeAsync(current, targets, id, settings.Preset, cancellationToken).ConfigureAwait(false);
                    foreach (KeyValuePair<ProjectId, ImmutableArray<Diagnostic>> pair in diagnostics)
                    {
                        if (!found.TryGetValue(pair.Key, out List<Diagnostic>? list))
                        {
                            found[pair.Key] = list = new List<Diagnostic>();
                        }

                        list.AddRange(pair.Value);
                    }

                    if (diagnostics.Values.Any(d => !d.IsEmpty))
                    {
                        current = await FixAllAsync(current, Providers.First(p => p.FixableDiagnosticIds.Contains(id)), id, diagnostics, cancellationToken).ConfigureAwait(false);
                    }
                }

                // What is still reported afterwards was not fixed (no fix applies to it).
                var remaining = new Dictionary<ProjectId, List<Diagnostic>>();
                foreach (string id in settings.Ids)
                {
                    foreach (KeyValuePair<ProjectId, ImmutableArray<Diagnostic>> pair in await AnalyzeAsync(current, targets, id, settings.Preset, cancellationToken).ConfigureAwait(false))
                    {
                        if (!remaining.TryGetValue(pair.Key, out List<Diagnostic>? list))
                        {
                            remaining[pair.Key] = list = new List<Diagnostic>();
                        }

                        list.AddRange(pair.Value);
                    }
                }

                List<DocumentId> changed = current.GetChanges(prepared).GetProjectChanges().SelectMany(p => p.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true)).ToList();
                bool annotating = settings.Ids.Count == 1 && settings.Ids[0] == RuleIdentifiers.UnannotatedPersonalData;
                string what = settings.DryRun ? (annotating ? "member(s) to annotate" : "finding(s) to fix") : annotating ? "member(s) annotated" : "finding(s) fixed";
                int totalFixes = 0;
                foreach (ProjectId projectId in targets)
                {
                    Project project = prepared.GetProject(projectId)!;
                    List<Diagnostic> before = found.TryGetValue(projectId, out List<Diagnostic>? b) ? b : new List<Diagnostic>();
                    List<Diagnostic> fixedOnes = Subtract(before, remaining.TryGetValue(projectId, out List<Diagnostic>? r) ? r : new List<Diagnostic>());
                    int files = changed.Count(d => d.ProjectId == projectId);
                    totalFixes += fixedOnes.Count;
                    Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0}: {1} {2} in {3} file(s){4}", project.Name, fixedOnes.Count, what, files,
                        before.Count > fixedOnes.Count ? ", " + I(before.Count - fixedOnes.Count) + " left (no fix applies)" : ""));
                    foreach (Diagnostic diagnostic in fixedOnes.OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start))
                    {
                        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
                        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0}({1},{2}): {3} {4}", Relative(root, span.Path), span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, diagnostic.Id, diagnostic.GetMessage(CultureInfo.InvariantCulture)));
                    }
                }

                if (changed.Count == 0)
                {
                    Console.WriteLine("nothing to change: no " + string.Join(", ", settings.Ids) + " finding that a fix applies to");
                    return 0;
                }

                if (settings.DryRun)
                {
                    Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "--dry-run: {0} file(s) would change; nothing written", changed.Count));
                    return 0;
                }

                // Only document texts go back to the workspace (the tool's generator swap is not a change to write).
                Solution target = workspace.CurrentSolution;
                foreach (DocumentId id in changed)
                {
                    target = target.WithDocumentText(id, await current.GetDocument(id)!.GetTextAsync(cancellationToken).ConfigureAwait(false));
                }

                if (!workspace.TryApplyChanges(target))
                {
                    Console.Error.WriteLine("piiguard: the changes could not be written (the files changed on disk while piiguard ran?)");
                    return 2;
                }

                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "wrote {0} file(s): {1} {2}; review the diff", changed.Count, totalFixes, what));
                return 0;
            }
        }

        /// <summary>The diagnostics of <paramref name="before"/> that are not in <paramref name="after"/>, by rule and message (a multiset).</summary>
        private static List<Diagnostic> Subtract(List<Diagnostic> before, List<Diagnostic> after)
        {
            var left = after.GroupBy(Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var result = new List<Diagnostic>();
            foreach (Diagnostic diagnostic in before)
            {
                string key = Key(diagnostic);
                if (left.TryGetValue(key, out int count) && count > 0)
                {
                    left[key] = count - 1;
                }
                else
                {
                    result.Add(diagnostic);
                }
            }

            return result;

            static string Key(Diagnostic d) => d.Id + "|" + d.Location.SourceTree?.FilePath + "|" + d.GetMessage(CultureInfo.InvariantCulture);
        }

        /// <summary>
        /// The findings of one rule in each target project's documents, the rule forced to warning (in the compilation's
        /// options and over every .editorconfig and .globalconfig severity); source suppressions (#pragma, [SuppressMessage])
        /// still hold.
        /// </summary>
        private static async Task<Dictionary<ProjectId, ImmutableArray<Diagnostic>>> AnalyzeAsync(Solution solution, List<ProjectId> targets, string id, string preset, CancellationToken cancellationToken)
        {
            ImmutableArray<DiagnosticAnalyzer> analyzers = Scanner.Analyzers.Where(a => a.SupportedDiagnostics.Any(d => d.Id == id)).ToImmutableArray();
            var result = new Dictionary<ProjectId, ImmutableArray<Diagnostic>>();
            foreach (ProjectId projectId in targets)
            {
                Project project = solution.GetProject(projectId)!;
                Compilation compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException("no compilation for " + project.Name);
                CompilationOptions options = compilation.Options;
                options = options.WithSpecificDiagnosticOptions(options.SpecificDiagnosticOptions.SetItem(id, ReportDiagnostic.Warn))
                    .WithSyntaxTreeOptionsProvider(new ForcedSeverity(options.SyntaxTreeOptionsProvider, id));
                compilation = compilation.WithOptions(options);
                var analyzerOptions = new AnalyzerOptions(project.AnalyzerOptions.AdditionalFiles, new PresetOptionsProvider(project.AnalyzerOptions.AnalyzerConfigOptionsProvider, preset));
                ImmutableArray<Diagnostic> diagnostics = await compilation
                    .WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(analyzerOptions, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false))
                    .GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
                result[projectId] = diagnostics
                    .Where(d => d.Id == id && !d.IsSuppressed && d.Severity != DiagnosticSeverity.Hidden && d.Location.IsInSource
                        && solution.GetDocument(d.Location.SourceTree) is { } document && document is not SourceGeneratedDocument && document.Project.Id == projectId)
                    .ToImmutableArray();
            }

            return result;
        }

        /// <summary>Fix All, solution scope, with the first action's equivalence key (as the IDE and dotnet format do).</summary>
        private static async Task<Solution> FixAllAsync(Solution solution, CodeFixProvider provider, string id, Dictionary<ProjectId, ImmutableArray<Diagnostic>> diagnostics, CancellationToken cancellationToken)
        {
            FixAllProvider? fixAll = provider.GetFixAllProvider();
            if (fixAll is null)
            {
                return solution;
            }

            foreach (KeyValuePair<ProjectId, ImmutableArray<Diagnostic>> pair in diagnostics)
            {
                foreach (Diagnostic diagnostic in pair.Value)
                {
                    Document document = solution.GetDocument(diagnostic.Location.SourceTree)!;
                    var actions = new List<CodeAction>();
                    await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken)).ConfigureAwait(false);
                    if (actions.Count == 0)
                    {
                        continue;
                    }

                    var context = new FixAllContext(solution.GetProject(pair.Key)!, provider, FixAllScope.Solution, actions[0].EquivalenceKey, new[] { id }, new FixedDiagnostics(diagnostics), cancellationToken);
                    CodeAction? fix = await fixAll.GetFixAsync(context).ConfigureAwait(false);
                    if (fix is null)
                    {
                        return solution;
                    }

                    foreach (CodeActionOperation operation in await fix.GetOperationsAsync(cancellationToken).ConfigureAwait(false))
                    {
                        if (operation is ApplyChangesOperation apply)
                        {
                            solution = apply.ChangedSolution;
                        }
                    }

                    return solution;
                }
            }

            return solution;
        }

        private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

        private static string Relative(string root, string text) =>
            text.Replace(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);

        /// <summary>The command line of piiguard annotate.</summary>
        private sealed class Settings
        {
            public string Input { get; private set; } = "";

            public List<string> Ids { get; } = new List<string>();

            public string Preset { get; private set; } = "recommended";

            public bool DryRun { get; private set; }

            public string Configuration { get; private set; } = "Debug";

            public bool Restore { get; private set; } = true;

            public bool AllowIncomplete { get; private set; }

            public bool Help { get; private set; }

            public static Settings Parse(string[] args, out string? error)
            {
                var settings = new Settings();
                string? problem = null;
                for (int i = 1; i < args.Length && problem is null; i++)
                {
                    string arg = args[i];
                    string? Value()
                    {
                        if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                        {
                            return args[++i];
                        }

                        problem = arg + " needs a value";
                        return null;
                    }

                    switch (arg)
                    {
                        case "-h" or "--help" or "-?":
                            settings.Help = true;
                            break;
                        case "--diagnostics":
                            if (Value() is { } ids)
                            {
                                foreach (string part in ids.Split(new[] { ',', ';', ' ' }, StringSplitOptions.RemoveEmptyEntries))
                                {
                                    string id = part.Trim().ToUpperInvariant();
                                    problem ??= CheckId(id);
                                    if (!settings.Ids.Contains(id))
                                    {
                                        settings.Ids.Add(id);
                                    }
                                }
                            }

                            break;
                        case "--preset":
                            if (Value() is { } preset)
                            {
                                settings.Preset = preset.ToLowerInvariant();
                                if (settings.Preset is not ("recommended" or "strict" or "audit"))
                                {
                                    problem = "--preset takes recommended, strict or audit, not '" + preset + "'";
                                }
                            }

                            break;
                        case "--dry-run":
                            settings.DryRun = true;
                            break;
                        case "--configuration" or "-c":
                            settings.Configuration = Value() ?? settings.Configuration;
                            break;
                        case "--no-restore":
                            settings.Restore = false;
                            break;
                        case "--allow-incomplete":
                            settings.AllowIncomplete = true;
                            break;
                        case "--no-progress":
                            break;
                        default:
                            if (arg.StartsWith('-'))
                            {
                                problem = "unknown option " + arg;
                            }
                            else if (settings.Input.Length > 0)
                            {
                                problem = "one solution or project only";
                            }
                            else
                            {
                                settings.Input = arg;
                            }

                            break;
                    }
                }

                if (problem is null && !settings.Help && settings.Input.Length == 0)
                {
                    problem = "give a .sln, .slnx or .csproj: piiguard annotate <solution|project>";
                }

                if (settings.Ids.Count == 0)
                {
                    settings.Ids.Add(RuleIdentifiers.UnannotatedPersonalData);
                }

                error = problem;
                return settings;
            }

            private static string? CheckId(string id)
            {
                if (!IdPattern.IsMatch(id))
                {
                    return "--diagnostics takes PiiGuard rule ids (PII008,PII001,...), not '" + id + "'";
                }

                if (!Providers.Any(p => p.FixableDiagnosticIds.Contains(id)))
                {
                    return id + " has no code fix; the rules with one: " + string.Join(", ", Providers.SelectMany(p => p.FixableDiagnosticIds).Distinct().OrderBy(x => x, StringComparer.Ordinal));
                }

                return null;
            }
        }

        /// <summary>The syntax trees' options (.editorconfig, .globalconfig) with one rule forced to warning.</summary>
        private sealed class ForcedSeverity : SyntaxTreeOptionsProvider
        {
            private readonly SyntaxTreeOptionsProvider? _inner;
            private readonly string _id;

            public ForcedSeverity(SyntaxTreeOptionsProvider? inner, string id)
            {
                _inner = inner;
                _id = id;
            }

            public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) =>
                _inner?.IsGenerated(tree, cancellationToken) ?? GeneratedKind.Unknown;

            public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
            {
                if (diagnosticId == _id)
                {
                    severity = ReportDiagnostic.Warn;
                    return true;
                }

                severity = ReportDiagnostic.Default;
                return _inner?.TryGetDiagnosticValue(tree, diagnosticId, cancellationToken, out severity) ?? false;
            }

            public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
            {
                if (diagnosticId == _id)
                {
                    severity = ReportDiagnostic.Warn;
                    return true;
                }

                severity = ReportDiagnostic.Default;
                return _inner?.TryGetGlobalDiagnosticValue(diagnosticId, cancellationToken, out severity) ?? false;
            }
        }

        /// <summary>
        /// The project's analyzer options with the keys a preset sets when the project does not (as the package's presets and
        /// targets do): audit <c>build_property.PiiGuardDiscovery = names</c>, strict <c>piiguard.user_ids = personal</c>.
        /// </summary>
        private sealed class PresetOptionsProvider : AnalyzerConfigOptionsProvider
        {
            private readonly AnalyzerConfigOptionsProvider _inner;

            public PresetOptionsProvider(AnalyzerConfigOptionsProvider inner, string preset)
            {
                _inner = inner;
                KeyValuePair<string, string>[] defaults = preset switch
                {
                    "audit" => new[] { new KeyValuePair<string, string>("build_property.PiiGuardDiscovery", "names") },
                    "strict" => new[] { new KeyValuePair<string, string>("piiguard.user_ids", "personal") },
                    _ => Array.Empty<KeyValuePair<string, string>>(),
                };
                GlobalOptions = new Overlay(inner.GlobalOptions, defaults);
            }

            public override AnalyzerConfigOptions GlobalOptions { get; }

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _inner.GetOptions(tree);

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _inner.GetOptions(textFile);

            private sealed class Overlay : AnalyzerConfigOptions
            {
                private readonly AnalyzerConfigOptions _inner;
                private readonly KeyValuePair<string, string>[] _defaults;

                public Overlay(AnalyzerConfigOptions inner, KeyValuePair<string, string>[] defaults)
                {
                    _inner = inner;
                    _defaults = defaults;
                }

                public override IEnumerable<string> Keys => _inner.Keys.Concat(_defaults.Select(d => d.Key)).Distinct(StringComparer.OrdinalIgnoreCase);

                public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
                {
                    if (_inner.TryGetValue(key, out value) && !string.IsNullOrWhiteSpace(value))
                    {
                        return true;
                    }

                    foreach (KeyValuePair<string, string> pair in _defaults)
                    {
                        if (string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase))
                        {
                            value = pair.Value;
                            return true;
                        }
                    }

                    return false;
                }
            }
        }

        /// <summary>The findings Fix All fixes: those the forced analysis reported, by project and document.</summary>
        private sealed class FixedDiagnostics : FixAllContext.DiagnosticProvider
        {
            private readonly Dictionary<ProjectId, ImmutableArray<Diagnostic>> _diagnostics;

            public FixedDiagnostics(Dictionary<ProjectId, ImmutableArray<Diagnostic>> diagnostics) => _diagnostics = diagnostics;

            public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics.TryGetValue(project.Id, out ImmutableArray<Diagnostic> all) ? all : ImmutableArray<Diagnostic>.Empty);

            public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            {
                SyntaxTree? tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
                return _diagnostics.TryGetValue(document.Project.Id, out ImmutableArray<Diagnostic> all)
                    ? all.Where(d => d.Location.SourceTree == tree).ToArray()
                    : Array.Empty<Diagnostic>();
            }

            public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                Task.FromResult(Enumerable.Empty<Diagnostic>());
        }
    }
}
