using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace PiiGuard.Analyzers.Flow.Catalog
{
    /// <summary>
    /// The catalogue resolved against one compilation: each row's type looked up once, the rows indexed by type (or, for
    /// containers and receivers, by property). Rows whose type the compilation does not reference are dropped. Answers
    /// are not cached here: <see cref="KnownSymbols"/> caches them per symbol.
    /// </summary>
    internal sealed class CatalogMap
    {
        private static readonly ConditionalWeakTable<Compilation, CatalogMap> BuiltIn = new ConditionalWeakTable<Compilation, CatalogMap>();

        private readonly Dictionary<INamedTypeSymbol, List<SinkRow>> _methodSinks = new Dictionary<INamedTypeSymbol, List<SinkRow>>(SymbolEqualityComparer.Default);
        private readonly Dictionary<INamedTypeSymbol, List<SinkRow>> _propertySinks = new Dictionary<INamedTypeSymbol, List<SinkRow>>(SymbolEqualityComparer.Default);
        private readonly Dictionary<IPropertySymbol, Sink> _containers = new Dictionary<IPropertySymbol, Sink>(SymbolEqualityComparer.Default);
        private readonly Dictionary<IPropertySymbol, SinkRow> _receivers = new Dictionary<IPropertySymbol, SinkRow>(SymbolEqualityComparer.Default);
        private readonly List<(INamedTypeSymbol Type, SinkRow Row)> _delegateSinks = new List<(INamedTypeSymbol, SinkRow)>();
        private readonly List<(INamedTypeSymbol Type, RoleRow Row)> _roles = new List<(INamedTypeSymbol, RoleRow)>();
        private readonly List<(INamedTypeSymbol Type, TypeRow Row)> _types = new List<(INamedTypeSymbol, TypeRow)>();
        private readonly Dictionary<INamedTypeSymbol, List<SourceRow>> _sources = new Dictionary<INamedTypeSymbol, List<SourceRow>>(SymbolEqualityComparer.Default);
        private readonly List<(INamedTypeSymbol Type, SourceRow Row)> _inheritedSources = new List<(INamedTypeSymbol, SourceRow)>();
        private readonly Dictionary<INamedTypeSymbol, List<BarrierRow>> _barriers = new Dictionary<INamedTypeSymbol, List<BarrierRow>>(SymbolEqualityComparer.Default);
        private readonly Compilation _compilation;

        /// <summary>Every member name a resolved source row names (<c>this[]</c> for indexers); null when a row has a wildcard.</summary>
        private readonly HashSet<string>? _sourceNames;

        private CatalogMap(Compilation compilation, BuiltInCatalog catalog)
        {
            _compilation = compilation;
            foreach (SinkRow row in catalog.Sinks)
            {
                AddSink(row);
            }

            foreach (RoleRow row in catalog.Roles)
            {
                if (ResolveType(row.Type) is { } type)
                {
                    _roles.Add((type, row));
                }
            }

            foreach (TypeRow row in catalog.Types)
            {
                if (ResolveType(row.Type) is { } type)
                {
                    _types.Add((type, row));
                }
            }

            foreach (SourceRow row in catalog.Sources)
            {
                AddSource(row);
            }

            _sourceNames = SourceNames(_sources.Values);

            foreach (BarrierRow row in catalog.Barriers)
            {
                if (ResolveType(row.Type) is { } type)
                {
                    GetList(_barriers, type).Add(row);
                }
            }
        }

        /// <summary>The built-in catalogue resolved against a compilation, once per compilation.</summary>
        public static CatalogMap ForCompilation(Compilation compilation) => BuiltIn.GetValue(compilation, c => new CatalogMap(c, BuiltInCatalog.Instance));

        /// <summary>The source rows whose type the compilation references.</summary>
        public IEnumerable<SourceRow> ResolvedSources
        {
            get
            {
                foreach (List<SourceRow> rows in _sources.Values)
                {
                    foreach (SourceRow row in rows)
                    {
                        yield return row;
                    }
                }
            }
        }

        private static HashSet<string>? SourceNames(IEnumerable<List<SourceRow>> resolved)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (List<SourceRow> rows in resolved)
            {
                foreach (SourceRow row in rows)
                {
                    ImmutableArray<string> exact = row.Members.ExactNames;
                    if (exact.IsEmpty)
                    {
                        return null; // a wildcard row: any name may be a source
                    }

                    names.UnionWith(exact);
                }
            }

            return names;
        }

        /// <summary>
        /// Whether a member of this name can be a framework source, from the names of the resolved rows alone: the walker
        /// asks for every member it reads, and the answer for most (no row names them) needs no symbol and no shared cache.
        /// </summary>
        public bool MayBeSourceName(string name) => _sourceNames is null || _sourceNames.Contains(name);

        /// <summary>Whether any framework source type is referenced: then the leak analysis has something to find even without annotations.</summary>
        public bool HasSources => _sources.Count > 0 || _inheritedSources.Count > 0;

        /// <summary>
        /// The catalogue's types as this compilation resolves them, each looked up once (several rows name the same type, and
        /// the effect-name closure asks for every row's type again): the compilation's own cache of metadata-name lookups is
        /// small, and the IDE resolves the catalogue on every new compilation (issue 18).
        /// </summary>
        private readonly ConcurrentDictionary<string, INamedTypeSymbol?> _resolved = new ConcurrentDictionary<string, INamedTypeSymbol?>(StringComparer.Ordinal);

        /// <summary>A catalogue type by its metadata name, as this compilation resolves it (null when it does not).</summary>
        public INamedTypeSymbol? ResolveType(string metadataName) =>
            _resolved.TryGetValue(metadataName, out INamedTypeSymbol? type) ? type : _resolved.GetOrAdd(metadataName, _compilation.GetTypeByMetadataName(metadataName));

        private static List<T> GetList<T>(Dictionary<INamedTypeSymbol, List<T>> map, INamedTypeSymbol type)
        {
            if (!map.TryGetValue(type, out List<T>? list))
            {
                list = new List<T>();
                map[type] = list;
            }

            return list;
        }

        private void AddSink(SinkRow row)
        {
            if (ResolveType(row.Type) is not { } type)
            {
                return;
            }

            switch (row.Shape)
            {
                case SinkShape.Method:
                case SinkShape.Constructor:
                    GetList(_methodSinks, type).Add(row);
                    break;
                case SinkShape.Property:
                    GetList(_propertySinks, type).Add(row);
                    break;
                case SinkShape.DelegateFirstParameter:
                    _delegateSinks.Add((type, row));
                    break;
                case SinkShape.Container:
                case SinkShape.Receiver:
                    foreach (ISymbol member in type.GetMembers())
                    {
                        if (member is IPropertySymbol property && row.Members.Matches(property.Name))
                        {
                            if (row.Shape == SinkShape.Container)
                            {
                                _containers[property] = row.ToSink(property);
                            }
                            else
                            {
                                _receivers[property] = row;
                            }
                        }
                    }

                    break;
            }
        }

        private void AddSource(SourceRow row)
        {
            if (ResolveType(row.Type) is not { } type)
            {
                return;
            }

            GetList(_sources, type).Add(row);
            if (row.Inherit)
            {
                _inheritedSources.Add((type, row));
            }
        }

        /// <summary>
        /// The sink a method or constructor is by the catalogue. A method is looked up by the type that declares it; a
        /// constructor also by its base types, and the first type with rows decides (every exception's constructors).
        /// </summary>
        public Sink? GetMethodSink(IMethodSymbol method)
        {
            if (method.MethodKind == MethodKind.DelegateInvoke)
            {
                if (method.Parameters.Length > 0)
                {
                    foreach ((INamedTypeSymbol type, SinkRow row) in _delegateSinks)
                    {
                        if (SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, type))
                        {
                            return row.ToSink(method);
                        }
                    }
                }

                return null;
            }

            bool constructor = method.MethodKind == MethodKind.Constructor;
            SinkShape shape = constructor ? SinkShape.Constructor : SinkShape.Method;
            for (INamedTypeSymbol? type = method.ContainingType; type != null; type = type.BaseType)
            {
                if (_methodSinks.TryGetValue(type.OriginalDefinition, out List<SinkRow>? rows))
                {
                    foreach (SinkRow row in rows)
                    {
                        if (row.Shape == shape && row.Matches(method))
                        {
                            return row.ToSink(method);
                        }
                    }

                    return null;
                }

                if (!constructor)
                {
                    break;
                }
            }

            return null;
        }

        /// <summary>The sink a property setter or indexer (<c>this[]</c>) is, by the type that declares it.</summary>
        public Sink? GetPropertySink(IPropertySymbol property)
        {
            if (property.ContainingType is { } type && _propertySinks.TryGetValue(type.OriginalDefinition, out List<SinkRow>? rows))
            {
                foreach (SinkRow row in rows)
                {
                    if (row.Matches(property))
                    {
                        return row.ToSink(property);
                    }
                }
            }

            return null;
        }

        /// <summary>The sink of a collection-valued property whose entries leave the program (Exception.Data).</summary>
        public Sink? GetContainerSink(IPropertySymbol property) => _containers.TryGetValue(property.OriginalDefinition, out Sink? sink) ? sink : null;

        /// <summary>The sink a method called on a property's value is (<c>Console.Out.WriteLine</c>).</summary>
        public Sink? GetReceiverSink(IPropertySymbol receiver, IMethodSymbol method) =>
            _receivers.TryGetValue(receiver.OriginalDefinition, out SinkRow? row) && row.ReceiverMethods!.Matches(method.Name) ? row.ToSink(method, receiver.Name) : null;

        /// <summary>The role of a method by the catalogue's rows, tried in order.</summary>
        public MethodRole GetRole(IMethodSymbol method)
        {
            INamedTypeSymbol? declaring = method.ContainingType;
            if (declaring is null)
            {
                return MethodRole.None;
            }

            foreach ((INamedTypeSymbol type, RoleRow row) in _roles)
            {
                if (row.Members.Matches(method.Name) && (row.Inherit ? KnownSymbols.InheritsFrom(declaring, type) : SymbolEqualityComparer.Default.Equals(declaring, type)))
                {
                    return row.Role;
                }
            }

            return MethodRole.None;
        }

        /// <summary>Whether a type has a role by a type row (itself, or by inheritance where the row says so).</summary>
        public bool HasTypeRole(ITypeSymbol? type, TypeRole role)
        {
            if (type is null)
            {
                return false;
            }

            foreach ((INamedTypeSymbol known, TypeRow row) in _types)
            {
                if (row.Role == role && (row.Inherit ? KnownSymbols.InheritsFrom(type, known) : SymbolEqualityComparer.Default.Equals(type, known)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The source row a property, indexer or method is, if any (found by the declaring type, or a base type for rows that inherit).</summary>
        public SourceRow? GetSource(ISymbol member, SourceShape shape)
        {
            INamedTypeSymbol? declaring = member.ContainingType?.OriginalDefinition;
            if (declaring is null)
            {
                return null;
            }

            string name = member is IPropertySymbol { IsIndexer: true } ? "this[]" : member.Name;
            if (_sources.TryGetValue(declaring, out List<SourceRow>? rows))
            {
                foreach (SourceRow row in rows)
                {
                    if (row.Shape == shape && row.Members.Matches(name))
                    {
                        return row;
                    }
                }
            }

            foreach ((INamedTypeSymbol type, SourceRow row) in _inheritedSources)
            {
                if (row.Shape == shape && row.Members.Matches(name) && !SymbolEqualityComparer.Default.Equals(declaring, type) && Implements(declaring, type))
                {
                    return row;
                }
            }

            return null;
        }

        /// <summary>Whether a member of a framework object describes it rather than carries its value (a claim's type).</summary>
        public bool IsBarrier(ISymbol member) =>
            member.ContainingType is { } type && _barriers.TryGetValue(type.OriginalDefinition, out List<BarrierRow>? rows) && rows.Exists(r => r.Members.Matches(member.Name));

        private static bool Implements(INamedTypeSymbol type, INamedTypeSymbol baseOrInterface)
        {
            if (baseOrInterface.TypeKind == TypeKind.Interface)
            {
                foreach (INamedTypeSymbol implemented in type.AllInterfaces)
                {
                    if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, baseOrInterface))
                    {
                        return true;
                    }
                }

                return false;
            }

            return KnownSymbols.InheritsFrom(type, baseOrInterface);
        }
    }

    /// <summary>Every row of the catalogue: the built-in families, optionally with a project's own rows in front.</summary>
    internal sealed class BuiltInCatalog
    {
        public static readonly BuiltInCatalog Instance = new BuiltInCatalog(
            LoggingSinks.Rows.AddRange(EgressSinks.Rows).AddRange(TelemetrySinks.Rows).AddRange(ExceptionSinks.Rows),
            Sanitizers.Rows.AddRange(Serializers.Rows),
            Serializers.Targets.AddRange(NonCarriers.Types),
            FrameworkSources.Rows,
            NonCarriers.Members);

        public BuiltInCatalog(ImmutableArray<SinkRow> sinks, ImmutableArray<RoleRow> roles, ImmutableArray<TypeRow> types, ImmutableArray<SourceRow> sources, ImmutableArray<BarrierRow> barriers)
        {
            Sinks = sinks;
            Roles = roles;
            Types = types;
            Sources = sources;
            Barriers = barriers;
        }

        public ImmutableArray<SinkRow> Sinks { get; }

        public ImmutableArray<RoleRow> Roles { get; }

        public ImmutableArray<TypeRow> Types { get; }

        public ImmutableArray<SourceRow> Sources { get; }

        public ImmutableArray<BarrierRow> Barriers { get; }

    }
}
