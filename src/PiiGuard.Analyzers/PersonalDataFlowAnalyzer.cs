using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PiiGuard.Analyzers.Core;

namespace PiiGuard.Analyzers
{
    /// <summary>
    /// Reports personal data that reaches a sink unredacted (PII001). First cut: a personal member read directly
    /// in an argument of a Microsoft.Extensions.Logging or Console call. The flow engine replaces this.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PersonalDataFlowAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.LogLeak);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                PiiSymbols symbols = PiiSymbols.Create(start.Compilation);
                if (!symbols.HasAnySource)
                {
                    return;
                }

                INamedTypeSymbol? loggerExtensions = start.Compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.LoggerExtensions");
                INamedTypeSymbol? console = start.Compilation.GetTypeByMetadataName("System.Console");
                start.RegisterOperationAction(ctx => AnalyzeInvocation(ctx, symbols, loggerExtensions, console), OperationKind.Invocation);
            });
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, PiiSymbols symbols, INamedTypeSymbol? loggerExtensions, INamedTypeSymbol? console)
        {
            var invocation = (IInvocationOperation)context.Operation;
            INamedTypeSymbol containing = invocation.TargetMethod.ContainingType;
            if (!SymbolEqualityComparer.Default.Equals(containing, loggerExtensions) && !SymbolEqualityComparer.Default.Equals(containing, console))
            {
                return;
            }

            string sink = containing.Name == "LoggerExtensions" ? "ILogger." + invocation.TargetMethod.Name : containing.Name + "." + invocation.TargetMethod.Name;
            foreach (IArgumentOperation argument in invocation.Arguments)
            {
                foreach (IOperation value in Flatten(argument.Value))
                {
                    ISymbol? member = value switch
                    {
                        IPropertyReferenceOperation p => p.Property,
                        IFieldReferenceOperation f => f.Field,
                        IParameterReferenceOperation p => p.Parameter,
                        _ => null,
                    };
                    if (member is null || symbols.GetPii(member) is not PiiInfo info)
                    {
                        continue;
                    }

                    string name = member is IParameterSymbol ? member.Name : member.ContainingType.Name + "." + member.Name;
                    // Contract with the code fixes: piiKind, and fix=mask when the expression is a string PiiMask.Apply can take.
                    ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty.Add("piiKind", info.KindName);
                    if (value.Type?.SpecialType == SpecialType.System_String)
                    {
                        properties = properties.Add("fix", "mask");
                    }

                    context.ReportDiagnostic(Diagnostic.Create(Rules.LogLeak, value.Syntax.GetLocation(), properties, name, info.Describe(), sink));
                }
            }
        }

        private static System.Collections.Generic.IEnumerable<IOperation> Flatten(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            if (operation is IArrayCreationOperation { Initializer: { } initializer })
            {
                foreach (IOperation element in initializer.ElementValues)
                {
                    foreach (IOperation inner in Flatten(element))
                    {
                        yield return inner;
                    }
                }
            }
            else if (operation is IInterpolatedStringOperation interpolated)
            {
                foreach (IInterpolatedStringContentOperation part in interpolated.Parts)
                {
                    if (part is IInterpolationOperation interpolation)
                    {
                        foreach (IOperation inner in Flatten(interpolation.Expression))
                        {
                            yield return inner;
                        }
                    }
                }
            }
            else
            {
                yield return operation;
            }
        }
    }
}
