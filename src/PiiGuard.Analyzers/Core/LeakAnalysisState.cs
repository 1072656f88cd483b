using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiGuard.Analyzers.Flow;
using PiiGuard.Analyzers.Flow.Catalog;

namespace PiiGuard.Analyzers.Core
{
    /// <summary>
    /// The leak rules' state for one compilation, shared by <see cref="PersonalDataFlowAnalyzer"/> (the user's own
    /// files) and <see cref="RazorPersonalDataFlowAnalyzer"/> (the user's code in Razor output): its engines (one per
    /// distinct piiguard.* configuration, with their symbol facts and method summaries) and the configuration errors
    /// already reported. Both analyzers get the same state for the same compilation, so a Razor component's call into
    /// the user's services reuses the summaries the other analyzer computed, and a configuration error is reported once.
    /// </summary>
    internal sealed class LeakAnalysisState
    {
        private static readonly ConditionalWeakTable<Compilation, LeakAnalysisState> PerCompilation = new ConditionalWeakTable<Compilation, LeakAnalysisState>();

        private readonly Compilation _compilation;
        private readonly PiiSymbols _pii;
        private readonly AnalyzerConfigOptionsProvider _options;
        private readonly UserCatalog _catalog;
        private int _catalogErrorsReported;
        private readonly ConcurrentDictionary<(string?, string?), LeakEngine> _engines = new ConcurrentDictionary<(string?, string?), LeakEngine>();
        private readonly ConcurrentDictionary<string, bool> _reportedErrors = new ConcurrentDictionary<string, bool>();
        private readonly ConcurrentDictionary<SyntaxTree, LeakEngine> _engineByTree = new ConcurrentDictionary<SyntaxTree, LeakEngine>();

        private LeakAnalysisState(Compilation compilation, PiiSymbols pii, AnalyzerConfigOptionsProvider options, UserCatalog catalog)
        {
            _catalog = catalog;
            _compilation = compilation;
            _pii = pii;
            _options = options;
            Prefilter = new BodyPrefilter(compilation, pii, catalog, PiiGuardOptions.UserIdsArePersonal(options.GlobalOptions));
        }

        /// <summary>Which bodies can hold a leak (the others are not bound at all).</summary>
        public BodyPrefilter Prefilter { get; }

        /// <summary>
        /// Reports the configuration errors of <paramref name="tree"/>'s configuration (once per compilation), whether or not
        /// any of its bodies is analysed.
        /// </summary>
        public void ReportConfigurationErrors(SyntaxTree tree, Action<Diagnostic> report) => GetEngine(tree, report);

        /// <summary>The compilation's state; a private one when the compilation is analysed again with other options.</summary>
        public static LeakAnalysisState For(Compilation compilation, PiiSymbols pii, AnalyzerOptions analyzerOptions, CancellationToken cancellationToken)
        {
            AnalyzerConfigOptionsProvider options = analyzerOptions.AnalyzerConfigOptionsProvider;
            LeakAnalysisState shared = PerCompilation.GetValue(compilation, c => new LeakAnalysisState(c, pii, options, UserCatalog.Read(analyzerOptions.AdditionalFiles, c, cancellationToken)));
            return ReferenceEquals(shared._options, options) && ReferenceEquals(shared._pii, pii)
                ? shared
                : new LeakAnalysisState(compilation, pii, options, UserCatalog.Read(analyzerOptions.AdditionalFiles, compilation, cancellationToken));
        }

        /// <summary>
        /// Walks the operation blocks of one member of <paramref name="tree"/> and reports their leaks; with a
        /// <paramref name="razor"/> map, only those in the user's code, and with no code fix (a fix would edit the
        /// generated file, not the .razor/.cshtml one).
        /// </summary>
        public void AnalyzeBlocks(SyntaxTree tree, IEnumerable<IOperation> blocks, RazorSourceMap? razor, Action<Diagnostic> report, CancellationToken cancellationToken)
        {
            LeakEngine engine = GetEngine(tree, report);
            var reporter = razor is null ? new LeakReporter(tree) : new LeakReporter(tree, razor.IsUserCode);
            foreach (IOperation block in blocks)
            {
                TaintWalker.Analyze(engine, block, reporter, cancellationToken);
            }

            foreach (Diagnostic diagnostic in reporter.Diagnostics)
            {
                report(diagnostic);
            }
        }

        /// <summary>
        /// Whether <paramref name="block"/> of <paramref name="tree"/> can reach an effect (a sink, a hashing or masking call, an
        /// event, a callee that can) under the tree's configuration, from its syntax: a body that cannot is not bound, whatever
        /// personal data it reads.
        /// </summary>
        public bool MayReachEffect(SyntaxTree tree, SyntaxNode block, Action<Diagnostic> report, CancellationToken cancellationToken) =>
            GetEngine(tree, report).Effects(Prefilter, cancellationToken).MayReach(block);

        /// <summary>
        /// Computes the effect names of the project-wide configuration before the driver starts the code blocks (as
        /// <see cref="BodyPrefilter.Prepare"/>), so that analysis threads do not wait on the first body's lock. Configuration
        /// errors are reported later, with the first tree's engine.
        /// </summary>
        public void PrepareEffects(CancellationToken cancellationToken) => EngineFor(GlobalConfiguration()).Effects(Prefilter, cancellationToken);

        /// <summary>The project-wide <c>piiguard.sinks</c> and <c>piiguard.sanitizers</c> (a tree's own values override them).</summary>
        private (string? Sinks, string? Sanitizers) GlobalConfiguration()
        {
            _options.GlobalOptions.TryGetValue(PiiGuardOptions.SinksKey, out string? sinks);
            _options.GlobalOptions.TryGetValue(PiiGuardOptions.SanitizersKey, out string? sanitizers);
            return (sinks, sanitizers);
        }

        private LeakEngine EngineFor((string?, string?) key) => _engines.GetOrAdd(key, k =>
            new LeakEngine(new KnownSymbols(_compilation, _pii, PiiGuardOptions.Parse(k.Item1, k.Item2, _compilation), PiiGuardOptions.UserIdsArePersonal(_options.GlobalOptions), _catalog)));

        /// <summary>The engine of a tree's configuration; the options are read once per tree, not once per block.</summary>
        private LeakEngine GetEngine(SyntaxTree tree, Action<Diagnostic> report)
        {
            if (_engineByTree.TryGetValue(tree, out LeakEngine? known))
            {
                return known;
            }

            LeakEngine engine = CreateEngine(tree, report);
            _engineByTree.TryAdd(tree, engine);
            return engine;
        }

        private LeakEngine CreateEngine(SyntaxTree tree, Action<Diagnostic> report)
        {
            AnalyzerConfigOptions options = _options.GetOptions(tree);
            options.TryGetValue(PiiGuardOptions.SinksKey, out string? sinks);
            options.TryGetValue(PiiGuardOptions.SanitizersKey, out string? sanitizers);
            (string? globalSinks, string? globalSanitizers) = GlobalConfiguration();
            LeakEngine engine = EngineFor((sinks ?? globalSinks, sanitizers ?? globalSanitizers));
            if (!_catalog.Errors.IsEmpty && Interlocked.Exchange(ref _catalogErrorsReported, 1) == 0)
            {
                foreach (Diagnostic error in _catalog.Errors)
                {
                    report(error);
                }
            }

            foreach ((string key, string value, string reason) in engine.Known.Options.Errors)
            {
                if (_reportedErrors.TryAdd(key + "\n" + value, true))
                {
                    report(Diagnostic.Create(Rules.InvalidConfiguration, Location.None, key, value, reason));
                }
            }

            return engine;
        }
    }
}
