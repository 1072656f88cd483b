using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PiiGuard.Analyzers;
using PiiGuard.Analyzers.Core;

namespace PiiGuard.CodeFixes
{
    /// <summary>
    /// PII007, <c>fix=pseudonymize</c>: the diagnostic's location is an unkeyed hash of a string's bytes,
    /// <c>SHA256.HashData(Encoding.UTF8.GetBytes(s))</c> or <c>sha.ComputeHash(Encoding.UTF8.GetBytes(s))</c>, turned into
    /// text by <c>Convert.ToHexString</c>, <c>Convert.ToHexStringLower</c>, <c>Convert.ToBase64String</c> or
    /// <c>BitConverter.ToString</c>. That text expression is replaced with <c>PiiMask.Pseudonymize(s, key)</c>.
    /// <para>
    /// The key: a <c>byte[]</c> local, parameter, field or property in scope whose name says key or secret
    /// (<c>_pseudonymKey</c>, <c>hmacKey</c>, <c>Secret</c>…; names with Pseudonym or Hmac first). When there is none,
    /// the fix declares <c>private static readonly byte[] PseudonymKey = System.Array.Empty&lt;byte&gt;();</c> in the type
    /// with a TODO: it compiles, and Pseudonymize fails closed (throws) until the developer loads a real key.
    /// </para>
    /// Not offered when the hash input is not a string's bytes, or its result is used as bytes (there is no text
    /// expression to replace).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseKeyedPseudonymCodeFixProvider)), Shared]
    public sealed class UseKeyedPseudonymCodeFixProvider : DocumentRewriteCodeFixProvider
    {
        /// <summary>The name of the key field the fix declares when no key is in scope.</summary>
        public const string KeyFieldName = "PseudonymKey";

        private static readonly SyntaxAnnotation NeedsKeyField = new SyntaxAnnotation("PiiGuard.NeedsPseudonymKeyField");

        private static readonly ImmutableHashSet<string> TextConverters = ImmutableHashSet.Create(
            "System.Convert.ToHexString", "System.Convert.ToHexStringLower", "System.Convert.ToBase64String", "System.BitConverter.ToString");

        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.UnkeyedHash);

        /// <inheritdoc />
        protected override string EquivalenceKey => FixNames.UseKeyedPseudonym;

        /// <inheritdoc />
        protected override FixPlan? Plan(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
        {
            if (!DiagnosticProperties.Is(diagnostic, DiagnosticProperties.FixPseudonymize) || model.Compilation.GetTypeByMetadataName("PiiGuard.PiiMask") is null)
            {
                return null;
            }

            if (PiiGuardSyntax.FindExpression(root, diagnostic.Location.SourceSpan) is not InvocationExpressionSyntax hash
                || hash.ArgumentList.Arguments.Count == 0
                || hash.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Arguments.Count: 1, Parent: InvocationExpressionSyntax converter } }
                || !IsTextConverter(converter, model, cancellationToken)
                || HashedString(hash.ArgumentList.Arguments[0].Expression, model, cancellationToken) is not { } hashed)
            {
                return null;
            }

            bool isStatic = IsStaticContext(converter, model, cancellationToken);
            string? key = FindKey(converter, model, isStatic, cancellationToken);
            if (key is null && !CanDeclareKey(converter, model, cancellationToken))
            {
                return null;
            }

