using System;
using Microsoft.Extensions.Compliance.Classification;

namespace PiiGuard.Extensions.Compliance
{
    /// <summary>
    /// Classifies a member or a <c>[LoggerMessage]</c> parameter as personal data of a <see cref="PiiKind"/>, in
    /// <see cref="PiiGuardTaxonomy"/>: use the attribute of the kind (<c>[PaymentCardData]</c>, <c>[EmailData]</c>…).
    /// Microsoft's logging redaction then applies the redactor that <c>SetPiiGuardRedactors()</c> maps to the kind (a card
    /// prints <c>411111******1111</c>), and PiiGuard's analyzers treat the member as personal data (every
    /// <see cref="DataClassificationAttribute"/> is). One parameterless attribute per kind, because Microsoft's logging
    /// generator creates classification attributes without arguments.
    /// </summary>
    public abstract class PiiDataAttribute : DataClassificationAttribute
    {
        /// <summary>Classifies personal data of the given kind.</summary>
        /// <param name="kind">The kind of personal data; selects the masking convention.</param>
        protected PiiDataAttribute(PiiKind kind)
            : base(PiiGuardTaxonomy.ForKind(kind))
        {
            Kind = kind;
        }

        /// <summary>The kind of personal data.</summary>
        public PiiKind Kind { get; }
    }

    /// <summary>Personal data of kind <see cref="PiiKind.Other"/> (classification <c>PiiGuard:Other</c>).</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false)]
    public sealed class OtherDataAttribute : PiiDataAttribute
    {
        /// <summary>Classifies personal data of kind <see cref="PiiKind.Other"/>.</summary>
        public OtherDataAttribute()
            : base(PiiKind.Other)
        {
        }
    }

    /// <summary>Personal data of kind <see cref="PiiKind.Name"/> (classification <c>PiiGuard:Name</c>).</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false)]
    public sealed class NameDataAttribute : PiiDataAttribute
    {
        /// <summary>Classifies personal data of kind <see cref="PiiKind.Name"/>.</summary>
        public NameDataAttribute()
            : base(PiiKind.Name)
        {
        }
    }

    /// <summary>Personal data of kind <see cref="PiiKind.Email"/> (classification <c>PiiGuard:Email</c>).</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false)]
    public sealed class EmailDataAttribute : PiiDataAttribute
    {
        /// <summary>Classifies personal data of kind <see cref="PiiKind.Email"/>.</summary>
        public EmailDataAttribute()
            : base(PiiKind.Email)
        {
        }
    }

    /// <summary>Personal data of kind <see cref="PiiKind.Phone"/> (classification <c>PiiGuard:Phone</c>).</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false)]
    public sealed class PhoneDataAttribute : PiiDataAttribute
    {
        /// <summary>Classifies personal data of kind <see cref="PiiKind.Phone"/>.</summary>
        public PhoneDataAttribute()
            : base(PiiKind.Phone)
        {
        }
    }

    /// <summary>Personal data of kind <see cref="PiiKind.PostalAddress"/> (classification <c>PiiGuard:PostalAddress</c>).</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false)]
    public sealed class PostalAddressDataAttribute : PiiDataAttribute
    {
        /// <summary>Classifies personal data of kind <see cref="PiiKind.PostalAddress"/>.</summary>
        public PostalAddressDataAttribute()
            : base(PiiKind.PostalAddress)
        {
        }
    }

    /// <summary>Personal data of kind <see cref="PiiKind.DateOfBirth"/> (classification <c>PiiGuard:DateOfBirth</c>).</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false)]
    public sealed class DateOfBirthDataAttribute : PiiDataAttribute
    {
        /// <summary>Classifies personal data of kind <see cref="PiiKind.DateOfBirth"/>.</summary>
        public DateOfBirthDataAttribute()
            : base(PiiKind.DateOfBirth)
        {
        }
    }

    /// <summary>Personal data of kind <see cref="PiiKind.NationalId"/> (classification <c>PiiGuard:NationalId</c>).</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false)]
    public sealed class NationalIdDataAttribute : PiiDataAttribute
    {
        /// <summary>Classifies personal data of kind <see cref="PiiKind.NationalId"/>.</summary>
        public NationalIdDataAttribute()
            : base(PiiKind.NationalId)
        {
        }
    }

    /// <summary>Personal data of kind <see cref="PiiKind.Passport"/> (classification <c>PiiGuard:Passport</c>).</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false)]
    public sealed class PassportDataAttribute : PiiDataAttribute
    {
        /// <summary>Classifies personal data of kind <see cref="PiiKind.Passport"/>.</summary>
        public PassportDataAttribute()
            : base(PiiKind.Passport)
        {
        }
    }

