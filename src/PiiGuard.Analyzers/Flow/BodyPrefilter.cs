using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using PiiGuard.Analyzers.Core;
using PiiGuard.Analyzers.Flow.Catalog;

namespace PiiGuard.Analyzers.Flow
{
    /// <summary>
    /// Decides, from syntax and declarations only, which member bodies can hold a leak, so that the others are never bound.
    /// Binding a body and building its operation tree is most of what a flow analyzer costs a build (issue 18: an empty
    /// operation-block analyzer alone costs more than PiiGuard's whole walk); most bodies of real code touch no personal
    /// data at all.
    /// <para>
    /// A leak needs personal data in the body. Personal data enters a body only through a name the body mentions: a
    /// personal member (<c>customer.Email</c>, or an unannotated one found by its name under discovery), a framework
    /// source (<c>Identity</c>, <c>FindFirstValue</c>, <c>RemoteIpAddress</c>, <c>Headers</c>: <see cref="SourceRow.Mentions"/>),
    /// a type holding personal members (a parameter <c>Customer c</c> logged whole), a method, property or field whose own
    /// declaration mentions such a name (it may return or hold the data: the closure below), a personal parameter of the
    /// member itself, or <c>this</c> in a type with personal members. The set of such names is computed once per
    /// compilation as a closure over every member declaration's identifiers (each tree's identifiers are indexed once and
    /// cached with the tree, so an edit in the IDE re-indexes one file). A body that mentions none of them is skipped.
    /// </para>
    /// <para>
    /// The filter only ever errs towards analysing: unknown shapes (a member it cannot place, a catalogue row with a
    /// wildcard name) analyse everything.
    /// </para>
    /// </summary>
    internal sealed class BodyPrefilter
    {
        private static readonly ConditionalWeakTable<SyntaxTree, TreeIndex> Trees = new ConditionalWeakTable<SyntaxTree, TreeIndex>();
        private static readonly ConditionalWeakTable<SyntaxTree, TreeIndex>.CreateValueCallback IndexTree = tree => new TreeIndex(tree);
        private static readonly ConditionalWeakTable<IAssemblySymbol, ReferencedNames> Annotated = new ConditionalWeakTable<IAssemblySymbol, ReferencedNames>();

        private readonly Compilation _compilation;
        private readonly PiiSymbols _pii;
        private readonly CatalogMap _catalog;
        private readonly UserCatalog _userCatalog;
        private readonly bool _userIdsArePersonal;
        private readonly object _gate = new object();
        private HashSet<string>? _relevant;
        private bool _computed;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<INamedTypeSymbol, bool> _personalTypes =
            new System.Collections.Concurrent.ConcurrentDictionary<INamedTypeSymbol, bool>(SymbolEqualityComparer.Default);

        public BodyPrefilter(Compilation compilation, PiiSymbols pii, UserCatalog userCatalog, bool userIdsArePersonal)
        {
            _compilation = compilation;
            _pii = pii;
            _catalog = CatalogMap.ForCompilation(compilation);
            _userCatalog = userCatalog;
            _userIdsArePersonal = userIdsArePersonal;
        }

        /// <summary>Whether the body of <paramref name="owner"/> at <paramref name="block"/> may hold a leak and must be analysed.</summary>
        public bool MayLeak(ISymbol owner, SyntaxNode block, CancellationToken cancellationToken)
        {
            HashSet<string>? relevant = RelevantNames(cancellationToken);
            if (relevant is null)
            {
                return true; // a source the filter cannot express: analyse everything
            }

            TreeIndex index = Trees.GetValue(block.SyntaxTree, IndexTree);
            if (index.Find(block.Span) is not { } member || member.MentionsAny(relevant))
            {
                return true;
            }

            if (owner is IMethodSymbol method)
            {
                foreach (IParameterSymbol parameter in method.Parameters)
                {
                    if (_pii.GetPii(parameter) != null)
                    {
                        return true;
                    }
                }

                if (method.AssociatedSymbol is IPropertySymbol { Parameters.Length: > 0 } indexer)
                {
                    foreach (IParameterSymbol parameter in indexer.Parameters)
                    {
                        if (_pii.GetPii(parameter) != null)
                        {
                            return true;
                        }
                    }
                }
            }

            // `this` logged whole, or handed to a helper, in a type that holds personal members.
            return owner.ContainingType is { } type && !owner.IsStatic && HoldsPersonalMembers(type);
        }

