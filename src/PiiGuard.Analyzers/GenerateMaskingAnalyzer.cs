using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiGuard.Analyzers.Core;
using PiiGuard.Analyzers.Generator;

namespace PiiGuard.Analyzers
{
    /// <summary>
    /// Reports misuse of [GenerateMasking] (PII101–PII105): the cases in which the masking generator writes no code, erases
    /// a member it cannot mask, is hidden by a user-written ToString, or has nothing to mask.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class GenerateMaskingAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Rules.GenerateMaskingNotPartial,
            Rules.UnsupportedMaskedMember,
            Rules.UserToStringHidesMasking,
            Rules.ContainingTypeNotPartial,
            Rules.NoPersonalMembers,
            Rules.UnsupportedMaskingType);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                PiiSymbols symbols = PiiSymbols.Create(start.Compilation);
                if (symbols.GenerateMaskingAttribute is null)
                {
                    return;
                }

                // Syntax first (issue 18): only a type declaration with an attribute written [GenerateMasking] (or through a
                // using alias) is looked at; a symbol action read the attributes of every type of the compilation.
                var names = new AttributeNameFilter(start.Compilation, "GenerateMasking");
                start.RegisterSyntaxNodeAction(ctx =>
                {
                    var written = (AttributeSyntax)ctx.Node;
                    if (names.MayBe(written) && written.Parent?.Parent is TypeDeclarationSyntax declaration
                        && ctx.SemanticModel.GetDeclaredSymbol(declaration, ctx.CancellationToken) is { } type
                        && GetGenerateMasking(type, symbols) is { } attribute && AttributeNameFilter.IsApplication(attribute, written))
                    {
                        AnalyzeType(type, attribute, symbols, ctx.ReportDiagnostic, ctx.CancellationToken);
                    }
                }, SyntaxKind.Attribute);
            });
        }

        private static void AnalyzeType(INamedTypeSymbol type, AttributeData attribute, PiiSymbols symbols, System.Action<Diagnostic> report, System.Threading.CancellationToken cancellationToken)
        {
            Location location = GetIdentifierLocation(type, attribute);
            if (!MaskingParser.IsPartial(type))
            {
                report(Diagnostic.Create(Rules.GenerateMaskingNotPartial, location, type.Name));
                return;
            }

            if (MaskingParser.FirstNonPartialContainingType(type) is INamedTypeSymbol containing)
            {
                report(Diagnostic.Create(Rules.ContainingTypeNotPartial, location, type.Name, containing.Name));
                return;
            }

            if (!MaskingParser.CanGenerate(type))
            {
                string? why = type.IsStatic ? "a static class" : type.IsRefLikeType ? "a ref struct" : type.IsFileLocal ? "a file-local type" : null;
                if (why != null)
                {
                    report(Diagnostic.Create(Rules.UnsupportedMaskingType, location, type.Name, why));
                }

                return;
            }

            ReportUserMethod(report, type, MaskingParser.GetUserMethod(type, "ToString", 0), "ToString()");
            if (type.IsRecord)
            {
                ReportUserMethod(report, type, MaskingParser.GetUserMethod(type, "PrintMembers", 1), "PrintMembers(StringBuilder)");
            }

            bool hasPersonal = false;
            foreach (ISymbol member in MaskingParser.GetPrintedMembers(type, symbols))
            {
                cancellationToken.ThrowIfCancellationRequested();
                ITypeSymbol memberType = member is IPropertySymbol p ? p.Type : ((IFieldSymbol)member).Type;
                PiiInfo? pii = symbols.GetPii(member);
                MemberPrint print = MaskingParser.Classify(memberType, pii, symbols);
                if (pii != null || print.Value.Kind == ValueKind.Maskable || print.Value.Kind == ValueKind.MaskableDirect)
                {
                    hasPersonal = true;
                }

                if (print.Unsupported)
                {
                    Location memberLocation = SymbolEqualityComparer.Default.Equals(member.ContainingType, type) && member.Locations.Length > 0 && member.Locations[0].IsInSource
                        ? member.Locations[0]
                        : location;
                    report(Diagnostic.Create(
                        Rules.UnsupportedMaskedMember,
                        memberLocation,
                        type.Name,
                        member.Name,
                        memberType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
                }
            }

            if (!hasPersonal && !BasePrintsMaskedMembers(type, symbols))
            {
                report(Diagnostic.Create(Rules.NoPersonalMembers, location, type.Name));
            }
        }

        private static void ReportUserMethod(System.Action<Diagnostic> report, INamedTypeSymbol type, IMethodSymbol? method, string display)
        {
            if (method is null || method.Locations.Length == 0 || !method.Locations[0].IsInSource)
            {
                return;
            }

            report(Diagnostic.Create(Rules.UserToStringHidesMasking, method.Locations[0], type.Name, display));
        }

        private static bool BasePrintsMaskedMembers(INamedTypeSymbol type, PiiSymbols symbols)
        {
            for (INamedTypeSymbol? b = type.BaseType; b != null; b = b.BaseType)
            {
                if (MaskingParser.HasGenerateMasking(b.OriginalDefinition, symbols) && MaskingParser.CanGenerate(b.OriginalDefinition))
                {
                    return true;
                }

                foreach (ISymbol member in b.GetMembers("PrintMaskedMembers"))
                {
                    if (member is IMethodSymbol { IsStatic: false, Parameters.Length: 1 } && member.DeclaredAccessibility != Accessibility.Private)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static AttributeData? GetGenerateMasking(INamedTypeSymbol type, PiiSymbols symbols)
        {
            foreach (AttributeData attribute in type.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, symbols.GenerateMaskingAttribute))
                {
                    return attribute;
                }
            }

            return null;
        }

        /// <summary>The identifier of the declaration that carries the attribute.</summary>
        private static Location GetIdentifierLocation(INamedTypeSymbol type, AttributeData attribute)
        {
            if (attribute.ApplicationSyntaxReference?.GetSyntax(default) is SyntaxNode node)
            {
                for (SyntaxNode? n = node; n != null; n = n.Parent)
                {
                    if (n is BaseTypeDeclarationSyntax declaration)
                    {
                        return declaration.Identifier.GetLocation();
                    }
                }
            }

            return type.Locations.Length > 0 ? type.Locations[0] : Location.None;
        }
    }
}
