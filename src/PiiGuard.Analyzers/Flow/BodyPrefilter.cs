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
    internal sealed partial class BodyPrefilter
    {
        private static readonly ConditionalWeakTable<SyntaxTree, TreeIndex> Trees = new ConditionalWeakTable<SyntaxTree, TreeIndex>();
        private static readonly ConditionalWeakTable<SyntaxTree, TreeIndex>.CreateValueCallback IndexTree = tree => new TreeIndex(tree);
        private static readonly ConditionalWeakTable<IAssemblySymbol, ReferencedNames> Annotated = new ConditionalWeakTable<IAssemblySymbol, ReferencedNames>();

        /// <summary>The folder of the masking generator's output in a generated tree's path (<c>…/PiiGuard.Analyzers/&lt;generator&gt;/X.g.cs</c>).</summary>
        private static readonly string MaskingGeneratorFolder = typeof(Generator.MaskingGenerator).FullName!;

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

        /// <summary>Computes the names the filter needs now (once per compilation), so that no body waits for them.</summary>
        public void Prepare(CancellationToken cancellationToken) => RelevantNames(cancellationToken);

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

        /// <summary>
        /// The <c>x += …</c> assignments of <paramref name="tree"/> (event subscriptions among them), from the same cached
        /// syntax index the filter reads, so that finding an event's handlers walks no tree a second time.
        /// </summary>
        public static IReadOnlyList<AssignmentExpressionSyntax> AddAssignments(SyntaxTree tree) => Trees.GetValue(tree, IndexTree).AddAssignments;

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
                if (!IsMaskingOutput(tree))
                {
                    indexes.Add(Trees.GetValue(tree, IndexTree));
                }
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
                seeds.UnionWith(NamesOf(assembly, annotations));
            }

            return Close(seeds, indexes, followHolders: true);
        }

        /// <summary>
        /// Whether <paramref name="tree"/> is the masking generator's output. Its members mention personal members only to
        /// mask them (their results carry nothing personal, and the engine knows them by their <c>[GenerateMasking]</c>
        /// type), and it is never analysed, so it adds no name to the closure. Indexing it anyway cost a third of the
        /// index on annotated code (one generated file per masked type) and made every type declaring an override of
        /// <c>ToString</c> a candidate of the symbol lookup below (issue 18).
        /// </summary>
        private static bool IsMaskingOutput(SyntaxTree tree)
        {
            string path = tree.FilePath;
            int at = path.IndexOf(MaskingGeneratorFolder, StringComparison.Ordinal);
            return at > 0 && (path[at - 1] is '/' or '\\') && path.Length > at + MaskingGeneratorFolder.Length
                && path[at + MaskingGeneratorFolder.Length] is '/' or '\\';
        }

        /// <summary>
        /// The closure of names through which a body can reach an effect (a sink, a masking or hashing call, an event), for
        /// the summary generator's filter: the compilation's identifiers that <paramref name="isSeed"/> accepts, the names of
        /// members declared with attributes (a <c>[LoggerMessage]</c> or <c>[PiiSink]</c> method), <paramref name="seeds"/>,
        /// and the names of the members whose declarations mention any of those (a helper that logs, a field of a logger
        /// type), transitively. Unlike the source closure, the type holding such a member does not become relevant. With
        /// <paramref name="annotatedData"/>, the names of annotated fields and properties are seeds too (the summary generator
        /// walks the accessors of personal members for the data they return).
        /// </summary>
        public HashSet<string> EffectNames(Func<string, bool> isSeed, IEnumerable<string> seeds, bool annotatedData, CancellationToken cancellationToken)
        {
            var names = new HashSet<string>(seeds, StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var indexes = new List<TreeIndex>();
            foreach (SyntaxTree tree in _compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                TreeIndex index = Trees.GetValue(tree, IndexTree);
                indexes.Add(index);
                names.UnionWith(annotatedData ? index.AnnotatedNames : index.AnnotatedMethodNames);
                foreach (string mention in index.AllMentions)
                {
                    if (seen.Add(mention) && isSeed(mention))
                    {
                        names.Add(mention);
                    }
                }
            }

            return Close(names, indexes, followHolders: false);
        }

        /// <summary>
        /// Whether the member holding <paramref name="block"/> has a call, object creation, throw, assignment, element access
        /// or <c>with</c> expression (true when it cannot be placed). Without one, nothing in the body can reach a sink,
        /// whatever it reads: the flow analyzers skip it (its callers summarise it when they need what it returns).
        /// </summary>
        public static bool HasSinkShape(SyntaxNode block) => WaysOut(block, EmptyNames).SinkShape;

        private static readonly HashSet<string> EmptyNames = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>
        /// From one lookup of the member holding <paramref name="block"/>: whether it has a sink shape
        /// (<see cref="HasSinkShape"/>), and whether it has one and mentions any of <paramref name="names"/> (both true when
        /// the member cannot be placed).
        /// </summary>
        public static (bool SinkShape, bool Mentions) WaysOut(SyntaxNode block, HashSet<string> names) =>
            Trees.GetValue(block.SyntaxTree, IndexTree).Find(block.Span) is not { } member ? (true, true)
            : member.MayReachSink ? (true, member.MentionsAny(names))
            : (false, false);

        /// <summary>
        /// Whether the member declaration at <paramref name="declaration"/> may assign something named <paramref name="name"/>
        /// (<c>_email = …</c>, <c>this._email ??= …</c>, <c>(_a, _b) = …</c>, an out or ref argument; also an element or a
        /// filled collection, which is more than the member scan needs): read from the cached tree index, true when the
        /// member cannot be placed.
        /// </summary>
        public static bool MayAssign(SyntaxNode declaration, string name) =>
            Trees.GetValue(declaration.SyntaxTree, IndexTree).Find(declaration.Span) is not { } member || Array.IndexOf(member.Assigned, name) >= 0;

        /// <summary>Whether the member declaration at <paramref name="declaration"/> mentions any of <paramref name="names"/> (true when it cannot be placed).</summary>
        public static bool Mentions(SyntaxNode declaration, HashSet<string> names) =>
            Trees.GetValue(declaration.SyntaxTree, IndexTree).Find(declaration.Span) is not { } member || member.MentionsAny(names);

        /// <summary>
        /// A referenced assembly's names, cached per assembly symbol (metadata symbols are shared by the compilations that
        /// reference the same file, so the IDE's successive compilations reuse them). What an assembly declares personal
        /// depends on the attribute types the reading compilation resolves: the cache entry keeps those it was computed
        /// with, and a compilation that resolves others computes its own without replacing it.
        /// </summary>
        private static List<string> NamesOf(IAssemblySymbol assembly, PiiSymbols annotations)
        {
            ReferencedNames names = Annotated.GetValue(assembly, a => new ReferencedNames(a, annotations));
            return names.ComputedWith(annotations) ? names.Names : new ReferencedNames(assembly, annotations).Names;
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
        private static HashSet<string> Close(HashSet<string> seeds, List<TreeIndex> indexes, bool followHolders)
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
                foreach (MemberEntry member in followHolders ? index.WithAnnotatedParameters : (IEnumerable<MemberEntry>)Array.Empty<MemberEntry>())
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

                if (followHolders && member.HoldsData && member.TypeName != null)
                {
                    pending.Push(member.TypeName);
                }
            }
        }
    }
}