        private bool HoldsPersonalMembers(INamedTypeSymbol type) => _personalTypes.GetOrAdd(type, t =>
        {
            for (INamedTypeSymbol? current = t; current != null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                foreach (ISymbol member in current.GetMembers())
                {
                    if (member is IPropertySymbol or IFieldSymbol && !member.IsStatic && _pii.GetPii(member) != null)
                    {
                        return true;
                    }
                }
            }

            return false;
        });

        /// <summary>Computed once per compilation; a cancelled computation is not kept, so the next body computes it again.</summary>
        private HashSet<string>? RelevantNames(CancellationToken cancellationToken)
        {
            if (Volatile.Read(ref _computed))
            {
                return _relevant;
            }

            lock (_gate)
            {
                if (!_computed)
                {
                    _relevant = ComputeRelevantNames(cancellationToken);
                    Volatile.Write(ref _computed, true);
                }

                return _relevant;
            }
        }

        /// <summary>The closure of names through which personal data can enter a body; null when no filter applies.</summary>
        private HashSet<string>? ComputeRelevantNames(CancellationToken cancellationToken)
        {
            var seeds = new HashSet<string>(StringComparer.Ordinal);
            if (!AddSourceMentions(seeds))
            {
                return null;
            }

            var indexes = new List<TreeIndex>();
            foreach (SyntaxTree tree in _compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                indexes.Add(Trees.GetValue(tree, IndexTree));
            }

            // Members of the compilation that are personal: annotated ones (any attribute, or an override of an annotated
            // property) are checked by their symbols; under discovery every name PII008's vocabulary recognises counts.
            var candidates = new HashSet<string>(StringComparer.Ordinal);
            foreach (TreeIndex index in indexes)
            {
                candidates.UnionWith(index.AnnotatedNames);
            }

            if (candidates.Count > 0)
            {
                foreach (ISymbol symbol in _compilation.GetSymbolsWithName(candidates.Contains, SymbolFilter.Member, cancellationToken))
                {
                    if (symbol is IPropertySymbol or IFieldSymbol or IEventSymbol or IMethodSymbol && _pii.GetPii(symbol) != null)
                    {
                        seeds.Add(symbol.Name);
                        if (symbol.ContainingType != null)
                        {
                            seeds.Add(symbol.ContainingType.Name);
                        }
                    }
                }
            }

            if (_pii.DiscoversNames)
            {
                var checkedNames = new HashSet<string>(StringComparer.Ordinal);
                foreach (TreeIndex index in indexes)
                {
                    foreach (string name in index.AllMentions)
                    {
                        if (checkedNames.Add(name) && PersonalDataNames.Recognise(name) != null)
                        {
                            seeds.Add(name);
                        }
                    }
                }
            }

            PiiSymbols annotations = PiiSymbols.Create(_compilation); // annotations only: names are discovered above

            // Referenced assemblies: the personal members of those that can declare them (they reference PiiGuard, Identity or
            // the compliance abstractions), and the methods another assembly recorded summaries for.
            foreach (IAssemblySymbol assembly in _compilation.SourceModule.ReferencedAssemblySymbols)
            {
                cancellationToken.ThrowIfCancellationRequested();
                seeds.UnionWith(Annotated.GetValue(assembly, a => new ReferencedNames(a, annotations)).Names);
            }

            return Close(seeds, indexes);
        }

        /// <summary>Adds what a body must mention to read a catalogue source; false when a row cannot be expressed by names.</summary>
        private bool AddSourceMentions(HashSet<string> seeds)
        {
            foreach (SourceRow row in _catalog.ResolvedSources)
            {
                if (row.Pseudonymous && !_userIdsArePersonal)
                {
                    continue;
                }

                if (row.Mentions.IsDefaultOrEmpty)
                {
                    return false;
                }

                seeds.UnionWith(row.Mentions);
            }

            foreach (ISymbol source in _userCatalog.Sources.Keys)
            {
                seeds.Add(source.Name);
                if (source.ContainingType != null)
                {
                    seeds.Add(source.ContainingType.Name);
                }
            }

            return true;
        }

