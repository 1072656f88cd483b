using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PiiGuard.Analyzers;

namespace PiiGuard.CodeFixes
{
    /// <summary>
    /// PII008: annotates the member with <c>[Pii(PiiKind.X)]</c>, the kind inferred from its name (the diagnostic's
    /// <c>piiKind</c> property). Properties and single-variable fields get the attribute on a line of their own
    /// (after any documentation comment and existing attributes); positional record parameters get it inline.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddPiiAttributeCodeFixProvider)), Shared]
    public sealed class AddPiiAttributeCodeFixProvider : DocumentRewriteCodeFixProvider
    {
        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.UnannotatedPersonalData);

        /// <inheritdoc />
        protected override string EquivalenceKey => FixNames.AddPiiAttribute;

        /// <inheritdoc />
        protected override FixPlan? Plan(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
        {
            if (!DiagnosticProperties.TryGetKind(diagnostic, out string kind) || model.Compilation.GetTypeByMetadataName("PiiGuard.PiiAttribute") is null)
            {
                return null;
            }

            SyntaxNode? target = PiiGuardSyntax.AnnotationTarget(root.FindToken(diagnostic.Location.SourceSpan.Start));
            return target is null ? null : new FixPlan(target, $"Annotate with [Pii(PiiKind.{kind})]", diagnostic, kind);
        }

        /// <inheritdoc />
        protected override SyntaxNode Rewrite(FixPlan plan, SyntaxNode rewritten, RewriteContext context)
        {
            int position = plan.Node.SpanStart;
            AttributeSyntax attribute = PiiGuardSyntax.PiiAttribute(context.TypeName(position, "PiiAttribute"), context.TypeExpression(position, "PiiKind"), (string)plan.Data!);
            return PiiGuardSyntax.AddAttribute(rewritten, attribute, context.EndOfLine);
        }
    }
}
