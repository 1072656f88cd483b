using Microsoft.CodeAnalysis;

namespace PiiGuard.Analyzers
{
    /// <summary>The descriptors of every PiiGuard diagnostic.</summary>
    public static class Rules
    {
        /// <summary>Categories of the rules.</summary>
        public static class Categories
        {
            /// <summary>Log and console sinks.</summary>
            public const string Logging = "PiiGuard.Logging";
            /// <summary>Data leaving the process.</summary>
            public const string Egress = "PiiGuard.Egress";
            /// <summary>Telemetry.</summary>
            public const string Telemetry = "PiiGuard.Telemetry";
            /// <summary>Exception messages.</summary>
            public const string Exceptions = "PiiGuard.Exceptions";
            /// <summary>Whole objects and their text form.</summary>
            public const string Objects = "PiiGuard.Objects";
            /// <summary>Hashing used as redaction.</summary>
            public const string Hashing = "PiiGuard.Hashing";
            /// <summary>Discovery of unannotated personal data.</summary>
            public const string Discovery = "PiiGuard.Discovery";
            /// <summary>Configuration switches and options.</summary>
            public const string Configuration = "PiiGuard.Configuration";
            /// <summary>The personal-data inventory.</summary>
            public const string Inventory = "PiiGuard.Inventory";
            /// <summary>The baseline and reviewed exceptions.</summary>
            public const string Baseline = "PiiGuard.Baseline";
            /// <summary>Use of the masking generator.</summary>
            public const string Generator = "PiiGuard.Generator";
        }

        /// <summary>PII001.</summary>
        public static readonly DiagnosticDescriptor LogLeak = Create(
            RuleIdentifiers.LogLeak,
            "Personal data reaches a log unredacted",
            "{0} ({1}) reaches {2} unmasked",
            Categories.Logging,
            DiagnosticSeverity.Warning,
            "Personal data written to a log or the console is kept, copied and read by people who have no need of it. Mask it (PiiMask, the generated ToMaskedString) or pseudonymise it before it is logged.");

        /// <summary>PII002.</summary>
        public static readonly DiagnosticDescriptor EgressLeak = Create(
            RuleIdentifiers.EgressLeak,
            "Personal data leaves the process unredacted",
            "{0} ({1}) leaves the process through {2} unmasked",
            Categories.Egress,
            DiagnosticSeverity.Warning,
            "Personal data sent in a URL, header, body, mail or message leaves the control of this program. Send only what the receiver needs, masked or pseudonymised.");

        /// <summary>PII003.</summary>
        public static readonly DiagnosticDescriptor TelemetryLeak = Create(
            RuleIdentifiers.TelemetryLeak,
            "Personal data recorded as telemetry",
            "{0} ({1}) is recorded as telemetry by {2} unmasked",
            Categories.Telemetry,
            DiagnosticSeverity.Warning,
            "Traces, metrics and their tags are exported to monitoring systems and kept for a long time. Personal data does not belong in them; use a pseudonym when correlation is needed.");

        /// <summary>PII004.</summary>
        public static readonly DiagnosticDescriptor ExceptionLeak = Create(
            RuleIdentifiers.ExceptionLeak,
            "Personal data placed in an exception message",
            "{0} ({1}) is placed in an exception message by {2} unmasked",
            Categories.Exceptions,
            DiagnosticSeverity.Warning,
            "Exception messages end up in logs, error pages and bug trackers. Do not put personal data in them.");

        /// <summary>PII005.</summary>
        public static readonly DiagnosticDescriptor WholeObjectLeak = Create(
            RuleIdentifiers.WholeObjectLeak,
            "An object holding personal data reaches a sink unmasked",
            "{0} holds personal data ({1}) and reaches {2} without a masked text form",
            Categories.Objects,
            DiagnosticSeverity.Warning,
            "An object passed whole to a log, serializer or outbound call prints or serializes every member. Pass its ToMaskedString(), or the members that are needed, masked.");

        /// <summary>PII006.</summary>
        public static readonly DiagnosticDescriptor UnmaskedToString = Create(
            RuleIdentifiers.UnmaskedToString,
            "A type holding personal data prints it through ToString",
            "{0} prints its personal data ({1}) unmasked through {2}",
            Categories.Objects,
            DiagnosticSeverity.Warning,
            "A record's compiler-generated ToString, or a ToString written by hand, prints personal members in clear text wherever the object is interpolated or logged. Make the type partial and add [GenerateMasking].");

