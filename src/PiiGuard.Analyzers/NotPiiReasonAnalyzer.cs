using System;
using System.Collections.Generic;
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
                var aliases = new Lazy<HashSet<string>>(() => UsingAliases(start.Compilation));
                start.RegisterSyntaxNodeAction(ctx =>
                {
                    if (MayBeNotPii((AttributeSyntax)ctx.Node, aliases))
                    {
                        Analyze(ctx, notPii);
                    }
                }, SyntaxKind.Attribute);
            });
        }

        /// <summary>Whether the attribute can be <c>[NotPii]</c> by its name: <c>NotPii</c>, <c>NotPiiAttribute</c>, or a using alias.</summary>
        private static bool MayBeNotPii(AttributeSyntax attribute, Lazy<HashSet<string>> aliases)
        {
            string name = attribute.Name switch
            {
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => string.Empty,
            };
            return name is "NotPii" or "NotPiiAttribute" || (aliases.Value.Count > 0 && aliases.Value.Contains(name));
        }

        /// <summary>The names of the using aliases declared in the compilation (file, namespace and global usings).</summary>
        private static HashSet<string> UsingAliases(Compilation compilation)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (SyntaxTree tree in compilation.SyntaxTrees)
            {
                AddAliases(tree.GetRoot(), names);
            }

            return names;

            static void AddAliases(SyntaxNode node, HashSet<string> names)
            {
                SyntaxList<UsingDirectiveSyntax> usings = node switch
                {
                    CompilationUnitSyntax unit => unit.Usings,
                    BaseNamespaceDeclarationSyntax ns => ns.Usings,
                    _ => default,
                };
                foreach (UsingDirectiveSyntax directive in usings)
                {
                    if (directive.Alias != null)
                    {
                        names.Add(directive.Alias.Name.Identifier.ValueText);
                    }
                }

                SyntaxList<MemberDeclarationSyntax> members = node switch
                {
                    CompilationUnitSyntax unit => unit.Members,
                    BaseNamespaceDeclarationSyntax ns => ns.Members,
                    _ => default,
                };
                foreach (MemberDeclarationSyntax member in members)
                {
                    if (member is BaseNamespaceDeclarationSyntax)
                    {
                        AddAliases(member, names);
                    }
                }
            }
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
