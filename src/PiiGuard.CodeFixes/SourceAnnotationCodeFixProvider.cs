using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;
using PiiGuard.Analyzers;

namespace PiiGuard.CodeFixes
{
    /// <summary>
    /// PII001-PII005 and PII007 whose source was found by name (<c>inferred=name</c>, <c>PiiGuardDiscovery=names</c>): two
    /// fixes on the member or parameter that carries the data, wherever it is declared in the solution, alongside the
    /// masking fix at the sink: <c>[Pii(PiiKind.X)]</c> (the inferred kind; the leak stays reported, now as an annotated
    /// source, and the generator masks the member) and <c>[NotPii("")]</c> (the leak goes away; PII108 asks for the
    /// reason). Fix All annotates each carrier once, however many leaks it has. Declared after
    /// <see cref="MaskWithPiiMaskCodeFixProvider"/>, so that <c>dotnet format</c> (which applies a diagnostic's first provider)
    /// keeps masking; CodeFixCatalogTests pins the order.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SourceAnnotationCodeFixProvider)), Shared]
    public sealed class SourceAnnotationCodeFixProvider : CodeFixProvider
    {
        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            RuleIdentifiers.LogLeak, RuleIdentifiers.EgressLeak, RuleIdentifiers.TelemetryLeak, RuleIdentifiers.ExceptionLeak,
            RuleIdentifiers.WholeObjectLeak, RuleIdentifiers.UnkeyedHash);

        /// <inheritdoc />
        public override FixAllProvider GetFixAllProvider() => new FixAll();

        /// <inheritdoc />
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                if (await FindTargetAsync(context.Document.Project.Solution, context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false) is not { } target)
                {
                    continue;
                }