        /// <summary>PII007.</summary>
        public static readonly DiagnosticDescriptor UnkeyedHash = Create(
            RuleIdentifiers.UnkeyedHash,
            "An unkeyed hash is not redaction",
            "{0} ({1}) is hashed without a key by {2} before it reaches {3}; the hash is reversible by enumeration",
            Categories.Hashing,
            DiagnosticSeverity.Warning,
            "Phone numbers, ID numbers, card numbers and dates of birth have so few possible values that an unkeyed hash of them is reversed by trying them all. Use keyed pseudonymisation (PiiMask.Pseudonymize, HMACSHA256 with a secret key).");

        /// <summary>PII008.</summary>
        public static readonly DiagnosticDescriptor UnannotatedPersonalData = Create(
            RuleIdentifiers.UnannotatedPersonalData,
            "A member named as personal data is not annotated",
            "{0} looks like personal data ({1}) but is not annotated with [Pii]",
            Categories.Discovery,
            DiagnosticSeverity.Hidden,
            "The member's name says it holds personal data. Annotate it with [Pii(PiiKind.X)] so that PiiGuard follows it to its sinks, or suppress the diagnostic if it does not hold personal data.",
            isEnabledByDefault: true);

        /// <summary>PII009.</summary>
        public static readonly DiagnosticDescriptor SensitiveLoggingSwitch = Create(
            RuleIdentifiers.SensitiveLoggingSwitch,
            "A switch pours personal data into logs",
            "{0} writes personal data into logs wholesale; enable it only in a development-only branch",
            Categories.Configuration,
            DiagnosticSeverity.Warning,
            "EF Core's EnableSensitiveDataLogging, IdentityModelEventSource.ShowPII, HTTP logging of bodies and query strings, and W3C logging of cookies, user names, client IP addresses, referers and query strings copy every personal value that passes through them into the logs. Enable them only when the environment is Development.");

        /// <summary>PII101.</summary>
        public static readonly DiagnosticDescriptor GenerateMaskingNotPartial = Create(
            RuleIdentifiers.GenerateMaskingNotPartial,
            "[GenerateMasking] type must be partial",
            "'{0}' has [GenerateMasking] but is not partial; no masking code is generated for it",
            Categories.Generator,
            DiagnosticSeverity.Error,
            "The masking generator adds members to the type, which requires the type to be declared partial.");

        /// <summary>PII102.</summary>
        public static readonly DiagnosticDescriptor UnsupportedMaskedMember = Create(
            RuleIdentifiers.UnsupportedMaskedMember,
            "Member cannot be masked by the generator",
            "'{0}.{1}' of type '{2}' cannot be masked by its convention; it is erased in the generated text",
            Categories.Generator,
            DiagnosticSeverity.Warning,
            "The generator masks strings, dates, numbers, GUIDs, IP addresses, collections of those and [GenerateMasking] types. Other personal members are erased; convert the member or mark it MaskStyle.Erase to silence this.");

        /// <summary>PII103.</summary>
        public static readonly DiagnosticDescriptor UserToStringHidesMasking = Create(
            RuleIdentifiers.UserToStringHidesMasking,
            "User-written ToString replaces the masked ToString",
            "'{0}' has [GenerateMasking] and its own {1}; the generated masked form is only available as ToMaskedString()",
            Categories.Generator,
            DiagnosticSeverity.Warning,
            "When a type declares ToString (or PrintMembers for records) the generator does not replace it. Call ToMaskedString() from it, or remove it.");

        /// <summary>PII104.</summary>
        public static readonly DiagnosticDescriptor ContainingTypeNotPartial = Create(
            RuleIdentifiers.ContainingTypeNotPartial,
            "Containing type of a [GenerateMasking] type must be partial",
            "'{0}' is nested in '{1}', which is not partial; no masking code is generated for it",
            Categories.Generator,
            DiagnosticSeverity.Error,
            "Code generated for a nested type is declared inside its containing types, which must all be partial.");

        /// <summary>PII105.</summary>
        public static readonly DiagnosticDescriptor NoPersonalMembers = Create(
            RuleIdentifiers.NoPersonalMembers,
            "[GenerateMasking] type has no personal members",
            "'{0}' has [GenerateMasking] but no member marked as personal data",
            Categories.Generator,
            DiagnosticSeverity.Info,
            "The generated masking prints every member as it is. Annotate the personal members with [Pii], or remove [GenerateMasking].");

        /// <summary>PII106.</summary>
        public static readonly DiagnosticDescriptor InvalidConfiguration = Create(
            RuleIdentifiers.InvalidConfiguration,
            "Invalid PiiGuard configuration",
            "Configuration key '{0}' has an invalid value '{1}': {2}",
            Categories.Configuration,
            DiagnosticSeverity.Warning,
            "A piiguard.* key in .editorconfig or .globalconfig could not be understood and is ignored.");

