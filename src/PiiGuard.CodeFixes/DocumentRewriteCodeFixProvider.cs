using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PiiGuard.CodeFixes
{
    /// <summary>
    /// A code fix that rewrites one syntax node per diagnostic inside the diagnostic's document. The single fix and
    /// Fix All (document, project, solution) share one path: every fixable diagnostic of a document is planned
    /// against the original semantic model, the nodes are replaced in one pass (nested targets compose), and
    /// <c>using PiiGuard;</c> is added once when a short name needs it.
    /// </summary>
    public abstract class DocumentRewriteCodeFixProvider : CodeFixProvider
    {
        /// <summary>The equivalence key (<see cref="FixNames"/>) of the fix.</summary>
        protected abstract string EquivalenceKey { get; }

        /// <inheritdoc />
        public sealed override FixAllProvider GetFixAllProvider() =>
            FixAllProvider.Create(async (context, document, diagnostics) => (Document?)await FixDocumentAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

        /// <inheritdoc />
        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            SemanticModel? model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return;
            }

            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                if (Plan(diagnostic, root, model, context.CancellationToken) is { } plan)
                {
                    ImmutableArray<Diagnostic> one = ImmutableArray.Create(diagnostic);
                    context.RegisterCodeFix(
                        CodeAction.Create(plan.Title, ct => FixDocumentAsync(context.Document, one, ct), EquivalenceKey),
                        diagnostic);
                }
            }
        }

        /// <summary>
        /// Decides whether a diagnostic can be fixed: the node to rewrite and the action's title, or null when a
        /// precondition does not hold (no fix is offered then).
        /// </summary>
        protected abstract FixPlan? Plan(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken);

        /// <summary>
        /// The replacement of <paramref name="rewritten"/> (the planned node, with nested fixes already applied).
        /// Names of PiiGuard types are resolved with <see cref="PiiGuardSyntax.TypeName"/>, which sets
        /// <see cref="RewriteContext.NeedsUsing"/>.
        /// </summary>
        protected abstract SyntaxNode Rewrite(FixPlan plan, SyntaxNode rewritten, RewriteContext context);

        /// <summary>A hook for edits beyond the planned nodes (e.g. a field the fixes share); runs after <see cref="Rewrite"/>.</summary>
        protected virtual SyntaxNode AfterRewrite(SyntaxNode root, IReadOnlyList<FixPlan> plans, RewriteContext context) => root;

        private async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return document;
            }

            // One plan per node: two diagnostics on the same node (or type) are fixed once.
            var plans = new Dictionary<SyntaxNode, FixPlan>();
            foreach (Diagnostic diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                if (Plan(diagnostic, root, model, cancellationToken) is { } plan && !plans.ContainsKey(plan.Node))
                {
                    plans.Add(plan.Node, plan);
                }
            }

            if (plans.Count == 0)
            {
                return document;
            }

            var context = new RewriteContext(model, PiiGuardSyntax.EndOfLine(root), cancellationToken);
            SyntaxNode newRoot = root.ReplaceNodes(plans.Keys, (original, rewritten) => Rewrite(plans[original], rewritten, context));
            newRoot = AfterRewrite(newRoot, plans.Values.ToList(), context);
            if (context.NeedsUsing && newRoot is CompilationUnitSyntax unit)
            {
                newRoot = PiiGuardSyntax.AddPiiGuardUsing(unit);
            }

            return document.WithSyntaxRoot(newRoot);
        }

        /// <summary>What one diagnostic's fix rewrites.</summary>
        protected sealed class FixPlan
        {
            /// <summary>A plan to rewrite <paramref name="node"/>.</summary>
            public FixPlan(SyntaxNode node, string title, Diagnostic diagnostic, object? data = null)
            {
                Node = node;
                Title = title;
                Diagnostic = diagnostic;
                Data = data;
            }

            /// <summary>The node to replace.</summary>
            public SyntaxNode Node { get; }

            /// <summary>The code action's title.</summary>
            public string Title { get; }

            /// <summary>The diagnostic.</summary>
            public Diagnostic Diagnostic { get; }

            /// <summary>Fix-specific data computed while planning.</summary>
            public object? Data { get; }
        }

        /// <summary>State shared by the rewrites of one document.</summary>
        protected sealed class RewriteContext
        {
            /// <summary>The state of one document's rewrite.</summary>
            public RewriteContext(SemanticModel model, SyntaxTrivia endOfLine, CancellationToken cancellationToken)
            {
                Model = model;
                EndOfLine = endOfLine;
                CancellationToken = cancellationToken;
            }

            /// <summary>The semantic model of the original document (positions refer to the original text).</summary>
            public SemanticModel Model { get; }

            /// <summary>The document's end-of-line trivia.</summary>
            public SyntaxTrivia EndOfLine { get; }

            /// <summary>Cancels the fix.</summary>
            public CancellationToken CancellationToken { get; }

            /// <summary>Whether a short PiiGuard name needs <c>using PiiGuard;</c>.</summary>
            public bool NeedsUsing { get; set; }

            /// <summary>The name of a PiiGuard type at a position of the original document.</summary>
            public NameSyntax TypeName(int position, string simpleName)
            {
                bool needsUsing = NeedsUsing;
                NameSyntax name = PiiGuardSyntax.TypeName(Model, position, simpleName, ref needsUsing);
                NeedsUsing = needsUsing;
                return name;
            }

            /// <summary>The same name in an expression (a qualified name parses as member access there).</summary>
            public ExpressionSyntax TypeExpression(int position, string simpleName) =>
                SyntaxFactory.ParseExpression(TypeName(position, simpleName).ToString());
        }
    }
}
