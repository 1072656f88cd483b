using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiGuard.Analyzers;
using PiiGuard.Analyzers.Core;

namespace PiiGuard.CodeFixes.Tests.Infrastructure;

/// <summary>
/// Test stand-in for the PII006 analyzer (written elsewhere): reports a class, struct or record declaration with a
/// personal member that is not both partial and [GenerateMasking], at its identifier, with the contract
/// properties piiKind and fix=addGenerateMasking.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ContractPII006Analyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rules.UnmaskedToString);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            PiiSymbols symbols = PiiSymbols.Create(start.Compilation);
            start.RegisterSyntaxNodeAction(ctx =>
            {
                var declaration = (TypeDeclarationSyntax)ctx.Node;
                if (ctx.SemanticModel.GetDeclaredSymbol(declaration, ctx.CancellationToken) is not INamedTypeSymbol type
                    || type.DeclaringSyntaxReferences[0].GetSyntax(ctx.CancellationToken) != declaration)
                {
                    return;
                }

                ISymbol? member = type.GetMembers().FirstOrDefault(m => m is IPropertySymbol && symbols.GetPii(m) != null);
                bool generated = type.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, symbols.GenerateMaskingAttribute));
                bool partial = type.DeclaringSyntaxReferences.All(r => ((TypeDeclarationSyntax)r.GetSyntax()).Modifiers.Any(SyntaxKind.PartialKeyword));
                if (member is null || (generated && partial))
                {
                    return;
                }

                var properties = ImmutableDictionary<string, string?>.Empty
                    .Add("piiKind", symbols.GetPii(member)!.Value.KindName)
                    .Add("fix", "addGenerateMasking");
                ctx.ReportDiagnostic(Diagnostic.Create(Rules.UnmaskedToString, declaration.Identifier.GetLocation(), properties, type.Name, member.Name, "ToString"));
            }, SyntaxKind.ClassDeclaration, SyntaxKind.StructDeclaration, SyntaxKind.RecordDeclaration, SyntaxKind.RecordStructDeclaration);
        });
    }
}
