using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace PiiGuard.Analyzers.Core
{
    /// <summary>
    /// The user's code in a file that the Razor source generator wrote for a <c>.razor</c> component or a <c>.cshtml</c>
    /// page or view: the spans that a <c>#line</c> directive maps to the <c>.razor</c>/<c>.cshtml</c> file, up to the
    /// next <c>#line</c> (<c>#line default</c> / <c>#line hidden</c> start the framework's scaffolding again). An
    /// enhanced directive's character offset (<c>#line (4,6)-(4,20) 24 "Profile.razor"</c>, written before
    /// <c>__builder.AddContent(1, customer.Email</c>) starts the span at that column, so the scaffolding call that
    /// wraps a rendered expression is not the user's.
    /// </summary>
    internal sealed class RazorSourceMap
    {
        private static readonly string[] GeneratedFileSuffixes =
        {
            "_razor.g.cs",   // the Razor source generator (.NET 6 and later): Components/Profile_razor.g.cs
            "_cshtml.g.cs",  // Pages/Index_cshtml.g.cs
            ".razor.g.cs",   // the RazorGenerate task of .NET 5 and earlier, and other hosts
            ".cshtml.g.cs",
        };

        private readonly TextSpan[] _regions;

        private RazorSourceMap(TextSpan[] regions)
        {
            _regions = regions;
        }

        /// <summary>
        /// Whether a file's name is one the Razor generator gives its output. A test of the name only, so that any
        /// other generated file (designer files, other generators, <c>// &lt;auto-generated&gt;</c> files) is
        /// skipped without reading it.
        /// </summary>
        public static bool IsRazorOutputName(string? path)
        {
            if (path is null || path.Length == 0)
            {
                return false;
            }

            foreach (string suffix in GeneratedFileSuffixes)
            {
                if (path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The map of a Razor generator output, or null when the file is not one (by its name) or maps nothing to a
        /// <c>.razor</c>/<c>.cshtml</c> file.
        /// </summary>
        public static RazorSourceMap? TryCreate(SyntaxTree tree, CancellationToken cancellationToken)
        {
            if (!IsRazorOutputName(tree.FilePath))
            {
                return null;
            }

            SyntaxNode root = tree.GetRoot(cancellationToken);
            var regions = new List<TextSpan>();
            int openStart = -1;
            string? currentFile = null;
            for (DirectiveTriviaSyntax? directive = root.GetFirstDirective(IsLineDirective); directive != null; directive = directive.GetNextDirective(IsLineDirective))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (openStart >= 0)
                {
                    AddRegion(regions, openStart, directive.FullSpan.Start);
                    openStart = -1;
                }

                int offset = 0;
                bool mapped;
                switch (directive)
                {
                    case LineSpanDirectiveTriviaSyntax span:
                        currentFile = span.File.ValueText;
                        mapped = true;
                        if (span.CharacterOffset.IsKind(SyntaxKind.NumericLiteralToken) && span.CharacterOffset.Value is int characterOffset && characterOffset > 0)
                        {
                            offset = characterOffset;
                        }

                        break;
                    case LineDirectiveTriviaSyntax line when line.Line.IsKind(SyntaxKind.NumericLiteralToken):
                        if (!line.File.IsMissing && line.File.IsKind(SyntaxKind.StringLiteralToken))
                        {
                            currentFile = line.File.ValueText;
                        }

                        mapped = currentFile != null;
                        break;
                    default:
                        // #line default, #line hidden
                        currentFile = null;
                        mapped = false;
                        break;
                }

                if (mapped && IsRazorSource(currentFile))
                {
                    openStart = Math.Min(directive.FullSpan.End + offset, root.FullSpan.End);
                }
            }

            if (openStart >= 0)
            {
                AddRegion(regions, openStart, root.FullSpan.End);
            }

            return regions.Count == 0 ? null : new RazorSourceMap(regions.ToArray());
        }

        /// <summary>Whether the span lies wholly in one span mapped to the <c>.razor</c>/<c>.cshtml</c> file.</summary>
        public bool IsMapped(TextSpan span)
        {
            int low = 0;
            int high = _regions.Length - 1;
            while (low <= high)
            {
                int middle = low + ((high - low) / 2);
                TextSpan region = _regions[middle];
                if (span.Start < region.Start)
                {
                    high = middle - 1;
                }
                else if (span.Start >= region.End && !(span.IsEmpty && span.Start == region.End))
                {
                    low = middle + 1;
                }
                else
                {
                    return span.End <= region.End;
                }
            }

            return false;
        }

        /// <summary>Whether a member declaration (a method, an accessor, an initializer) has any of the user's code in it.</summary>
        public bool Overlaps(TextSpan span)
        {
            foreach (TextSpan region in _regions)
            {
                if (region.Start >= span.End)
                {
                    return false;
                }

                if (region.End > span.Start)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether a node is the user's code: it lies in a mapped span, and so does the call, object creation,
        /// assignment or throw it is an operand of (up to its statement, lambda or member). <c>customer.Email</c> in
        /// <c>@code</c> is; the same expression rendered by <c>@customer.Email</c> is the argument of the generator's
        /// <c>__builder.AddContent(1, customer.Email)</c>, which starts before the mapped span and ends after it; a call
        /// the user writes in markup (<c>@Audit(customer.Email)</c>) is the user's.
        /// </summary>
        public bool IsUserCode(SyntaxNode node)
        {
            if (!IsMapped(node.Span))
            {
                return false;
            }

            for (SyntaxNode? ancestor = node.Parent; ancestor != null; ancestor = ancestor.Parent)
            {
                switch (ancestor)
                {
                    case InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax or AssignmentExpressionSyntax or ThrowExpressionSyntax or ThrowStatementSyntax:
                        return IsMapped(ancestor.Span);
                    case StatementSyntax or AnonymousFunctionExpressionSyntax or ArrowExpressionClauseSyntax or MemberDeclarationSyntax:
                        return true;
                }
            }

            return true;
        }

        private static bool IsLineDirective(DirectiveTriviaSyntax directive) =>
            directive.IsKind(SyntaxKind.LineDirectiveTrivia) || directive.IsKind(SyntaxKind.LineSpanDirectiveTrivia);

        private static bool IsRazorSource(string? file) =>
            file != null && (file.EndsWith(".razor", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".cshtml", StringComparison.OrdinalIgnoreCase));

        private static void AddRegion(List<TextSpan> regions, int start, int end)
        {
            if (end > start)
            {
                regions.Add(TextSpan.FromBounds(start, end));
            }
        }
    }
}
