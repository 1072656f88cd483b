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
    /// <para>
    /// Two views per compilation: <see cref="Create(Compilation)"/> answers from annotations only (the generator, PII006,
    /// PII008, the inventory: what the code declares); <see cref="Create(Compilation, bool)"/> with discovery on
    /// (<c>PiiGuardDiscovery=names</c>, the leak rules PII001-PII005 and PII007) also answers for unannotated members and
    /// parameters that PII008 recognises by name (<see cref="NameDiscovery"/>), with <see cref="PiiInfo.Inferred"/> set,
    /// unless they are declared not personal (<c>[NotPii]</c>, <c>[NoDataClassification]</c>, on them or their type).
    /// </para>
    /// </summary>
    internal sealed class PiiSymbols
    {
        public const string PiiAttributeName = "PiiGuard.PiiAttribute";
        public const string GenerateMaskingAttributeName = "PiiGuard.GenerateMaskingAttribute";
        public const string PiiSanitizerAttributeName = "PiiGuard.PiiSanitizerAttribute";
        public const string PiiSinkAttributeName = "PiiGuard.PiiSinkAttribute";
        public const string MaskableInterfaceName = "PiiGuard.IMaskable";

        /// <summary>The runtime helper the generated masking code calls (one call per member).</summary>
        public const string MaskedTextName = "PiiGuard.MaskedText";
        public const string MaskedMembersInterfaceName = "PiiGuard.IMaskedMembers";
        public const string PiiMaskName = "PiiGuard.PiiMask";
        public const string PersonalDataAttributeName = "Microsoft.AspNetCore.Identity.PersonalDataAttribute";
        public const string DataClassificationAttributeName = "Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute";
        public const string NoDataClassificationAttributeName = "Microsoft.Extensions.Compliance.Classification.NoDataClassificationAttribute";
        public const string NotPiiAttributeName = "PiiGuard.NotPiiAttribute";

        private readonly ConcurrentDictionary<ISymbol, PiiInfo?> _cache = SymbolCache.Create<ISymbol, PiiInfo?>();
        private readonly Func<ISymbol, PiiInfo?> _compute;

        // Discovery view only: the annotation-only view of the same compilation (its cache is shared) and the name rules.
        private readonly PiiSymbols? _annotations;
        private readonly NameDiscovery? _discovery;

        private PiiSymbols(Compilation compilation, PiiSymbols annotations)
            : this(compilation)
        {
            _annotations = annotations;
            _discovery = new NameDiscovery(compilation);
            _compute = ComputeInferred;
        }

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
            MaskedText = compilation.GetTypeByMetadataName(MaskedTextName);
            PersonalDataAttribute = compilation.GetTypeByMetadataName(PersonalDataAttributeName);
            DataClassificationAttribute = compilation.GetTypeByMetadataName(DataClassificationAttributeName);
            NoDataClassificationAttribute = compilation.GetTypeByMetadataName(NoDataClassificationAttributeName);
            NotPiiAttribute = compilation.GetTypeByMetadataName(NotPiiAttributeName);
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

        /// <summary>PiiGuard.MaskedText, which the generated code calls; absent from runtimes older than the generator.</summary>
        public INamedTypeSymbol? MaskedText { get; }

        public INamedTypeSymbol? PersonalDataAttribute { get; }

        public INamedTypeSymbol? DataClassificationAttribute { get; }

        public INamedTypeSymbol? NoDataClassificationAttribute { get; }

        public INamedTypeSymbol? NotPiiAttribute { get; }

        /// <summary>Whether unannotated members and parameters named like personal data are sources (<c>PiiGuardDiscovery=names</c>).</summary>
        public bool DiscoversNames => _discovery != null;

        /// <summary>
        /// Whether any personal-data attribute is known to the compilation (or names are discovered); when none is, nothing
        /// can be personal.
        /// </summary>
        public bool HasAnySource => _discovery != null || PiiAttribute != null || PersonalDataAttribute != null || DataClassificationAttribute != null;

        private static readonly ConditionalWeakTable<Compilation, PiiSymbols> PerCompilation = new ConditionalWeakTable<Compilation, PiiSymbols>();
        private static readonly ConditionalWeakTable<Compilation, PiiSymbols> PerCompilationWithDiscovery = new ConditionalWeakTable<Compilation, PiiSymbols>();

        /// <summary>
        /// The vocabulary of a compilation, resolved once and shared by every analyzer and the generator, so the
        /// well-known types are looked up and each member's annotation is read once per compilation, not once per
        /// analyzer (or, in the generator, once per [GenerateMasking] type).
        /// </summary>
        public static PiiSymbols Create(Compilation compilation) => PerCompilation.GetValue(compilation, c => new PiiSymbols(c));

        /// <summary>
        /// The vocabulary of a compilation with name-based discovery on or off (see <see cref="DiscoveryOption"/>); off is
        /// <see cref="Create(Compilation)"/>. The discovery view never changes what the generator masks: the generator
        /// uses the annotation-only view.
        /// </summary>
        public static PiiSymbols Create(Compilation compilation, bool discoverNames) =>
            discoverNames ? PerCompilationWithDiscovery.GetValue(compilation, c => new PiiSymbols(c, Create(c))) : Create(compilation);

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

            if (_annotations != null)
            {
                return _annotations.GetPii(symbol) ?? _cache.GetOrAdd(symbol.OriginalDefinition, _compute);
            }

            return _cache.GetOrAdd(symbol.OriginalDefinition, _compute);
        }

        /// <summary>
        /// Whether the symbol is declared not personal data: <c>[NotPii]</c> or <c>[NoDataClassification]</c> on it (for a
        /// positional record property, on its parameter too), on the type that declares it (for a parameter, the type of its
        /// method) or on a type enclosing that one.
        /// </summary>
        public bool IsDeclaredNotPersonal(ISymbol symbol)
        {
            if (NotPiiAttribute is null && NoDataClassificationAttribute is null)
            {
                return false;
            }

            symbol = symbol.OriginalDefinition;
            if (HasNotPersonalAttribute(symbol) || (symbol is IPropertySymbol property && PositionalParameter(property) is { } parameter && HasNotPersonalAttribute(parameter)))
            {
                return true;
            }

            INamedTypeSymbol? type = symbol is IParameterSymbol { ContainingSymbol: { } owner } ? owner.ContainingType : symbol as INamedTypeSymbol ?? symbol.ContainingType;
            for (; type != null; type = type.ContainingType)
            {
                if (HasNotPersonalAttribute(type))
                {
                    return true;
                }
            }

            return false;
        }

        private bool HasNotPersonalAttribute(ISymbol symbol)
        {
            foreach (AttributeData attribute in symbol.GetAttributes())
            {
                if (attribute.AttributeClass is { } c
                    && (SymbolEqualityComparer.Default.Equals(c, NotPiiAttribute) || SymbolEqualityComparer.Default.Equals(c, NoDataClassificationAttribute)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Discovery view: an unannotated member or parameter recognised by its name, unless declared not personal.</summary>
        private PiiInfo? ComputeInferred(ISymbol symbol)
        {
            switch (symbol)
            {
                case IMethodSymbol { MethodKind: MethodKind.PropertyGet, AssociatedSymbol: IPropertySymbol getterOf }:
                    return GetPii(getterOf);
                case IFieldSymbol { AssociatedSymbol: IPropertySymbol backingOf }:
                    return GetPii(backingOf);
                case IPropertySymbol:
                case IFieldSymbol:
                case IParameterSymbol:
                    if (_discovery!.RecogniseSource(symbol) is not { } match || IsDeclaredNotPersonal(symbol))
                    {
                        return null;
                    }

                    int kind = PiiKindInfo.FromName(match.Kind);
                    return kind < 0 ? null : new PiiInfo(kind, PiiKindInfo.IsSensitiveByDefault(kind), 0, inferred: true);
                default:
                    return null;
            }
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
        private PiiInfo? FromPositionalParameter(IPropertySymbol property) =>
            PositionalParameter(property) is { } parameter ? FromAttributes(parameter, parameter.GetAttributes()) : null;

        /// <summary>The positional record parameter that declares a property, or null.</summary>
        private static IParameterSymbol? PositionalParameter(IPropertySymbol property)
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
                        return parameter;
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
