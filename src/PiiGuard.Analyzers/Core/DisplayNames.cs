using Microsoft.CodeAnalysis;

namespace PiiGuard.Analyzers.Core
{
    /// <summary>Names of symbols as diagnostics print them.</summary>
    internal static class DisplayNames
    {
        /// <summary>
        /// A type's name; a C# 14 extension block (<c>extension(T x) { ... }</c>) has none, so its members go by the
        /// static class that holds it.
        /// </summary>
        public static string TypeName(INamedTypeSymbol type) => type.Name.Length == 0 && type.ContainingType != null ? type.ContainingType.Name : type.Name;
    }
}
