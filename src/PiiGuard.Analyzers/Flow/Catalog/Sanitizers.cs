using System.Collections.Immutable;

namespace PiiGuard.Analyzers.Flow.Catalog
{
    /// <summary>
    /// What masks personal data, and what only seems to: PiiGuard's own masking, Microsoft.Extensions.Compliance
    /// redactors and keyed hashes are sanitizers; an unkeyed hash is not (PII007). Rows are tried in order: a keyed hash
    /// is a sanitizer before it is a hash. [PiiSanitizer], <c>piiguard.sanitizers</c> and generated ToMaskedString
    /// methods are sanitizers too (<see cref="CatalogMap"/>).
    /// </summary>
    internal static class Sanitizers
    {
        private const string HashMethods = "HashData|HashDataAsync|TryHashData|ComputeHash|ComputeHashAsync|TransformFinalBlock";

        /// <summary>HMAC: its hash methods are declared by HashAlgorithm, so a call's receiver decides whether the hash is keyed.</summary>
        public const string KeyedHashAlgorithm = "System.Security.Cryptography.KeyedHashAlgorithm";

        public static readonly ImmutableArray<RoleRow> Rows = ImmutableArray.Create(
            new RoleRow("PiiGuard.PiiMask", "*", MethodRole.Sanitizer),
            new RoleRow("Microsoft.Extensions.Compliance.Redaction.Redactor", "Redact*", MethodRole.Sanitizer, inherit: true),
            new RoleRow(KeyedHashAlgorithm, HashMethods, MethodRole.Sanitizer, inherit: true),
            new RoleRow("System.Security.Cryptography.HashAlgorithm", HashMethods, MethodRole.UnkeyedHash, inherit: true),
            new RoleRow("System.Security.Cryptography.CryptographicOperations", HashMethods, MethodRole.UnkeyedHash));
    }
}
