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

            SyntaxToken identifier = root.FindToken(diagnostic.Location.SourceSpan.Start);
            SyntaxNode? target = identifier.Parent switch
            {
                PropertyDeclarationSyntax property when property.Identifier == identifier => property,
                ParameterSyntax parameter when parameter.Identifier == identifier => parameter,
                VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: FieldDeclarationSyntax field } } => field,
                _ => null,
            };

            return target is null ? null : new FixPlan(target, $"Annotate with [Pii(PiiKind.{kind})]", diagnostic, kind);
        }

        /// <inheritdoc />
        protected override SyntaxNode Rewrite(FixPlan plan, SyntaxNode rewritten, RewriteContext context)
        {
            int position = plan.Node.SpanStart;
            NameSyntax pii = context.TypeName(position, "PiiAttribute");
            if (pii is IdentifierNameSyntax)
            {
                pii = SyntaxFactory.IdentifierName("Pii");
            }
            else
            {
                pii = SyntaxFactory.ParseName(pii.ToString().Substring(0, pii.ToString().Length - "Attribute".Length));
            }

            ExpressionSyntax kind = context.TypeExpression(position, "PiiKind");
            AttributeSyntax attribute = SyntaxFactory.Attribute(
                pii,
                SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.AttributeArgument(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, kind, SyntaxFactory.IdentifierName((string)plan.Data!))))));

            switch (rewritten)
            {
                case ParameterSyntax parameter:
                    AttributeListSyntax list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute)).NormalizeWhitespace()
                        .WithLeadingTrivia(SyntaxFactory.TriviaList()).WithTrailingTrivia(SyntaxFactory.Space);
                    if (parameter.AttributeLists.Count == 0)
                    {
                        list = list.WithLeadingTrivia(parameter.GetLeadingTrivia());
                        parameter = parameter.WithoutLeadingTrivia();
                    }

                    return parameter.WithAttributeLists(parameter.AttributeLists.Add(list));
                case MemberDeclarationSyntax member:
                    return PiiGuardSyntax.AddAttributeList(member, attribute, context.EndOfLine);
                default:
                    return rewritten;
            }
        }
    }
}
