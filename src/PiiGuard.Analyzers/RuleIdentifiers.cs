namespace PiiGuard.Analyzers
{
    /// <summary>
    /// Every diagnostic id PiiGuard reports, with its rule page. Find a rule's analyzer, docs
    /// (docs/rules/&lt;id&gt;.md) and tests (tests/**/&lt;id&gt;*Tests.cs) by its id.
    /// </summary>
    public static class RuleIdentifiers
    {
        /// <summary>Personal data reaches a log or console sink unredacted.</summary>
        public const string LogLeak = "PII001";

        /// <summary>Personal data leaves the process unredacted (HTTP, mail, messaging, configured sinks).</summary>
        public const string EgressLeak = "PII002";

        /// <summary>Personal data recorded as telemetry.</summary>
        public const string TelemetryLeak = "PII003";

        /// <summary>Personal data placed in an exception message.</summary>
        public const string ExceptionLeak = "PII004";

        /// <summary>A whole object holding personal data reaches a sink and its text form is not masked.</summary>
        public const string WholeObjectLeak = "PII005";

        /// <summary>A type holding personal data prints it through a compiler-generated or user ToString.</summary>
        public const string UnmaskedToString = "PII006";

        /// <summary>An unkeyed hash is used as redaction of low-entropy personal data.</summary>
        public const string UnkeyedHash = "PII007";

        /// <summary>A member whose name says personal data is not annotated.</summary>
        public const string UnannotatedPersonalData = "PII008";

        /// <summary>A switch pours personal data into logs wholesale outside a development-only branch.</summary>
        public const string SensitiveLoggingSwitch = "PII009";

        /// <summary>[GenerateMasking] type is not partial.</summary>
        public const string GenerateMaskingNotPartial = "PII101";

        /// <summary>A member the masking generator cannot mask.</summary>
        public const string UnsupportedMaskedMember = "PII102";

        /// <summary>A user-written ToString hides the generated masked ToString.</summary>
        public const string UserToStringHidesMasking = "PII103";

        /// <summary>[GenerateMasking] on a nested type whose containing type is not partial.</summary>
        public const string ContainingTypeNotPartial = "PII104";

        /// <summary>[GenerateMasking] type without personal members.</summary>
        public const string NoPersonalMembers = "PII105";

        /// <summary>An invalid piiguard.* configuration value.</summary>
        public const string InvalidConfiguration = "PII106";

        /// <summary>[GenerateMasking] on a type the generator cannot extend (static class, ref struct, file-local type).</summary>
        public const string UnsupportedMaskingType = "PII107";

        /// <summary>[NotPii] without a reason.</summary>
        public const string NotPiiWithoutReason = "PII108";

        /// <summary>A baseline entry matches no finding (in the build for the compilation's own members, and by the piiguard tool): remove it so the baseline only shrinks.</summary>
        public const string BaselineEntryUnmatched = "PII110";

        /// <summary>The baseline file cannot be read.</summary>
        public const string BaselineUnreadable = "PII111";

        /// <summary>A reviewed exception (a baseline entry with an expiry date, or [PiiAccepted]) has expired.</summary>
        public const string AcceptedExceptionExpired = "PII112";

        /// <summary>Inventory: a personal-data member (only with the PiiGuardInventory build property).</summary>
        public const string InventoryMember = "PII201";

        /// <summary>Inventory: personal data reaches a sink masked or pseudonymised (only with PiiGuardInventory).</summary>
        public const string InventoryProtectedFlow = "PII202";

        /// <summary>The base address of the rule pages.</summary>
        public const string HelpLinkBase = "https://github.com/piiguard/piiguard/blob/main/docs/rules/";

        /// <summary>The rule page of a diagnostic id.</summary>
        public static string GetHelpUri(string id) => HelpLinkBase + id + ".md";
    }
}
