using System.Collections.Generic;
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
    /// PII006, <c>fix=addGenerateMasking</c>: makes the type (and the types it is nested in) partial and adds
    /// <c>[GenerateMasking]</c>, so the generator writes a masked ToString/PrintMembers. Offered when the type is
    /// a class, struct or record, and every declaration of it outside this document is already partial.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddGenerateMaskingCodeFixProvider)), Shared]
    public sealed class AddGenerateMaskingCodeFixProvider : DocumentRewriteCodeFixProvider
    {
        private static readonly SyntaxAnnotation NeedsPartialContainers = new SyntaxAnnotation("PiiGuard.NeedsPartialContainers");

        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.UnmaskedToString);

        /// <inheritdoc />
        protected override string EquivalenceKey => FixNames.AddGenerateMasking;

        /// <inheritdoc />
        protected override FixPlan? Plan(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
        {
            INamedTypeSymbol? generateMasking = model.Compilation.GetTypeByMetadataName("PiiGuard.GenerateMaskingAttribute");
            if (!DiagnosticProperties.Is(diagnostic, DiagnosticProperties.FixAddGenerateMasking) || generateMasking is null)
            {
                return null;
            }

            SyntaxToken identifier = root.FindToken(diagnostic.Location.SourceSpan.Start);
            if (identifier.Parent is not TypeDeclarationSyntax declaration || declaration.Identifier != identifier
                || declaration is InterfaceDeclarationSyntax
                || model.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol type)
            {
                return null;
            }

            // Declarations elsewhere must already be partial (they are, or the code does not compile).
            foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree != declaration.SyntaxTree && reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax other && !IsPartial(other))
                {
                    return null;
                }
            }

            bool hasAttribute = type.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, generateMasking));
            if (hasAttribute && IsPartial(declaration) && declaration.Ancestors().OfType<TypeDeclarationSyntax>().All(IsPartial))
            {
                return null;
            }

            return new FixPlan(declaration, $"Make '{type.Name}' partial and add [GenerateMasking]", diagnostic, hasAttribute);
        }

        /// <inheritdoc />
        protected override SyntaxNode Rewrite(FixPlan plan, SyntaxNode rewritten, RewriteContext context)
        {
            var declaration = (TypeDeclarationSyntax)rewritten;
            if (!(bool)plan.Data!)
            {
                NameSyntax name = context.TypeName(plan.Node.SpanStart, "GenerateMaskingAttribute");
                string text = name.ToString();
                name = SyntaxFactory.ParseName(text.Substring(0, text.Length - "Attribute".Length));
                declaration = PiiGuardSyntax.AddAttributeList(declaration, SyntaxFactory.Attribute(name), context.EndOfLine);
            }

            return AddPartial(declaration).WithAdditionalAnnotations(NeedsPartialContainers);
        }

        /// <inheritdoc />
        protected override SyntaxNode AfterRewrite(SyntaxNode root, IReadOnlyList<FixPlan> plans, RewriteContext context)
        {
            var containers = new HashSet<TypeDeclarationSyntax>();
            foreach (SyntaxNode marked in root.GetAnnotatedNodes(NeedsPartialContainers))
            {
                foreach (TypeDeclarationSyntax container in marked.Ancestors().OfType<TypeDeclarationSyntax>())
                {
                    if (!IsPartial(container))
                    {
                        containers.Add(container);
                    }
                }
            }

            return containers.Count == 0 ? root : root.ReplaceNodes(containers, (_, rewritten) => AddPartial(rewritten));
        }

        private static bool IsPartial(TypeDeclarationSyntax declaration) => declaration.Modifiers.Any(SyntaxKind.PartialKeyword);

        /// <summary>Appends <c>partial</c> to the modifiers (it must come right before the type keyword).</summary>
        private static TypeDeclarationSyntax AddPartial(TypeDeclarationSyntax declaration)
        {
            if (IsPartial(declaration))
            {
                return declaration;
            }

            SyntaxToken keyword = declaration.Keyword;
            if (declaration.Modifiers.Count == 0)
            {
                SyntaxToken partial = SyntaxFactory.Token(keyword.LeadingTrivia, SyntaxKind.PartialKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
                return declaration
                    .WithKeyword(keyword.WithLeadingTrivia(SyntaxFactory.TriviaList()))
                    .WithModifiers(SyntaxFactory.TokenList(partial));
            }

            SyntaxToken added = SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.PartialKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
            return declaration.WithModifiers(declaration.Modifiers.Add(added));
        }
    }
}
