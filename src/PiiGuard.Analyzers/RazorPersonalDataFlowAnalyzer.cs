using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiGuard.Analyzers.Core;
using PiiGuard.Analyzers.Flow.Catalog;

namespace PiiGuard.Analyzers
{
    /// <summary>
    /// The leak rules (PII001-PII007) over the user's code in Razor components (<c>.razor</c>) and pages and views
    /// (<c>.cshtml</c>): the C# that the Razor source generator writes for them is generated code, which
    /// <see cref="PersonalDataFlowAnalyzer"/> skips. Only the spans that the generator maps with <c>#line</c> to the
    /// <c>.razor</c>/<c>.cshtml</c> file are the user's (see <see cref="RazorSourceMap"/>); a leak there is reported at
    /// its location in the generated file, which the compiler maps back through the same <c>#line</c>, so the warning
    /// names <c>Profile.razor(12,48)</c> as it does for its own errors. The framework's scaffolding (BuildRenderTree's
    /// <c>__builder</c> calls, injected properties, the page's Model and ViewData) is not reported.
    /// </summary>
    /// <remarks>
    /// Cost: this analyzer opts into generated code but registers one semantic-model action, so every other generated
    /// file (designer files, other generators, PiiGuard's own masking code) costs one test of its file name, and the
    /// analyzer driver builds no operation tree for it: an operation-block action that opted into generated code would
    /// make the driver bind and build the operations of every generated method before the action could skip it.
    /// </remarks>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RazorPersonalDataFlowAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Rules.LogLeak, Rules.EgressLeak, Rules.TelemetryLeak, Rules.ExceptionLeak, Rules.WholeObjectLeak, Rules.UnkeyedHash, Rules.InvalidConfiguration);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
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
                start.RegisterSemanticModelAction(context => AnalyzeTree(state, context));
            });
        }

        private static void AnalyzeTree(LeakAnalysisState state, SemanticModelAnalysisContext context)
        {
            SyntaxTree tree = context.SemanticModel.SyntaxTree;
            if (!RazorSourceMap.IsRazorOutputName(tree.FilePath))
            {
                return;
            }

            RazorSourceMap? map = RazorSourceMap.TryCreate(tree, context.CancellationToken);
            if (map is null)
            {
                return;
            }

            // The same syntactic filter as the other analyzer's code blocks: a block is bound only when personal data can
            // enter it and it can reach an effect (issue 18: binding and walking every block of every component was most
            // of PiiGuard's time on a Blazor client).
            SemanticModel model = context.SemanticModel;
            bool Keep(MemberDeclarationSyntax member, SyntaxNode block)
            {
                SyntaxNode declaration = block.Parent is AccessorDeclarationSyntax accessor ? accessor : member;
                return model.GetDeclaredSymbol(declaration, context.CancellationToken) is not { } owner
                    || (state.Prefilter.MayLeak(owner, block, context.CancellationToken)
                        && state.MayReachEffect(tree, block, context.ReportDiagnostic, context.CancellationToken));
            }

            foreach (IOperation block in OperationBlocks(model, map, context.CancellationToken, Keep))
            {
                state.AnalyzeBlocks(tree, new[] { block }, map, context.ReportDiagnostic, context.CancellationToken);
            }
        }

        /// <summary>
        /// The operation blocks of the members that hold some of the user's code, as the analyzer driver gives them to
        /// an operation-block action: the body or expression body of a method, constructor, operator or accessor, a
        /// constructor's this(...)/base(...) call, and the initializer of a field or property (parameter default values
        /// and attribute arguments, which carry no data to a sink, are left out).
        /// </summary>
        internal static IEnumerable<IOperation> OperationBlocks(SemanticModel model, RazorSourceMap? map, CancellationToken cancellationToken, Func<MemberDeclarationSyntax, SyntaxNode, bool>? keep = null)
        {
            SyntaxNode root = model.SyntaxTree.GetRoot(cancellationToken);
            foreach (SyntaxNode node in root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (node is not MemberDeclarationSyntax member || node is BaseNamespaceDeclarationSyntax or BaseTypeDeclarationSyntax or DelegateDeclarationSyntax
                    || (map != null && !map.Overlaps(member.Span)))
                {
                    continue;
                }

                foreach (SyntaxNode blockSyntax in BlockSyntaxes(member))
                {
                    if ((map is null || map.Overlaps(blockSyntax.Span)) && (keep is null || keep(member, blockSyntax))
                        && model.GetOperation(blockSyntax, cancellationToken) is { } operation)
                    {
                        yield return operation;
                    }
                }
            }
        }

        private static IEnumerable<SyntaxNode> BlockSyntaxes(MemberDeclarationSyntax member)
        {
            switch (member)
            {
                case BaseMethodDeclarationSyntax method:
                    if (method is ConstructorDeclarationSyntax { Initializer: { } constructorInitializer })
                    {
                        yield return constructorInitializer;
                    }

                    if (method.Body != null)
                    {
                        yield return method.Body;
                    }

                    if (method.ExpressionBody != null)
                    {
                        yield return method.ExpressionBody;
                    }

                    break;
                case BasePropertyDeclarationSyntax property:
                    if (property is PropertyDeclarationSyntax { ExpressionBody: { } propertyBody })
                    {
                        yield return propertyBody;
                    }
                    else if (property is IndexerDeclarationSyntax { ExpressionBody: { } indexerBody })
                    {
                        yield return indexerBody;
                    }

                    if (property.AccessorList != null)
                    {
                        foreach (AccessorDeclarationSyntax accessor in property.AccessorList.Accessors)
                        {
                            if (accessor.Body != null)
                            {
                                yield return accessor.Body;
                            }

                            if (accessor.ExpressionBody != null)
                            {
                                yield return accessor.ExpressionBody;
                            }
                        }
                    }

                    if (property is PropertyDeclarationSyntax { Initializer: { } initializer })
                    {
                        yield return initializer;
                    }

                    break;
                case BaseFieldDeclarationSyntax field:
                    foreach (VariableDeclaratorSyntax variable in field.Declaration.Variables)
                    {
                        if (variable.Initializer != null)
                        {
                            yield return variable.Initializer;
                        }
                    }

                    break;
            }
        }
    }
}
