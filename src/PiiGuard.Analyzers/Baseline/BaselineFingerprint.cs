using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace PiiGuard.Analyzers.Baseline
{
    /// <summary>
    /// What a finding is, for the baseline: its rule, its carrier (from the diagnostic's <c>type</c>/<c>name</c>/<c>member</c>
    /// properties), its sink (<c>sink</c>) and the member it is in (a documentation-comment id). No file, no line: the
    /// fingerprint survives moving code, adding lines above it and renaming the file.
    /// </summary>
    public static class BaselineFingerprint
    {
        /// <summary>The rules a baseline or an accepted exception can hold: the leak and discovery rules.</summary>
        public static readonly ImmutableArray<string> Rules = ImmutableArray.Create(
            RuleIdentifiers.LogLeak, RuleIdentifiers.EgressLeak, RuleIdentifiers.TelemetryLeak, RuleIdentifiers.ExceptionLeak,
            RuleIdentifiers.WholeObjectLeak, RuleIdentifiers.UnmaskedToString, RuleIdentifiers.UnkeyedHash,
            RuleIdentifiers.UnannotatedPersonalData, RuleIdentifiers.SensitiveLoggingSwitch);

        /// <summary>Whether the rule can be baselined.</summary>
        public static bool Covers(string id) => Rules.Contains(id);

        /// <summary>The key of a fingerprint.</summary>
        public static string Key(string rule, string carrier, string sink, string containing) =>
            rule + "|" + carrier + "|" + sink + "|" + containing;

        /// <summary>The carrier: "Shop.Customer.NationalId" from <c>type</c> and <c>name</c>, else the type (a whole object), else <c>member</c>.</summary>
        public static string Carrier(Diagnostic diagnostic)
        {
            diagnostic.Properties.TryGetValue(DiagnosticPropertyNames.Type, out string? type);
            diagnostic.Properties.TryGetValue(DiagnosticPropertyNames.Name, out string? name);
            diagnostic.Properties.TryGetValue(DiagnosticPropertyNames.Member, out string? member);
            if (!string.IsNullOrEmpty(type) && !string.IsNullOrEmpty(name))
            {
                return type + "." + name;
            }

            if (!string.IsNullOrEmpty(type))
            {
                return type!;
            }

            return member ?? "";
        }

        /// <summary>The sink property, or empty.</summary>
        public static string Sink(Diagnostic diagnostic) =>
            diagnostic.Properties.TryGetValue(DiagnosticPropertyNames.Sink, out string? sink) && sink != null ? sink : "";

        /// <summary>
        /// The member a position is in: the method, property, event, field or type declaration around it; lambdas, local
        /// functions and accessors count as the member that holds them.
        /// </summary>
        public static ISymbol? ContainingMember(SemanticModel model, int position)
        {
            ISymbol? symbol = model.GetEnclosingSymbol(position);
            while (symbol is IMethodSymbol method && method.MethodKind is MethodKind.AnonymousFunction or MethodKind.LocalFunction or MethodKind.LambdaMethod)
            {
                symbol = symbol.ContainingSymbol;
            }

            if (symbol is IMethodSymbol { AssociatedSymbol: { } associated })
            {
                symbol = associated;
            }

            return symbol;
        }

        /// <summary>The documentation-comment id of the member ("M:Shop.Onboarding.Run(Shop.Customer)"), or empty.</summary>
        public static string In(ISymbol? member)
        {
            if (member is null || member is INamespaceSymbol)
            {
                return "";
            }

            return DocumentationCommentId.CreateDeclarationId(member) ?? member.ToDisplayString();
        }

        /// <summary>The fingerprint of a finding as a baseline entry (count 1).</summary>
        public static BaselineEntry ToEntry(Diagnostic diagnostic, SemanticModel? model)
        {
            ISymbol? containing = model != null && diagnostic.Location.IsInSource ? ContainingMember(model, diagnostic.Location.SourceSpan.Start) : null;
            return new BaselineEntry { Rule = diagnostic.Id, Carrier = Carrier(diagnostic), Sink = Sink(diagnostic), In = In(containing) };
        }
    }
}
