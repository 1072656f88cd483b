using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiGuard.Analyzers.Core;

namespace PiiGuard.Analyzers
{
    /// <summary>
    /// PII008, discovery: a property or field whose name says personal data (Email, Ssn, IdCard, ShenFenZheng, ShouJi,
    /// DateOfBirth, Iban…) and whose type can hold it, but which carries no personal-data annotation ([Pii],
    /// [PersonalData], a DataClassificationAttribute). Positional record parameters are reported as their
    /// properties. Method parameters are not reported: they receive values from members, which is where the
    /// annotation belongs. The name rules are <see cref="NameDiscovery"/>'s, shared with name-based discovery; <c>[NotPii]</c>
    /// on the member or its type silences it. The diagnostic carries <c>piiKind</c> (the kind inferred from the name, for the fix), <c>type</c>,
    /// <c>member</c>, <c>name</c> and <c>sensitivity</c> (the kind's default) for the inventory.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UnannotatedPersonalDataAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>The property that carries the inferred PiiKind name.</summary>
        public const string PiiKindProperty = DiagnosticPropertyNames.PiiKind;

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.UnannotatedPersonalData);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                PiiSymbols symbols = PiiSymbols.Create(start.Compilation);
                var names = new NameDiscovery(start.Compilation);
                start.RegisterSymbolAction(ctx => Analyze(ctx, symbols, names), SymbolKind.Property, SymbolKind.Field);
            });
        }

        private static void Analyze(SymbolAnalysisContext context, PiiSymbols symbols, NameDiscovery names)
        {
            ISymbol symbol = context.Symbol;
            if (names.RecogniseDeclaration(symbol, context.CancellationToken) is not { } match)
            {
                return;
            }

            // Annotated, classified ([NoDataClassification] included) or declared not personal ([NotPii], on it or its type).
            if (symbols.GetPii(symbol) != null || HasClassification(symbol, symbols) || symbols.IsDeclaredNotPersonal(symbol))
            {
                return;
            }

            string member = DisplayNames.TypeName(symbol.ContainingType) + "." + symbol.Name;
            var properties = ImmutableDictionary.CreateBuilder<string, string?>(StringComparer.Ordinal);
            properties[DiagnosticPropertyNames.Type] = symbol.ContainingType.ToDisplayString();
            properties[DiagnosticPropertyNames.Member] = member;
            properties[DiagnosticPropertyNames.Name] = symbol.Name;
            properties[PiiKindProperty] = match.Kind;
            properties[DiagnosticPropertyNames.Sensitivity] = DiagnosticPropertyNames.SensitivityOf(PiiKindInfo.IsSensitiveByDefault(PiiKindInfo.FromName(match.Kind)));
            context.ReportDiagnostic(Diagnostic.Create(Rules.UnannotatedPersonalData, symbol.Locations[0], properties.ToImmutable(), member, match.Kind));
        }

        /// <summary>
        /// Any data-classification attribute counts as a decision, [NoDataClassification] included (it says "not
        /// personal"), and so do attributes on the positional parameter of a record property.
        /// </summary>
        private static bool HasClassification(ISymbol symbol, PiiSymbols symbols)
        {
            if (symbols.DataClassificationAttribute is null && symbols.PiiAttribute is null && symbols.PersonalDataAttribute is null)
            {
                return false;
            }

            foreach (AttributeData attribute in symbol.GetAttributes())
            {
                for (INamedTypeSymbol? t = attribute.AttributeClass; t != null; t = t.BaseType)
                {
                    if (SymbolEqualityComparer.Default.Equals(t, symbols.DataClassificationAttribute))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
