namespace PiiGuard.Analyzers
{
    /// <summary>
    /// The keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> that PiiGuard diagnostics carry: a stable,
    /// machine-readable contract for the inventory, the piiguard tool, the package's build route (SARIF
    /// <c>properties.customProperties</c>) and the code fixes. Messages are for people and may change wording; these keys
    /// and their value formats do not. The table is in docs/inventory.md ("Diagnostic properties").
    /// </summary>
    public static class DiagnosticPropertyNames
    {
        /// <summary>
        /// The carrier of the personal data as the diagnostic names it: "Customer.NationalId" (short type name and member),
        /// "Customer.GetEmail()" (a method's return value), "email" (a parameter), "Customer" (a whole object, PII005).
        /// </summary>
        public const string Member = "member";

        /// <summary>The full name of the member's containing type ("Shop.Customer"), where the analyzer knows the symbol.</summary>
        public const string Type = "type";

        /// <summary>The member's own name, without its type ("NationalId"), where the analyzer knows the symbol.</summary>
        public const string Name = "name";

        /// <summary>The PiiKind name ("NationalId"); for a whole object, the kind of its first personal member.</summary>
        public const string PiiKind = "piiKind";

        /// <summary>For a whole object (PII005) or a type printing several members (PII006): every kind, comma separated.</summary>
        public const string PiiKinds = "piiKinds";

        /// <summary><see cref="Sensitive"/> or <see cref="NotSensitive"/>.</summary>
        public const string Sensitivity = "sensitivity";

        /// <summary>Value of <see cref="Sensitivity"/>: sensitive personal information (PIPL Art. 28, GDPR Art. 9, CCPA sensitive PI).</summary>
        public const string Sensitive = "sensitive";

        /// <summary>Value of <see cref="Sensitivity"/>: personal data that is not sensitive.</summary>
        public const string NotSensitive = "normal";

        /// <summary>
        /// The sink the data reaches ("ILogger.LogInformation", "new HttpRequestMessage", "Customer.ToString"); through a helper,
        /// "Audit.Write -> ILogger.LogInformation". For PII009, the switch ("EnableSensitiveDataLogging").
        /// </summary>
        public const string Sink = "sink";

        /// <summary>PII007: the unkeyed hash ("SHA256.HashData").</summary>
        public const string Hash = "hash";

        /// <summary>PII201: what marks the member ("Pii", "PersonalData", "DataClassification").</summary>
        public const string Source = "source";

        /// <summary>PII201 for a member declared in a referenced assembly (IdentityUser's Email): that assembly's name.</summary>
        public const string Assembly = "assembly";

        /// <summary>PII202: "masked" or "pseudonymised".</summary>
        public const string State = "state";

        /// <summary>PII202: the sanitizer that protects the flow ("PiiMask.Email").</summary>
        public const string Sanitizer = "sanitizer";

        /// <summary>The code fix that applies ("mask", "toMaskedString", "pseudonymize", "addGenerateMasking").</summary>
        public const string Fix = "fix";

        /// <summary>
        /// Present on a leak whose source is not annotated but was found by name-based discovery
        /// (<c>PiiGuardDiscovery=names</c>): the value <see cref="InferredFromName"/>; <see cref="PiiKind"/> is then the kind
        /// inferred from the name.
        /// </summary>
        public const string Inferred = "inferred";

        /// <summary>Value of <see cref="Inferred"/>: the kind was inferred from the member's or parameter's name.</summary>
        public const string InferredFromName = "name";

        /// <summary>On PII110 in the build: the fingerprint key of the baseline entry (rule|carrier|sink|in), for the suppressor.</summary>
        public const string Fingerprint = "fingerprint";

        /// <summary>The value of <see cref="Sensitivity"/> for a flag.</summary>
        public static string SensitivityOf(bool sensitive) => sensitive ? Sensitive : NotSensitive;
    }
}
