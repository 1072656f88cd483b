namespace PiiGuard.CodeFixes
{
    /// <summary>Equivalence keys and titles of PiiGuard's code fixes, so Fix All groups the same fix.</summary>
    internal static class FixNames
    {
        public const string MaskWithPiiMask = "PiiGuard.MaskWithPiiMask";
        public const string UseToMaskedString = "PiiGuard.UseToMaskedString";
        public const string AddGenerateMasking = "PiiGuard.AddGenerateMasking";
        public const string UseKeyedPseudonym = "PiiGuard.UseKeyedPseudonym";
        public const string AddPiiAttribute = "PiiGuard.AddPiiAttribute";
        public const string AddNotPiiAttribute = "PiiGuard.AddNotPiiAttribute";
        public const string AnnotateDiscoveredSource = "PiiGuard.AnnotateDiscoveredSource";
        public const string MarkDiscoveredSourceNotPii = "PiiGuard.MarkDiscoveredSourceNotPii";
    }
}
