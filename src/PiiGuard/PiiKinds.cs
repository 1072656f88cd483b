namespace PiiGuard
{
    /// <summary>Facts about <see cref="PiiKind"/> values.</summary>
    public static class PiiKinds
    {
        /// <summary>
        /// Whether a kind is sensitive personal information by default: PIPL Art. 28, GDPR Art. 9 special
        /// categories and CCPA sensitive personal information.
        /// </summary>
        public static bool IsSensitiveByDefault(PiiKind kind)
        {
            switch (kind)
            {
                case PiiKind.NationalId:
                case PiiKind.Passport:
                case PiiKind.DriverLicense:
                case PiiKind.BankAccount:
                case PiiKind.PaymentCard:
                case PiiKind.Location:
                case PiiKind.Biometric:
                case PiiKind.Photo:
                case PiiKind.Genetic:
                case PiiKind.Health:
                case PiiKind.Religion:
                case PiiKind.Ethnicity:
                case PiiKind.SexualOrientation:
                case PiiKind.PoliticalOpinion:
                case PiiKind.TradeUnion:
                case PiiKind.CriminalRecord:
                case PiiKind.Immigration:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>
        /// Whether a kind has so few possible values that an unkeyed hash of it can be reversed by
        /// enumeration (phone numbers, ID numbers, dates of birth, card numbers, IP addresses…).
        /// </summary>
        public static bool IsLowEntropy(PiiKind kind)
        {
            switch (kind)
            {
                case PiiKind.Phone:
                case PiiKind.DateOfBirth:
                case PiiKind.NationalId:
                case PiiKind.Passport:
                case PiiKind.DriverLicense:
                case PiiKind.TaxId:
                case PiiKind.BankAccount:
                case PiiKind.PaymentCard:
                case PiiKind.IpAddress:
                case PiiKind.Email:
                case PiiKind.Name:
                case PiiKind.Username:
                case PiiKind.PostalAddress:
                case PiiKind.Location:
                    return true;
                default:
                    return false;
            }
        }
    }
}
