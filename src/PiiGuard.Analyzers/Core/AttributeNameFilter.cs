using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PiiGuard.Analyzers.Core
{
    /// <summary>
    /// Syntax first for single-purpose attribute checks (issue 18): an attribute is bound only when its written name can be
    /// the attribute looked for (for <c>[NotPii]</c>: <c>NotPii</c>, <c>NotPiiAttribute</c>, a qualified form of either) or is a using alias,
    /// which any tree of the compilation may declare. Every other attribute of the code is never bound.
    /// </summary>
    internal sealed class AttributeNameFilter
    {
        private readonly string _name;
        private readonly string _nameWithSuffix;
        private readonly Lazy<HashSet<string>> _aliases;

        public AttributeNameFilter(Compilation compilation, string shortName)
        {
            _name = shortName;
            _nameWithSuffix = shortName + "Attribute";
            _aliases = new Lazy<HashSet<string>>(() => UsingAliases(compilation));
        }

        /// <summary>Whether the attribute can be the one looked for by its name.</summary>
        public bool MayBe(AttributeSyntax attribute)
        {
            string name = attribute.Name switch
            {
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => string.Empty,
            };
            if (name == _name || name == _nameWithSuffix)
            {
                return true;
            }

            HashSet<string> aliases = _aliases.Value;
            return aliases.Count > 0 && aliases.Contains(name);
        }

        /// <summary>Whether <paramref name="data"/> (from a symbol's attributes) is the application written at <paramref name="written"/>.</summary>
        public static bool IsApplication(AttributeData data, AttributeSyntax written) =>
            data.ApplicationSyntaxReference is { } reference && reference.SyntaxTree == written.SyntaxTree && reference.Span == written.Span;

        /// <summary>The names of the using aliases declared in the compilation (file, namespace and global usings).</summary>
        private static HashSet<string> UsingAliases(Compilation compilation)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (SyntaxTree tree in compilation.SyntaxTrees)
            {
                AddAliases(tree.GetRoot(), names);
            }

            return names;

            static void AddAliases(SyntaxNode node, HashSet<string> names)
            {
                SyntaxList<UsingDirectiveSyntax> usings = node switch
                {
                    CompilationUnitSyntax unit => unit.Usings,
                    BaseNamespaceDeclarationSyntax ns => ns.Usings,
                    _ => default,
                };
                foreach (UsingDirectiveSyntax directive in usings)
                {
                    if (directive.Alias != null)
                    {
                        names.Add(directive.Alias.Name.Identifier.ValueText);
                    }
                }

                SyntaxList<MemberDeclarationSyntax> members = node switch
                {
                    CompilationUnitSyntax unit => unit.Members,
                    BaseNamespaceDeclarationSyntax ns => ns.Members,
                    _ => default,
                };
                foreach (MemberDeclarationSyntax member in members)
                {
                    if (member is BaseNamespaceDeclarationSyntax)
                    {
                        AddAliases(member, names);
                    }
                }
            }
        }
    }
}
