using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiGuard.Analyzers.Core;

namespace PiiGuard.Analyzers.Baseline
{
    /// <summary>
    /// PII110 (in a build, not in the IDE or the piiguard tool's workspace): a baseline entry of this compilation (its
    /// containing member, or that member's type, is declared here) that matches no finding. Reported for every such entry;
    /// <see cref="BaselineSuppressor"/>, which sees every finding of the compilation, suppresses the ones that do match.
    /// PII111: the baseline file cannot be read (the suppressor then suppresses nothing: this says why, at the line).
    /// PII112: a reviewed exception has expired: a baseline entry past its <c>expires</c> date, or a <c>[PiiAccepted]</c>
    /// past its <c>Expires</c> (or with a date that cannot be read, which counts as expired). Its findings are reported again
    /// by their own rules; this names the exception to renew or remove.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class BaselineAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.BaselineEntryUnmatched, Rules.BaselineUnreadable, Rules.AcceptedExceptionExpired);

        /// <summary>
        /// The compiler-visible property the package sets to true in builds that run the compiler (not design-time builds: the
        /// IDE and the piiguard tool analyse parts of a compilation at a time, where the suppressor cannot see every finding).
        /// </summary>
        public const string StaleEntriesKey = "build_property._PiiGuardReportStaleEntries";

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                DateTime today = BaselineSuppressor.Today();
                INamedTypeSymbol? attributeType = start.Compilation.GetTypeByMetadataName(AcceptedExceptions.AttributeName);
                if (attributeType != null)
                {
                    // Syntax first (issue 18): only an attribute written [PiiAccepted] (or through a using alias) is bound; a
                    // symbol action would read the attributes of every member and type of the compilation.
                    var names = new AttributeNameFilter(start.Compilation, "PiiAccepted");
                    start.RegisterSyntaxNodeAction(
                        nodeContext =>
                        {
                            if (names.MayBe((AttributeSyntax)nodeContext.Node))
                            {
                                ReportExpiredAttribute(nodeContext, attributeType, today);
                            }
                        },
                        SyntaxKind.Attribute);
                }

