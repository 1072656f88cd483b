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
    /// <para>
    /// Declared after <see cref="AddPiiAttributeCodeFixProvider"/> (file and type name sort after it): <c>dotnet format
    /// analyzers --diagnostics PII008</c> applies the first provider of a diagnostic, and bulk annotation must add [Pii],
    /// never mark everything not personal. CodeFixCatalogTests pins the order.
    /// </para>
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NotPiiAttributeCodeFixProvider)), Shared]
    public sealed class NotPiiAttributeCodeFixProvider : DocumentRewriteCodeFixProvider
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
