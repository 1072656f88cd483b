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
    /// <summary>The indexes behind <see cref="BodyPrefilter"/>: names per referenced assembly, and per syntax tree the members and what each body mentions.</summary>
    internal sealed partial class BodyPrefilter
    {
        /// <summary>The names of the personal members (and their types) an assembly declares, when it can declare any.</summary>
        private sealed class ReferencedNames
        {
            private readonly ISymbol?[] _attributes;

            public ReferencedNames(IAssemblySymbol assembly, PiiSymbols pii)
            {
                _attributes = AttributesOf(pii);
                var names = new List<string>();
                if (CanDeclarePersonalData(assembly, pii))
                {
                    Collect(assembly.GlobalNamespace, pii, names);
                }

                foreach (string id in ReferencedSummaries.Of(assembly).Facts.Keys)
                {
                    if (Generator.SummaryFilter.MethodName(id) is { } method)
                    {
                        names.Add(method);
                    }
                }

                Names = names;
            }

            public List<string> Names { get; }

            /// <summary>Whether these names were read with the same annotation attribute types as <paramref name="pii"/> resolves.</summary>
            public bool ComputedWith(PiiSymbols pii)
            {
                ISymbol?[] other = AttributesOf(pii);
                for (int i = 0; i < other.Length; i++)
                {
                    if (!SymbolEqualityComparer.Default.Equals(_attributes[i], other[i]))
                    {
                        return false;
                    }
                }

                return true;
            }

            private static ISymbol?[] AttributesOf(PiiSymbols pii) => new ISymbol?[]
            {
                pii.PiiAttribute, pii.PersonalDataAttribute, pii.DataClassificationAttribute, pii.NoDataClassificationAttribute, pii.NotPiiAttribute,
            };

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
        }

        /// <summary>One member declaration: its name, the identifiers it mentions and the names it assigns.</summary>
        private sealed class MemberEntry
        {
            public MemberEntry(string name, string? typeName, bool holdsData, TextSpan span, string[] mentions, string[] assigned, bool mayReachSink = true)
            {
                MayReachSink = mayReachSink;
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

            /// <summary>
            /// Whether the member's syntax has a shape through which a value can reach a sink: a call (a constructor's
            /// <c>: base(…)</c> among them), an object creation, a throw, an assignment (a property setter or an event), an
            /// element access (an indexer) or a <c>with</c> expression. A body with none of them cannot leak by itself: every
            /// sink of the catalogue, every summary of a callee and every setter is reached through one of these.
            /// </summary>
            public bool MayReachSink { get; }

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

            // Scratch sets reused for every member (cleared, capacity kept) and shared by the trees a thread indexes, so that
            // they grow once: a new pair per member, then per tree, made the index allocation-bound (HashSet growth and
            // the GC it caused were most of the prefilter's time at 3,000 files, a tenth of the index at 1,000).
            [ThreadStatic]
            private static HashSet<string>? t_mentions;
            [ThreadStatic]
            private static HashSet<string>? t_assigned;
            [ThreadStatic]
            private static ChildSyntaxList.Enumerator[]? t_stack;

            private readonly HashSet<string> _mentions;
            private readonly HashSet<string> _assigned;

            public TreeIndex(SyntaxTree tree)
            {
                _mentions = t_mentions ??= new HashSet<string>(StringComparer.Ordinal);
                _assigned = t_assigned ??= new HashSet<string>(StringComparer.Ordinal);
                var annotated = new HashSet<string>(StringComparer.Ordinal);
                Visit(tree.GetRoot(), null, annotated);
                AnnotatedNames = annotated;
            }

            /// <summary>Every member and type entry (type entries hold the base list and primary constructor).</summary>
            public List<MemberEntry> Members { get; } = new List<MemberEntry>();

            /// <summary>Every identifier the tree's declarations mention, with repeats (callers that need each once keep their own set).</summary>
            public IEnumerable<string> AllMentions
            {
                get
                {
                    foreach (MemberEntry member in Members)
                    {
                        foreach (string mention in member.Mentions)
                        {
                            yield return mention;
                        }
                    }
                }
            }

            /// <summary>Names of members declared with attributes, or as overrides: the candidates for annotated personal data.</summary>
            public HashSet<string> AnnotatedNames { get; }

            /// <summary>
            /// Names of the methods (and other members with code but no data) declared with attributes or with an attribute on a
            /// parameter: the candidates for <c>[LoggerMessage]</c>, <c>[PiiSink]</c> and <c>[PiiSanitizer]</c> methods. An
            /// annotated property or field (<c>[Pii]</c> data) is not an effect.
            /// </summary>
            public HashSet<string> AnnotatedMethodNames { get; } = new HashSet<string>(StringComparer.Ordinal);

            /// <summary>The <c>x += …</c> assignments of the tree (event subscriptions among them), in order; LeakEngine indexes event subscriptions from them.</summary>
            public List<AssignmentExpressionSyntax> AddAssignments { get; } = new List<AssignmentExpressionSyntax>();

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

            private void Visit(SyntaxNode node, string? typeName, HashSet<string> annotated)
            {
                foreach (SyntaxNode child in node.ChildNodes())
                {
                    switch (child)
                    {
                        case BaseNamespaceDeclarationSyntax:
                            Visit(child, typeName, annotated);
                            break;
                        case TypeDeclarationSyntax type:
                            {
                                string name = type.Identifier.ValueText;
                                HashSet<string> mentions = _mentions;
                                mentions.Clear();
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

                                Members.Add(new MemberEntry(name, name, holdsData: true, type.Span, ToArray(mentions), Array.Empty<string>()));
                                Visit(child, name, annotated);
                                break;
                            }

                        case BaseTypeDeclarationSyntax or DelegateDeclarationSyntax:
                            break; // enums and delegates hold no data
                        case MemberDeclarationSyntax member:
                            AddMember(member, typeName, annotated);
                            break;
                        default:
                            Visit(child, typeName, annotated);
                            break;
                    }
                }
            }

            private void AddMember(MemberDeclarationSyntax member, string? typeName, HashSet<string> annotated)
            {
                HashSet<string> mentions = _mentions;
                HashSet<string> assigned = _assigned;
                mentions.Clear();
                assigned.Clear();
                // A constructor's or finalizer's own identifier is its type's name, not something its body reads: counted, it kept
                // every constructor of a type that holds personal data, whatever the constructor does.
                SyntaxToken ownName = member switch
                {
                    ConstructorDeclarationSyntax constructor => constructor.Identifier,
                    DestructorDeclarationSyntax destructor => destructor.Identifier,
                    _ => default,
                };
                bool mayReachSink = Walk(member, mentions, ownName, assigned, AddAssignments);
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
                    var entry = new MemberEntry(name, typeName, holdsData, member.Span, mentionArray, assignedArray, mayReachSink);
                    Members.Add(entry);
                    if (_bodies.Count == 0 || _bodies[_bodies.Count - 1].Span != member.Span)
                    {
                        _bodies.Add(entry);
                    }

                    if (hasAttributes)
                    {
                        annotated.Add(name);
                    }

                    if ((hasAttributes && !holdsData) || annotatedParameters)
                    {
                        AnnotatedMethodNames.Add(name);
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

            private static void AddMentions(SyntaxNode node, HashSet<string> mentions, SyntaxToken except = default)
            {
                foreach (SyntaxToken token in node.DescendantTokens())
                {
                    if (token.IsKind(SyntaxKind.IdentifierToken) && token != except)
                    {
                        mentions.Add(token.ValueText);
                    }
                }
            }

            /// <summary>
            /// One walk of a member's syntax (issue 18: two walks, one by token and one by node, through the iterators of
            /// <c>DescendantTokens</c> and <c>DescendantNodes</c>, were most of the index's cost): every identifier it mentions
            /// (<paramref name="except"/> aside), and the names it assigns or fills (<c>x = …</c>, <c>this.x = …</c>,
            /// <c>x[k] = …</c>, <c>out x</c>, <c>x.Add(…)</c>). Returns whether it has a shape through which a value can reach
            /// a sink (<see cref="MemberEntry.MayReachSink"/>). An explicit stack: nested expressions (long concatenations in
            /// generated code) can be thousands deep.
            /// </summary>
            private static bool Walk(SyntaxNode root, HashSet<string> mentions, SyntaxToken except, HashSet<string> assigned, List<AssignmentExpressionSyntax> addAssignments)
            {
                bool mayReachSink = false;
                ChildSyntaxList.Enumerator[] stack = t_stack ??= new ChildSyntaxList.Enumerator[32];
                int depth = 0;
                stack[0] = root.ChildNodesAndTokens().GetEnumerator();
                while (depth >= 0)
                {
                    if (!stack[depth].MoveNext())
                    {
                        stack[depth--] = default; // holds no tree alive in the thread's scratch stack
                        continue;
                    }

                    SyntaxNodeOrToken current = stack[depth].Current;
                    if (current.IsToken)
                    {
                        if (current.RawKind == (int)SyntaxKind.IdentifierToken)
                        {
                            SyntaxToken token = current.AsToken();
                            if (token != except)
                            {
                                mentions.Add(token.ValueText);
                            }
                        }

                        continue;
                    }

                    SyntaxNode node = current.AsNode()!;
                    switch (node)
                    {
                        case AssignmentExpressionSyntax assignment:
                            mayReachSink = true;
                            AddTarget(assignment.Left, assigned);
                            if (assignment.IsKind(SyntaxKind.AddAssignmentExpression))
                            {
                                addAssignments.Add(assignment);
                            }

                            break;
                        case ArgumentSyntax { RefKindKeyword.RawKind: not 0 } argument:
                            AddTarget(argument.Expression, assigned);
                            break;
                        case InvocationExpressionSyntax invocation:
                            mayReachSink = true;
                            if (invocation.Expression is MemberAccessExpressionSyntax access && Mutators.Contains(access.Name.Identifier.ValueText))
                            {
                                AddTarget(access.Expression, assigned);
                            }

                            break;
                        case BaseObjectCreationExpressionSyntax or ThrowStatementSyntax or ThrowExpressionSyntax or ElementAccessExpressionSyntax
                            or ElementBindingExpressionSyntax or ImplicitElementAccessSyntax or WithExpressionSyntax or ConstructorInitializerSyntax
                            or PrimaryConstructorBaseTypeSyntax:
                            mayReachSink = true;
                            break;
                    }

                    if (++depth == stack.Length)
                    {
                        Array.Resize(ref stack, stack.Length * 2);
                        t_stack = stack;
                    }

                    stack[depth] = node.ChildNodesAndTokens().GetEnumerator();
                }

                return mayReachSink;
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
                    case MemberBindingExpressionSyntax binding:
                        assigned.Add(binding.Name.Identifier.ValueText);
                        break;
                    case ConditionalAccessExpressionSyntax conditional:
                        AddTarget(conditional.WhenNotNull, assigned);
                        break;
                    case ParenthesizedExpressionSyntax parenthesized:
                        AddTarget(parenthesized.Expression, assigned);
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
