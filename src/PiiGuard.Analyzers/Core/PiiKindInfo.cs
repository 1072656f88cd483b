using System.Collections.Immutable;

namespace PiiGuard.Analyzers.Core
{
    /// <summary>
    /// The analyzer's copy of PiiGuard.PiiKind (the analyzer cannot reference the runtime assembly).
    /// A test checks that names, numbers and sensitivity match the runtime enum.
    /// </summary>
    internal static class PiiKindInfo
    {
        public const int Other = 0;
        public const int Name = 1;
        public const int Email = 2;
        public const int Phone = 3;
        public const int PostalAddress = 4;
        public const int DateOfBirth = 5;
        public const int IpAddress = 12;
        public const int OnlineId = 14;
        public const int Username = 28;

        /// <summary>Kind names by value.</summary>
        public static readonly ImmutableArray<string> Names = ImmutableArray.Create(
            "Other", "Name", "Email", "Phone", "PostalAddress", "DateOfBirth", "NationalId",
            "Passport", "DriverLicense", "TaxId", "BankAccount", "PaymentCard", "IpAddress", "DeviceId", "OnlineId",
            "Location", "Biometric", "Photo", "Genetic", "Health", "Religion", "Ethnicity", "SexualOrientation",
            "PoliticalOpinion", "TradeUnion", "CriminalRecord", "Immigration", "MessageContent", "Username");

        private static readonly ImmutableHashSet<string> SensitiveNames = ImmutableHashSet.Create(
            "NationalId", "Passport", "DriverLicense", "BankAccount", "PaymentCard", "Location", "Biometric", "Photo",
            "Genetic", "Health", "Religion", "Ethnicity", "SexualOrientation", "PoliticalOpinion", "TradeUnion",
            "CriminalRecord", "Immigration");

        private static readonly ImmutableHashSet<string> LowEntropyNames = ImmutableHashSet.Create(
            "Phone", "DateOfBirth", "NationalId", "Passport", "DriverLicense", "TaxId", "BankAccount", "PaymentCard",
            "IpAddress", "Email", "Name", "Username", "PostalAddress", "Location");

        /// <summary>The name of a kind value; unknown values (a newer runtime) print as their number.</summary>
        public static string GetName(int kind) => kind >= 0 && kind < Names.Length ? Names[kind] : kind.ToString(System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>Whether a kind is sensitive by default (PIPL Art. 28, GDPR Art. 9, CCPA sensitive PI).</summary>
        public static bool IsSensitiveByDefault(int kind) => SensitiveNames.Contains(GetName(kind));

        /// <summary>Whether an unkeyed hash of the kind is reversible by enumeration.</summary>
        public static bool IsLowEntropy(int kind) => LowEntropyNames.Contains(GetName(kind));

        /// <summary>The kind value of a name, or -1.</summary>
        public static int FromName(string name) => Names.IndexOf(name);
    }
}
