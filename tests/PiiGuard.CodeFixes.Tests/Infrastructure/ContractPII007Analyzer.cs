using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PiiGuard.Analyzers;
using PiiGuard.Analyzers.Core;

namespace PiiGuard.CodeFixes.Tests.Infrastructure;

/// <summary>
/// Test stand-in for the PII007 analyzer (written elsewhere): reports <c>HashData</c>/<c>ComputeHash</c> of
/// System.Security.Cryptography over <c>Encoding.X.GetBytes(member)</c> where the member is personal data, at the
/// hash invocation, with the contract properties piiKind and fix=pseudonymize.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ContractPII007Analyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rules.UnkeyedHash);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            PiiSymbols symbols = PiiSymbols.Create(start.Compilation);
            start.RegisterOperationAction(ctx =>
            {
                var hash = (IInvocationOperation)ctx.Operation;
                if (hash.TargetMethod.Name is not ("HashData" or "ComputeHash")
                    || hash.TargetMethod.ContainingNamespace.ToDisplayString() != "System.Security.Cryptography"
                    || hash.Arguments.Length == 0
                    || hash.Arguments[0].Value is not IInvocationOperation { TargetMethod.Name: "GetBytes" } getBytes
                    || getBytes.Arguments.Length != 1)
                {
                    return;
                }

                IOperation value = getBytes.Arguments[0].Value;
                while (value is IConversionOperation conversion)
                {
                    value = conversion.Operand;
                }

                ISymbol? member = value switch
                {
                    IPropertyReferenceOperation p => p.Property,
                    IFieldReferenceOperation f => f.Field,
                    IParameterReferenceOperation p => p.Parameter,
                    _ => null,
                };
                if (symbols.GetPii(member) is not PiiInfo info)
                {
                    return;
                }

                var properties = ImmutableDictionary<string, string?>.Empty.Add("piiKind", info.KindName).Add("fix", "pseudonymize");
                ctx.ReportDiagnostic(Diagnostic.Create(Rules.UnkeyedHash, hash.Syntax.GetLocation(), properties, member!.Name, info.Describe(), hash.TargetMethod.Name, "a log"));
            }, OperationKind.Invocation);
        });
    }
}
