using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.MSBuild;
using Microsoft.CodeAnalysis.Text;
using PiiGuard.Analyzers;
using PiiGuard.Analyzers.Baseline;
using PiiGuard.Analyzers.Generator;
using PiiGuard.Inventory;

namespace PiiGuard.Tool
{
    /// <summary>The result of scanning one project.</summary>
    internal sealed class ProjectScan
    {
        public string Name { get; init; } = "";

        public string FilePath { get; init; } = "";

        public bool Adopted { get; init; }

        public int CompilerErrors { get; init; }

        /// <summary>Source generators of the project that could not run in the tool (file name: reason).</summary>
        public IReadOnlyList<string> GeneratorFailures { get; init; } = Array.Empty<string>();

        /// <summary>Why the project was not analysed, or analysed incompletely (null: analysed).</summary>
        public string? Problem { get; set; }

        /// <summary>The first compiler error, for the note that results may be incomplete.</summary>
        public string? FirstCompilerError { get; init; }

        /// <summary>How many files the masking generator added to the compilation.</summary>
        public int GeneratedFiles { get; init; }

        public List<Diagnostic> Diagnostics { get; } = new List<Diagnostic>();

        public List<InventoryRecord> Records { get; } = new List<InventoryRecord>();

        /// <summary>Every PII001–PII009 finding (suppressed or not) as a baseline entry, with whether it is suppressed.</summary>
        public List<(BaselineEntry Entry, bool Suppressed)> Fingerprints { get; } = new List<(BaselineEntry, bool)>();

        /// <summary>Log-like methods the catalogue does not name, called from this project (<see cref="SinkCandidates"/>).</summary>
        public List<SinkCandidate> CandidateSinks { get; } = new List<SinkCandidate>();
    }

    /// <summary>
    /// Loads a solution or project with MSBuildWorkspace and runs every PiiGuard analyzer (and the masking generator) on
    /// each C# project, in this process: the scanned code needs no PiiGuard package. PiiGuard's own analyzer references
    /// in the projects are replaced by the tool's copy, the inventory analyzer is switched on, and where the compilation
    /// does not know PiiGuard's attributes PII008 (personal data found by member names) is raised to a warning so that
    /// the inventory still lists the members.
    /// </summary>
    internal sealed class Scanner
    {
        /// <summary>Every PiiGuard analyzer, created once.</summary>
        public static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(RuleIdentifiers).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() != null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

        public static event Action<string>? WorkspaceMessage;

        /// <summary>Runs 'dotnet restore' on the input; returns its exit code and output.</summary>
        public static (int ExitCode, string Output) Restore(string path)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add("restore");
            start.ArgumentList.Add(path);
            start.ArgumentList.Add("-nologo");
            start.ArgumentList.Add("-v:q");
            start.ArgumentList.Add("-tl:off");
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            using Process process = Process.Start(start)!;
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            Task<string> error = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            return (process.ExitCode, output.Result + error.Result);
        }

