using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace PiiGuard.Analyzers
{
    /// <summary>
    /// PII009: switches that pour personal data into logs wholesale, turned on outside a development-only branch:
    /// EF Core's EnableSensitiveDataLogging, IdentityModelEventSource.ShowPII / LogCompleteSecurityArtifact, and ASP.NET
    /// Core HTTP logging of request/response bodies or query strings (HttpLoggingOptions.LoggingFields, WithHttpLogging), and
    /// ASP.NET Core W3C logging of cookies, user names, client IP addresses, referers or query strings
    /// (W3CLoggerOptions.LoggingFields). A switch is accepted inside <c>if (env.IsDevelopment())</c> (or the else branch of
    /// <c>if (!env.IsDevelopment())</c>, or after <c>if (!env.IsDevelopment()) return;</c>), where the check may be stored in a
    /// local assigned once (<c>var isDev = env.IsDevelopment(); if (isDev) …</c>), inside <c>#if DEBUG</c>, or when its
    /// value is not a constant (e.g. <c>EnableSensitiveDataLogging(env.IsDevelopment())</c>). The diagnostic's <c>sink</c>
    /// property names the switch.
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

                // Syntax first, by the switch's name; only those nodes are bound. An operation action would make the driver
                // build every body's operation tree for a handful of calls (issue 18).
                start.RegisterSyntaxNodeAction(symbols.AnalyzeInvocationSyntax, SyntaxKind.InvocationExpression);
                start.RegisterSyntaxNodeAction(symbols.AnalyzeAssignmentSyntax, SyntaxKind.SimpleAssignmentExpression, SyntaxKind.OrAssignmentExpression);
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
            private readonly INamedTypeSymbol? _w3cLoggerOptions;
            private readonly ImmutableArray<(string Name, long Value)> _w3cPersonalFields;

            public Switches(Compilation compilation)
            {
                _dbContextOptionsBuilder = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.DbContextOptionsBuilder");
                _dbContextOptionsBuilderOfT = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.DbContextOptionsBuilder`1");
                _identityModelEventSource = compilation.GetTypeByMetadataName("Microsoft.IdentityModel.Logging.IdentityModelEventSource");
                _httpLoggingOptions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.HttpLogging.HttpLoggingOptions");
                _httpLoggingFields = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.HttpLogging.HttpLoggingFields");
                foreach ((string _, long value) in FlagValues(_httpLoggingFields, "RequestQuery", "RequestBody", "ResponseBody"))
                {
                    _sensitiveFields |= value;
                }

                // W3C logging: the fields that carry personal data (composites such as All, Request, RequestHeaders and
                // ConnectionInfoFields include them).
                _w3cLoggerOptions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.HttpLogging.W3CLoggerOptions");
                _w3cPersonalFields = FlagValues(compilation.GetTypeByMetadataName("Microsoft.AspNetCore.HttpLogging.W3CLoggingFields"),
                    "ClientIpAddress", "UserName", "Cookie", "Referer", "UriQuery");
            }

            public bool Any => _dbContextOptionsBuilder != null || _identityModelEventSource != null || _httpLoggingOptions != null || _w3cLoggerOptions != null;

            private static ImmutableArray<(string Name, long Value)> FlagValues(INamedTypeSymbol? flags, params string[] names)
            {
                var values = ImmutableArray.CreateBuilder<(string, long)>();
                if (flags != null)
                {
                    foreach (string name in names)
                    {
                        foreach (ISymbol member in flags.GetMembers(name))
                        {
                            if (member is IFieldSymbol { HasConstantValue: true } field)
                            {
                                values.Add((name, Convert.ToInt64(field.ConstantValue, System.Globalization.CultureInfo.InvariantCulture)));
                            }
                        }
                    }
                }

                return values.ToImmutable();
            }

            private static Diagnostic Create(IOperation at, string display, string sink) =>
                Diagnostic.Create(Rules.SensitiveLoggingSwitch, at.Syntax.GetLocation(), ImmutableDictionary<string, string?>.Empty.Add(DiagnosticPropertyNames.Sink, sink), display);

            public void AnalyzeInvocationSyntax(SyntaxNodeAnalysisContext context)
            {
                var syntax = (InvocationExpressionSyntax)context.Node;
                string? name = syntax.Expression switch
                {
                    MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                    MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
                    SimpleNameSyntax simple => simple.Identifier.ValueText,
                    _ => null,
                };
                if (name is "EnableSensitiveDataLogging" or "WithHttpLogging"
                    && context.SemanticModel.GetOperation(syntax, context.CancellationToken) is IInvocationOperation invocation)
                {
                    AnalyzeInvocation(invocation, context.ReportDiagnostic);
                }
            }

            public void AnalyzeAssignmentSyntax(SyntaxNodeAnalysisContext context)
            {
                var syntax = (AssignmentExpressionSyntax)context.Node;
                string? name = syntax.Left switch
                {
                    MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                    MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
                    SimpleNameSyntax simple => simple.Identifier.ValueText,
                    _ => null,
                };
                if (name is "ShowPII" or "LogCompleteSecurityArtifact" or "LoggingFields"
                    && context.SemanticModel.GetOperation(syntax, context.CancellationToken) is IAssignmentOperation assignment)
                {
                    AnalyzeAssignment(assignment, context.ReportDiagnostic);
                }
            }

            private void AnalyzeInvocation(IInvocationOperation invocation, Action<Diagnostic> report)
            {
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
                        report(Create(invocation, "EnableSensitiveDataLogging", type.Name + ".EnableSensitiveDataLogging"));
                    }

                    return;
                }

                if (method.Name == "WithHttpLogging" && _httpLoggingFields != null)
                {
                    foreach (IArgumentOperation argument in invocation.Arguments)
                    {
                        if (SymbolEqualityComparer.Default.Equals(argument.Parameter?.Type, _httpLoggingFields) && IsSensitiveFields(argument.Value) && !InDevelopmentBranch(invocation))
                        {
                            report(Create(argument, "HTTP logging of bodies or query strings", "WithHttpLogging"));
                        }
                    }
                }
            }

            private void AnalyzeAssignment(IAssignmentOperation assignment, Action<Diagnostic> report)
            {
                if (assignment.Target is not IPropertyReferenceOperation { Property: { } property })
                {
                    return;
                }

                if (_identityModelEventSource != null && SymbolEqualityComparer.Default.Equals(property.ContainingType, _identityModelEventSource)
                    && property.Name is "ShowPII" or "LogCompleteSecurityArtifact"
                    && assignment.Value.ConstantValue is { HasValue: true, Value: true }
                    && !InDevelopmentBranch(assignment))
                {
                    report(Create(assignment, "IdentityModelEventSource." + property.Name, "IdentityModelEventSource." + property.Name));
                    return;
                }

                if (_httpLoggingOptions != null && SymbolEqualityComparer.Default.Equals(property.ContainingType, _httpLoggingOptions) && property.Name == "LoggingFields"
                    && IsSensitiveFields(assignment.Value) && !InDevelopmentBranch(assignment))
                {
                    report(Create(assignment, "HTTP logging of bodies or query strings", "HttpLoggingOptions.LoggingFields"));
                    return;
                }

                if (_w3cLoggerOptions != null && SymbolEqualityComparer.Default.Equals(property.ContainingType, _w3cLoggerOptions) && property.Name == "LoggingFields"
                    && PersonalW3CFields(assignment.Value) is { } fields && !InDevelopmentBranch(assignment))
                {
                    report(Create(assignment, "W3C logging of " + fields, "W3CLoggerOptions.LoggingFields"));
                }
            }

            /// <summary>The personal W3C logging fields a constant value includes ("ClientIpAddress, Cookie"), or null.</summary>
            private string? PersonalW3CFields(IOperation value)
            {
                while (value is IConversionOperation conversion)
                {
                    value = conversion.Operand;
                }

                if (!value.ConstantValue.HasValue || value.ConstantValue.Value is null)
                {
                    return null;
                }

                long fields = Convert.ToInt64(value.ConstantValue.Value, System.Globalization.CultureInfo.InvariantCulture);
                string? names = null;
                foreach ((string name, long flag) in _w3cPersonalFields)
                {
                    if ((fields & flag) != 0)
                    {
                        names = names is null ? name : names + ", " + name;
                    }
                }

                return names;
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

            /// <summary>
            /// Inside the true branch of a condition calling IsDevelopment() (or the false branch of its negation), after an
            /// early exit taken outside development, or inside <c>#if DEBUG</c>.
            /// </summary>
            private static bool InDevelopmentBranch(IOperation operation)
            {
                if (InDebugOnlyRegion(operation.Syntax))
                {
                    return true;
                }

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
            private static bool? MentionsDevelopment(IOperation condition, bool negated, int depth = 0)
            {
                switch (condition)
                {
                    case ILocalReferenceOperation local when depth < 4:
                        // var isDev = env.IsDevelopment(); if (isDev) …: a local assigned once, from a development check.
                        return SingleValue(local) is { } value ? MentionsDevelopment(value, negated, depth + 1) : null;
                    case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                        return MentionsDevelopment(not.Operand, !negated, depth);
                    case IInvocationOperation { TargetMethod.Name: "IsDevelopment" }:
                        return !negated;
                    case IInvocationOperation { TargetMethod.Name: "IsEnvironment" } isEnvironment
                        when isEnvironment.Arguments.Length > 0 && isEnvironment.Arguments[isEnvironment.Arguments.Length - 1].Value.ConstantValue.Value is "Development":
                        return !negated;
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } both when !negated:
                        return MentionsDevelopment(both.LeftOperand, false, depth) == true || MentionsDevelopment(both.RightOperand, false, depth) == true ? true : null;
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } either when negated:
                        return MentionsDevelopment(either.LeftOperand, true, depth) == false || MentionsDevelopment(either.RightOperand, true, depth) == false ? false : null;
                    case IConversionOperation conversion:
                        return MentionsDevelopment(conversion.Operand, negated, depth);
                    default:
                        return null;
                }
            }

            /// <summary>
            /// The one value a local ever holds: its initializer when nothing else writes it, or the value of its one simple
            /// assignment when it is declared without one (definite assignment then guarantees every read sees that value).
            /// Null when it is written more than once, passed by ref or out, or aliased by a ref.
            /// </summary>
            private static IOperation? SingleValue(ILocalReferenceOperation reference)
            {
                ILocalSymbol local = reference.Local;
                SemanticModel? model = reference.SemanticModel;
                if (model is null || local.IsRef || local.DeclaringSyntaxReferences.Length != 1
                    || local.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax declarator
                    || declarator.SyntaxTree != model.SyntaxTree)
                {
                    return null;
                }

                // The local's whole scope: the member (with its lambdas and local functions) or the top-level statements.
                SyntaxNode scope = declarator;
                while (scope.Parent != null && scope is not MemberDeclarationSyntax)
                {
                    scope = scope.Parent;
                }

                if (scope is GlobalStatementSyntax && scope.Parent != null)
                {
                    scope = scope.Parent;
                }

                ExpressionSyntax? value = declarator.Initializer?.Value;
                int writes = 0;
                foreach (SyntaxNode node in scope.DescendantNodes())
                {
                    if (node is not IdentifierNameSyntax name || name.Identifier.ValueText != local.Name || !IsWritten(name, out ExpressionSyntax? assigned))
                    {
                        continue;
                    }

                    if (!SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name).Symbol, local))
                    {
                        continue;
                    }

                    if (++writes > 1 || value != null || assigned is null)
                    {
                        return null;
                    }

                    value = assigned;
                }

                return value is null ? null : model.GetOperation(value);
            }

            /// <summary>Whether the identifier is written; <paramref name="assigned"/> is the value of a simple assignment to it.</summary>
            private static bool IsWritten(IdentifierNameSyntax name, out ExpressionSyntax? assigned)
            {
                assigned = null;
                SyntaxNode node = name;
                while (node.Parent is ParenthesizedExpressionSyntax)
                {
                    node = node.Parent;
                }

                switch (node.Parent)
                {
                    case AssignmentExpressionSyntax assignment when assignment.Left == node:
                        assigned = assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) ? assignment.Right : null;
                        return true;
                    case PrefixUnaryExpressionSyntax prefix when prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression):
                    case PostfixUnaryExpressionSyntax:
                    case RefExpressionSyntax:
                        return true;
                    case ArgumentSyntax argument when !argument.RefKindKeyword.IsKind(SyntaxKind.None) && !argument.RefKindKeyword.IsKind(SyntaxKind.InKeyword):
                        return true;
                    case ArgumentSyntax { Parent: TupleExpressionSyntax }:
                        // (isDev, other) = …: a deconstruction writes it.
                        return node.Parent.Parent.Ancestors().OfType<AssignmentExpressionSyntax>().Any(a => a.Left.Span.Contains(node.Span));
                    default:
                        return false;
                }
            }

            /// <summary>
            /// Whether the code sits in an active <c>#if DEBUG</c> region (or the <c>#else</c> of <c>#if !DEBUG</c>): compiled
            /// into Debug builds only.
            /// </summary>
            private static bool InDebugOnlyRegion(SyntaxNode node)
            {
                SyntaxNode root = node.SyntaxTree.GetRoot();
                if (!root.ContainsDirectives)
                {
                    return false;
                }

                // One frame per open #if: whether the region being read is Debug-only, and whether its #else would be.
                var frames = new System.Collections.Generic.List<(bool DebugOnly, bool ElseDebugOnly)>();
                for (DirectiveTriviaSyntax? directive = root.GetFirstDirective(); directive != null && directive.SpanStart < node.SpanStart; directive = directive.GetNextDirective())
                {
                    switch (directive)
                    {
                        case IfDirectiveTriviaSyntax @if:
                            frames.Add((DebugCondition(@if.Condition, negated: false), DebugCondition(@if.Condition, negated: true)));
                            break;
                        case ElifDirectiveTriviaSyntax elif when frames.Count > 0:
                            frames[frames.Count - 1] = (DebugCondition(elif.Condition, negated: false) || frames[frames.Count - 1].ElseDebugOnly, frames[frames.Count - 1].ElseDebugOnly);
                            break;
                        case ElseDirectiveTriviaSyntax when frames.Count > 0:
                            frames[frames.Count - 1] = (frames[frames.Count - 1].ElseDebugOnly, false);
                            break;
                        case EndIfDirectiveTriviaSyntax when frames.Count > 0:
                            frames.RemoveAt(frames.Count - 1);
                            break;
                    }
                }

                return frames.Exists(f => f.DebugOnly);
            }

            /// <summary>Whether a preprocessor condition (negated: its negation) holds only when DEBUG is defined.</summary>
            private static bool DebugCondition(ExpressionSyntax condition, bool negated) => condition switch
            {
                IdentifierNameSyntax name => !negated && name.Identifier.ValueText == "DEBUG",
                ParenthesizedExpressionSyntax parenthesized => DebugCondition(parenthesized.Expression, negated),
                PrefixUnaryExpressionSyntax not when not.IsKind(SyntaxKind.LogicalNotExpression) => DebugCondition(not.Operand, !negated),
                BinaryExpressionSyntax both when both.IsKind(SyntaxKind.LogicalAndExpression) && !negated => DebugCondition(both.Left, false) || DebugCondition(both.Right, false),
                BinaryExpressionSyntax either when either.IsKind(SyntaxKind.LogicalOrExpression) && negated => DebugCondition(either.Left, true) || DebugCondition(either.Right, true),
                _ => false,
            };
        }
    }
}
