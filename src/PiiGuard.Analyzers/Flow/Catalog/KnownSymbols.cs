using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PiiGuard.Analyzers.Core;
using PiiGuard.Analyzers.Flow.Catalog;

namespace PiiGuard.Analyzers.Flow
{
    /// <summary>
    /// The symbol map of one compilation and one configuration: the catalogue (<see cref="CatalogMap"/>), the project's
    /// <c>piiguard.sinks</c> and <c>piiguard.sanitizers</c>, and the attributes that make a method a sink or a sanitizer
    /// ([PiiSink], [PiiSanitizer], [LoggerMessage]), answering "what is this method, property or type?" once per symbol.
    /// The engine asks only this class; every library name lives in the catalogue's family files.
    /// </summary>
    internal sealed class KnownSymbols
    {
        private readonly ConcurrentDictionary<IMethodSymbol, Sink?> _methodSinks = SymbolCache.Create<IMethodSymbol, Sink?>();
        private readonly ConcurrentDictionary<IPropertySymbol, Sink?> _propertySinks = SymbolCache.Create<IPropertySymbol, Sink?>();
        private readonly ConcurrentDictionary<IMethodSymbol, MethodRole> _roles = SymbolCache.Create<IMethodSymbol, MethodRole>();
        private readonly ConcurrentDictionary<ISymbol, SourceRow?> _sources = SymbolCache.Create<ISymbol, SourceRow?>();
        private readonly Func<ISymbol, SourceRow?> _computeSource;
        private readonly ConcurrentDictionary<ITypeSymbol, int> _typeRoles = SymbolCache.Create<ITypeSymbol, int>();
        private readonly Func<ITypeSymbol, int> _computeTypeRoles;
        private readonly Func<IMethodSymbol, Sink?> _computeMethodSink;
        private readonly Func<IPropertySymbol, Sink?> _computePropertySink;
        private readonly Func<IMethodSymbol, MethodRole> _computeRole;

        /// <param name="compilation">The compilation.</param>
        /// <param name="pii">Its personal-data vocabulary.</param>
        /// <param name="options">The project's piiguard.* configuration.</param>
        /// <param name="userIdsArePersonal">Whether a user's own key (GetUserId, IdentityUser.Id) is a source: the <c>strict</c> preset.</param>
        /// <param name="userCatalog">The project's own catalogue rows (piiguard.catalog files).</param>
        public KnownSymbols(Compilation compilation, PiiSymbols pii, PiiGuardOptions options, bool userIdsArePersonal = false, UserCatalog? userCatalog = null)
        {
            UserCatalog = userCatalog ?? UserCatalog.Empty;
            _computeSource = ComputeSource;
            _computeTypeRoles = ComputeTypeRoles;
            UserIdsArePersonal = userIdsArePersonal;
            _computeMethodSink = ComputeMethodSink;
            _computePropertySink = ComputePropertySink;
            _computeRole = ComputeRole;
            Pii = pii;
            Options = options;
            Compilation = compilation;
            Catalog = CatalogMap.ForCompilation(compilation);
            Exception = compilation.GetTypeByMetadataName("System.Exception");
            LoggerMessageAttribute = compilation.GetTypeByMetadataName(LoggingSinks.LoggerMessageAttribute);
            KeyedHashAlgorithm = compilation.GetTypeByMetadataName(Sanitizers.KeyedHashAlgorithm);
        }

        public Compilation Compilation { get; }

        public PiiSymbols Pii { get; }

        public PiiGuardOptions Options { get; }

        /// <summary>The project's own sinks, sources and sanitizers (piiguard.catalog files).</summary>
        public UserCatalog UserCatalog { get; }

        /// <summary>Whether pseudonymous sources (a user's own key) are reported: the <c>strict</c> preset.</summary>
        public bool UserIdsArePersonal { get; }

        /// <summary>System.Exception: a catch of it takes every exception.</summary>
        public INamedTypeSymbol? Exception { get; }

        /// <summary>The catalogue's rows resolved against this compilation.</summary>
        public CatalogMap Catalog { get; }

        /// <summary>Methods with this attribute are generated logging methods: their parameters are sinks unless classified for redaction.</summary>
        public INamedTypeSymbol? LoggerMessageAttribute { get; }

        /// <summary>A keyed hash (HMAC) called through its base class's methods is still keyed: the receiver's type decides.</summary>
        public INamedTypeSymbol? KeyedHashAlgorithm { get; }

        /// <summary>The sink a method or constructor is, or null.</summary>
        public Sink? GetMethodSink(IMethodSymbol method) =>
            _methodSinks.GetOrAdd(method.MethodKind == MethodKind.DelegateInvoke ? method : method.OriginalDefinition, _computeMethodSink);

