using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
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

                start.RegisterSymbolAction(ctx => AnalyzeType(ctx, symbols), SymbolKind.NamedType);
            });
        }

        private static void AnalyzeType(SymbolAnalysisContext context, PiiSymbols symbols)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            AttributeData? attribute = GetGenerateMasking(type, symbols);
            if (attribute is null)
            {
                return;
            }

            Location location = GetIdentifierLocation(type, attribute);
            if (!MaskingParser.IsPartial(type))
            {
                context.ReportDiagnostic(Diagnostic.Create(Rules.GenerateMaskingNotPartial, location, type.Name));
                return;
            }

            if (MaskingParser.FirstNonPartialContainingType(type) is INamedTypeSymbol containing)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rules.ContainingTypeNotPartial, location, type.Name, containing.Name));
                return;
            }

            if (!MaskingParser.CanGenerate(type))
            {
                string? why = type.IsStatic ? "a static class" : type.IsRefLikeType ? "a ref struct" : type.IsFileLocal ? "a file-local type" : null;
                if (why != null)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Rules.UnsupportedMaskingType, location, type.Name, why));
                }

                return;
            }

            ReportUserMethod(context, type, MaskingParser.GetUserMethod(type, "ToString", 0), "ToString()");
            if (type.IsRecord)
            {
                ReportUserMethod(context, type, MaskingParser.GetUserMethod(type, "PrintMembers", 1), "PrintMembers(StringBuilder)");
            }

            bool hasPersonal = false;
            foreach (ISymbol member in MaskingParser.GetPrintedMembers(type, symbols))
            {
                context.CancellationToken.ThrowIfCancellationRequested();
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
                    context.ReportDiagnostic(Diagnostic.Create(
                        Rules.UnsupportedMaskedMember,
                        memberLocation,
                        type.Name,
                        member.Name,
                        memberType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
                }
            }

            if (!hasPersonal && !BasePrintsMaskedMembers(type, symbols))
            {
                context.ReportDiagnostic(Diagnostic.Create(Rules.NoPersonalMembers, location, type.Name));
            }
        }

        private static void ReportUserMethod(SymbolAnalysisContext context, INamedTypeSymbol type, IMethodSymbol? method, string display)
        {
            if (method is null || method.Locations.Length == 0 || !method.Locations[0].IsInSource)
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(Rules.UserToStringHidesMasking, method.Locations[0], type.Name, display));
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
