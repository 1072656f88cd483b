using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PiiGuard.Analyzers;

namespace PiiGuard.CodeFixes
{
    /// <summary>
    /// PII001-PII005, <c>fix=toMaskedString</c>: an object with a masked text form reaches a sink whole; appends
    /// <c>.ToMaskedString()</c> (or <c>?.ToMaskedString()</c> when the object may be null). Offered when the type
    /// has a ToMaskedString() (written, generated, or promised by [GenerateMasking] or IMaskable).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseToMaskedStringCodeFixProvider)), Shared]
    public sealed class UseToMaskedStringCodeFixProvider : DocumentRewriteCodeFixProvider
    {
        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            RuleIdentifiers.LogLeak, RuleIdentifiers.EgressLeak, RuleIdentifiers.TelemetryLeak, RuleIdentifiers.ExceptionLeak, RuleIdentifiers.WholeObjectLeak);

        /// <inheritdoc />
        protected override string EquivalenceKey => FixNames.UseToMaskedString;

        /// <inheritdoc />
        protected override FixPlan? Plan(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
        {
            if (!DiagnosticProperties.Is(diagnostic, DiagnosticProperties.FixToMaskedString))
            {
                return null;
            }

            ExpressionSyntax? expression = PiiGuardSyntax.FindExpression(root, diagnostic.Location.SourceSpan);
            if (expression is null || !PiiGuardSyntax.IsReadOnlyValue(expression))
            {
                return null;
            }

            TypeInfo info = model.GetTypeInfo(expression, cancellationToken);
            if (info.Type is not INamedTypeSymbol type || !HasMaskedForm(type, model.Compilation))
            {
                return null;
            }

            bool maybeNull = !type.IsValueType && info.Nullability.FlowState == NullableFlowState.MaybeNull;
            return new FixPlan(expression, "Print its masked form: ToMaskedString()", diagnostic, maybeNull);
        }

        private static bool HasMaskedForm(INamedTypeSymbol type, Compilation compilation)
        {
            INamedTypeSymbol? maskable = compilation.GetTypeByMetadataName("PiiGuard.IMaskable");
            INamedTypeSymbol? generate = compilation.GetTypeByMetadataName("PiiGuard.GenerateMaskingAttribute");
            for (INamedTypeSymbol? t = type; t != null; t = t.BaseType)
            {
                if (t.GetMembers("ToMaskedString").OfType<IMethodSymbol>().Any(m => m.Parameters.IsEmpty && !m.IsStatic)
                    || (generate != null && t.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, generate))))
                {
                    return true;
                }
            }

            return maskable != null && type.AllInterfaces.Contains(maskable, SymbolEqualityComparer.Default);
        }

        /// <inheritdoc />
        protected override SyntaxNode Rewrite(FixPlan plan, SyntaxNode rewritten, RewriteContext context)
        {
            var expression = (ExpressionSyntax)rewritten;
            ExpressionSyntax receiver = expression.WithoutTrivia();
            if (!IsPrimary(receiver))
            {
                receiver = SyntaxFactory.ParenthesizedExpression(receiver);
            }

            SimpleNameSyntax name = SyntaxFactory.IdentifierName("ToMaskedString");
            ExpressionSyntax call = (bool)plan.Data!
                ? SyntaxFactory.ConditionalAccessExpression(receiver, SyntaxFactory.InvocationExpression(SyntaxFactory.MemberBindingExpression(name)))
                : SyntaxFactory.InvocationExpression(SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, name));
            return call.WithTriviaFrom(expression);
        }

        private static bool IsPrimary(ExpressionSyntax expression) => expression is IdentifierNameSyntax or GenericNameSyntax or MemberAccessExpressionSyntax
            or InvocationExpressionSyntax or ElementAccessExpressionSyntax or ParenthesizedExpressionSyntax or ThisExpressionSyntax or BaseExpressionSyntax
            or ObjectCreationExpressionSyntax or ConditionalAccessExpressionSyntax or LiteralExpressionSyntax;
    }
}