        /// <summary>
        /// The closure: a member whose declaration mentions a relevant name may return or hold personal data, so its own
        /// name, the names it assigns or fills, and (for a field, property or type) its type's name become relevant.
        /// </summary>
        private static HashSet<string> Close(HashSet<string> seeds, List<TreeIndex> indexes)
        {
            var byMention = new Dictionary<string, List<MemberEntry>>(StringComparer.Ordinal);
            foreach (TreeIndex index in indexes)
            {
                foreach (MemberEntry member in index.Members)
                {
                    foreach (string mention in member.Mentions)
                    {
                        if (!byMention.TryGetValue(mention, out List<MemberEntry>? list))
                        {
                            byMention[mention] = list = new List<MemberEntry>();
                        }

                        list.Add(member);
                    }
                }
            }

            var relevant = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Stack<string>(seeds);
            var marked = new HashSet<MemberEntry>();

            // A member with an annotated parameter holds personal data whatever it mentions (it may return or store it).
            foreach (TreeIndex index in indexes)
            {
                foreach (MemberEntry member in index.WithAnnotatedParameters)
                {
                    Mark(member);
                }
            }

            while (pending.Count > 0)
            {
                string name = pending.Pop();
                if (!relevant.Add(name) || !byMention.TryGetValue(name, out List<MemberEntry>? members))
                {
                    continue;
                }

                foreach (MemberEntry member in members)
                {
                    Mark(member);
                }
            }

            return relevant;

            void Mark(MemberEntry member)
            {
                if (!marked.Add(member))
                {
                    return;
                }

                pending.Push(member.Name);
                foreach (string assigned in member.Assigned)
                {
                    pending.Push(assigned);
                }

                if (member.HoldsData && member.TypeName != null)
                {
                    pending.Push(member.TypeName);
                }
            }
        }

        /// <summary>The names of the personal members (and their types) an assembly declares, when it can declare any.</summary>
        private sealed class ReferencedNames
        {
            public ReferencedNames(IAssemblySymbol assembly, PiiSymbols pii)
            {
                var names = new List<string>();
                if (CanDeclarePersonalData(assembly, pii))
                {
                    Collect(assembly.GlobalNamespace, pii, names);
                }

                foreach (string id in ReferencedSummaries.Of(assembly).Facts.Keys)
                {
                    if (NameOf(id) is { } method)
                    {
                        names.Add(method);
                    }
                }

                Names = names;
            }

            public List<string> Names { get; }

            private static bool CanDeclarePersonalData(IAssemblySymbol assembly, PiiSymbols pii)
            {
                var declaring = new HashSet<string>(StringComparer.Ordinal);
                foreach (INamedTypeSymbol? attribute in new[] { pii.PiiAttribute, pii.PersonalDataAttribute, pii.DataClassificationAttribute })
                {
                    if (attribute?.ContainingAssembly is { } a)
                    {
                        if (SymbolEqualityComparer.Default.Equals(a, assembly))
                        {
                            return true;
                        }

                        declaring.Add(a.Identity.Name);
                    }
                }

                foreach (IModuleSymbol module in assembly.Modules)
                {
                    foreach (AssemblyIdentity reference in module.ReferencedAssemblies)
                    {
                        if (declaring.Contains(reference.Name))
                        {
                            return true;
                        }
                    }
                }

                return false;
            }

            private static void Collect(INamespaceSymbol ns, PiiSymbols pii, List<string> names)
            {
                foreach (INamespaceOrTypeSymbol member in ns.GetMembers())
                {
                    if (member is INamespaceSymbol child)
                    {
                        Collect(child, pii, names);
                    }
                    else if (member is INamedTypeSymbol type)
                    {
                        CollectType(type, pii, names);
                    }
                }
            }

            private static void CollectType(INamedTypeSymbol type, PiiSymbols pii, List<string> names)
            {
                if (type.DeclaredAccessibility is Accessibility.Private)
                {
                    return;
                }

                bool personal = false;
                foreach (ISymbol member in type.GetMembers())
                {
                    if (member is INamedTypeSymbol nested)
                    {
                        CollectType(nested, pii, names);
                    }
                    else if (member is IPropertySymbol or IFieldSymbol or IMethodSymbol { MethodKind: MethodKind.Ordinary }
                        && member.DeclaredAccessibility is not Accessibility.Private && pii.GetPii(member) != null)
                    {
                        names.Add(member.Name);
                        personal = true;
                    }
                }

                if (personal)
                {
                    names.Add(type.Name);
                }
            }

            /// <summary>"M:Ns.Type.Method(System.String)" → "Method".</summary>
            private static string? NameOf(string id)
            {
                int end = id.IndexOf('(');
                string head = end < 0 ? id : id.Substring(0, end);
                int generic = head.IndexOf("``", StringComparison.Ordinal);
                if (generic > 0)
                {
                    head = head.Substring(0, generic);
                }

                int dot = head.LastIndexOf('.');
                return dot < 0 || dot == head.Length - 1 ? null : head.Substring(dot + 1).Replace("#ctor", ".ctor");
            }
        }

