using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PiiGuard.Analyzers;

namespace PiiGuard.CodeFixes.Tests.Infrastructure;

/// <summary>
/// Test stand-in for the PII005 analyzer (written elsewhere): an object whose type has ToMaskedString() passed
/// whole to Console.WriteLine or Console.Write, reported at the argument with fix=toMaskedString.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ContractPII005Analyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rules.WholeObjectLeak);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(ctx =>
        {
            var invocation = (IInvocationOperation)ctx.Operation;
            if (invocation.TargetMethod.ContainingType.ToDisplayString() != "System.Console")
            {
                return;
            }

            foreach (IArgumentOperation argument in invocation.Arguments)
            {
                IOperation value = argument.Value;
                while (value is IConversionOperation conversion)
                {
                    value = conversion.Operand;
                }

                if (value.Type is INamedTypeSymbol type && type.GetMembers("ToMaskedString").Any())
                {
                    var properties = ImmutableDictionary<string, string?>.Empty.Add("piiKind", "Other").Add("fix", "toMaskedString");
                    ctx.ReportDiagnostic(Diagnostic.Create(Rules.WholeObjectLeak, value.Syntax.GetLocation(), properties, type.Name, "Email", "Console." + invocation.TargetMethod.Name));
                }
            }
        }, OperationKind.Invocation);
    }
}
