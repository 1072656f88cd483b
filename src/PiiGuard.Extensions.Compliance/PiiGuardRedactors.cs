using System;
using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;

namespace PiiGuard.Extensions.Compliance
{
    /// <summary>
    /// One redactor type per masking convention: Microsoft's redactor provider resolves redactors by type, so every kind
    /// that shares a convention shares a type (and one instance).
    /// </summary>
    internal static class PiiGuardRedactors
    {
        private static readonly PiiGuardRedactor NameInstance = new NameRedactor();
        private static readonly PiiGuardRedactor EmailInstance = new EmailRedactor();
        private static readonly PiiGuardRedactor PhoneInstance = new PhoneRedactor();
        private static readonly PiiGuardRedactor DateOfBirthInstance = new DateOfBirthRedactor();
        private static readonly PiiGuardRedactor NationalIdInstance = new NationalIdRedactor();
        private static readonly PiiGuardRedactor IdentifierInstance = new IdentifierRedactor();
        private static readonly PiiGuardRedactor BankAccountInstance = new BankAccountRedactor();
        private static readonly PiiGuardRedactor PaymentCardInstance = new PaymentCardRedactor();
        private static readonly PiiGuardRedactor IpAddressInstance = new IpAddressRedactor();
        private static readonly PiiGuardRedactor ShowFirstInstance = new ShowFirstRedactor();
        private static readonly PiiGuardRedactor ShowLastFourInstance = new ShowLastFourRedactor();
        private static readonly PiiGuardRedactor EraseInstance = new EraseRedactor();

        public static PiiGuardRedactor For(PiiKind kind, MaskStyle style)
        {
            switch (Convention(kind, style))
            {
                case Conventions.Name: return NameInstance;
                case Conventions.Email: return EmailInstance;
                case Conventions.Phone: return PhoneInstance;
                case Conventions.DateOfBirth: return DateOfBirthInstance;
                case Conventions.NationalId: return NationalIdInstance;
                case Conventions.Identifier: return IdentifierInstance;
                case Conventions.BankAccount: return BankAccountInstance;
                case Conventions.PaymentCard: return PaymentCardInstance;
                case Conventions.IpAddress: return IpAddressInstance;
                case Conventions.ShowFirst: return ShowFirstInstance;
                case Conventions.ShowLastFour: return ShowLastFourInstance;
                default: return EraseInstance;
            }
        }

        public static IRedactionBuilder Set(IRedactionBuilder builder, PiiKind kind, MaskStyle style, DataClassificationSet[] classifications)
        {
            switch (Convention(kind, style))
            {
                case Conventions.Name: return builder.SetRedactor<NameRedactor>(classifications);
                case Conventions.Email: return builder.SetRedactor<EmailRedactor>(classifications);
                case Conventions.Phone: return builder.SetRedactor<PhoneRedactor>(classifications);
                case Conventions.DateOfBirth: return builder.SetRedactor<DateOfBirthRedactor>(classifications);
                case Conventions.NationalId: return builder.SetRedactor<NationalIdRedactor>(classifications);
                case Conventions.Identifier: return builder.SetRedactor<IdentifierRedactor>(classifications);
                case Conventions.BankAccount: return builder.SetRedactor<BankAccountRedactor>(classifications);
                case Conventions.PaymentCard: return builder.SetRedactor<PaymentCardRedactor>(classifications);
                case Conventions.IpAddress: return builder.SetRedactor<IpAddressRedactor>(classifications);
                case Conventions.ShowFirst: return builder.SetRedactor<ShowFirstRedactor>(classifications);
                case Conventions.ShowLastFour: return builder.SetRedactor<ShowLastFourRedactor>(classifications);
                default: return builder.SetRedactor<EraseRedactor>(classifications);
            }
        }

        /// <summary>The convention <see cref="PiiMask.Apply(string, PiiKind, MaskStyle)"/> applies to a kind and style.</summary>
        private static Conventions Convention(PiiKind kind, MaskStyle style)
        {
            switch (style)
            {
                case MaskStyle.Default:
                    break;
                case MaskStyle.ShowFirst:
                    return Conventions.ShowFirst;
                case MaskStyle.ShowLastFour:
                    return Conventions.ShowLastFour;
                default:
                    return Conventions.Erase;
            }

            switch (kind)
            {
                case PiiKind.Name: return Conventions.Name;
                case PiiKind.Email: return Conventions.Email;
                case PiiKind.Phone: return Conventions.Phone;
                case PiiKind.DateOfBirth: return Conventions.DateOfBirth;
                case PiiKind.NationalId: return Conventions.NationalId;
                case PiiKind.Passport:
                case PiiKind.DriverLicense:
                case PiiKind.TaxId:
                    return Conventions.Identifier;
                case PiiKind.BankAccount: return Conventions.BankAccount;
                case PiiKind.PaymentCard: return Conventions.PaymentCard;
                case PiiKind.IpAddress: return Conventions.IpAddress;
                case PiiKind.Username:
                case PiiKind.OnlineId:
                    return Conventions.ShowFirst;
                case PiiKind.DeviceId:
                    return Conventions.ShowLastFour;
                default:
                    return Conventions.Erase;
            }
        }

        private enum Conventions
        {
            Erase,
            Name,
            Email,
            Phone,
            DateOfBirth,
            NationalId,
            Identifier,
            BankAccount,
            PaymentCard,
            IpAddress,
            ShowFirst,
            ShowLastFour,
        }

        // Each convention's kind/style is one that PiiMask.Apply maps to that convention.
        internal sealed class NameRedactor() : PiiGuardRedactor(PiiKind.Name, MaskStyle.Default);

        internal sealed class EmailRedactor() : PiiGuardRedactor(PiiKind.Email, MaskStyle.Default);

        internal sealed class PhoneRedactor() : PiiGuardRedactor(PiiKind.Phone, MaskStyle.Default);

        internal sealed class DateOfBirthRedactor() : PiiGuardRedactor(PiiKind.DateOfBirth, MaskStyle.Default);

        internal sealed class NationalIdRedactor() : PiiGuardRedactor(PiiKind.NationalId, MaskStyle.Default);

        internal sealed class IdentifierRedactor() : PiiGuardRedactor(PiiKind.Passport, MaskStyle.Default);

        internal sealed class BankAccountRedactor() : PiiGuardRedactor(PiiKind.BankAccount, MaskStyle.Default);

        internal sealed class PaymentCardRedactor() : PiiGuardRedactor(PiiKind.PaymentCard, MaskStyle.Default);

        internal sealed class IpAddressRedactor() : PiiGuardRedactor(PiiKind.IpAddress, MaskStyle.Default);

        internal sealed class ShowFirstRedactor() : PiiGuardRedactor(PiiKind.Username, MaskStyle.ShowFirst);

        internal sealed class ShowLastFourRedactor() : PiiGuardRedactor(PiiKind.DeviceId, MaskStyle.ShowLastFour);

        internal sealed class EraseRedactor() : PiiGuardRedactor(PiiKind.Other, MaskStyle.Erase);
    }
}