        /// <summary>Opens the solution or project.</summary>
        public static async Task<(MSBuildWorkspace Workspace, Solution Solution)> OpenAsync(string path, string configuration, CancellationToken cancellationToken)
        {
            if (!Microsoft.Build.Locator.MSBuildLocator.IsRegistered)
            {
                Microsoft.Build.Locator.MSBuildLocator.RegisterDefaults();
            }

            // PiiGuardInventory is switched on in the analyzer options (InventoryOptionsProvider), not as a global property:
            // as a property it would make an adopted project's design-time build run the package's inventory task.
            var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["Configuration"] = configuration,
            };
            MSBuildWorkspace workspace = MSBuildWorkspace.Create(properties);
            // The BuildHost reports MSBuild warnings (NuGet's among them) as failures too: the caller decides what they mean
            // for each project (LoadProblems), rather than print them all as failures.
            workspace.RegisterWorkspaceFailedHandler(e => WorkspaceMessage?.Invoke(e.Diagnostic.Message));
            string extension = Path.GetExtension(path).ToLowerInvariant();
            Solution solution = extension is ".sln" or ".slnx" or ".slnf"
                ? await workspace.OpenSolutionAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false)
                : (await workspace.OpenProjectAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false)).Solution;
            return (workspace, solution);
        }

        /// <summary>
        /// The C# projects to scan (one per project file: the first target framework of a multi-targeted project). For a
        /// project file input, only that project (its project references are loaded for their symbols, not scanned).
        /// </summary>
        public static List<Project> ProjectsOf(Solution solution, string input)
        {
            bool single = Path.GetExtension(input).EndsWith("proj", StringComparison.OrdinalIgnoreCase);
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var projects = new List<Project>();
            foreach (Project project in solution.Projects.OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                if (single && !string.Equals(project.FilePath, input, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (project.Language == LanguageNames.CSharp && (project.FilePath is null || seen.Add(project.FilePath)))
                {
                    projects.Add(project);
                }
            }

            return projects;
        }

        /// <summary>Scans one project.</summary>
        /// <param name="project">The project.</param>
        /// <param name="root">The folder report paths are relative to.</param>
        /// <param name="baseline">The baseline to apply when the project has none among its additional files (null: none).</param>
        /// <param name="applyBaseline">False to analyse without any baseline (piiguard baseline records what is there).</param>
        /// <param name="cancellationToken">Cancellation.</param>
        public static async Task<ProjectScan> ScanAsync(Project project, string root, string? baseline, bool applyBaseline, CancellationToken cancellationToken)
        {
            project = WithToolGenerator(project);
            List<string> generatorFailures = GeneratorFailuresOf(project);
            Compilation compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("no compilation for " + project.Name);

            bool adopted = compilation.GetTypeByMetadataName("PiiGuard.PiiAttribute") != null;
            if (!adopted)
            {
                // Not adopted: [PersonalData] and data classifications are the only annotations; find the rest by name.
                CompilationOptions options = compilation.Options;
                options = options.WithSpecificDiagnosticOptions(options.SpecificDiagnosticOptions.SetItem(RuleIdentifiers.UnannotatedPersonalData, ReportDiagnostic.Warn));
                compilation = compilation.WithOptions(options);
            }

            ImmutableArray<AdditionalText> additional = project.AnalyzerOptions.AdditionalFiles;
            // Not adopted: name-based discovery is on (unless the project chose), so the scan lists leaks, not only members.
            var provider = new InventoryOptionsProvider(project.AnalyzerOptions.AnalyzerConfigOptionsProvider, discoverNames: !adopted);
            AdditionalText? own = BaselineFiles.Find(new AnalyzerOptions(additional, provider));
            if (!applyBaseline && own != null)
            {
                additional = additional.Remove(own);
            }
            else if (applyBaseline && own is null && baseline != null)
            {
                additional = additional.Add(new FileText(baseline));
            }

            var analyzerOptions = new AnalyzerOptions(additional, provider);
            AdditionalText? applied = applyBaseline ? BaselineFiles.Find(analyzerOptions) : null;
            BaselineDocument? document = applied is null ? null : BaselineFiles.Read(applied, cancellationToken, out _, out _);
            INamedTypeSymbol? acceptedType = compilation.GetTypeByMetadataName(AcceptedExceptions.AttributeName);
            var withAnalyzers = compilation.WithAnalyzers(Analyzers, new CompilationWithAnalyzersOptions(analyzerOptions, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true));
            ImmutableArray<Diagnostic> diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);

            Diagnostic[] errors = compilation.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            var scan = new ProjectScan
            {
                Name = project.Name,
                FilePath = project.FilePath ?? "",
                Adopted = adopted,
                CompilerErrors = errors.Length,
                GeneratorFailures = generatorFailures,
                FirstCompilerError = errors.Length == 0 ? null : errors[0].ToString(),
                GeneratedFiles = (await project.GetSourceGeneratedDocumentsAsync(cancellationToken).ConfigureAwait(false))
                    .Count(d => d.FilePath?.Contains(typeof(MaskingGenerator).FullName!, StringComparison.Ordinal) == true || d.Name.EndsWith(".g.cs", StringComparison.Ordinal) && d.FilePath?.Contains("PiiGuard", StringComparison.Ordinal) == true),
            };
            foreach (Diagnostic diagnostic in diagnostics
                .Where(d => d.Id.StartsWith("PII", StringComparison.Ordinal) && d.Severity != DiagnosticSeverity.Hidden)
                // PII110 is the tool's own, over every project's findings (Program.Stale); the build's per-compilation one is off here.
                .Where(d => d.Id != RuleIdentifiers.BaselineEntryUnmatched)
                .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
                .ThenBy(d => d.Location.SourceSpan.Start))
            {
                InventoryRecord record = ToRecord(diagnostic, project.Name, root);
                BaselineEntry? entry = null;
                // PII008 in a project that has not adopted PiiGuard is the tool's own survey (raised above), not a finding to baseline.
                bool surveyOnly = !adopted && diagnostic.Id == RuleIdentifiers.UnannotatedPersonalData;
                if (!surveyOnly && BaselineFingerprint.Covers(diagnostic.Id) && diagnostic.Location.SourceTree is { } tree && compilation.ContainsSyntaxTree(tree))
                {
                    SemanticModel model = compilation.GetSemanticModel(tree);
                    entry = BaselineFingerprint.ToEntry(diagnostic, model);
                    scan.Fingerprints.Add((entry, diagnostic.IsSuppressed));
                    if (diagnostic.IsSuppressed)
                    {
                        Classify(record, diagnostic, entry, compilation, model, acceptedType, document);
                    }
                }
                else if (diagnostic.IsSuppressed)
                {
                    record.Suppression = "source";
                }

                if (!diagnostic.IsSuppressed)
                {
                    scan.Diagnostics.Add(diagnostic);
                }

                scan.Records.Add(record);
            }

            scan.CandidateSinks.AddRange(SinkCandidates.Find(compilation, analyzerOptions, project.Name, root, cancellationToken));
            return scan;
        }

        /// <summary>
        /// The project with the tool's own generator in place of any PiiGuard analyzer reference it has (the sample references
        /// the analyzer project; a package consumer the package's copy): one copy, the tool's, runs. The analyzers are not
        /// among the project's references: the tool runs its own (<see cref="Analyzers"/>).
        /// </summary>
        public static Project WithToolGenerator(Project project)
        {
            foreach (AnalyzerReference reference in project.AnalyzerReferences)
            {
                string file = Path.GetFileName(reference.FullPath ?? "");
                if (file.StartsWith("PiiGuard.", StringComparison.OrdinalIgnoreCase) && file.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
                {
                    project = project.RemoveAnalyzerReference(reference);
                }
            }

            return project.AddAnalyzerReference(new InProcessGeneratorReference());
        }

        /// <summary>
        /// The project's own generators (the SDK's Razor generator…) that cannot load in this process, typically because they
        /// were built against a newer compiler than the tool's: their output is missing, so code that uses it does not bind.
        /// </summary>
        private static List<string> GeneratorFailuresOf(Project project)
        {
            var failures = new List<string>();
            foreach (AnalyzerReference reference in project.AnalyzerReferences)
            {
                if (reference is not AnalyzerFileReference file)
                {
                    continue;
                }

                var reasons = new List<string>();
                void OnFailure(object? sender, AnalyzerLoadFailureEventArgs e) => reasons.Add(e.Message);
                file.AnalyzerLoadFailed += OnFailure;
                try
                {
                    _ = file.GetGenerators(LanguageNames.CSharp);
                }
                catch (Exception e) when (e is IOException or BadImageFormatException or InvalidOperationException)
                {
                    reasons.Add(e.Message);
                }
                finally
                {
                    file.AnalyzerLoadFailed -= OnFailure;
                }

                if (reasons.Count > 0)
                {
                    failures.Add(Path.GetFileName(file.FullPath) + ": " + reasons[0]);
                }
            }

            return failures;
        }

        /// <summary>What accepts a suppressed finding: a [PiiAccepted], a baseline entry (with a reason: an exception), or source.</summary>
        private static void Classify(InventoryRecord record, Diagnostic diagnostic, BaselineEntry entry, Compilation compilation, SemanticModel model, INamedTypeSymbol? acceptedType, BaselineDocument? baseline)
        {
            ISymbol? containing = BaselineFingerprint.ContainingMember(model, diagnostic.Location.SourceSpan.Start);
            if (acceptedType != null && AcceptedExceptions.For(diagnostic, compilation, containing, acceptedType) is { } accepted)
            {
                record.Suppression = "exception";
                record.Reason = accepted.Reason;
                record.Reviewer = accepted.Reviewer ?? "";
                record.Expires = accepted.Expires ?? "";
                return;
            }

            BaselineEntry? match = baseline?.Entries.FirstOrDefault(e => e.Key == entry.Key);
            if (match != null)
            {
                record.Suppression = match.Reason != null ? "exception" : "baseline";
                record.Reason = match.Reason ?? "";
                record.Reviewer = match.Reviewer ?? "";
                record.Expires = match.Expires ?? "";
                return;
            }

            record.Suppression = "source";
        }

        private static InventoryRecord ToRecord(Diagnostic diagnostic, string project, string root)
        {
            FileLinePositionSpan span = diagnostic.Location.GetMappedLineSpan();
            string file = span.Path ?? "";
            if (file.Length > 0 && Path.IsPathRooted(file))
            {
                file = Path.GetRelativePath(root, file).Replace('\\', '/');
            }

            var record = new InventoryRecord
            {
                RuleId = diagnostic.Id,
                Level = diagnostic.Severity switch
                {
                    DiagnosticSeverity.Error => "error",
                    DiagnosticSeverity.Warning => "warning",
                    DiagnosticSeverity.Info => "note",
                    _ => "none",
                },
                Message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
                File = file,
                Line = span.IsValid ? span.StartLinePosition.Line + 1 : 0,
                Column = span.IsValid ? span.StartLinePosition.Character + 1 : 0,
                Project = project,
            };
            foreach (KeyValuePair<string, string?> property in diagnostic.Properties)
            {
                if (property.Value != null)
                {
                    record.Properties[property.Key] = property.Value;
                }
            }

            return record;
        }

        /// <summary>A file on disk as an additional file (the baseline, for projects that have not adopted the package).</summary>
        private sealed class FileText : AdditionalText
        {
            public FileText(string path) => Path = path;

            public override string Path { get; }

            public override SourceText? GetText(CancellationToken cancellationToken = default)
            {
                try
                {
                    return SourceText.From(File.ReadAllText(Path));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    return null;
                }
            }
        }

        /// <summary>Runs the masking generator in this process (no assembly loading).</summary>
        private sealed class InProcessGeneratorReference : AnalyzerReference
        {
            private static readonly ImmutableArray<ISourceGenerator> Generators = ImmutableArray.Create(new MaskingGenerator().AsSourceGenerator());

            public override string FullPath => typeof(MaskingGenerator).Assembly.Location;

            public override string Display => "PiiGuard (piiguard tool)";

            public override object Id => "PiiGuard.Tool.InProcessGenerator";

            public override ImmutableArray<DiagnosticAnalyzer> GetAnalyzers(string language) => ImmutableArray<DiagnosticAnalyzer>.Empty;

            public override ImmutableArray<DiagnosticAnalyzer> GetAnalyzersForAllLanguages() => ImmutableArray<DiagnosticAnalyzer>.Empty;

            public override ImmutableArray<ISourceGenerator> GetGenerators(string language) => language == LanguageNames.CSharp ? Generators : ImmutableArray<ISourceGenerator>.Empty;

            public override ImmutableArray<ISourceGenerator> GetGeneratorsForAllLanguages() => Generators;
        }

        /// <summary>
        /// The project's analyzer options with <c>build_property.PiiGuardInventory = true</c>, and, for a project that has not
        /// adopted the package, <c>build_property.PiiGuardDiscovery = names</c> unless the project set it.
        /// </summary>
        private sealed class InventoryOptionsProvider : AnalyzerConfigOptionsProvider
        {
            /// <summary>The compiler-visible PiiGuardDiscovery property, as the package's props expose it.</summary>
            private const string DiscoveryKey = "build_property.PiiGuardDiscovery";

            private readonly AnalyzerConfigOptionsProvider _inner;

            public InventoryOptionsProvider(AnalyzerConfigOptionsProvider inner, bool discoverNames)
            {
                _inner = inner;
                GlobalOptions = new Overlay(inner.GlobalOptions, discoverNames);
            }

            public override AnalyzerConfigOptions GlobalOptions { get; }

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _inner.GetOptions(tree);

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _inner.GetOptions(textFile);

            private sealed class Overlay : AnalyzerConfigOptions
            {
                private readonly AnalyzerConfigOptions _inner;
                private readonly bool _discoverNames;

                public Overlay(AnalyzerConfigOptions inner, bool discoverNames)
                {
                    _inner = inner;
                    _discoverNames = discoverNames;
                }

                public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
                {
                    if (string.Equals(key, "build_property.PiiGuardInventory", StringComparison.OrdinalIgnoreCase))
                    {
                        value = "true";
                        return true;
                    }

                    if (_inner.TryGetValue(key, out value) && !string.IsNullOrWhiteSpace(value))
                    {
                        return true;
                    }

                    if (_discoverNames && string.Equals(key, DiscoveryKey, StringComparison.OrdinalIgnoreCase))
                    {
                        value = "names";
                        return true;
                    }

                    return false;
                }

                public override IEnumerable<string> Keys => _inner.Keys.Append("build_property.PiiGuardInventory").Concat(_discoverNames ? new[] { DiscoveryKey } : Array.Empty<string>());
            }
        }
    }
}
