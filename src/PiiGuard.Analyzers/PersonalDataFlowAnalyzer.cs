using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiGuard.Analyzers.Core;
using PiiGuard.Analyzers.Flow.Catalog;

namespace PiiGuard.Analyzers
{
    /// <summary>
    /// Follows personal data from its sources ([Pii], [PersonalData], data classifications) through each method body and
    /// through the return values of the methods it calls, and reports where it reaches a sink unredacted:
    /// logs (PII001), the network, mail and messaging (PII002), telemetry (PII003), exception messages (PII004),
    /// whole objects whose text form is not masked (PII005) and unkeyed hashes used as redaction (PII007). Framework
    /// sources (claims, Identity, client IP, mail addresses) and a project's piiguard.catalog rows are sources too; with
    /// <c>PiiGuardDiscovery=names</c>, so are members and parameters named like personal data (their leaks carry
    /// <c>inferred=name</c>). Generated code is skipped; the user's code in Razor components and pages is analysed by
    /// <see cref="RazorPersonalDataFlowAnalyzer"/>.
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

                LeakAnalysisState state = LeakAnalysisState.For(start.Compilation, pii, start.Options, start.CancellationToken);

                // The prefilter's names are computed here, before the driver starts the code-block actions, rather than by
                // the first body under a lock the other analysis threads would wait on (issue 18: the waiting threads, and
                // the threads the pool adds for them, cost more CPU than the computation itself in a parallel build).
                state.Prefilter.Prepare(start.CancellationToken);
                state.PrepareEffects(start.CancellationToken);

                // A code-block action, not an operation-block one: the driver then builds no operation tree, and only the
                // bodies the prefilter keeps are bound (issue 18: binding every body is most of an IOperation analyzer's cost).
                start.RegisterCodeBlockAction(context => AnalyzeCodeBlock(state, context));
            });
        }

        private static void AnalyzeCodeBlock(LeakAnalysisState state, CodeBlockAnalysisContext context)
        {
            SyntaxTree tree = context.CodeBlock.SyntaxTree;

            // One delegate for the three calls: each conversion of the method group boxes the context struct (issue 18: the
            // boxes of every code block of the compilation showed in the trace).
            Action<Diagnostic> report = context.ReportDiagnostic;
            state.ReportConfigurationErrors(tree, report);
            if (!state.Prefilter.MayLeak(context.OwningSymbol, context.CodeBlock, context.CancellationToken)
                || !state.MayReachEffect(tree, context.CodeBlock, report, context.CancellationToken)
                || context.SemanticModel.GetOperation(context.CodeBlock, context.CancellationToken) is not { } block)
            {
                return;
            }

            state.AnalyzeBlocks(tree, new[] { block }, razor: null, report, context.CancellationToken);
        }
    }
}