        /// <summary>One member declaration: its name, the identifiers it mentions and the names it assigns.</summary>
        private sealed class MemberEntry
        {
            public MemberEntry(string name, string? typeName, bool holdsData, TextSpan span, string[] mentions, string[] assigned)
            {
                Name = name;
                TypeName = typeName;
                HoldsData = holdsData;
                Span = span;
                Mentions = mentions;
                Assigned = assigned;
            }

            public string Name { get; }

            public string? TypeName { get; }

            /// <summary>A field, property, event or type declaration (base list, primary constructor): what an object holds.</summary>
            public bool HoldsData { get; }

            public TextSpan Span { get; }

            public string[] Mentions { get; }

            public string[] Assigned { get; }

            public bool MentionsAny(HashSet<string> names)
            {
                foreach (string mention in Mentions)
                {
                    if (names.Contains(mention))
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        /// <summary>A syntax tree's member declarations, in source order, built once per tree.</summary>
        private sealed class TreeIndex
        {
            private static readonly HashSet<string> Mutators = new HashSet<string>(StringComparer.Ordinal)
            {
                "Add", "TryAdd", "AddRange", "Insert", "Enqueue", "Push", "Append", "AppendLine", "AppendFormat", "Set", "AddOrUpdate", "GetOrAdd", "Write", "WriteLine",
            };

            private readonly List<MemberEntry> _bodies = new List<MemberEntry>();

            public TreeIndex(SyntaxTree tree)
            {
                var all = new HashSet<string>(StringComparer.Ordinal);
                var annotated = new HashSet<string>(StringComparer.Ordinal);
                Visit(tree.GetRoot(), null, all, annotated);
                AllMentions = all;
                AnnotatedNames = annotated;
            }

            /// <summary>Every member and type entry (type entries hold the base list and primary constructor).</summary>
            public List<MemberEntry> Members { get; } = new List<MemberEntry>();

            public HashSet<string> AllMentions { get; }

            /// <summary>Names of members declared with attributes, or as overrides: the candidates for annotated personal data.</summary>
            public HashSet<string> AnnotatedNames { get; }

            /// <summary>Members with an attribute on a parameter (<c>[Pii]</c> on a parameter makes it a source).</summary>
            public List<MemberEntry> WithAnnotatedParameters { get; } = new List<MemberEntry>();

            /// <summary>The member declaration containing <paramref name="span"/> (a body, an initializer), or null.</summary>
            public MemberEntry? Find(TextSpan span)
            {
                int low = 0, high = _bodies.Count - 1;
                while (low <= high)
                {
                    int middle = (low + high) / 2;
                    MemberEntry entry = _bodies[middle];
                    if (entry.Span.End < span.Start)
                    {
                        low = middle + 1;
                    }
                    else if (entry.Span.Start > span.Start)
                    {
                        high = middle - 1;
                    }
                    else
                    {
                        return entry.Span.Contains(span) ? entry : null;
                    }
                }

                return null;
            }

            private void Visit(SyntaxNode node, string? typeName, HashSet<string> all, HashSet<string> annotated)
            {
                foreach (SyntaxNode child in node.ChildNodes())
                {
                    switch (child)
                    {
                        case BaseNamespaceDeclarationSyntax:
                            Visit(child, typeName, all, annotated);
                            break;
                        case TypeDeclarationSyntax type:
                            {
                                string name = type.Identifier.ValueText;
                                var mentions = new HashSet<string>(StringComparer.Ordinal);
                                if (type.BaseList != null)
                                {
                                    AddMentions(type.BaseList, mentions);
                                }

                                if (type.ParameterList != null)
                                {
                                    AddMentions(type.ParameterList, mentions);
                                    foreach (ParameterSyntax parameter in type.ParameterList.Parameters)
                                    {
                                        if (parameter.AttributeLists.Count > 0)
                                        {
                                            annotated.Add(parameter.Identifier.ValueText);
                                        }
                                    }
                                }

                                all.UnionWith(mentions);
                                Members.Add(new MemberEntry(name, name, holdsData: true, type.Span, ToArray(mentions), Array.Empty<string>()));
                                Visit(child, name, all, annotated);
                                break;
                            }

                        case BaseTypeDeclarationSyntax or DelegateDeclarationSyntax:
                            break; // enums and delegates hold no data
                        case MemberDeclarationSyntax member:
                            AddMember(member, typeName, all, annotated);
                            break;
                        default:
                            Visit(child, typeName, all, annotated);
                            break;
                    }
                }
            }

            private void AddMember(MemberDeclarationSyntax member, string? typeName, HashSet<string> all, HashSet<string> annotated)
            {
                var mentions = new HashSet<string>(StringComparer.Ordinal);
                var assigned = new HashSet<string>(StringComparer.Ordinal);
                AddMentions(member, mentions);
                AddAssigned(member, assigned);
                all.UnionWith(mentions);
                string[] mentionArray = ToArray(mentions);
                string[] assignedArray = ToArray(assigned);
                bool hasAttributes = member.AttributeLists.Count > 0 || member.Modifiers.Any(SyntaxKind.OverrideKeyword);
                bool annotatedParameters = ParametersOf(member) is { } parameters && HasAttributes(parameters);
                switch (member)
                {
                    case BaseFieldDeclarationSyntax field:
                        foreach (VariableDeclaratorSyntax variable in field.Declaration.Variables)
                        {
                            Add(variable.Identifier.ValueText, holdsData: true);
                        }

                        break;
                    case PropertyDeclarationSyntax property:
                        Add(property.Identifier.ValueText, holdsData: true);
                        break;
                    case EventDeclarationSyntax @event:
                        Add(@event.Identifier.ValueText, holdsData: true);
                        break;
                    case IndexerDeclarationSyntax:
                        Add("this[]", holdsData: true);
                        break;
                    case MethodDeclarationSyntax method:
                        Add(method.Identifier.ValueText, holdsData: false);
                        break;
                    case ConstructorDeclarationSyntax:
                        Add(".ctor", holdsData: false);
                        break;
                    default:
                        Add(member.Kind().ToString(), holdsData: false); // operators, conversions, finalizers, global statements
                        break;
                }

                void Add(string name, bool holdsData)
                {
                    var entry = new MemberEntry(name, typeName, holdsData, member.Span, mentionArray, assignedArray);
                    Members.Add(entry);
                    if (_bodies.Count == 0 || _bodies[_bodies.Count - 1].Span != member.Span)
                    {
                        _bodies.Add(entry);
                    }

                    if (hasAttributes)
                    {
                        annotated.Add(name);
                    }

                    if (annotatedParameters)
                    {
                        WithAnnotatedParameters.Add(entry);
                    }
                }
            }

            private static BaseParameterListSyntax? ParametersOf(MemberDeclarationSyntax member) => member switch
            {
                BaseMethodDeclarationSyntax method => method.ParameterList,
                IndexerDeclarationSyntax indexer => indexer.ParameterList,
                _ => null,
            };

            private static bool HasAttributes(BaseParameterListSyntax parameters)
            {
                foreach (ParameterSyntax parameter in parameters.Parameters)
                {
                    if (parameter.AttributeLists.Count > 0)
                    {
                        return true;
                    }
                }

                return false;
            }

            private static void AddMentions(SyntaxNode node, HashSet<string> mentions)
            {
                foreach (SyntaxToken token in node.DescendantTokens())
                {
                    if (token.IsKind(SyntaxKind.IdentifierToken))
                    {
                        mentions.Add(token.ValueText);
                    }
                }
            }

            /// <summary>Names the member assigns or fills: <c>x = …</c>, <c>this.x = …</c>, <c>x[k] = …</c>, <c>out x</c>, <c>x.Add(…)</c>.</summary>
            private static void AddAssigned(SyntaxNode node, HashSet<string> assigned)
            {
                foreach (SyntaxNode descendant in node.DescendantNodes())
                {
                    switch (descendant)
                    {
                        case AssignmentExpressionSyntax assignment:
                            AddTarget(assignment.Left, assigned);
                            break;
                        case ArgumentSyntax { RefKindKeyword.RawKind: not 0 } argument:
                            AddTarget(argument.Expression, assigned);
                            break;
                        case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } when Mutators.Contains(access.Name.Identifier.ValueText):
                            AddTarget(access.Expression, assigned);
                            break;
                    }
                }
            }

            private static void AddTarget(ExpressionSyntax target, HashSet<string> assigned)
            {
                switch (target)
                {
                    case IdentifierNameSyntax name:
                        assigned.Add(name.Identifier.ValueText);
                        break;
                    case MemberAccessExpressionSyntax access:
                        assigned.Add(access.Name.Identifier.ValueText);
                        break;
                    case ElementAccessExpressionSyntax element:
                        AddTarget(element.Expression, assigned);
                        break;
                    case TupleExpressionSyntax tuple:
                        foreach (ArgumentSyntax argument in tuple.Arguments)
                        {
                            AddTarget(argument.Expression, assigned);
                        }

                        break;
                    case DeclarationExpressionSyntax:
                        break;
                }
            }

            private static string[] ToArray(HashSet<string> set)
            {
                if (set.Count == 0)
                {
                    return Array.Empty<string>();
                }

                var array = new string[set.Count];
                set.CopyTo(array);
                return array;
            }
        }
    }
}
