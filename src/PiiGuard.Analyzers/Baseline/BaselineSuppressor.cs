using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PiiGuard.Analyzers.Baseline
{
    /// <summary>
    /// Suppresses, with a justification, the PII001–PII009 findings that the baseline (<c>piiguard.baseline.json</c>, an
    /// additional file the package adds when it exists) or a <c>[PiiAccepted]</c> exception accepts. Suppressed findings stay
    /// in the SARIF log, marked suppressed. An entry accepts as many findings of its fingerprint (rule, carrier, sink,
    /// containing member) as its <c>count</c>; more are reported. Past its <c>expires</c> date an entry or an exception
    /// accepts nothing (PII112 says so). An unreadable baseline suppresses nothing (PII111 says why).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class BaselineSuppressor : DiagnosticSuppressor
    {
        /// <summary>The suppression ids of baseline entries: PIIB001… for PII001….</summary>
        public static readonly ImmutableDictionary<string, SuppressionDescriptor> ByBaseline = BaselineFingerprint.Rules.ToImmutableDictionary(
            id => id,
            id => new SuppressionDescriptor("PIIB" + id.Substring(3), id, "In the PiiGuard baseline (piiguard.baseline.json): an existing finding, accepted until it is fixed"));

        /// <summary>The suppression ids of reviewed exceptions: PIIA001… for PII001….</summary>
        public static readonly ImmutableDictionary<string, SuppressionDescriptor> ByException = BaselineFingerprint.Rules.ToImmutableDictionary(
            id => id,
            id => new SuppressionDescriptor("PIIA" + id.Substring(3), id, "A reviewed exception ([PiiAccepted] or a baseline entry with a reason) accepts this finding"));

        /// <summary>
        /// PIIB110: the baseline analyzer reports PII110 for every entry of the compilation (it cannot see the findings); this
        /// suppresses it for the entries that match one, so that only the stale entries remain warnings.
        /// </summary>
        public static readonly SuppressionDescriptor EntryMatched = new SuppressionDescriptor(
            "PIIB110", RuleIdentifiers.BaselineEntryUnmatched, "The baseline entry matches a finding of this compilation");

        /// <inheritdoc />
        public override ImmutableArray<SuppressionDescriptor> SupportedSuppressions { get; } =
            BaselineFingerprint.Rules.Select(id => ByBaseline[id]).Concat(BaselineFingerprint.Rules.Select(id => ByException[id])).Append(EntryMatched).ToImmutableArray();

        /// <summary>Today, for expiry dates (a test seam; UTC date).</summary>
        internal static Func<DateTime> Today { get; set; } = () => DateTime.UtcNow.Date;

        /// <inheritdoc />
        public override void ReportSuppressions(SuppressionAnalysisContext context)
        {
            Compilation compilation = context.Compilation;
            INamedTypeSymbol? attributeType = compilation.GetTypeByMetadataName(AcceptedExceptions.AttributeName);
            AdditionalText? file = BaselineFiles.Find(context.Options);
            BaselineDocument? baseline = file is null ? null : BaselineFiles.Read(file, context.CancellationToken, out _, out _);
            if (attributeType is null && (baseline is null || baseline.Entries.Count == 0))
            {
                return;
            }

            DateTime today = Today();
            Dictionary<string, (int Count, bool Expired, bool Reviewed)> entries = Index(baseline, today);
            var candidates = new Dictionary<string, List<Diagnostic>>(StringComparer.Ordinal);
            var found = new HashSet<string>(StringComparer.Ordinal); // every finding's fingerprint, accepted or not
            var unmatched = new List<Diagnostic>();
            foreach (Diagnostic diagnostic in context.ReportedDiagnostics)
            {
                if (diagnostic.Id == RuleIdentifiers.BaselineEntryUnmatched)
                {
                    unmatched.Add(diagnostic);
                    continue;
                }

                if (!BaselineFingerprint.Covers(diagnostic.Id) || diagnostic.Location.SourceTree is not { } tree)
                {
                    continue;
                }

                SemanticModel model = context.GetSemanticModel(tree);
                ISymbol? containing = BaselineFingerprint.ContainingMember(model, diagnostic.Location.SourceSpan.Start);
                string? key = entries.Count > 0
                    ? BaselineFingerprint.Key(diagnostic.Id, BaselineFingerprint.Carrier(diagnostic), BaselineFingerprint.Sink(diagnostic), BaselineFingerprint.In(containing))
                    : null;
                if (key != null)
                {
                    found.Add(key);
                }

                if (attributeType != null && AcceptedExceptions.For(diagnostic, compilation, containing, attributeType) is { } accepted)
                {
                    if (!accepted.IsExpired(today))
                    {
                        context.ReportSuppression(Suppression.Create(ByException[diagnostic.Id], diagnostic));
                    }

                    continue; // an expired exception accepts nothing, and the baseline does not take over
                }

                if (key != null)
                {
                    if (!candidates.TryGetValue(key, out List<Diagnostic>? list))
                    {
                        candidates[key] = list = new List<Diagnostic>();
                    }

                    list.Add(diagnostic);
                }
            }

            // PII110 on the entries that do match a finding (the analyzer reported every entry of the compilation).
            foreach (Diagnostic diagnostic in unmatched)
            {
                if (diagnostic.Properties.TryGetValue(DiagnosticPropertyNames.Fingerprint, out string? fingerprint) && fingerprint != null && found.Contains(fingerprint))
                {
                    context.ReportSuppression(Suppression.Create(EntryMatched, diagnostic));
                }
            }

            foreach (KeyValuePair<string, List<Diagnostic>> pair in candidates)
            {
                if (!entries.TryGetValue(pair.Key, out var entry) || entry.Expired)
                {
                    continue;
                }

                // Up to count findings of the fingerprint, in source order: one more than the baseline holds is reported.
                foreach (Diagnostic diagnostic in pair.Value
                    .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
                    .ThenBy(d => d.Location.SourceSpan.Start)
                    .Take(entry.Count))
                {
                    context.ReportSuppression(Suppression.Create(entry.Reviewed ? ByException[diagnostic.Id] : ByBaseline[diagnostic.Id], diagnostic));
                }
            }
        }

        /// <summary>The entries by fingerprint; duplicates add up.</summary>
        private static Dictionary<string, (int Count, bool Expired, bool Reviewed)> Index(BaselineDocument? baseline, DateTime today)
        {
            var entries = new Dictionary<string, (int Count, bool Expired, bool Reviewed)>(StringComparer.Ordinal);
            foreach (BaselineEntry entry in baseline?.Entries ?? new List<BaselineEntry>())
            {
                bool expired = entry.IsExpired(today);
                entries[entry.Key] = entries.TryGetValue(entry.Key, out var seen)
                    ? (seen.Count + entry.Count, seen.Expired || expired, seen.Reviewed || entry.Reason != null)
                    : (entry.Count, expired, entry.Reason != null);
            }

            return entries;
        }
    }
}