        /// <summary>PII107.</summary>
        public static readonly DiagnosticDescriptor UnsupportedMaskingType = Create(
            RuleIdentifiers.UnsupportedMaskingType,
            "[GenerateMasking] type cannot be extended by the generator",
            "'{0}' is {1}; the masking generator cannot extend it and generates nothing for it",
            Categories.Generator,
            DiagnosticSeverity.Warning,
            "The generator adds ToMaskedString, IMaskable and ToString to the type in another file. A static class has no instances to print, a ref struct cannot implement IMaskable, and a file-local type cannot be extended from another file. Remove [GenerateMasking], or make the type an ordinary partial class, struct or record.");

        /// <summary>PII108.</summary>
        public static readonly DiagnosticDescriptor NotPiiWithoutReason = Create(
            RuleIdentifiers.NotPiiWithoutReason,
            "[NotPii] needs a reason",
            "[NotPii] on '{0}' gives no reason; say why it is not personal data",
            Categories.Discovery,
            DiagnosticSeverity.Warning,
            "[NotPii] silences PII008 and name-based discovery for a member, parameter or type. The reason is the record of that decision for reviewers and auditors; an empty or blank reason records nothing.");

        /// <summary>PII201.</summary>
        public static readonly DiagnosticDescriptor InventoryMember = Create(
            RuleIdentifiers.InventoryMember,
            "Inventory: personal-data member",
            "{0} holds personal data ({1})",
            Categories.Inventory,
            DiagnosticSeverity.Info,
            "An entry of the personal-data inventory, reported only when the build property PiiGuardInventory is true.");

        /// <summary>PII202.</summary>
        public static readonly DiagnosticDescriptor InventoryProtectedFlow = Create(
            RuleIdentifiers.InventoryProtectedFlow,
            "Inventory: personal data reaches a sink protected",
            "{0} ({1}) reaches {2} {3} by {4}",
            Categories.Inventory,
            DiagnosticSeverity.Info,
            "A masked or pseudonymised flow of personal data into a sink, for the inventory; reported only when the build property PiiGuardInventory is true.");

        /// <summary>PII110: reported in the build (the entries of the compilation's own members) and by the piiguard tool (all of them).</summary>
        public static readonly DiagnosticDescriptor BaselineEntryUnmatched = new DiagnosticDescriptor(
            RuleIdentifiers.BaselineEntryUnmatched,
            "Baseline entry matches no finding",
            "The baseline entry {0} matches no finding; remove it ('piiguard baseline --update') so the baseline only shrinks",
            Categories.Baseline,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A baseline entry whose finding was fixed, or whose code was removed, would hide the same leak if it came back. Remove the entry: 'piiguard baseline --update' drops every entry that no longer matches and keeps the others with their reviews.",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.BaselineEntryUnmatched),
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        /// <summary>PII111.</summary>
        public static readonly DiagnosticDescriptor BaselineUnreadable = new DiagnosticDescriptor(
            RuleIdentifiers.BaselineUnreadable,
            "The PiiGuard baseline cannot be read",
            "The PiiGuard baseline '{0}' cannot be read: {1}; no finding is suppressed by it",
            Categories.Baseline,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "piiguard.baseline.json (or the file PiiGuardBaseline names) is not a piiguard-baseline/1 document. Until it is fixed, every finding it lists is reported. Recreate it with 'piiguard baseline', or fix the line named.",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.BaselineUnreadable),
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        /// <summary>PII112.</summary>
        public static readonly DiagnosticDescriptor AcceptedExceptionExpired = new DiagnosticDescriptor(
            RuleIdentifiers.AcceptedExceptionExpired,
            "A reviewed exception has expired",
            "The reviewed exception {0} {1}; its findings are reported again",
            Categories.Baseline,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A finding accepted with an expiry date (a baseline entry's \"expires\", or [PiiAccepted(Expires = ...)]) is accepted until the end of that day. Afterwards the finding returns as a warning: fix it, or review the exception again and set a new date.",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.AcceptedExceptionExpired),
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        private static DiagnosticDescriptor Create(string id, string title, string messageFormat, string category, DiagnosticSeverity severity, string description, bool isEnabledByDefault = true)
            => new DiagnosticDescriptor(id, title, messageFormat, category, severity, isEnabledByDefault, description, RuleIdentifiers.GetHelpUri(id));
    }
}
