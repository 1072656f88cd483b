using System;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PiiGuard.Analyzers.Core
{
    /// <summary>
    /// The MSBuild property <c>PiiGuardDiscovery</c> (<c>off</c> or <c>names</c>), made compiler-visible by the package's
    /// props and read once per compilation as <c>build_property.PiiGuardDiscovery</c>. The <c>audit</c> preset sets it to
    /// <c>names</c> unless the project sets it. Any other value means off (the package's targets warn, PIIGUARD0002).
    /// </summary>
    internal static class DiscoveryOption
    {
        /// <summary>The MSBuild property.</summary>
        public const string PropertyName = "PiiGuardDiscovery";

        /// <summary>The analyzer-config key of the property.</summary>
        public const string Key = "build_property." + PropertyName;

        /// <summary>The value that turns name-based discovery on.</summary>
        public const string Names = "names";

        /// <summary>Whether the compilation's options ask for name-based discovery.</summary>
        public static bool DiscoversNames(AnalyzerConfigOptions globalOptions) =>
            globalOptions.TryGetValue(Key, out string? value) && string.Equals(value?.Trim(), Names, StringComparison.OrdinalIgnoreCase);
    }
}
