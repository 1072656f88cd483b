using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiGuard.Analyzers.Core;
using PiiGuard.Analyzers.Flow;
using PiiGuard.Analyzers.Flow.Catalog;

namespace PiiGuard.Analyzers
{
    /// <summary>
    /// Follows personal data from its sources ([Pii], [PersonalData], data classifications) through each method body and
    /// through the return values of the methods it calls, and reports where it reaches a sink unredacted:
    /// logs (PII001), the network, mail and messaging (PII002), telemetry (PII003), exception messages (PII004),
    /// whole objects whose text form is not masked (PII005) and unkeyed hashes used as redaction (PII007). With
    /// <c>PiiGuardDiscovery=names</c>, members and parameters named like personal data are sources too (their leaks carry
    /// <c>inferred=name</c>).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PersonalDataFlowAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Rules.LogLeak, Rules.EgressLeak, Rules.TelemetryLeak, Rules.ExceptionLeak, Rules.WholeObjectLeak, Rules.UnkeyedHash, Rules.InvalidConfiguration);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                // PiiGuardDiscovery=names: unannotated members and parameters named like personal data are sources too.
                PiiSymbols pii = PiiSymbols.Create(start.Compilation, DiscoveryOption.DiscoversNames(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions));
                if (!pii.HasAnySource && !CatalogMap.ForCompilation(start.Compilation).HasSources)
                {
                    return;
                }

                var state = new CompilationState(start.Compilation, pii, start.Options.AnalyzerConfigOptionsProvider,
                    UserCatalog.Read(start.Options.AdditionalFiles, start.Compilation, start.CancellationToken));
                start.RegisterOperationBlockAction(state.AnalyzeBlock);
            });
        }

        /// <summary>One compilation: its engines (one per distinct piiguard.* configuration) and the configuration errors already reported.</summary>
        private sealed class CompilationState
        {
            private readonly Compilation _compilation;
            private readonly PiiSymbols _pii;
            private readonly AnalyzerConfigOptionsProvider _options;
            private readonly ConcurrentDictionary<(string?, string?), LeakEngine> _engines = new ConcurrentDictionary<(string?, string?), LeakEngine>();
            private readonly ConcurrentDictionary<string, bool> _reportedErrors = new ConcurrentDictionary<string, bool>();
            private readonly ConcurrentDictionary<SyntaxTree, LeakEngine> _engineByTree = new ConcurrentDictionary<SyntaxTree, LeakEngine>();

            private readonly UserCatalog _catalog;
            private int _catalogErrorsReported;

            public CompilationState(Compilation compilation, PiiSymbols pii, AnalyzerConfigOptionsProvider options, UserCatalog catalog)
            {
                _catalog = catalog;
                _compilation = compilation;
                _pii = pii;
                _options = options;
            }

            public void AnalyzeBlock(OperationBlockAnalysisContext context)
            {
                if (context.OperationBlocks.IsEmpty)
                {
                    return;
                }

                SyntaxTree tree = context.OperationBlocks[0].Syntax.SyntaxTree;
                LeakEngine engine = GetEngine(tree, context);
                var reporter = new LeakReporter(tree);
                foreach (IOperation block in context.OperationBlocks)
                {
                    TaintWalker.Analyze(engine, block, reporter, context.CancellationToken);
                }

                foreach (Diagnostic diagnostic in reporter.Diagnostics)
                {
                    context.ReportDiagnostic(diagnostic);
                }
            }

            /// <summary>The engine of a tree's configuration; the options are read once per tree, not once per block.</summary>
            private LeakEngine GetEngine(SyntaxTree tree, OperationBlockAnalysisContext context)
            {
                if (_engineByTree.TryGetValue(tree, out LeakEngine? known))
                {
                    return known;
                }

                LeakEngine engine = CreateEngine(tree, context);
                _engineByTree.TryAdd(tree, engine);
                return engine;
            }

            private LeakEngine CreateEngine(SyntaxTree tree, OperationBlockAnalysisContext context)
            {
                AnalyzerConfigOptions options = _options.GetOptions(tree);
                options.TryGetValue(PiiGuardOptions.SinksKey, out string? sinks);
                options.TryGetValue(PiiGuardOptions.SanitizersKey, out string? sanitizers);

                if (sinks is null && _options.GlobalOptions.TryGetValue(PiiGuardOptions.SinksKey, out string? globalSinks))
                {
                    sinks = globalSinks;
                }

                if (sanitizers is null && _options.GlobalOptions.TryGetValue(PiiGuardOptions.SanitizersKey, out string? globalSanitizers))
                {
                    sanitizers = globalSanitizers;
                }

                LeakEngine engine = _engines.GetOrAdd((sinks, sanitizers), key =>
                    new LeakEngine(new KnownSymbols(_compilation, _pii, PiiGuardOptions.Parse(key.Item1, key.Item2, _compilation), PiiGuardOptions.UserIdsArePersonal(_options.GlobalOptions), _catalog)));
                if (!_catalog.Errors.IsEmpty && System.Threading.Interlocked.Exchange(ref _catalogErrorsReported, 1) == 0)
                {
                    foreach (Diagnostic error in _catalog.Errors)
                    {
                        context.ReportDiagnostic(error);
                    }
                }

                foreach ((string key, string value, string reason) in engine.Known.Options.Errors)
                {
                    if (_reportedErrors.TryAdd(key + "\n" + value, true))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(Rules.InvalidConfiguration, Location.None, key, value, reason));
                    }
                }

                return engine;
            }
        }
    }
}
