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
    /// PII001-PII005, <c>fix=mask</c>: wraps the leaking expression as <c>PiiMask.Apply(expr, PiiKind.X)</c>, the
    /// kind coming from the diagnostic's <c>piiKind</c> property.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MaskWithPiiMaskCodeFixProvider)), Shared]
    public sealed class MaskWithPiiMaskCodeFixProvider : DocumentRewriteCodeFixProvider
    {
        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            RuleIdentifiers.LogLeak, RuleIdentifiers.EgressLeak, RuleIdentifiers.TelemetryLeak, RuleIdentifiers.ExceptionLeak, RuleIdentifiers.WholeObjectLeak);

        /// <inheritdoc />
        protected override string EquivalenceKey => FixNames.MaskWithPiiMask;

        /// <inheritdoc />
        protected override FixPlan? Plan(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
        {
            if (!DiagnosticProperties.Is(diagnostic, DiagnosticProperties.FixMask)
                || !DiagnosticProperties.TryGetKind(diagnostic, out string kind)
                || model.Compilation.GetTypeByMetadataName("PiiGuard.PiiMask") is null)
            {
                return null;
            }

            ExpressionSyntax? expression = PiiGuardSyntax.FindExpression(root, diagnostic.Location.SourceSpan);
            if (expression is null || !PiiGuardSyntax.IsReadOnlyValue(expression) || PiiGuardSyntax.IsInsidePiiMaskCall(expression, model, cancellationToken))
            {
                return null;
            }

            bool nonNull = PiiGuardSyntax.NeedsNonNullResult(expression, expression, model, cancellationToken);
            return new FixPlan(expression, $"Mask with PiiMask.Apply(…, PiiKind.{kind})", diagnostic, (kind, nonNull));
        }

        /// <inheritdoc />
        protected override SyntaxNode Rewrite(FixPlan plan, SyntaxNode rewritten, RewriteContext context)
        {
            var expression = (ExpressionSyntax)rewritten;
            var data = ((string Kind, bool NonNull))plan.Data!;
            int position = plan.Node.SpanStart;
            ExpressionSyntax piiMask = context.TypeExpression(position, "PiiMask");
            ExpressionSyntax piiKind = context.TypeExpression(position, "PiiKind");
            InvocationExpressionSyntax call = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, piiMask, SyntaxFactory.IdentifierName("Apply")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[]
                {
                    SyntaxFactory.Argument(expression.WithoutTrivia()),
                    SyntaxFactory.Argument(SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, piiKind, SyntaxFactory.IdentifierName(data.Kind))),
                }, new[] { SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space) })));
            ExpressionSyntax result = data.NonNull ? SyntaxFactory.PostfixUnaryExpression(SyntaxKind.SuppressNullableWarningExpression, call) : call;
            return result.WithTriviaFrom(expression);
        }
    }
}
