namespace PiiGuard.Analyzers.Tests.Infrastructure;

/// <summary>Model types shared by the leak analyzer tests (PII001-PII005, PII007).</summary>
public static class LeakModels
{
    /// <summary>Customer (plain class: object's ToString), Contact, records and masked types.</summary>
    public const string Source = """

        public class Customer
        {
            [PiiGuard.Pii(PiiGuard.PiiKind.NationalId)] public string NationalId { get; set; } = "";
            [PiiGuard.Pii(PiiGuard.PiiKind.Email)] public string Email { get; set; } = "";
            [PiiGuard.Pii(PiiGuard.PiiKind.Phone)] public string Phone { get; set; } = "";
            [PiiGuard.Pii(PiiGuard.PiiKind.Health)] public string Diagnosis { get; set; } = "";
            [PiiGuard.Pii(PiiGuard.PiiKind.Email)] public bool EmailConfirmed { get; set; }
            public string Tier { get; set; } = "";
            public int Id { get; set; }
            public Contact Contact { get; set; } = new Contact();
        }

        public class Contact
        {
            [PiiGuard.Pii(PiiGuard.PiiKind.Email)] public string Email { get; set; } = "";
            public string City { get; set; } = "";
        }

        public record Person([PiiGuard.Pii(PiiGuard.PiiKind.Name)] string Name, int Age);

        [PiiGuard.GenerateMasking]
        public partial record MaskedPerson([PiiGuard.Pii(PiiGuard.PiiKind.Name)] string Name);

        [PiiGuard.GenerateMasking]
        public partial class MaskedCustomer
        {
            [PiiGuard.Pii(PiiGuard.PiiKind.Email)] public string Email { get; set; } = "";
        }

        public class Order
        {
            public int Number { get; set; }
            public override string ToString() => "Order " + Number;
        }
        """;
}
