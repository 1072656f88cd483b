using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PiiGuard.CodeFixes
{
    /// <summary>
    /// Syntax helpers shared by the code fixes: names of PiiGuard's runtime types that become short names with a
    /// <c>using PiiGuard;</c> directive (added once per document), and trivia-preserving edits.
    /// </summary>
    internal static class PiiGuardSyntax
    {
        public const string Namespace = "PiiGuard";

        /// <summary>Whether a kind name is a PiiGuard.PiiKind member (the analyzer's copy; the runtime enum may only grow).</summary>
        public static bool IsKnownKind(string? kind) => kind != null && Analyzers.Core.PiiKindInfo.FromName(kind) >= 0;

        /// <summary>
        /// The name of the PiiGuard type <paramref name="simpleName"/> at <paramref name="position"/>: the simple
        /// name when it binds to the PiiGuard type there, or to nothing (then <paramref name="needsUsing"/> is set and
        /// the caller adds <c>using PiiGuard;</c>), else <c>global::PiiGuard.Name</c>.
        /// </summary>
        public static NameSyntax TypeName(SemanticModel model, int position, string simpleName, ref bool needsUsing)
        {
            var symbols = model.LookupNamespacesAndTypes(position, name: simpleName);
            if (symbols.Length > 0 && symbols.All(IsPiiGuardType))
            {
                return SyntaxFactory.IdentifierName(simpleName);
            }

            if (symbols.Length == 0)
            {
                needsUsing = true;
                return SyntaxFactory.IdentifierName(simpleName);
            }

            return SyntaxFactory.QualifiedName(
                SyntaxFactory.AliasQualifiedName(SyntaxFactory.IdentifierName(SyntaxFactory.Token(SyntaxKind.GlobalKeyword)), SyntaxFactory.IdentifierName(Namespace)),
                SyntaxFactory.IdentifierName(simpleName));
        }

        private static bool IsPiiGuardType(ISymbol symbol) =>
            symbol is INamedTypeSymbol type
            && type.ContainingNamespace is { Name: Namespace } ns
            && ns.ContainingNamespace is { IsGlobalNamespace: true };

        /// <summary>
        /// Adds <c>using PiiGuard;</c> to the compilation unit, or to the namespace that holds the file's usings when
        /// they are written inside it, in ordinal order after System usings, unless one is already there.
        /// </summary>
        public static CompilationUnitSyntax AddPiiGuardUsing(CompilationUnitSyntax root)
        {
            if (HasPiiGuardUsing(root.Usings))
            {
                return root;
            }

            // Usings written inside the (single) namespace: follow that style.
            if (root.Usings.Count == 0 && root.Members.Count == 1 && root.Members[0] is BaseNamespaceDeclarationSyntax ns && ns.Usings.Count > 0)
            {
                if (HasPiiGuardUsing(ns.Usings))
                {
                    return root;
                }

                BaseNamespaceDeclarationSyntax newNs = ns.WithUsings(Insert(ns.Usings, EndOfLine(root)));
                return root.ReplaceNode(ns, newNs);
            }

            SyntaxTrivia eol = EndOfLine(root);
            if (root.Usings.Count > 0)
            {
                return root.WithUsings(Insert(root.Usings, eol));
            }

            UsingDirectiveSyntax directive = CreateUsing(eol);

            // No usings: the directive goes before the first member (after externs), keeping a file header above it.
            SyntaxToken first = root.GetFirstToken(includeZeroWidth: true);
            SyntaxTriviaList leading = first.LeadingTrivia;
            int split = HeaderLength(leading);
            SyntaxTriviaList header = SyntaxFactory.TriviaList(leading.Take(split));
            SyntaxTriviaList rest = SyntaxFactory.TriviaList(leading.Skip(split));
            directive = directive.WithLeadingTrivia(header).WithTrailingTrivia(eol, eol);
            CompilationUnitSyntax withoutHeader = root.ReplaceToken(first, first.WithLeadingTrivia(rest));
            return withoutHeader.WithUsings(withoutHeader.Usings.Add(directive));
        }

        private static bool HasPiiGuardUsing(SyntaxList<UsingDirectiveSyntax> usings) =>
            usings.Any(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.Name?.ToString() == Namespace);

        private static SyntaxList<UsingDirectiveSyntax> Insert(SyntaxList<UsingDirectiveSyntax> usings, SyntaxTrivia eol)
        {
            int index = 0;
            while (index < usings.Count && ShouldPrecede(usings[index]))
            {
                index++;
            }

            UsingDirectiveSyntax directive = CreateUsing(eol);
            if (index < usings.Count)
            {
                // Take over the leading trivia of the directive we insert before (a header comment stays on top).
                UsingDirectiveSyntax next = usings[index];
                directive = directive.WithLeadingTrivia(next.GetLeadingTrivia());
                usings = usings.Replace(next, next.WithLeadingTrivia(SyntaxFactory.TriviaList()));
            }
            else
            {
                directive = directive.WithLeadingTrivia(Indentation(usings[usings.Count - 1].GetLeadingTrivia()));
            }

            return usings.Insert(index, directive);
        }

        private static bool ShouldPrecede(UsingDirectiveSyntax existing)
        {
            if (existing.Alias != null || !existing.StaticKeyword.IsKind(SyntaxKind.None) || existing.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword))
            {
                // global usings first; aliases and static usings after the namespace usings.
                return existing.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword);
            }

            string name = existing.Name?.ToString() ?? string.Empty;
            if (name == "System" || name.StartsWith("System.", StringComparison.Ordinal))
            {
                return true;
            }

            return string.CompareOrdinal(name, Namespace) < 0;
        }

        private static UsingDirectiveSyntax CreateUsing(SyntaxTrivia eol) =>
            SyntaxFactory.UsingDirective(SyntaxFactory.IdentifierName(Namespace))
                .WithUsingKeyword(SyntaxFactory.Token(SyntaxKind.UsingKeyword).WithTrailingTrivia(SyntaxFactory.Space))
                .WithTrailingTrivia(eol);

        /// <summary>The length of the leading comment block followed by a blank line (a file header), or 0.</summary>
        private static int HeaderLength(SyntaxTriviaList leading)
        {
            int lastBlank = 0;
            bool sawComment = false;
            for (int i = 0; i < leading.Count; i++)
            {
                SyntaxTrivia t = leading[i];
                if (t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia))
                {
                    sawComment = true;
                }
                else if (t.IsKind(SyntaxKind.EndOfLineTrivia) && i + 1 < leading.Count && leading[i + 1].IsKind(SyntaxKind.EndOfLineTrivia) && sawComment)
                {
                    lastBlank = i + 2;
                }
                else if (!t.IsKind(SyntaxKind.EndOfLineTrivia) && !t.IsKind(SyntaxKind.WhitespaceTrivia))
                {
                    break;
                }
            }

            return lastBlank;
        }

        /// <summary>The end-of-line trivia the document uses (LF when it has none).</summary>
        public static SyntaxTrivia EndOfLine(SyntaxNode root)
        {
            foreach (SyntaxTrivia trivia in root.DescendantTrivia())
            {
                if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
                {
                    return trivia;
                }
            }

            return SyntaxFactory.LineFeed;
        }

        /// <summary>The whitespace that ends a leading trivia list (the indentation of the line), or nothing.</summary>
        public static SyntaxTriviaList Indentation(SyntaxTriviaList leading)
        {
            if (leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia))
            {
                return SyntaxFactory.TriviaList(leading[leading.Count - 1]);
            }

            return SyntaxFactory.TriviaList();
        }

        /// <summary>
        /// The declaration an attribute goes on for a declared name: a property, a parameter (positional record
        /// parameters included), or a field declaration with a single variable; null otherwise.
        /// </summary>
        public static SyntaxNode? AnnotationTarget(SyntaxToken identifier) => identifier.Parent switch
        {
            PropertyDeclarationSyntax property when property.Identifier == identifier => property,
            ParameterSyntax parameter when parameter.Identifier == identifier => parameter,
            VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: FieldDeclarationSyntax field } } => field,
            _ => null,
        };

        /// <summary>
        /// Adds an attribute to an <see cref="AnnotationTarget"/>: inline before a parameter, on its own line above a
        /// member (below its documentation comment and existing attributes; inline when those are written inline).
        /// </summary>
        public static SyntaxNode AddAttribute(SyntaxNode target, AttributeSyntax attribute, SyntaxTrivia eol)
        {
            switch (target)
            {
                case ParameterSyntax parameter:
                    AttributeListSyntax list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute)).NormalizeWhitespace()
                        .WithLeadingTrivia(SyntaxFactory.TriviaList()).WithTrailingTrivia(SyntaxFactory.Space);
                    if (parameter.AttributeLists.Count == 0)
                    {
                        list = list.WithLeadingTrivia(parameter.GetLeadingTrivia());
                        parameter = parameter.WithoutLeadingTrivia();
                    }

                    return parameter.WithAttributeLists(parameter.AttributeLists.Add(list));
                case MemberDeclarationSyntax member:
                    return AddAttributeList(member, attribute, eol);
                default:
                    return target;
            }
        }

        /// <summary>The attribute name for a resolved attribute type name: <c>PiiAttribute</c> gives <c>Pii</c>, <c>global::PiiGuard.NotPiiAttribute</c> gives <c>global::PiiGuard.NotPii</c>.</summary>
        public static NameSyntax AttributeName(NameSyntax typeName)
        {
            string text = typeName.ToString();
            return text.EndsWith("Attribute", StringComparison.Ordinal) ? SyntaxFactory.ParseName(text.Substring(0, text.Length - "Attribute".Length)) : typeName;
        }

        /// <summary><c>[Pii(PiiKind.Email)]</c> from the resolved names of PiiAttribute and PiiKind.</summary>
        public static AttributeSyntax PiiAttribute(NameSyntax piiAttributeType, ExpressionSyntax piiKindType, string kind) =>
            SyntaxFactory.Attribute(
                AttributeName(piiAttributeType),
                SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.AttributeArgument(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, piiKindType, SyntaxFactory.IdentifierName(kind))))));

        /// <summary>
        /// <c>[NotPii("")]</c> from the resolved name of NotPiiAttribute: the reason is left for the developer to write
        /// (PII108 reports it until they do; a reason invented by a tool would record no decision).
        /// </summary>
        public static AttributeSyntax NotPiiAttribute(NameSyntax notPiiAttributeType) =>
            SyntaxFactory.Attribute(
                AttributeName(notPiiAttributeType),
                SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.AttributeArgument(
                    SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(string.Empty))))));

        /// <summary>Adds an attribute list above a declaration, keeping its documentation comment above the attribute.</summary>
        public static TNode AddAttributeList<TNode>(TNode declaration, AttributeSyntax attribute, SyntaxTrivia eol)
            where TNode : MemberDeclarationSyntax
        {
            SyntaxTriviaList leading = declaration.GetLeadingTrivia();
            SyntaxTriviaList indentation = Indentation(leading);
            // Normalised, so no elastic trivia invites the formatter to reflow the user's attribute lists.
            AttributeListSyntax list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute)).NormalizeWhitespace();
            if (declaration.AttributeLists.Count > 0)
            {
                // After the existing attributes, on their own line or on the same line, as they are written.
                AttributeListSyntax last = declaration.AttributeLists[declaration.AttributeLists.Count - 1];
                bool ownLine = last.GetTrailingTrivia().Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
                list = ownLine
                    ? list.WithLeadingTrivia(Indentation(last.GetLeadingTrivia())).WithTrailingTrivia(eol)
                    : list.WithLeadingTrivia(SyntaxFactory.TriviaList()).WithTrailingTrivia(SyntaxFactory.Space);
                return (TNode)declaration.WithAttributeLists(declaration.AttributeLists.Add(list));
            }

            list = list.WithLeadingTrivia(leading).WithTrailingTrivia(eol);
            TNode stripped = declaration.WithLeadingTrivia(indentation);
            return (TNode)stripped.WithAttributeLists(stripped.AttributeLists.Insert(0, list));
        }

        /// <summary>The innermost expression the diagnostic's location covers exactly (an argument gives its value).</summary>
        public static ExpressionSyntax? FindExpression(SyntaxNode root, Microsoft.CodeAnalysis.Text.TextSpan span)
        {
            SyntaxNode? node = root.FindNode(span, getInnermostNodeForTie: true);
            while (node != null && node.Span == span)
            {
                if (node is ExpressionSyntax expression && node is not InterpolatedStringContentSyntax)
                {
                    return expression;
                }

                if (node is ArgumentSyntax argument)
                {
                    return argument.Expression;
                }

                node = node.Parent;
            }

            return null;
        }


        /// <summary>
        /// Whether the expression is read as a value that a call can wrap: not assigned to, not passed by ref/out,
        /// not a declaration, a type or a namespace name.
        /// </summary>
        public static bool IsReadOnlyValue(ExpressionSyntax expression)
        {
            if (expression is DeclarationExpressionSyntax || expression is RefExpressionSyntax || expression is ThrowExpressionSyntax)
            {
                return false;
            }

            SyntaxNode? parent = expression.Parent;
            switch (parent)
            {
                case AssignmentExpressionSyntax assignment when assignment.Left == expression:
                    return false;
                case ArgumentSyntax argument when !argument.RefKindKeyword.IsKind(SyntaxKind.None):
                    return false;
                case PrefixUnaryExpressionSyntax prefix when prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression) || prefix.IsKind(SyntaxKind.AddressOfExpression):
                    return false;
                case PostfixUnaryExpressionSyntax:
                    return false;
                case MemberAccessExpressionSyntax member when member.Name == expression:
                    return false;
                case QualifiedNameSyntax:
                    return false;
            }

            return true;
        }

        /// <summary>Whether the expression is already an argument of a PiiMask method.</summary>
        public static bool IsInsidePiiMaskCall(ExpressionSyntax expression, SemanticModel model, System.Threading.CancellationToken cancellationToken)
        {
            if (expression.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } }
                && model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method)
            {
                return method.ContainingType is { Name: "PiiMask" } type && IsPiiGuardType(type);
            }

            return false;
        }

        /// <summary>
        /// PiiMask methods return string? (null only for null input). Whether a call replacing <paramref name="replaced"/>
        /// needs <c>!</c>: nullable warnings are on, <paramref name="input"/> is known not to be null, and the value is
        /// used where a non-null reference is expected (a member access on it, a non-nullable parameter, variable,
        /// assignment target or return type).
        /// </summary>
        public static bool NeedsNonNullResult(ExpressionSyntax replaced, ExpressionSyntax input, SemanticModel model, System.Threading.CancellationToken cancellationToken)
        {
            if ((model.GetNullableContext(replaced.SpanStart) & NullableContext.WarningsEnabled) == 0
                || model.GetTypeInfo(input, cancellationToken).Nullability.FlowState != NullableFlowState.NotNull)
            {
                return false;
            }

            if (replaced.Parent is MemberAccessExpressionSyntax access && access.Expression == replaced)
            {
                return true;
            }

            IOperation? parent = model.GetOperation(replaced, cancellationToken)?.Parent;
            while (parent is Microsoft.CodeAnalysis.Operations.IConversionOperation)
            {
                parent = parent.Parent;
            }

            ITypeSymbol? target = parent switch
            {
                Microsoft.CodeAnalysis.Operations.IArgumentOperation argument => argument.Parameter?.Type,
                Microsoft.CodeAnalysis.Operations.IVariableInitializerOperation { Parent: Microsoft.CodeAnalysis.Operations.IVariableDeclaratorOperation declarator } => declarator.Symbol.Type,
                Microsoft.CodeAnalysis.Operations.ISimpleAssignmentOperation assignment => assignment.Target.Type,
                Microsoft.CodeAnalysis.Operations.IReturnOperation => (model.GetEnclosingSymbol(replaced.SpanStart, cancellationToken) as IMethodSymbol)?.ReturnType,
                _ => null,
            };
            return target is { IsReferenceType: true, NullableAnnotation: NullableAnnotation.NotAnnotated };
        }
    }
}