                Solution solution = context.Document.Project.Solution;
                if (target.Kind != null && target.HasPiiAttribute)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            $"Annotate {target.Display} with [Pii(PiiKind.{target.Kind})]",
                            ct => ApplyAsync(solution, new[] { target }, annotate: true, ct),
                            FixNames.AnnotateDiscoveredSource),
                        diagnostic);
                }

                if (target.HasNotPiiAttribute)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            $"Mark {target.Display} as not personal data with [NotPii(\"reason\")]",
                            ct => ApplyAsync(solution, new[] { target }, annotate: false, ct),
                            FixNames.MarkDiscoveredSourceNotPii),
                        diagnostic);
                }
            }
        }

        /// <summary>
        /// The declaration of the carrier a discovered leak names: the member given by the <c>type</c> and <c>name</c>
        /// properties (declared anywhere in the solution), or the parameter named by <c>member</c> in scope at the leak.
        /// </summary>
        private static async Task<Target?> FindTargetAsync(Solution solution, Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticPropertyNames.Inferred, out string? inferred) || inferred != DiagnosticPropertyNames.InferredFromName
                || !diagnostic.Properties.TryGetValue(DiagnosticPropertyNames.Member, out string? member) || string.IsNullOrEmpty(member))
            {
                return null;
            }

            DiagnosticProperties.TryGetKind(diagnostic, out string kind);
            ISymbol? symbol = null;
            if (diagnostic.Properties.TryGetValue(DiagnosticPropertyNames.Type, out string? typeName) && typeName != null
                && diagnostic.Properties.TryGetValue(DiagnosticPropertyNames.Name, out string? name) && name != null)
            {
                string simple = typeName;
                int generic = simple.IndexOf('<');
                if (generic >= 0)
                {
                    simple = simple.Substring(0, generic);
                }

                simple = simple.Substring(simple.LastIndexOf('.') + 1);
                foreach (ISymbol candidate in await SymbolFinder.FindSourceDeclarationsAsync(solution, simple, ignoreCase: false, SymbolFilter.Type, cancellationToken).ConfigureAwait(false))
                {
                    if (candidate is INamedTypeSymbol type && type.OriginalDefinition.ToDisplayString() == typeName)
                    {
                        symbol = type.GetMembers(name).FirstOrDefault(m => m is IPropertySymbol or IFieldSymbol);
                        break;
                    }
                }
            }
            else if (member!.IndexOf('.') < 0 && member.IndexOf('(') < 0)
            {
                SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                for (ISymbol? scope = model?.GetEnclosingSymbol(diagnostic.Location.SourceSpan.Start, cancellationToken); scope != null && symbol is null; scope = scope.ContainingSymbol)
                {
                    if (scope is IMethodSymbol method)
                    {
                        symbol = method.Parameters.FirstOrDefault(p => p.Name == member);
                    }
                }
            }

            if (symbol is null || symbol.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            SyntaxReference reference = symbol.DeclaringSyntaxReferences[0];
            Document? declaringDocument = solution.GetDocument(reference.SyntaxTree);
            if (declaringDocument is null)
            {
                return null;
            }

            SyntaxNode declaration = await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false);
            SyntaxToken identifier = declaration switch
            {
                PropertyDeclarationSyntax p => p.Identifier,
                ParameterSyntax p => p.Identifier,
                VariableDeclaratorSyntax v => v.Identifier,
                _ => default,
            };
            SyntaxNode? node = PiiGuardSyntax.AnnotationTarget(identifier);
            if (node is null)
            {
                return null;
            }

            Compilation? compilation = await declaringDocument.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            bool hasPii = compilation?.GetTypeByMetadataName("PiiGuard.PiiAttribute") != null && kind.Length > 0;
            bool hasNotPii = compilation?.GetTypeByMetadataName("PiiGuard.NotPiiAttribute") != null;
            string display = symbol is IParameterSymbol ? symbol.Name : symbol.ContainingType.Name + "." + symbol.Name;
            return new Target(declaringDocument.Id, node, kind.Length > 0 ? kind : null, display, hasPii, hasNotPii);
        }

        /// <summary>Adds the attribute to every target, once per declaration, document by document.</summary>
        private static async Task<Solution> ApplyAsync(Solution solution, IEnumerable<Target> targets, bool annotate, CancellationToken cancellationToken)
        {
            foreach (IGrouping<DocumentId, Target> group in targets.Where(t => annotate ? t.HasPiiAttribute && t.Kind != null : t.HasNotPiiAttribute).GroupBy(t => t.DocumentId))
            {
                Document document = solution.GetDocument(group.Key)!;
                SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                if (root is null || model is null)
                {
                    continue;
                }

                var byNode = new Dictionary<SyntaxNode, Target>();
                foreach (Target target in group)
                {
                    SyntaxNode node = root.FindNode(target.Node.Span, getInnermostNodeForTie: false);
                    node = node.AncestorsAndSelf().FirstOrDefault(n => n.Span == target.Node.Span && n.RawKind == target.Node.RawKind) ?? node;
                    if (!byNode.ContainsKey(node))
                    {
                        byNode.Add(node, target);
                    }
                }

                bool needsUsing = false;
                SyntaxTrivia eol = PiiGuardSyntax.EndOfLine(root);
                SyntaxNode newRoot = root.ReplaceNodes(byNode.Keys, (original, rewritten) =>
                {
                    int position = original.SpanStart;
                    AttributeSyntax attribute = annotate
                        ? PiiGuardSyntax.PiiAttribute(
                            PiiGuardSyntax.TypeName(model, position, "PiiAttribute", ref needsUsing),
                            Microsoft.CodeAnalysis.CSharp.SyntaxFactory.ParseExpression(PiiGuardSyntax.TypeName(model, position, "PiiKind", ref needsUsing).ToString()),
                            byNode[original].Kind!)
                        : PiiGuardSyntax.NotPiiAttribute(PiiGuardSyntax.TypeName(model, position, "NotPiiAttribute", ref needsUsing));
                    return PiiGuardSyntax.AddAttribute(rewritten, attribute, eol);
                });
                if (needsUsing && newRoot is CompilationUnitSyntax unit)
                {
                    newRoot = PiiGuardSyntax.AddPiiGuardUsing(unit);
                }

                solution = solution.WithDocumentSyntaxRoot(group.Key, newRoot);
            }

            return solution;
        }

        /// <summary>A declaration to annotate.</summary>
        private sealed class Target
        {
            public Target(DocumentId documentId, SyntaxNode node, string? kind, string display, bool hasPiiAttribute, bool hasNotPiiAttribute)
            {
                DocumentId = documentId;
                Node = node;
                Kind = kind;
                Display = display;
                HasPiiAttribute = hasPiiAttribute;
                HasNotPiiAttribute = hasNotPiiAttribute;
            }

            public DocumentId DocumentId { get; }

            public SyntaxNode Node { get; }

            public string? Kind { get; }

            public string Display { get; }

            public bool HasPiiAttribute { get; }

            public bool HasNotPiiAttribute { get; }
        }

        /// <summary>Fix All: collects the leaks of the scope, resolves their carriers and annotates each once.</summary>
        private sealed class FixAll : FixAllProvider
        {
            public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

            public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
            {
                bool annotate = fixAllContext.CodeActionEquivalenceKey == FixNames.AnnotateDiscoveredSource;
                if (!annotate && fixAllContext.CodeActionEquivalenceKey != FixNames.MarkDiscoveredSourceNotPii)
                {
                    return null;
                }

                Solution solution = fixAllContext.Solution;
                var diagnostics = new List<(Document, Diagnostic)>();
                switch (fixAllContext.Scope)
                {
                    case FixAllScope.Document when fixAllContext.Document != null:
                        foreach (Diagnostic d in await fixAllContext.GetDocumentDiagnosticsAsync(fixAllContext.Document).ConfigureAwait(false))
                        {
                            diagnostics.Add((fixAllContext.Document, d));
                        }

                        break;
                    case FixAllScope.Project:
                        await AddProjectAsync(fixAllContext, fixAllContext.Project, diagnostics).ConfigureAwait(false);
                        break;
                    case FixAllScope.Solution:
                        foreach (Project project in solution.Projects)
                        {
                            await AddProjectAsync(fixAllContext, project, diagnostics).ConfigureAwait(false);
                        }

                        break;
                }

                var targets = new List<Target>();
                foreach ((Document document, Diagnostic diagnostic) in diagnostics)
                {
                    if (await FindTargetAsync(solution, document, diagnostic, fixAllContext.CancellationToken).ConfigureAwait(false) is { } target)
                    {
                        targets.Add(target);
                    }
                }

                string title = annotate ? "Annotate the discovered sources with [Pii]" : "Mark the discovered sources as not personal data";
                return CodeAction.Create(title, ct => ApplyAsync(solution, targets, annotate, ct), fixAllContext.CodeActionEquivalenceKey);
            }

            private static async Task AddProjectAsync(FixAllContext context, Project project, List<(Document, Diagnostic)> diagnostics)
            {
                foreach (Diagnostic d in await context.GetAllDiagnosticsAsync(project).ConfigureAwait(false))
                {
                    if (d.Location.SourceTree != null && project.GetDocument(d.Location.SourceTree) is { } document)
                    {
                        diagnostics.Add((document, d));
                    }
                }
            }
        }
    }
}
