using Microsoft.CodeAnalysis;
using PiiGuard.Analyzers;

namespace PiiGuard.CodeFixes
{
    /// <summary>
    /// The analyzer-to-fixer contract carried in <see cref="Diagnostic.Properties"/>: <c>piiKind</c> is the PiiKind
    /// name, <c>fix</c> says which fix applies (no <c>fix</c>, no fix offered). The keys are the analyzers' own
    /// (<see cref="DiagnosticPropertyNames"/>).
    /// </summary>
    internal static class DiagnosticProperties
    {
        public const string PiiKind = DiagnosticPropertyNames.PiiKind;
        public const string Fix = DiagnosticPropertyNames.Fix;
        public const string FixMask = "mask";
        public const string FixToMaskedString = "toMaskedString";
        public const string FixPseudonymize = "pseudonymize";
        public const string FixAddGenerateMasking = "addGenerateMasking";

        /// <summary>Whether the diagnostic asks for the given fix.</summary>
        public static bool Is(Diagnostic diagnostic, string fix) =>
            diagnostic.Properties.TryGetValue(Fix, out string? value) && value == fix;

        /// <summary>The diagnostic's PiiKind name, when it is a known kind.</summary>
        public static bool TryGetKind(Diagnostic diagnostic, out string kind)
        {
            if (diagnostic.Properties.TryGetValue(PiiKind, out string? value) && PiiGuardSyntax.IsKnownKind(value))
            {
                kind = value!;
                return true;
            }

            kind = string.Empty;
            return false;
        }
    }
}