        /// <summary>The sink a property setter (or indexer) is, or null.</summary>
        public Sink? GetPropertySink(IPropertySymbol property) => _propertySinks.GetOrAdd(property.OriginalDefinition, _computePropertySink);

        /// <summary>The sink of a collection-valued property whose entries leave the program (Exception.Data, ServiceBusMessage.ApplicationProperties).</summary>
        public Sink? GetContainerSink(IPropertySymbol property) => Catalog.GetContainerSink(property);

        /// <summary>The sink a method called on a property's value is (<c>Console.Out.WriteLine</c>).</summary>
        public Sink? GetReceiverSink(IPropertySymbol receiver, IMethodSymbol method) => Catalog.GetReceiverSink(receiver, method);

        /// <summary>What a method does to the data it is given.</summary>
        public MethodRole GetRole(IMethodSymbol method) => _roles.GetOrAdd(method.OriginalDefinition, _computeRole);

        /// <summary>A stream or writer that a serializer writes into: after the call it holds the serialised value.</summary>
        public bool IsSerializationTarget(ITypeSymbol? type) => HasTypeRole(type, TypeRole.SerializationTarget);

        /// <summary>A parameter of this type is never a sink (an exception, an event id, a cancellation token, a logger).</summary>
        public bool IsNotSinkParameter(ITypeSymbol type) => HasTypeRole(type, TypeRole.NotSinkParameter);

        /// <summary>A value of this type carries no personal data (an Identity result).</summary>
        public bool IsNotCarrier(ITypeSymbol? type) => HasTypeRole(type, TypeRole.NotCarrier);

        /// <summary>
        /// The type rows' answer for a type, cached per type: the walker asks for every sink argument and call result,
        /// and the rows are matched by inheritance (one flag per <see cref="TypeRole"/>).
        /// </summary>
        private bool HasTypeRole(ITypeSymbol? type, TypeRole role) =>
            type != null && (_typeRoles.GetOrAdd(type, _computeTypeRoles) & (1 << (int)role)) != 0;

        private int ComputeTypeRoles(ITypeSymbol type)
        {
            int roles = 0;
            foreach (TypeRole role in new[] { TypeRole.SerializationTarget, TypeRole.NotSinkParameter, TypeRole.NotCarrier })
            {
                if (Catalog.HasTypeRole(type, role))
                {
                    roles |= 1 << (int)role;
                }
            }

            return roles;
        }

        /// <summary>Whether a keyed hash algorithm's type is (or derives from) a keyed one.</summary>
        public bool IsKeyedHash(ITypeSymbol? type) => KeyedHashAlgorithm != null && InheritsFrom(type, KeyedHashAlgorithm);

        /// <summary>
        /// The personal datum a property, indexer or method returns because of the API it is (a framework source), or
        /// null. A keyed source (a claim by type, a header by name) is a source only for a constant key that its row
        /// names: <paramref name="arguments"/> are the call's or indexer's arguments.
        /// </summary>
        public Taint? GetSource(ISymbol member, ImmutableArray<IArgumentOperation> arguments)
        {
            if (!UserCatalog.Sources.IsEmpty && UserCatalog.Sources.TryGetValue(member.OriginalDefinition, out int userKind))
            {
                string display = member.ContainingType is { } containing ? DisplayNames.TypeName(containing) + "." + member.Name : member.Name;
                return Taint.Source(display, new PiiInfo(userKind, PiiKindInfo.IsSensitiveByDefault(userKind), 0), member);
            }

            // Most members read are no source: their names rule them out before the shared cache (whose adds, one per
            // member symbol the walks meet, made analysis threads wait on each other's locks; issue 18).
            if (!Catalog.MayBeSourceName(member is IPropertySymbol { IsIndexer: true } ? "this[]" : member.Name)
                || _sources.GetOrAdd(member.OriginalDefinition, _computeSource) is not { } row)
            {
                return null;
            }

            string? key = null;
            int kind = row.Kind;
            if (row.KeyParameter != null)
            {
                key = KeyOf(row.KeyParameter, arguments);
                kind = row.KindOf(key);
                if (kind < 0)
                {
                    return null;
                }
            }

            return Taint.Source(row.DisplayFor(member.Name, key), new PiiInfo(kind, PiiKindInfo.IsSensitiveByDefault(kind), 0), member);
        }

        /// <summary>A member of a framework object that describes it rather than carries its value (a claim's type).</summary>
        public bool IsBarrier(ISymbol member) => Catalog.IsBarrier(member);

