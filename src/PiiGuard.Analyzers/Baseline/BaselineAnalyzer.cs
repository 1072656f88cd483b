using System;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PiiGuard.Analyzers.Baseline
{
    /// <summary>
    /// PII111: the baseline file cannot be read (the suppressor then suppresses nothing: this says why, at the line).
    /// PII112: a reviewed exception has expired: a baseline entry past its <c>expires</c> date, or a <c>[PiiAccepted]</c>
    /// past its <c>Expires</c> (or with a date that cannot be read, which counts as expired). Its findings are reported again
    /// by their own rules; this names the exception to renew or remove.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class BaselineAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.BaselineUnreadable, Rules.AcceptedExceptionExpired);

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
                    start.RegisterCompilationEndAction(end => ReportBaseline(end, file, today));
                }
            });
        }

        private static void ReportBaseline(CompilationAnalysisContext context, AdditionalText file, DateTime today)
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
                    string what = string.Format(CultureInfo.InvariantCulture, "'{0} {1}{2}{3}' (baseline)", entry.Rule, entry.Carrier, entry.Sink.Length > 0 ? " -> " + entry.Sink : "", entry.In.Length > 0 ? " in " + entry.In : "");
                    context.ReportDiagnostic(Diagnostic.Create(Rules.AcceptedExceptionExpired, BaselineFiles.LocationOf(file, entry.Line, context.CancellationToken), what, Expiry(entry.Expires, entry.Reviewer)));
                }
            }
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
