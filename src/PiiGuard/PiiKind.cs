namespace PiiGuard
{
    /// <summary>
    /// The kind of personal data a member holds. The kind selects the masking convention and,
    /// unless <see cref="PiiAttribute.Sensitive"/> is set, whether the data is sensitive
    /// (PIPL Art. 28, GDPR Art. 9, CCPA sensitive personal information).
    /// </summary>
    /// <remarks>Values may be added; existing values keep their meaning and number.</remarks>
    public enum PiiKind
    {
        /// <summary>Personal data of no more specific kind; masked by erasing it.</summary>
        Other = 0,
        /// <summary>A person's name; masked to the first character of each part.</summary>
        Name = 1,
        /// <summary>An e-mail address; masked to the first character of the local part and the domain.</summary>
        Email = 2,
        /// <summary>A telephone number; masked to the country code and the last digits.</summary>
        Phone = 3,
        /// <summary>A postal address; erased.</summary>
        PostalAddress = 4,
        /// <summary>A date of birth; masked to the year.</summary>
        DateOfBirth = 5,
        /// <summary>A national identity number (Chinese resident ID, SSN…); sensitive.</summary>
        NationalId = 6,
        /// <summary>A passport number; sensitive.</summary>
        Passport = 7,
        /// <summary>A driver's licence number; sensitive.</summary>
        DriverLicense = 8,
        /// <summary>A tax identification number.</summary>
        TaxId = 9,
        /// <summary>A bank account number or IBAN; sensitive.</summary>
        BankAccount = 10,
        /// <summary>A payment card number (PAN); sensitive. At most the first 6 and last 4 digits are shown.</summary>
        PaymentCard = 11,
        /// <summary>An IP address; masked by zeroing the host part.</summary>
        IpAddress = 12,
        /// <summary>A device identifier (IMEI, advertising id…).</summary>
        DeviceId = 13,
        /// <summary>An online identifier (cookie id, account id in another system…).</summary>
        OnlineId = 14,
        /// <summary>Whereabouts: coordinates, tracks; sensitive.</summary>
        Location = 15,
        /// <summary>Biometric data; sensitive.</summary>
        Biometric = 16,
        /// <summary>A photo of a person; sensitive.</summary>
        Photo = 17,
        /// <summary>Genetic data; sensitive.</summary>
        Genetic = 18,
        /// <summary>Medical and health data; sensitive.</summary>
        Health = 19,
        /// <summary>Religious or philosophical beliefs; sensitive.</summary>
        Religion = 20,
        /// <summary>Racial or ethnic origin; sensitive.</summary>
        Ethnicity = 21,
        /// <summary>Sex life or sexual orientation; sensitive.</summary>
        SexualOrientation = 22,
        /// <summary>Political opinions; sensitive.</summary>
        PoliticalOpinion = 23,
        /// <summary>Trade-union membership; sensitive.</summary>
        TradeUnion = 24,
        /// <summary>Criminal convictions and offences; sensitive.</summary>
        CriminalRecord = 25,
        /// <summary>Immigration or citizenship status; sensitive.</summary>
        Immigration = 26,
        /// <summary>The content of a private message; erased.</summary>
        MessageContent = 27,
        /// <summary>A user name or login; masked to its first character.</summary>
        Username = 28,
    }
}
