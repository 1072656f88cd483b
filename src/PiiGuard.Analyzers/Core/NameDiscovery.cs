using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PiiGuard.Analyzers.Core
{
    /// <summary>
    /// Which members and parameters of a compilation are personal data by their name: the rules of PII008 (the name,
    /// <see cref="PersonalDataNames"/>; a type that can hold the value; not a member of a configuration, business or
    /// place type; not a constant) shared by PII008 and by name-based discovery (<c>PiiGuardDiscovery=names</c>), so
    /// that both agree on what a name means. Annotations and <c>[NotPii]</c> are the caller's concern
    /// (<see cref="PiiSymbols"/>). Resolved once per compilation; stateless after that.
    /// </summary>
    internal sealed class NameDiscovery
    {
        // Types whose members are configuration or constants: SupportEmail in SmtpOptions is not a data subject's.
        private static readonly string[] ConfigurationTypeSuffixes = { "Options", "Settings", "Config", "Configuration", "Constants", "Defaults", "Attribute" };

        private readonly INamedTypeSymbol? _ipAddress;
        private readonly INamedTypeSymbol? _dateOnly;
        private readonly INamedTypeSymbol? _dateTimeOffset;

        public NameDiscovery(Compilation compilation)
        {
            _ipAddress = compilation.GetTypeByMetadataName("System.Net.IPAddress");
            _dateOnly = compilation.GetTypeByMetadataName("System.DateOnly");
            _dateTimeOffset = compilation.GetTypeByMetadataName("System.DateTimeOffset");
        }

        /// <summary>
        /// PII008: a property or field declared in source whose name says personal data and whose declaration could
        /// carry the annotation (not an override, an explicit interface implementation, an indexer, a backing field,
        /// an enum member or a constant).
        /// </summary>
        public PersonalDataNames.Match? RecogniseDeclaration(ISymbol symbol, CancellationToken cancellationToken)
        {
            switch (symbol)
            {
                case IPropertySymbol property when !property.IsOverride && property.ExplicitInterfaceImplementations.IsEmpty:
                case IFieldSymbol:
                    break;
                default:
                    return null;
            }

            if (symbol.IsImplicitlyDeclared || symbol.Locations.Length == 0 || !symbol.Locations[0].IsInSource || IsStaticLiteral(symbol, cancellationToken))
            {
                return null;
            }

            return RecogniseMember(symbol);
        }

        /// <summary>
        /// Discovery: a property, field or parameter whose name says personal data, wherever it is declared (overrides
        /// and interface implementations included: the name is the same). Members of the framework and of strong-named
        /// packages are left to their own annotations and to the built-in framework sources.
        /// </summary>
        public PersonalDataNames.Match? RecogniseSource(ISymbol symbol)
        {
            if (!IsOwnCode(symbol.ContainingAssembly))
            {
                return null;
            }

            switch (symbol)
            {
                case IPropertySymbol:
                case IFieldSymbol:
                    if (symbol.IsImplicitlyDeclared || (symbol.IsStatic && symbol.Locations.Length > 0 && symbol.Locations[0].IsInSource && IsStaticLiteral(symbol, CancellationToken.None)))
                    {
                        return null;
                    }

                    return RecogniseMember(symbol);
                case IParameterSymbol parameter:
                    if (parameter.ContainingSymbol is not IMethodSymbol { } method || method.IsImplicitlyDeclared && method.MethodKind != MethodKind.Constructor
                        || IsConfigurationType(method.ContainingType) || IsBusinessType(method.ContainingType))
                    {
                        return null;
                    }

                    return PersonalDataNames.Recognise(parameter.Name) is { } match && CanHold(parameter.Type, match.Types) ? match : null;
                default:
                    return null;
            }
        }

        private PersonalDataNames.Match? RecogniseMember(ISymbol symbol)
        {
            ITypeSymbol type;
            switch (symbol)
            {
                case IPropertySymbol property when !property.IsIndexer:
                    type = property.Type;
                    break;
                case IFieldSymbol field when !field.IsConst && field.AssociatedSymbol is null && field.ContainingType?.TypeKind != TypeKind.Enum:
                    type = field.Type;
                    break;
                default:
                    return null;
            }

            if (IsConfigurationType(symbol.ContainingType) || IsBusinessType(symbol.ContainingType))
            {
                return null;
            }

            if (PersonalDataNames.Recognise(symbol.Name) is not { } match || !CanHold(type, match.Types) || IsPlaceType(symbol.ContainingType, match.Kind)
                || IsTechnicalType(symbol.ContainingType, match.Kind, symbol.Name))
            {
                return null;
            }

            return match;
        }

        /// <summary>
        /// The application's own code: this compilation, and referenced assemblies that are neither the framework's
        /// (System.*, Microsoft.*) nor strong-named (NuGet libraries are; an application's own projects rarely are).
        /// </summary>
        private static bool IsOwnCode(IAssemblySymbol? assembly)
        {
            if (assembly is null)
            {
                return false;
            }

            if (assembly is ISourceAssemblySymbol)
            {
                return true;
            }

            string name = assembly.Identity.Name;
            return !assembly.Identity.HasPublicKey
                && !name.StartsWith("System", StringComparison.Ordinal) && !name.StartsWith("Microsoft", StringComparison.Ordinal)
                && name is not ("netstandard" or "mscorlib" or "PiiGuard");
        }

        /// <summary>A company's, vendor's or store's contact data is not a data subject's (CompanyInformation.Email).</summary>
        private static bool IsBusinessType(INamedTypeSymbol? type) =>
            type != null && PersonalDataNames.SplitWords(type.Name).Exists(w => w is "company" or "business" or "vendor" or "merchant" or "supplier" or "store" or "shop" or "warehouse");

        /// <summary>Addresses and coordinates of places, not people (PickupPoint.Address1, MeetingLocation.PostalCode).</summary>
        private static bool IsPlaceType(INamedTypeSymbol? type, string kind) =>
            type != null && (kind == "PostalAddress" || kind == "Location")
            && PersonalDataNames.SplitWords(type.Name).Exists(w => w is "pickup" or "venue" or "meeting" or "branch" or "facility" or "site" or "point" or "points");

        /// <summary>
        /// Names of files, folders, types and packages, not people: <c>FileSystemMetadata.FullName</c> and
        /// <c>FileInfo.FullName</c> are paths, <c>AssemblyInfo.FullName</c> a type's or assembly's name (.NET's own use of
        /// FullName). Found on jellyfin/jellyfin, where it was half of the name-discovered leaks (docs/discovery.md).
        /// </summary>
        /// <remarks>
        /// Only the generic name members (<c>FullName</c>, <c>DisplayName</c>...) of such types: a person's name held by one
        /// (<c>PaymentCardOnFile.CardHolder</c>, <c>CustomerFile.LastName</c>) is still found.
        /// </remarks>
        private static bool IsTechnicalType(INamedTypeSymbol? type, string kind, string member) =>
            type != null && kind == "Name" && member is "FullName" or "DisplayName" or "FriendlyName" or "Name" or "ShortName" or "LongName"
            && PersonalDataNames.SplitWords(type.Name).Exists(w => w is "file" or "files" or "filesystem" or "folder" or "directory" or "path" or "metadata"
                or "assembly" or "type" or "module" or "package" or "plugin" or "theme" or "resource" or "class" or "namespace" or "font" or "blob"
                or "attachment" or "manifest" or "symbol");

        /// <summary>
        /// A static readonly field or get-only static property whose value is a literal is a constant (a header name, a
        /// claim type, a field name), not a holder of data.
        /// </summary>
        private static bool IsStaticLiteral(ISymbol symbol, CancellationToken cancellationToken)
        {
            if (!symbol.IsStatic || symbol is IFieldSymbol { IsReadOnly: false } || symbol is IPropertySymbol { SetMethod: not null })
            {
                return false;
            }

            foreach (SyntaxReference reference in symbol.DeclaringSyntaxReferences)
            {
                switch (reference.GetSyntax(cancellationToken))
                {
                    case VariableDeclaratorSyntax { Initializer.Value: LiteralExpressionSyntax }:
                    case PropertyDeclarationSyntax { ExpressionBody.Expression: LiteralExpressionSyntax }:
                    case PropertyDeclarationSyntax { Initializer.Value: LiteralExpressionSyntax }:
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

        private bool CanHold(ITypeSymbol type, PersonalDataNames.KindTypes kinds)
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
                && (type.SpecialType == SpecialType.System_DateTime || Same(type, _dateTimeOffset) || Same(type, _dateOnly)))
            {
                return true;
            }

            if ((kinds & PersonalDataNames.KindTypes.Coordinate) != 0
                && (type.SpecialType == SpecialType.System_Double || type.SpecialType == SpecialType.System_Single || type.SpecialType == SpecialType.System_Decimal))
            {
                return true;
            }

            return (kinds & PersonalDataNames.KindTypes.IpAddress) != 0 && Same(type, _ipAddress);
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
    }
}