        private SourceRow? ComputeSource(ISymbol member)
        {
            SourceShape shape = member switch
            {
                IPropertySymbol { IsIndexer: true } => SourceShape.Indexer,
                IPropertySymbol => SourceShape.Property,
                IMethodSymbol => SourceShape.Method,
                _ => (SourceShape)(-1),
            };

            if ((int)shape < 0 || Catalog.GetSource(member, shape) is not { } row || (row.Pseudonymous && !UserIdsArePersonal))
            {
                return null;
            }

            return row;
        }

        /// <summary>
        /// The constant a key argument holds: a literal or a constant (ClaimTypes.Email), or the name of a static
        /// readonly field (HeaderNames.XForwardedFor, which is not a constant).
        /// </summary>
        private static string? KeyOf(string parameterName, ImmutableArray<IArgumentOperation> arguments)
        {
            foreach (IArgumentOperation argument in arguments)
            {
                if (argument.Parameter?.Name != parameterName && !(argument.Parameter?.Ordinal == 0 && arguments.Length == 1))
                {
                    continue;
                }

                IOperation value = argument.Value;
                while (value is IConversionOperation conversion)
                {
                    value = conversion.Operand;
                }

                if (value.ConstantValue is { HasValue: true, Value: string constant })
                {
                    return constant;
                }

                if (value is IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: true } field })
                {
                    return field.Name;
                }
            }

            return null;
        }

        public static bool InheritsFrom(ITypeSymbol? type, INamedTypeSymbol baseType)
        {
            for (ITypeSymbol? t = type; t != null; t = t.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, baseType))
                {
                    return true;
                }
            }

            return false;
        }

        private Sink? ComputeMethodSink(IMethodSymbol method)
        {
            if (Options.Sinks.TryGetValue(method, out SinkRule configured))
            {
                return new Sink(configured, method.ContainingType.Name + "." + method.Name);
            }

            if (UserCatalog.Sinks.TryGetValue(method, out Sink? cataloged))
            {
                return cataloged;
            }

            if (Pii.PiiSinkAttribute != null && HasAttribute(method, Pii.PiiSinkAttribute))
            {
                return new Sink(SinkRule.Egress, method.ContainingType.Name + "." + method.Name);
            }

            if (Pii.PiiSinkAttribute != null)
            {
                ImmutableHashSet<string>.Builder? names = null;
                foreach (IParameterSymbol parameter in method.Parameters)
                {
                    if (HasAttribute(parameter, Pii.PiiSinkAttribute))
                    {
                        (names ??= ImmutableHashSet.CreateBuilder<string>()).Add(parameter.Name);
                    }
                }

                if (names != null)
                {
                    return new Sink(SinkRule.Egress, method.ContainingType.Name + "." + method.Name, names.ToImmutable());
                }
            }

            if (LoggerMessageAttribute != null && HasAttribute(method, LoggerMessageAttribute))
            {
                ImmutableHashSet<string>.Builder names = ImmutableHashSet.CreateBuilder<string>();
                foreach (IParameterSymbol parameter in method.Parameters)
                {
                    if (!IsClassifiedForRedaction(parameter))
                    {
                        names.Add(parameter.Name);
                    }
                }

                return new Sink(SinkRule.Log, method.ContainingType.Name + "." + method.Name, names.ToImmutable());
            }

            return Catalog.GetMethodSink(method);
        }

        private Sink? ComputePropertySink(IPropertySymbol property) => Catalog.GetPropertySink(property);

        private bool IsClassifiedForRedaction(IParameterSymbol parameter)
        {
            if (Pii.DataClassificationAttribute is null)
            {
                return false;
            }

            foreach (AttributeData attribute in parameter.GetAttributes())
            {
                if (attribute.AttributeClass != null && InheritsFrom(attribute.AttributeClass, Pii.DataClassificationAttribute))
                {
                    return true;
                }
            }

            return false;
        }

        private MethodRole ComputeRole(IMethodSymbol method)
        {
            if (method.ContainingType is null)
            {
                return MethodRole.None;
            }

            if (Options.Sanitizers.Contains(method) || UserCatalog.Sanitizers.Contains(method)
                || (method.Name == "ToMaskedString" && method.Parameters.Length == 0)
                || (Pii.PiiSanitizerAttribute != null && HasAttribute(method, Pii.PiiSanitizerAttribute)))
            {
                return MethodRole.Sanitizer;
            }

            return Catalog.GetRole(method);
        }

        public static bool HasAttribute(ISymbol symbol, INamedTypeSymbol attribute)
        {
            foreach (AttributeData data in symbol.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
