using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiGuard.Analyzers.Core;

namespace PiiGuard.Analyzers
{
    /// <summary>
    /// PII108: <c>[NotPii("")]</c>, <c>[NotPii("  ")]</c> or <c>[NotPii(null)]</c>. The reason of [NotPii] is required by
    /// its constructor; a blank one records no decision. Reported at the reason argument. A reason the compiler cannot
    /// evaluate (not a constant) is not reported.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class NotPiiReasonAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.NotPiiWithoutReason);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                INamedTypeSymbol? notPii = start.Compilation.GetTypeByMetadataName(PiiSymbols.NotPiiAttributeName);
                if (notPii is null)
                {
                    return;
                }

                // Syntax first: only an attribute named NotPii (or by a using alias, which any tree may declare) is bound, not
                // every [Pii(...)] of the code (issue 18).
                var names = new AttributeNameFilter(start.Compilation, "NotPii");
                start.RegisterSyntaxNodeAction(ctx =>
                {
                    if (names.MayBe((AttributeSyntax)ctx.Node))
                    {
                        Analyze(ctx, notPii);
                    }
                }, SyntaxKind.Attribute);
            });
        }

        private static void Analyze(SyntaxNodeAnalysisContext context, INamedTypeSymbol notPii)
        {
            var attribute = (AttributeSyntax)context.Node;

            if (context.SemanticModel.GetSymbolInfo(attribute, context.CancellationToken).Symbol is not IMethodSymbol { ContainingType: { } type }
                || !SymbolEqualityComparer.Default.Equals(type, notPii))
            {
                return;
            }

            ExpressionSyntax? reason = null;
            foreach (AttributeArgumentSyntax argument in attribute.ArgumentList?.Arguments ?? default)
            {
                if (argument.NameEquals is null && (argument.NameColon is null || argument.NameColon.Name.Identifier.ValueText == "reason"))
                {
                    reason = argument.Expression;
                    break;
                }
            }

            if (reason is null)
            {
                return;
            }

            Optional<object?> value = context.SemanticModel.GetConstantValue(reason, context.CancellationToken);
            if (!value.HasValue || (value.Value is string text && !string.IsNullOrWhiteSpace(text)))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(Rules.NotPiiWithoutReason, reason.GetLocation(), Target(attribute)));
        }

        /// <summary>The name of what the attribute is on: a member, parameter or type.</summary>
        private static string Target(AttributeSyntax attribute)
        {
            SyntaxNode? owner = attribute.Parent?.Parent;
            return owner switch
            {
                BaseTypeDeclarationSyntax type => type.Identifier.ValueText,
                PropertyDeclarationSyntax property => property.Identifier.ValueText,
                FieldDeclarationSyntax field when field.Declaration.Variables.Count > 0 => field.Declaration.Variables[0].Identifier.ValueText,
                ParameterSyntax parameter => parameter.Identifier.ValueText,
                _ => owner?.Kind().ToString() ?? "?",
            };
        }
    }
}
