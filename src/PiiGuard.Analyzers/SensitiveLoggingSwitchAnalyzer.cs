using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace PiiGuard.Analyzers
{
    /// <summary>
    /// PII009: switches that pour personal data into logs wholesale, turned on outside a development-only branch:
    /// EF Core's EnableSensitiveDataLogging, IdentityModelEventSource.ShowPII / LogCompleteSecurityArtifact, and ASP.NET
    /// Core HTTP logging of request/response bodies or query strings (HttpLoggingOptions.LoggingFields, WithHttpLogging).
    /// A switch is accepted inside <c>if (env.IsDevelopment())</c> (or the else branch of <c>if (!env.IsDevelopment())</c>),
    /// or when its value is not a constant (e.g. <c>EnableSensitiveDataLogging(env.IsDevelopment())</c>).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SensitiveLoggingSwitchAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.SensitiveLoggingSwitch);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var symbols = new Switches(start.Compilation);
                if (!symbols.Any)
                {
                    return;
                }

                start.RegisterOperationAction(symbols.AnalyzeInvocation, OperationKind.Invocation);
                start.RegisterOperationAction(symbols.AnalyzeAssignment, OperationKind.SimpleAssignment, OperationKind.CompoundAssignment);
            });
        }

        private sealed class Switches
        {
            private readonly INamedTypeSymbol? _dbContextOptionsBuilder;
            private readonly INamedTypeSymbol? _dbContextOptionsBuilderOfT;
            private readonly INamedTypeSymbol? _identityModelEventSource;
            private readonly INamedTypeSymbol? _httpLoggingOptions;
            private readonly INamedTypeSymbol? _httpLoggingFields;
            private readonly long _sensitiveFields;

            public Switches(Compilation compilation)
            {
                _dbContextOptionsBuilder = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.DbContextOptionsBuilder");
                _dbContextOptionsBuilderOfT = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.DbContextOptionsBuilder`1");
                _identityModelEventSource = compilation.GetTypeByMetadataName("Microsoft.IdentityModel.Logging.IdentityModelEventSource");
                _httpLoggingOptions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.HttpLogging.HttpLoggingOptions");
                _httpLoggingFields = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.HttpLogging.HttpLoggingFields");
                if (_httpLoggingFields != null)
                {
                    foreach (string name in new[] { "RequestQuery", "RequestBody", "ResponseBody" })
                    {
                        foreach (ISymbol member in _httpLoggingFields.GetMembers(name))
                        {
                            if (member is IFieldSymbol { HasConstantValue: true } field)
                            {
                                _sensitiveFields |= Convert.ToInt64(field.ConstantValue, System.Globalization.CultureInfo.InvariantCulture);
                            }
                        }
                    }
                }
            }

            public bool Any => _dbContextOptionsBuilder != null || _identityModelEventSource != null || _httpLoggingOptions != null;

            public void AnalyzeInvocation(OperationAnalysisContext context)
            {
                var invocation = (IInvocationOperation)context.Operation;
                IMethodSymbol method = invocation.TargetMethod;
                if (method.Name == "EnableSensitiveDataLogging" && method.ContainingType is { } type
                    && (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, _dbContextOptionsBuilder) || SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, _dbContextOptionsBuilderOfT)))
                {
                    bool enabled = true;
                    foreach (IArgumentOperation argument in invocation.Arguments)
                    {
                        if (argument.Parameter?.Type.SpecialType == SpecialType.System_Boolean)
                        {
                            enabled = argument.Value.ConstantValue is { HasValue: true, Value: true };
                        }
                    }

                    if (enabled && !InDevelopmentBranch(invocation))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(Rules.SensitiveLoggingSwitch, invocation.Syntax.GetLocation(), "EnableSensitiveDataLogging"));
                    }

                    return;
                }

                if (method.Name == "WithHttpLogging" && _httpLoggingFields != null)
                {
                    foreach (IArgumentOperation argument in invocation.Arguments)
                    {
                        if (SymbolEqualityComparer.Default.Equals(argument.Parameter?.Type, _httpLoggingFields) && IsSensitiveFields(argument.Value) && !InDevelopmentBranch(invocation))
                        {
                            context.ReportDiagnostic(Diagnostic.Create(Rules.SensitiveLoggingSwitch, argument.Syntax.GetLocation(), "HTTP logging of bodies or query strings"));
                        }
                    }
                }
            }

            public void AnalyzeAssignment(OperationAnalysisContext context)
            {
                var assignment = (IAssignmentOperation)context.Operation;
                if (assignment.Target is not IPropertyReferenceOperation { Property: { } property })
                {
                    return;
                }

                if (_identityModelEventSource != null && SymbolEqualityComparer.Default.Equals(property.ContainingType, _identityModelEventSource)
                    && property.Name is "ShowPII" or "LogCompleteSecurityArtifact"
                    && assignment.Value.ConstantValue is { HasValue: true, Value: true }
                    && !InDevelopmentBranch(assignment))
                {
                    context.ReportDiagnostic(Diagnostic.Create(Rules.SensitiveLoggingSwitch, assignment.Syntax.GetLocation(), "IdentityModelEventSource." + property.Name));
                    return;
                }

                if (_httpLoggingOptions != null && SymbolEqualityComparer.Default.Equals(property.ContainingType, _httpLoggingOptions) && property.Name == "LoggingFields"
                    && IsSensitiveFields(assignment.Value) && !InDevelopmentBranch(assignment))
                {
                    context.ReportDiagnostic(Diagnostic.Create(Rules.SensitiveLoggingSwitch, assignment.Syntax.GetLocation(), "HTTP logging of bodies or query strings"));
                }
            }

            private bool IsSensitiveFields(IOperation value)
            {
                while (value is IConversionOperation conversion)
                {
                    value = conversion.Operand;
                }

                if (!value.ConstantValue.HasValue || value.ConstantValue.Value is null)
                {
                    return false;
                }

                long fields = Convert.ToInt64(value.ConstantValue.Value, System.Globalization.CultureInfo.InvariantCulture);
                return (fields & _sensitiveFields) != 0;
            }

            /// <summary>Inside the true branch of a condition calling IsDevelopment() (or the false branch of its negation).</summary>
            private static bool InDevelopmentBranch(IOperation operation)
            {
                IOperation child = operation;
                for (IOperation? parent = operation.Parent; parent != null; child = parent, parent = parent.Parent)
                {
                    if (parent is IConditionalOperation conditional && !ReferenceEquals(conditional.Condition, child))
                    {
                        bool inTrue = ReferenceEquals(conditional.WhenTrue, child);
                        bool? development = MentionsDevelopment(conditional.Condition, negated: false);
                        if (development is bool positive && positive == inTrue)
                        {
                            return true;
                        }
                    }

                    // if (!env.IsDevelopment()) return; ... the switch
                    if (parent is IBlockOperation block && FollowsDevelopmentGuard(block, child))
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>Whether a statement before <paramref name="statement"/> leaves the block when not in development.</summary>
            private static bool FollowsDevelopmentGuard(IBlockOperation block, IOperation statement)
            {
                foreach (IOperation previous in block.Operations)
                {
                    if (ReferenceEquals(previous, statement))
                    {
                        return false;
                    }

                    if (previous is IConditionalOperation { WhenFalse: null } guard && MentionsDevelopment(guard.Condition, negated: false) == false && Exits(guard.WhenTrue))
                    {
                        return true;
                    }
                }

                return false;
            }

            private static bool Exits(IOperation operation) => operation switch
            {
                IReturnOperation or IThrowOperation or IBranchOperation => true,
                IExpressionStatementOperation { Operation: IThrowOperation } => true,
                IBlockOperation { Operations.Length: > 0 } block => Exits(block.Operations[block.Operations.Length - 1]),
                _ => false,
            };

            /// <summary>True when the condition holds in development, false when it holds outside it, null when it does not say.</summary>
            private static bool? MentionsDevelopment(IOperation condition, bool negated)
            {
                switch (condition)
                {
                    case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                        return MentionsDevelopment(not.Operand, !negated);
                    case IInvocationOperation { TargetMethod.Name: "IsDevelopment" }:
                        return !negated;
                    case IInvocationOperation { TargetMethod.Name: "IsEnvironment" } isEnvironment
                        when isEnvironment.Arguments.Length > 0 && isEnvironment.Arguments[isEnvironment.Arguments.Length - 1].Value.ConstantValue.Value is "Development":
                        return !negated;
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } both when !negated:
                        return MentionsDevelopment(both.LeftOperand, false) == true || MentionsDevelopment(both.RightOperand, false) == true ? true : null;
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } either when negated:
                        return MentionsDevelopment(either.LeftOperand, true) == false || MentionsDevelopment(either.RightOperand, true) == false ? false : null;
                    case IConversionOperation conversion:
                        return MentionsDevelopment(conversion.Operand, negated);
                    default:
                        return null;
                }
            }
        }
    }
}