    /// <summary>Personal data of kind <see cref="PiiKind.DriverLicense"/> (classification <c>PiiGuard:DriverLicense</c>).</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false)]
    public sealed class DriverLicenseDataAttribute : PiiDataAttribute
    {
        /// <summary>Classifies personal data of kind <see cref="PiiKind.DriverLicense"/>.</summary>
        public DriverLicenseDataAttribute()
            : base(PiiKind.DriverLicense)
        {
        }
    }

    /// <summary>Personal data of kind <see cref="PiiKind.TaxId"/> (classification <c>PiiGuard:TaxId</c>).</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false)]
    public sealed class TaxIdDataAttribute : PiiDataAttribute
    {
        /// <summary>Classifies personal data of kind <see cref="PiiKind.TaxId"/>.</summary>
        public TaxIdDataAttribute()
            : base(PiiKind.TaxId)
        {
        }
    }

    /// <summary>Personal data of kind <see cref="PiiKind.BankAccount"/> (classification <c>PiiGuard:BankAccount</c>).</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false)]
    public sealed class BankAccountDataAttribute : PiiDataAttribute
    {
        /// <summary>Classifies personal data of kind <see cref="PiiKind.BankAccount"/>.</summary>
        public BankAccountDataAttribute()
            : base(PiiKind.BankAccount)
        {
        }
    }

    /// <summary>Personal data of kind <see cref="PiiKind.PaymentCard"/> (classification <c>PiiGuard:PaymentCard</c>).</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false)]
    public sealed class PaymentCardDataAttribute : PiiDataAttribute
    {
        /// <summary>Classifies personal data of kind <see cref="PiiKind.PaymentCard"/>.</summary>
        public PaymentCardDataAttribute()
            : base(PiiKind.PaymentCard)
        {
        }
    }

    /// <summary>Personal data of kind <see cref="PiiKind.IpAddress"/> (classification <c>PiiGuard:IpAddress</c>).</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false)]
    public sealed class IpAddressDataAttribute : PiiDataAttribute
    {
        /// <summary>Classifies personal data of kind <see cref="PiiKind.IpAddress"/>.</summary>
        public IpAddressDataAttribute()
            : base(PiiKind.IpAddress)
        {
        }
    }

    /// <summary>Personal data of kind <see cref="PiiKind.DeviceId"/> (classification <c>PiiGuard:DeviceId</c>).</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false)]
    public sealed class DeviceIdDataAttribute : PiiDataAttribute
    {
        /// <summary>Classifies personal data of kind <see cref="PiiKind.DeviceId"/>.</summary>
        public DeviceIdDataAttribute()
            : base(PiiKind.DeviceId)
        {
        }
    }

    /// <summary>Personal data of kind <see cref="PiiKind.OnlineId"/> (classification <c>PiiGuard:OnlineId</c>).</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false)]
    public sealed class OnlineIdDataAttribute : PiiDataAttribute
    {
        /// <summary>Classifies personal data of kind <see cref="PiiKind.OnlineId"/>.</summary>
        public OnlineIdDataAttribute()
            : base(PiiKind.OnlineId)
        {
        }
    }

    /// <summary>Personal data of kind <see cref="PiiKind.Location"/> (classification <c>PiiGuard:Location</c>).</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false)]
    public sealed class LocationDataAttribute : PiiDataAttribute
    {
        /// <summary>Classifies personal data of kind <see cref="PiiKind.Location"/>.</summary>
        public LocationDataAttribute()
            : base(PiiKind.Location)
        {
        }
    }

    /// <summary>Personal data of kind <see cref="PiiKind.Biometric"/> (classification <c>PiiGuard:Biometric</c>).</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false)]
    public sealed class BiometricDataAttribute : PiiDataAttribute
    {
        /// <summary>Classifies personal data of kind <see cref="PiiKind.Biometric"/>.</summary>
        public BiometricDataAttribute()
            : base(PiiKind.Biometric)
        {
        }
    }

    /// <summary>Personal data of kind <see cref="PiiKind.Photo"/> (classification <c>PiiGuard:Photo</c>).</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false)]
    public sealed class PhotoDataAttribute : PiiDataAttribute
    {
        /// <summary>Classifies personal data of kind <see cref="PiiKind.Photo"/>.</summary>
        public PhotoDataAttribute()
            : base(PiiKind.Photo)
        {
        }
    }

    /// <summary>Personal data of kind <see cref="PiiKind.Genetic"/> (classification <c>PiiGuard:Genetic</c>).</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false)]
    public sealed class GeneticDataAttribute : PiiDataAttribute
    {
        /// <summary>Classifies personal data of kind <see cref="PiiKind.Genetic"/>.</summary>
        public GeneticDataAttribute()
            : base(PiiKind.Genetic)
        {
        }
    }

