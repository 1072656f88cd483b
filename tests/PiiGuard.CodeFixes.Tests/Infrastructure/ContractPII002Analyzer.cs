using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PiiGuard.Analyzers;
using PiiGuard.Analyzers.Core;

namespace PiiGuard.CodeFixes.Tests.Infrastructure;

/// <summary>
/// Test stand-in for the egress rule: a personal member passed directly to a method marked [PiiSink], reported at
/// the argument value with piiKind and fix=mask (when it is a string).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ContractPII002Analyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rules.EgressLeak);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            PiiSymbols symbols = PiiSymbols.Create(start.Compilation);
            start.RegisterOperationAction(ctx =>
            {
                var invocation = (IInvocationOperation)ctx.Operation;
                if (!invocation.TargetMethod.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, symbols.PiiSinkAttribute)))
                {
                    return;
                }

                foreach (IArgumentOperation argument in invocation.Arguments)
                {
                    IOperation value = argument.Value is IConversionOperation c ? c.Operand : argument.Value;
                    ISymbol? member = value is IPropertyReferenceOperation p ? p.Property : null;
                    if (symbols.GetPii(member) is PiiInfo info && value.Type?.SpecialType == SpecialType.System_String)
                    {
                        var properties = ImmutableDictionary<string, string?>.Empty.Add("piiKind", info.KindName).Add("fix", "mask");
                        ctx.ReportDiagnostic(Diagnostic.Create(Rules.EgressLeak, value.Syntax.GetLocation(), properties, member!.Name, info.Describe(), invocation.TargetMethod.Name));
                    }
                }
            }, OperationKind.Invocation);
        });
    }
}
