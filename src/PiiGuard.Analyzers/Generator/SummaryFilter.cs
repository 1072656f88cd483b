using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PiiGuard.Analyzers.Core;
using PiiGuard.Analyzers.Flow;
using PiiGuard.Analyzers.Flow.Catalog;

namespace PiiGuard.Analyzers.Generator
{
    /// <summary>
    /// The summary generator's filter: decides from syntax alone which methods can have a fact other than "the result
    /// carries the parameters the body mentions", so that the others are summarised without binding their bodies
    /// (binding every body a second time was most of the generator's cost, docs/summaries.md, "Cost").
    /// <para>
    /// A method can have a sink fact (S) only when its declaration mentions, directly or through the declarations it
    /// mentions, a name of a sink of the catalogue or of the configuration, an exception type, a method a referenced
    /// assembly recorded, an event, or a member declared with an attribute (<c>[LoggerMessage]</c>, <c>[PiiSink]</c>);
    /// a fixed return fact (R) only when personal data can enter it (the flow analyzer's own <see cref="BodyPrefilter"/>);
    /// a hash (H) or masking clean fact (Z) only when it mentions a hashing or masking name. Any other method's summary is
    /// written from its syntax: the carrying parameters its body mentions flow into the result (P), none of them: the
    /// result is clean (Z). That is what the full walk would give or more (a parameter mentioned but not returned), never
    /// less, so a caller in another assembly can only see more, not fewer, of its arguments in the result.
    /// </para>
    /// </summary>
    internal sealed class SummaryFilter
    {
        private readonly BodyPrefilter _sources;
        private readonly HashSet<string> _effects;

        /// <summary>An indexer is a sink (<c>headers["X-User"] = email</c> on a WebHeaderCollection): a body that assigns an element is walked.</summary>
        private readonly bool _indexerSinks;

        private SummaryFilter(BodyPrefilter sources, HashSet<string> effects, bool indexerSinks)
        {
            _sources = sources;
            _effects = effects;
            _indexerSinks = indexerSinks;
        }

        /// <summary>How many methods were summarised from syntax (for tests and the benchmark).</summary>
        public int Skipped { get; private set; }

        public static SummaryFilter Create(Compilation compilation, KnownSymbols known, CancellationToken cancellationToken)
        {
            var sources = new BodyPrefilter(compilation, known.Pii, known.UserCatalog, known.UserIdsArePersonal);
            (HashSet<string> effects, bool indexerSinks) = EffectNames(compilation, known, sources, annotatedData: true, cancellationToken);
            return new SummaryFilter(sources, effects, indexerSinks);
        }

