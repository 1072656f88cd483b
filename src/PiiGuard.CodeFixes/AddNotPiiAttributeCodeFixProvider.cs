using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PiiGuard.Analyzers;

namespace PiiGuard.CodeFixes
{
    /// <summary>
    /// PII008: marks the member not personal data with <c>[NotPii("")]</c>, placed like the <c>[Pii]</c> fix places its
    /// attribute. The reason is left empty for the developer to write: PII108 reports it until they do.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddNotPiiAttributeCodeFixProvider)), Shared]
    public sealed class AddNotPiiAttributeCodeFixProvider : DocumentRewriteCodeFixProvider
    {
        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.UnannotatedPersonalData);

        /// <inheritdoc />
        protected override string EquivalenceKey => FixNames.AddNotPiiAttribute;

        /// <inheritdoc />
        protected override FixPlan? Plan(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
        {
            if (model.Compilation.GetTypeByMetadataName("PiiGuard.NotPiiAttribute") is null)
            {
                return null;
            }

            SyntaxNode? target = PiiGuardSyntax.AnnotationTarget(root.FindToken(diagnostic.Location.SourceSpan.Start));
            return target is null ? null : new FixPlan(target, "Mark as not personal data with [NotPii(\"reason\")]", diagnostic);
        }

        /// <inheritdoc />
        protected override SyntaxNode Rewrite(FixPlan plan, SyntaxNode rewritten, RewriteContext context) =>
            PiiGuardSyntax.AddAttribute(rewritten, PiiGuardSyntax.NotPiiAttribute(context.TypeName(plan.Node.SpanStart, "NotPiiAttribute")), context.EndOfLine);
    }
}