    /// <summary>Personal data of kind <see cref="PiiKind.Health"/> (classification <c>PiiGuard:Health</c>).</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false)]
    public sealed class HealthDataAttribute : PiiDataAttribute
    {
        /// <summary>Classifies personal data of kind <see cref="PiiKind.Health"/>.</summary>
        public HealthDataAttribute()
            : base(PiiKind.Health)
        {
        }
    }

    /// <summary>Personal data of kind <see cref="PiiKind.Religion"/> (classification <c>PiiGuard:Religion</c>).</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false)]
    public sealed class ReligionDataAttribute : PiiDataAttribute
    {
        /// <summary>Classifies personal data of kind <see cref="PiiKind.Religion"/>.</summary>
        public ReligionDataAttribute()
            : base(PiiKind.Religion)
        {
        }
    }

    /// <summary>Personal data of kind <see cref="PiiKind.Ethnicity"/> (classification <c>PiiGuard:Ethnicity</c>).</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false)]
    public sealed class EthnicityDataAttribute : PiiDataAttribute
    {
        /// <summary>Classifies personal data of kind <see cref="PiiKind.Ethnicity"/>.</summary>
        public EthnicityDataAttribute()
            : base(PiiKind.Ethnicity)
        {
        }
    }

    /// <summary>Personal data of kind <see cref="PiiKind.SexualOrientation"/> (classification <c>PiiGuard:SexualOrientation</c>).</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false)]
    public sealed class SexualOrientationDataAttribute : PiiDataAttribute
    {
        /// <summary>Classifies personal data of kind <see cref="PiiKind.SexualOrientation"/>.</summary>
        public SexualOrientationDataAttribute()
            : base(PiiKind.SexualOrientation)
        {
        }
    }

    /// <summary>Personal data of kind <see cref="PiiKind.PoliticalOpinion"/> (classification <c>PiiGuard:PoliticalOpinion</c>).</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false)]
    public sealed class PoliticalOpinionDataAttribute : PiiDataAttribute
    {
        /// <summary>Classifies personal data of kind <see cref="PiiKind.PoliticalOpinion"/>.</summary>
        public PoliticalOpinionDataAttribute()
            : base(PiiKind.PoliticalOpinion)
        {
        }
    }

    /// <summary>Personal data of kind <see cref="PiiKind.TradeUnion"/> (classification <c>PiiGuard:TradeUnion</c>).</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false)]
    public sealed class TradeUnionDataAttribute : PiiDataAttribute
    {
        /// <summary>Classifies personal data of kind <see cref="PiiKind.TradeUnion"/>.</summary>
        public TradeUnionDataAttribute()
            : base(PiiKind.TradeUnion)
        {
        }
    }

    /// <summary>Personal data of kind <see cref="PiiKind.CriminalRecord"/> (classification <c>PiiGuard:CriminalRecord</c>).</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false)]
    public sealed class CriminalRecordDataAttribute : PiiDataAttribute
    {
        /// <summary>Classifies personal data of kind <see cref="PiiKind.CriminalRecord"/>.</summary>
        public CriminalRecordDataAttribute()
            : base(PiiKind.CriminalRecord)
        {
        }
    }

    /// <summary>Personal data of kind <see cref="PiiKind.Immigration"/> (classification <c>PiiGuard:Immigration</c>).</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false)]
    public sealed class ImmigrationDataAttribute : PiiDataAttribute
    {
        /// <summary>Classifies personal data of kind <see cref="PiiKind.Immigration"/>.</summary>
        public ImmigrationDataAttribute()
            : base(PiiKind.Immigration)
        {
        }
    }

    /// <summary>Personal data of kind <see cref="PiiKind.MessageContent"/> (classification <c>PiiGuard:MessageContent</c>).</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false)]
    public sealed class MessageContentDataAttribute : PiiDataAttribute
    {
        /// <summary>Classifies personal data of kind <see cref="PiiKind.MessageContent"/>.</summary>
        public MessageContentDataAttribute()
            : base(PiiKind.MessageContent)
        {
        }
    }

    /// <summary>Personal data of kind <see cref="PiiKind.Username"/> (classification <c>PiiGuard:Username</c>).</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false)]
    public sealed class UsernameDataAttribute : PiiDataAttribute
    {
        /// <summary>Classifies personal data of kind <see cref="PiiKind.Username"/>.</summary>
        public UsernameDataAttribute()
            : base(PiiKind.Username)
        {
        }
    }
}