                AdditionalText? file = BaselineFiles.Find(start.Options);
                if (file != null)
                {
                    bool reportStale = start.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(StaleEntriesKey, out string? stale)
                        && string.Equals(stale?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
                    start.RegisterCompilationEndAction(end => ReportBaseline(end, file, today, reportStale));
                }
            });
        }

        private static void ReportBaseline(CompilationAnalysisContext context, AdditionalText file, DateTime today, bool reportStale)
        {
            BaselineDocument? baseline = BaselineFiles.Read(file, context.CancellationToken, out string? error, out int line);
            if (baseline is null)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rules.BaselineUnreadable, BaselineFiles.LocationOf(file, line, context.CancellationToken), file.Path, error));
                return;
            }

            foreach (BaselineEntry entry in baseline.Entries)
            {
                if (entry.IsExpired(today))
                {
                    context.ReportDiagnostic(Diagnostic.Create(Rules.AcceptedExceptionExpired, BaselineFiles.LocationOf(file, entry.Line, context.CancellationToken), "'" + Describe(entry) + "' (baseline)", Expiry(entry.Expires, entry.Reviewer)));
                }

                if (reportStale && IsDeclaredHere(entry, context.Compilation))
                {
                    // Every entry of this compilation; the suppressor suppresses those that match a finding.
                    var properties = ImmutableDictionary<string, string?>.Empty.Add(DiagnosticPropertyNames.Fingerprint, entry.Key);
                    context.ReportDiagnostic(Diagnostic.Create(Rules.BaselineEntryUnmatched, BaselineFiles.LocationOf(file, entry.Line, context.CancellationToken), properties, "'" + Describe(entry) + "'"));
                }
            }
        }

        /// <summary>The entry as the messages name it: "PII001 Shop.Customer.Email -> ILogger.LogInformation in M:Shop.Signup.Run(Shop.Customer)".</summary>
        public static string Describe(BaselineEntry entry) =>
            entry.Rule + " " + entry.Carrier + (entry.Sink.Length > 0 ? " -> " + entry.Sink : "") + (entry.In.Length > 0 ? " in " + entry.In : "");

        /// <summary>
        /// Whether the entry belongs to this compilation: its containing member is declared in it, or (the member renamed or
        /// removed) the type that held it is. An entry of another project of the solution is that project's to report.
        /// </summary>
        internal static bool IsDeclaredHere(BaselineEntry entry, Compilation compilation)
        {
            if (entry.In.Length < 3 || entry.In[1] != ':')
            {
                return false;
            }

            if (Declared(entry.In, compilation))
            {
                return true;
            }

            if (entry.In[0] == 'T' || entry.In[0] == 'N')
            {
                return false;
            }

            // "M:Shop.Signup.Run(Shop.Customer)~System.Int32": the name ends at the parameters or the return type.
            string name = entry.In.Substring(2);
            int end = name.IndexOfAny(new[] { '(', '~' });
            if (end >= 0)
            {
                name = name.Substring(0, end);
            }

            int dot = name.LastIndexOf('.');
            return dot > 0 && Declared("T:" + name.Substring(0, dot), compilation);
        }

        private static bool Declared(string id, Compilation compilation)
        {
            foreach (ISymbol symbol in DocumentationCommentId.GetSymbolsForDeclarationId(id, compilation))
            {
                if (SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, compilation.Assembly) && symbol.Locations.Any(l => l.IsInSource))
                {
                    return true;
                }
            }

            return false;
        }

        private static void ReportExpiredAttribute(SyntaxNodeAnalysisContext context, INamedTypeSymbol attributeType, DateTime today)
        {
            var attribute = (AttributeSyntax)context.Node;
            ISymbol? target = Target(attribute, context.SemanticModel, context.CancellationToken);
            if (target is null)
            {
                return;
            }

            foreach (AcceptedException accepted in AcceptedExceptions.On(target, attributeType))
            {
                if (!accepted.IsExpired(today) || !AttributeNameFilter.IsApplication(accepted.Attribute, attribute))
                {
                    continue;
                }

                string what = string.Format(CultureInfo.InvariantCulture, "[PiiAccepted] on {0}{1}", target.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat), accepted.Rule != null ? " for " + accepted.Rule : "");
                context.ReportDiagnostic(Diagnostic.Create(Rules.AcceptedExceptionExpired, attribute.GetLocation(), what, Expiry(accepted.Expires, accepted.Reviewer)));
            }
        }

        /// <summary>
        /// The member or type an attribute is applied to: the declaration that holds its list, the first variable of a field,
        /// or (for <c>[property: ...]</c> on a record's parameter) the property the parameter declares. Null when none is.
        /// </summary>
        private static ISymbol? Target(AttributeSyntax attribute, SemanticModel model, System.Threading.CancellationToken cancellationToken)
        {
            if (attribute.Parent is not AttributeListSyntax list)
            {
                return null;
            }

            switch (list.Parent)
            {
                case BaseFieldDeclarationSyntax field when field.Declaration.Variables.Count > 0:
                    return model.GetDeclaredSymbol(field.Declaration.Variables[0], cancellationToken);
                case ParameterSyntax parameter when list.Target?.Identifier.IsKind(SyntaxKind.PropertyKeyword) == true:
                    return model.GetDeclaredSymbol(parameter, cancellationToken) is IParameterSymbol { ContainingSymbol: IMethodSymbol { ContainingType: { } type } } declared
                        ? type.GetMembers(declared.Name).OfType<IPropertySymbol>().FirstOrDefault()
                        : null;
                case MemberDeclarationSyntax member:
                    return model.GetDeclaredSymbol(member, cancellationToken);
                case AccessorDeclarationSyntax accessor:
                    return model.GetDeclaredSymbol(accessor, cancellationToken);
                default:
                    return null;
            }
        }

        private static string Expiry(string? expires, string? reviewer)
        {
            string by = string.IsNullOrEmpty(reviewer) ? "" : " (reviewed by " + reviewer + ")";
            return BaselineDocument.TryParseDate(expires ?? "", out _)
                ? "expired on " + expires + by
                : "has an expiry date that is not yyyy-MM-dd ('" + expires + "'), so it counts as expired" + by;
        }
    }
}