        /// <summary>
        /// The names a declaration must mention, directly or through the declarations it mentions, for its body to reach a
        /// sink of the catalogue or of the configuration, an exception, a hashing or masking call, an event, a method a
        /// referenced assembly recorded, or a member declared with an attribute; and whether an indexer is a sink (then a
        /// body that assigns an element can reach one without naming it). Shared with the flow analyzer, which binds only
        /// the bodies that can both read personal data and reach an effect, and which leaves out annotated data
        /// (<paramref name="annotatedData"/> false): reading a personal member is a way in, not a way out.
        /// </summary>
        public static (HashSet<string> Names, bool IndexerSinks) EffectNames(Compilation compilation, KnownSymbols known, BodyPrefilter index, bool annotatedData, CancellationToken cancellationToken)
        {
            var seeds = new HashSet<string>(StringComparer.Ordinal) { "Invoke", "DynamicInvoke", "ToMaskedString", "Exception" };
            CatalogMap catalog = CatalogMap.ForCompilation(compilation); // its types, resolved once per compilation
            bool indexerSinks = false;
            foreach (SinkRow row in BuiltInCatalog.Instance.Sinks)
            {
                if (catalog.ResolveType(row.Type) is { } type)
                {
                    indexerSinks |= row.Shape == SinkShape.Property && row.Members.Matches("this[]");
                    AddMemberNames(type, row.Members, seeds);
                    if (row.ReceiverMethods != null)
                    {
                        foreach (ISymbol member in type.GetMembers())
                        {
                            if (member is IPropertySymbol { Type: INamedTypeSymbol receiver } && row.Members.Matches(member.Name))
                            {
                                AddMemberNames(receiver, row.ReceiverMethods, seeds);
                            }
                        }
                    }
                }
            }

            foreach (RoleRow row in BuiltInCatalog.Instance.Roles)
            {
                if (catalog.ResolveType(row.Type) is { } type)
                {
                    AddMemberNames(type, row.Members, seeds);
                }
            }

            foreach (IMethodSymbol method in known.Options.Sinks.Keys)
            {
                seeds.Add(method.Name);
            }

            foreach (IMethodSymbol method in known.Options.Sanitizers)
            {
                seeds.Add(method.Name);
            }

            foreach (IMethodSymbol method in known.UserCatalog.Sinks.Keys)
            {
                seeds.Add(method.Name);
            }

            foreach (IMethodSymbol method in known.UserCatalog.Sanitizers)
            {
                seeds.Add(method.Name);
            }

            foreach (IAssemblySymbol assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                foreach (string id in ReferencedSummaries.Of(assembly).Facts.Keys)
                {
                    if (MethodName(id) is { } name)
                    {
                        seeds.Add(name);
                    }
                }
            }

            AddEventNames(compilation.Assembly.GlobalNamespace, seeds);
            return (index.EffectNames(name => name.EndsWith("Exception", StringComparison.Ordinal), seeds, annotatedData, cancellationToken), indexerSinks);
        }

        /// <summary>
        /// The summary of a method whose body cannot have a fact beyond its parameters (from its syntax, without binding it),
        /// or null when it must be walked.
        /// </summary>
        public MethodSummary? SyntacticSummary(IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (method.DeclaringSyntaxReferences.Length != 1 || method.MethodKind is not (MethodKind.Ordinary or MethodKind.PropertyGet or MethodKind.PropertySet or MethodKind.Constructor))
            {
                return null;
            }

            SyntaxNode declaration = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            if (BodyPrefilter.Mentions(declaration, _effects) || _sources.MayLeak(method, declaration, cancellationToken))
            {
                return null;
            }

            SyntaxNode? body = BodyOf(declaration);
            if (body is null || (_indexerSinks && AssignsAnElement(body)))
            {
                return null;
            }

            Dictionary<string, int>? parameters = null;
            foreach (IParameterSymbol parameter in method.Parameters)
            {
                if (parameter.RefKind != RefKind.Out && !PiiSymbols.IsCarrierlessType(parameter.Type) && parameter.Type.TypeKind != TypeKind.Enum && parameter.Ordinal < 64)
                {
                    (parameters ??= new Dictionary<string, int>(StringComparer.Ordinal))[parameter.Name] = parameter.Ordinal;
                }
            }

            ulong bits = 0;
            if (parameters != null)
            {
                foreach (SyntaxToken token in body.DescendantTokens())
                {
                    if (token.IsKind(SyntaxKind.IdentifierToken) && parameters.TryGetValue(token.ValueText, out int ordinal) && !ReadsOnlyANonCarrier(token))
                    {
                        bits |= 1UL << ordinal;
                    }
                }
            }

            Skipped++;
            return bits == 0 ? MethodSummary.Empty : new MethodSummary(null, bits, 0, ImmutableArray<ParameterSink>.Empty, isComplete: true);
        }

        /// <summary>
        /// The code of a method, constructor or accessor declaration (its block or expression body), or null when it has none
        /// to read on its own: abstract and extern members, and a constructor that calls another (<c>base(…)</c>, <c>this(…)</c>).
        /// </summary>
        internal static SyntaxNode? BodyOf(SyntaxNode declaration) => declaration switch
        {
            ConstructorDeclarationSyntax { Initializer: not null } => null, // base(…) or this(…) calls a constructor that names nothing
            BaseMethodDeclarationSyntax m => (SyntaxNode?)m.Body ?? m.ExpressionBody,
            AccessorDeclarationSyntax a => (SyntaxNode?)a.Body ?? a.ExpressionBody,
            ArrowExpressionClauseSyntax arrow => arrow,
            _ => null,
        };

