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
    /// annotation belongs. The diagnostic carries <c>piiKind</c> (the kind inferred from the name, for the fix), <c>type</c>,
    /// <c>member</c>, <c>name</c> and <c>sensitivity</c> (the kind's default) for the inventory.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UnannotatedPersonalDataAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>The property that carries the inferred PiiKind name.</summary>
        public const string PiiKindProperty = DiagnosticPropertyNames.PiiKind;

        // Types whose members are configuration or constants: SupportEmail in SmtpOptions is not a data subject's.
        private static readonly string[] ConfigurationTypeSuffixes = { "Options", "Settings", "Config", "Configuration", "Constants", "Defaults", "Attribute" };

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
                INamedTypeSymbol? ipAddress = start.Compilation.GetTypeByMetadataName("System.Net.IPAddress");
                INamedTypeSymbol? dateOnly = start.Compilation.GetTypeByMetadataName("System.DateOnly");
                INamedTypeSymbol? dateTimeOffset = start.Compilation.GetTypeByMetadataName("System.DateTimeOffset");
                var types = new KnownTypes(ipAddress, dateOnly, dateTimeOffset);
                start.RegisterSymbolAction(ctx => Analyze(ctx, symbols, types), SymbolKind.Property, SymbolKind.Field);
            });
        }

        private static void Analyze(SymbolAnalysisContext context, PiiSymbols symbols, KnownTypes types)
        {
            ISymbol symbol = context.Symbol;
            ITypeSymbol type;
            switch (symbol)
            {
                case IPropertySymbol property when !property.IsOverride && property.ExplicitInterfaceImplementations.IsEmpty && !property.IsIndexer:
                    type = property.Type;
                    break;
                case IFieldSymbol field when !field.IsConst && field.AssociatedSymbol is null && field.ContainingType.TypeKind != TypeKind.Enum:
                    type = field.Type;
                    break;
                default:
                    return;
            }

            if (symbol.IsImplicitlyDeclared || symbol.Locations.Length == 0 || !symbol.Locations[0].IsInSource
                || IsConfigurationType(symbol.ContainingType) || IsBusinessType(symbol.ContainingType) || IsStaticLiteral(symbol, context.CancellationToken))
            {
                return;
            }

            if (PersonalDataNames.Recognise(symbol.Name) is not { } match || !CanHold(type, match.Types, types) || IsPlaceType(symbol.ContainingType, match.Kind))
            {
                return;
            }

            if (symbols.GetPii(symbol) != null || HasClassification(symbol, symbols))
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

        /// <summary>A company's, vendor's or store's contact data is not a data subject's (CompanyInformation.Email).</summary>
        private static bool IsBusinessType(INamedTypeSymbol? type) =>
            type != null && PersonalDataNames.SplitWords(type.Name).Exists(w => w is "company" or "business" or "vendor" or "merchant" or "supplier" or "store" or "shop" or "warehouse");

        /// <summary>Addresses and coordinates of places, not people (PickupPoint.Address1, MeetingLocation.PostalCode).</summary>
        private static bool IsPlaceType(INamedTypeSymbol? type, string kind) =>
            type != null && (kind == "PostalAddress" || kind == "Location")
            && PersonalDataNames.SplitWords(type.Name).Exists(w => w is "pickup" or "venue" or "meeting" or "branch" or "facility" or "site" or "point" or "points");

        /// <summary>
        /// A static readonly field or get-only static property whose value is a literal is a constant (a header name, a
        /// claim type, a field name), not a holder of data.
        /// </summary>
        private static bool IsStaticLiteral(ISymbol symbol, System.Threading.CancellationToken cancellationToken)
        {
            if (!symbol.IsStatic || symbol is IFieldSymbol { IsReadOnly: false } || symbol is IPropertySymbol { SetMethod: not null })
            {
                return false;
            }

            foreach (SyntaxReference reference in symbol.DeclaringSyntaxReferences)
            {
                switch (reference.GetSyntax(cancellationToken))
                {
                    case Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax { Initializer.Value: Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax }:
                    case Microsoft.CodeAnalysis.CSharp.Syntax.PropertyDeclarationSyntax { ExpressionBody.Expression: Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax }:
                    case Microsoft.CodeAnalysis.CSharp.Syntax.PropertyDeclarationSyntax { Initializer.Value: Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax }:
                        return true;
                }
            }

            return false;
        }

        private static bool IsConfigurationType(INamedTypeSymbol? type)
        {
            for (INamedTypeSymbol? t = type; t != null; t = t.ContainingType)
            {
                foreach (string suffix in ConfigurationTypeSuffixes)
                {
                    if (t.Name.EndsWith(suffix, StringComparison.Ordinal) && t.Name.Length > suffix.Length)
                    {
                        return true;
                    }
                }
            }

            return false;
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

        private static bool CanHold(ITypeSymbol type, PersonalDataNames.KindTypes kinds, KnownTypes known)
        {
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            {
                type = nullable.TypeArguments[0];
            }

            if (IsText(type) || IsTextCollection(type))
            {
                return true;
            }

            if ((kinds & PersonalDataNames.KindTypes.Date) != 0
                && (type.SpecialType == SpecialType.System_DateTime || Same(type, known.DateTimeOffset) || Same(type, known.DateOnly)))
            {
                return true;
            }

            if ((kinds & PersonalDataNames.KindTypes.Coordinate) != 0
                && (type.SpecialType == SpecialType.System_Double || type.SpecialType == SpecialType.System_Single || type.SpecialType == SpecialType.System_Decimal))
            {
                return true;
            }

            return (kinds & PersonalDataNames.KindTypes.IpAddress) != 0 && Same(type, known.IpAddress);
        }

        private static bool IsText(ITypeSymbol type) =>
            type.SpecialType == SpecialType.System_String
            || type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Char }
            || type is INamedTypeSymbol { Name: "ReadOnlyMemory" or "Memory", TypeArguments.Length: 1 } memory && memory.TypeArguments[0].SpecialType == SpecialType.System_Char;

        private static bool IsTextCollection(ITypeSymbol type)
        {
            if (type is IArrayTypeSymbol array)
            {
                return array.ElementType.SpecialType == SpecialType.System_String;
            }

            if (type is INamedTypeSymbol { IsGenericType: true } named && named.TypeArguments.Length == 1 && named.TypeArguments[0].SpecialType == SpecialType.System_String)
            {
                foreach (INamedTypeSymbol i in named.AllInterfaces)
                {
                    if (i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
                    {
                        return true;
                    }
                }

                return named.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T;
            }

            return false;
        }

        private static bool Same(ITypeSymbol type, INamedTypeSymbol? known) => known != null && SymbolEqualityComparer.Default.Equals(type, known);

        private sealed class KnownTypes
        {
            public KnownTypes(INamedTypeSymbol? ipAddress, INamedTypeSymbol? dateOnly, INamedTypeSymbol? dateTimeOffset)
            {
                IpAddress = ipAddress;
                DateOnly = dateOnly;
                DateTimeOffset = dateTimeOffset;
            }

            public INamedTypeSymbol? IpAddress { get; }

            public INamedTypeSymbol? DateOnly { get; }

            public INamedTypeSymbol? DateTimeOffset { get; }
        }
    }
}
