using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

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
                    start.RegisterSymbolAction(
                        symbolContext => ReportExpiredAttributes(symbolContext, attributeType, today),
                        SymbolKind.Method, SymbolKind.Property, SymbolKind.Field, SymbolKind.NamedType);
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

        private static void ReportExpiredAttributes(SymbolAnalysisContext context, INamedTypeSymbol attributeType, DateTime today)
        {
            foreach (AcceptedException accepted in AcceptedExceptions.On(context.Symbol, attributeType))
            {
                if (!accepted.IsExpired(today))
                {
                    continue;
                }

                Location location = accepted.Attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation()
                    ?? (context.Symbol.Locations.Length > 0 ? context.Symbol.Locations[0] : Location.None);
                string what = string.Format(CultureInfo.InvariantCulture, "[PiiAccepted] on {0}{1}", context.Symbol.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat), accepted.Rule != null ? " for " + accepted.Rule : "");
                context.ReportDiagnostic(Diagnostic.Create(Rules.AcceptedExceptionExpired, location, what, Expiry(accepted.Expires, accepted.Reviewer)));
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