        /// <summary><c>text.Length</c>, <c>items.Count</c>: the walker gives these nothing of <c>text</c>, and neither does the filter.</summary>
        private static bool ReadsOnlyANonCarrier(SyntaxToken token) =>
            token.Parent is IdentifierNameSyntax name && name.Parent is MemberAccessExpressionSyntax access && access.Expression == name
            && access.Name.Identifier.ValueText is "Length" or "Count" or "LongLength" or "LongCount" or "Capacity" or "GetHashCode" or "IndexOf" or "IndexOfAny"
                or "LastIndexOf" or "LastIndexOfAny" or "CompareTo" or "GetType" or "GetLength" or "GetTypeCode" or "Rank";

        /// <summary>Whether <paramref name="body"/> assigns an element (<c>headers["X-User"] = email</c>).</summary>
        internal static bool AssignsAnElement(SyntaxNode body)
        {
            foreach (SyntaxNode node in body.DescendantNodes())
            {
                if (node is AssignmentExpressionSyntax { Left: ElementAccessExpressionSyntax or ElementBindingExpressionSyntax })
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The names a body must mention to call the members of a catalogue row: the type's name (a static call, a
        /// constructor, a field or parameter of the type, whose name the closure adds), and the names of the matching
        /// instance and extension methods and properties (<c>logger.LogInformation</c>, <c>client.PostAsJsonAsync</c>), which are
        /// called without naming the type, and the exact names of the pattern, which derived types declare too. A static
        /// class's other members are called through its name (<c>PiiMask.Email</c>).
        /// </summary>
        private static void AddMemberNames(INamedTypeSymbol type, MemberPattern pattern, HashSet<string> names)
        {
            names.Add(type.Name);
            names.UnionWith(pattern.ExactNames); // also declared by derived types (SHA256.HashData for HashAlgorithm's row)
            foreach (ISymbol member in type.GetMembers())
            {
                if (member.IsImplicitlyDeclared || member is INamedTypeSymbol || (type.IsStatic && member is not IMethodSymbol { IsExtensionMethod: true }))
                {
                    continue;
                }

                if (pattern.Matches(member is IPropertySymbol { IsIndexer: true } ? "this[]" : member.Name))
                {
                    names.Add(member.Name);
                }
            }
        }

        private static void AddEventNames(INamespaceOrTypeSymbol container, HashSet<string> names)
        {
            foreach (ISymbol member in container.GetMembers())
            {
                switch (member)
                {
                    case INamespaceOrTypeSymbol nested:
                        AddEventNames(nested, names);
                        break;
                    case IEventSymbol @event:
                        names.Add(@event.Name);
                        break;
                }
            }
        }

        /// <summary>"M:Ns.Type.Method(System.String)" → "Method" (the name a caller writes; see <see cref="SourceName"/>).</summary>
        internal static string? MethodName(string id)
        {
            int end = id.IndexOf('(');
            string head = end < 0 ? id : id.Substring(0, end);
            int generic = head.IndexOf("``", StringComparison.Ordinal);
            if (generic > 0)
            {
                head = head.Substring(0, generic);
            }

            int dot = head.LastIndexOf('.');
            return dot < 0 || dot == head.Length - 1 ? null : SourceName(head, dot);
        }

        /// <summary>The name a caller writes: the type's for a constructor (<c>new Notifier(…)</c>), the property's for an accessor.</summary>
        internal static string SourceName(string head, int dot)
        {
            string name = head.Substring(dot + 1);
            if (name == "#ctor")
            {
                int typeDot = head.LastIndexOf('.', dot - 1);
                string type = head.Substring(typeDot + 1, dot - typeDot - 1);
                int arity = type.IndexOf('`');
                return arity > 0 ? type.Substring(0, arity) : type;
            }

            return name.StartsWith("get_", StringComparison.Ordinal) || name.StartsWith("set_", StringComparison.Ordinal) ? name.Substring(4) : name;
        }
    }
}