            bool bang = NeedsNonNull(converter, hashed, model, cancellationToken);
            string title = key is null
                ? $"Use keyed pseudonymisation (PiiMask.Pseudonymize with a new {KeyFieldName} to fill in)"
                : $"Use keyed pseudonymisation (PiiMask.Pseudonymize with '{key}')";
            return new FixPlan(converter, title, diagnostic, new Data(hashed, key, bang));
        }

        /// <inheritdoc />
        protected override SyntaxNode Rewrite(FixPlan plan, SyntaxNode rewritten, RewriteContext context)
        {
            var data = (Data)plan.Data!;
            ExpressionSyntax piiMask = context.TypeExpression(plan.Node.SpanStart, "PiiMask");
            ExpressionSyntax key = SyntaxFactory.IdentifierName(data.Key ?? KeyFieldName);
            ExpressionSyntax call = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, piiMask, SyntaxFactory.IdentifierName("Pseudonymize")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(
                    new[] { SyntaxFactory.Argument(data.Hashed.WithoutTrivia()), SyntaxFactory.Argument(key) },
                    new[] { SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space) })));
            if (data.NonNull)
            {
                call = SyntaxFactory.PostfixUnaryExpression(SyntaxKind.SuppressNullableWarningExpression, call);
            }

            call = call.WithTriviaFrom(rewritten);
            return data.Key is null ? call.WithAdditionalAnnotations(NeedsKeyField) : call;
        }

        /// <inheritdoc />
        protected override SyntaxNode AfterRewrite(SyntaxNode root, IReadOnlyList<FixPlan> plans, RewriteContext context)
        {
            var types = new HashSet<TypeDeclarationSyntax>();
            foreach (SyntaxNode marked in root.GetAnnotatedNodes(NeedsKeyField))
            {
                if (marked.Ancestors().OfType<TypeDeclarationSyntax>().FirstOrDefault() is { } type)
                {
                    types.Add(type);
                }
            }

            return types.Count == 0 ? root : root.ReplaceNodes(types, (_, type) => AddKeyField(type, context.EndOfLine));
        }

        private static TypeDeclarationSyntax AddKeyField(TypeDeclarationSyntax type, SyntaxTrivia eol)
        {
            // Indent like the type's first member (or one level, four spaces, deeper than the type).
            SyntaxTriviaList indentation = type.Members.Count > 0
                ? PiiGuardSyntax.Indentation(type.Members[0].GetLeadingTrivia())
                : SyntaxFactory.TriviaList(SyntaxFactory.Whitespace(PiiGuardSyntax.Indentation(type.GetLeadingTrivia()).ToFullString() + "    "));
            string indent = indentation.ToFullString();
            string text =
                indent + "// TODO: load the pseudonymisation key (at least 16 bytes) from your secret store; PiiMask.Pseudonymize throws until it is set." + eol.ToFullString()
                + indent + "private static readonly byte[] " + KeyFieldName + " = System.Array.Empty<byte>();" + eol.ToFullString();
            var field = (MemberDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration(text)!;
            if (type.Members.Count > 0)
            {
                field = field.WithTrailingTrivia(field.GetTrailingTrivia().Add(eol));
            }

            return type.WithMembers(type.Members.Insert(0, field));
        }

        private static bool IsTextConverter(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken) =>
            model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method
            && method.Parameters.Length == 1
            && TextConverters.Contains(method.ContainingType.ToDisplayString() + "." + method.Name);

        /// <summary>The string whose bytes are hashed: <c>s</c> in <c>Encoding.UTF8.GetBytes(s)</c>.</summary>
        private static ExpressionSyntax? HashedString(ExpressionSyntax input, SemanticModel model, CancellationToken cancellationToken)
        {
            if (input is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1 } getBytes
                && model.GetSymbolInfo(getBytes, cancellationToken).Symbol is IMethodSymbol { Name: "GetBytes" } method
                && InheritsFrom(method.ContainingType, "System.Text.Encoding")
                && getBytes.ArgumentList.Arguments[0].Expression is { } s
                && model.GetTypeInfo(s, cancellationToken).Type?.SpecialType == SpecialType.System_String)
            {
                return s;
            }

            return null;
        }

        private static bool InheritsFrom(INamedTypeSymbol? type, string name)
        {
            for (INamedTypeSymbol? t = type; t != null; t = t.BaseType)
            {
                if (t.ToDisplayString() == name)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsStaticContext(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
        {
            ISymbol? container = model.GetEnclosingSymbol(node.SpanStart, cancellationToken);
            for (ISymbol? s = container; s != null && s is not INamedTypeSymbol; s = s.ContainingSymbol)
            {
                if (s.IsStatic && s is not ILocalSymbol)
                {
                    return true;
                }

                if (s is IMethodSymbol { MethodKind: not MethodKind.AnonymousFunction and not MethodKind.LocalFunction })
                {
                    return s.IsStatic;
                }
            }

            return false;
        }

        /// <summary>A byte[] in scope whose name says key or secret; the best by name.</summary>
        private static string? FindKey(SyntaxNode node, SemanticModel model, bool isStatic, CancellationToken cancellationToken)
        {
            string? best = null;
            int bestScore = 0;
            foreach (ISymbol symbol in model.LookupSymbols(node.SpanStart))
            {
                ITypeSymbol? type = symbol switch
                {
                    ILocalSymbol l => l.Type,
                    IParameterSymbol p => p.Type,
                    IFieldSymbol f when !isStatic || f.IsStatic => f.Type,
                    IPropertySymbol p when (!isStatic || p.IsStatic) && p.GetMethod != null && p.Parameters.IsEmpty => p.Type,
                    _ => null,
                };
                if (type is not IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte, Rank: 1 })
                {
                    continue;
                }

                int score = Score(symbol.Name);
                if (score > bestScore || (score == bestScore && score > 0 && string.CompareOrdinal(symbol.Name, best) < 0))
                {
                    best = symbol.Name;
                    bestScore = score;
                }
            }

            return best;
        }

        private static int Score(string name)
        {
            List<string> words = PersonalDataNames.SplitWords(name);
            if (!words.Any(w => w is "key" or "secret" or "pepper"))
            {
                return 0;
            }

            if (words.Any(w => w is "public" or "iv" or "salt" or "nonce"))
            {
                return 0;
            }

            return words.Any(w => w.StartsWith("pseudonym", StringComparison.Ordinal)) ? 3 : words.Contains("hmac") ? 2 : 1;
        }

        /// <summary>A key field can be declared: one declaration of the type, no member of that name yet.</summary>
        private static bool CanDeclareKey(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
        {
            if (node.Ancestors().OfType<TypeDeclarationSyntax>().FirstOrDefault() is not { } declaration
                || declaration is InterfaceDeclarationSyntax
                || model.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol type)
            {
                return false;
            }

            return type.DeclaringSyntaxReferences.Length == 1 && type.GetMembers(KeyFieldName).IsEmpty;
        }

        /// <summary>
        /// Pseudonymize returns string?; the text converters returned string. Keep the expression non-null (<c>!</c>)
        /// where a non-null string is expected, when the hashed string is known not to be null (then neither is its pseudonym).
        /// </summary>
        private static bool NeedsNonNull(ExpressionSyntax replaced, ExpressionSyntax hashed, SemanticModel model, CancellationToken cancellationToken) =>
            PiiGuardSyntax.NeedsNonNullResult(replaced, hashed, model, cancellationToken);

        private sealed class Data
        {
            public Data(ExpressionSyntax hashed, string? key, bool nonNull)
            {
                Hashed = hashed;
                Key = key;
                NonNull = nonNull;
            }

            public ExpressionSyntax Hashed { get; }

            public string? Key { get; }

            public bool NonNull { get; }
        }
    }
}
