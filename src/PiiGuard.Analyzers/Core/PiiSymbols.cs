using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PiiGuard.Analyzers.Core
{
    /// <summary>
    /// The personal-data vocabulary of one compilation, resolved once at compilation start: PiiGuard's own
    /// attributes, ASP.NET Core Identity's [PersonalData]/[ProtectedPersonalData] and Microsoft.Extensions.Compliance's
    /// DataClassificationAttribute. Answers "is this member personal data, and of what kind?", cached per symbol.
    /// </summary>
    internal sealed class PiiSymbols
    {
        public const string PiiAttributeName = "PiiGuard.PiiAttribute";
        public const string GenerateMaskingAttributeName = "PiiGuard.GenerateMaskingAttribute";
        public const string PiiSanitizerAttributeName = "PiiGuard.PiiSanitizerAttribute";
        public const string PiiSinkAttributeName = "PiiGuard.PiiSinkAttribute";
        public const string MaskableInterfaceName = "PiiGuard.IMaskable";
        public const string MaskedMembersInterfaceName = "PiiGuard.IMaskedMembers";
        public const string PiiMaskName = "PiiGuard.PiiMask";
        public const string PersonalDataAttributeName = "Microsoft.AspNetCore.Identity.PersonalDataAttribute";
        public const string DataClassificationAttributeName = "Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute";
        public const string NoDataClassificationAttributeName = "Microsoft.Extensions.Compliance.Classification.NoDataClassificationAttribute";

        private readonly ConcurrentDictionary<ISymbol, PiiInfo?> _cache = SymbolCache.Create<ISymbol, PiiInfo?>();
        private readonly Func<ISymbol, PiiInfo?> _compute;

        private PiiSymbols(Compilation compilation)
        {
            _compute = Compute;
            Compilation = compilation;
            PiiAttribute = compilation.GetTypeByMetadataName(PiiAttributeName);
            GenerateMaskingAttribute = compilation.GetTypeByMetadataName(GenerateMaskingAttributeName);
            PiiSanitizerAttribute = compilation.GetTypeByMetadataName(PiiSanitizerAttributeName);
            PiiSinkAttribute = compilation.GetTypeByMetadataName(PiiSinkAttributeName);
            MaskableInterface = compilation.GetTypeByMetadataName(MaskableInterfaceName);
            MaskedMembersInterface = compilation.GetTypeByMetadataName(MaskedMembersInterfaceName);
            PiiMask = compilation.GetTypeByMetadataName(PiiMaskName);
            PersonalDataAttribute = compilation.GetTypeByMetadataName(PersonalDataAttributeName);
            DataClassificationAttribute = compilation.GetTypeByMetadataName(DataClassificationAttributeName);
            NoDataClassificationAttribute = compilation.GetTypeByMetadataName(NoDataClassificationAttributeName);
        }

        public Compilation Compilation { get; }

        public INamedTypeSymbol? PiiAttribute { get; }

        public INamedTypeSymbol? GenerateMaskingAttribute { get; }

        public INamedTypeSymbol? PiiSanitizerAttribute { get; }

        public INamedTypeSymbol? PiiSinkAttribute { get; }

        public INamedTypeSymbol? MaskableInterface { get; }

        /// <summary>PiiGuard.IMaskedMembers (structured masked members); absent from runtimes older than the generator.</summary>
        public INamedTypeSymbol? MaskedMembersInterface { get; }

        public INamedTypeSymbol? PiiMask { get; }

        public INamedTypeSymbol? PersonalDataAttribute { get; }

        public INamedTypeSymbol? DataClassificationAttribute { get; }

        public INamedTypeSymbol? NoDataClassificationAttribute { get; }

        /// <summary>Whether any personal-data attribute is known to the compilation; when none is, nothing can be personal.</summary>
        public bool HasAnySource => PiiAttribute != null || PersonalDataAttribute != null || DataClassificationAttribute != null;

        private static readonly ConditionalWeakTable<Compilation, PiiSymbols> PerCompilation = new ConditionalWeakTable<Compilation, PiiSymbols>();

        /// <summary>
        /// The vocabulary of a compilation, resolved once and shared by every analyzer and the generator, so the
        /// well-known types are looked up and each member's annotation is read once per compilation, not once per
        /// analyzer (or, in the generator, once per [GenerateMasking] type).
        /// </summary>
        public static PiiSymbols Create(Compilation compilation) => PerCompilation.GetValue(compilation, c => new PiiSymbols(c));

        /// <summary>
        /// The personal-data annotation of a property, field, parameter or method (its return value), following
        /// overridden properties and positional record parameters; null when the symbol is not personal data.
        /// </summary>
        public PiiInfo? GetPii(ISymbol? symbol)
        {
            if (symbol is null || !HasAnySource)
            {
                return null;
            }

            return _cache.GetOrAdd(symbol.OriginalDefinition, _compute);
        }

        /// <summary>Whether a type is bool or bool?: a flag derived from personal data carries none.</summary>
        public static bool IsCarrierlessType(ITypeSymbol? type)
        {
            if (type is null)
            {
                return false;
            }

            if (type is INamedTypeSymbol named && named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T && named.TypeArguments.Length == 1)
            {
                type = named.TypeArguments[0];
            }

            return type.SpecialType == SpecialType.System_Boolean;
        }

        private PiiInfo? Compute(ISymbol symbol)
        {
            switch (symbol)
            {
                case IPropertySymbol property:
                    if (IsCarrierlessType(property.Type))
                    {
                        return null;
                    }

                    for (IPropertySymbol? p = property; p != null; p = p.OverriddenProperty)
                    {
                        PiiInfo? info = FromAttributes(p, p.GetAttributes());
                        if (info != null)
                        {
                            return info;
                        }
                    }

                    return FromPositionalParameter(property);

                case IFieldSymbol field:
                    if (IsCarrierlessType(field.Type))
                    {
                        return null;
                    }

                    return FromAttributes(field, field.GetAttributes())
                        ?? (field.AssociatedSymbol is IPropertySymbol associated ? GetPii(associated) : null);

                case IParameterSymbol parameter:
                    if (IsCarrierlessType(parameter.Type))
                    {
                        return null;
                    }

                    return FromAttributes(parameter, parameter.GetAttributes());

                case IMethodSymbol method:
                    if (method.MethodKind == MethodKind.PropertyGet && method.AssociatedSymbol is IPropertySymbol prop)
                    {
                        return GetPii(prop);
                    }

                    if (IsCarrierlessType(method.ReturnType))
                    {
                        return null;
                    }

                    return FromAttributes(method, method.GetReturnTypeAttributes());

                default:
                    return null;
            }
        }

        /// <summary>[Pii] on a positional record parameter without <c>property:</c> marks the property too.</summary>
        private PiiInfo? FromPositionalParameter(IPropertySymbol property)
        {
            if (property.ContainingType is not { IsRecord: true } type || property.DeclaringSyntaxReferences.Length == 0)
            {
                return null;
            }

            foreach (SyntaxReference reference in property.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is not ParameterSyntax)
                {
                    return null;
                }
            }

            foreach (IMethodSymbol constructor in type.InstanceConstructors)
            {
                foreach (IParameterSymbol parameter in constructor.Parameters)
                {
                    if (parameter.Name == property.Name && parameter.DeclaringSyntaxReferences.Length > 0
                        && parameter.DeclaringSyntaxReferences[0].Span == property.DeclaringSyntaxReferences[0].Span)
                    {
                        return FromAttributes(parameter, parameter.GetAttributes());
                    }
                }
            }

            return null;
        }

        private PiiInfo? FromAttributes(ISymbol owner, ImmutableArray<AttributeData> attributes)
        {
            foreach (AttributeData attribute in attributes)
            {
                INamedTypeSymbol? attributeClass = attribute.AttributeClass;
                if (attributeClass is null)
                {
                    continue;
                }

                if (PiiAttribute != null && SymbolEqualityComparer.Default.Equals(attributeClass, PiiAttribute))
                {
                    return FromPiiAttribute(attribute);
                }

                if (PersonalDataAttribute != null && InheritsFrom(attributeClass, PersonalDataAttribute))
                {
                    if (IsIdentityKey(owner))
                    {
                        return null;
                    }

                    int kind = InferKindFromName(owner.Name);
                    return new PiiInfo(kind, PiiKindInfo.IsSensitiveByDefault(kind), 0);
                }

                if (DataClassificationAttribute != null && InheritsFrom(attributeClass, DataClassificationAttribute))
                {
                    if (NoDataClassificationAttribute != null && SymbolEqualityComparer.Default.Equals(attributeClass, NoDataClassificationAttribute))
                    {
                        return null;
                    }

                    int kind = InferKindFromName(owner.Name);
                    return new PiiInfo(kind, PiiKindInfo.IsSensitiveByDefault(kind), 0);
                }
            }

            return null;
        }

        private static PiiInfo FromPiiAttribute(AttributeData attribute)
        {
            int kind = PiiKindInfo.Other;
            if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int k)
            {
                kind = k;
            }

            bool sensitive = PiiKindInfo.IsSensitiveByDefault(kind);
            int mask = 0;
            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == "Sensitive" && named.Value.Value is bool b)
                {
                    sensitive = b;
                }
                else if (named.Key == "Mask" && named.Value.Value is int m)
                {
                    mask = m;
                }
            }

            return new PiiInfo(kind, sensitive, mask);
        }

        /// <summary>IdentityUser's key <c>Id</c> is a pseudonymous identifier, not reported.</summary>
        private static bool IsIdentityKey(ISymbol owner)
        {
            if (owner.Name != "Id" || owner is not IPropertySymbol)
            {
                return false;
            }

            for (INamedTypeSymbol? t = owner.ContainingType; t != null; t = t.BaseType)
            {
                if (t.Name == "IdentityUser" && t.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.Identity")
                {
                    return true;
                }
            }

            return false;
        }

        private static bool InheritsFrom(INamedTypeSymbol type, INamedTypeSymbol baseType)
        {
            for (INamedTypeSymbol? t = type; t != null; t = t.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(t, baseType))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The kind suggested by a member name (for [PersonalData] and data classifications, which carry no kind).</summary>
        public static int InferKindFromName(string name)
        {
            string n = name.ToUpperInvariant();
            if (n.Contains("EMAIL") || n.Contains("MAIL"))
            {
                return PiiKindInfo.Email;
            }

            if (n.Contains("PHONE") || n.Contains("MOBILE"))
            {
                return PiiKindInfo.Phone;
            }

            if (n.Contains("USERNAME") || n.Contains("LOGIN"))
            {
                return PiiKindInfo.Username;
            }

            if (n.EndsWith("NAME", StringComparison.Ordinal))
            {
                return PiiKindInfo.Name;
            }

            return PiiKindInfo.Other;
        }
    }
}
