using System;
using System.Collections.Generic;

namespace PiiGuard.Runtime.Tests;

[GenerateMasking]
public sealed partial class Address
{
    [Pii(PiiKind.PostalAddress)] public string Street { get; set; } = "";
    public string Country { get; set; } = "";
}

[GenerateMasking]
public partial class Customer
{
    [Pii(PiiKind.Name)] public string FullName { get; set; } = "";
    [Pii(PiiKind.Email)] public string Email { get; set; } = "";
    [Pii(PiiKind.Phone)] public string Phone { get; set; } = "";
    [Pii(PiiKind.NationalId)] public string ResidentId { get; set; } = "";
    [Pii(PiiKind.PaymentCard)] public string Card { get; set; } = "";
    [Pii(PiiKind.Email)] public List<string> OtherEmails { get; set; } = new();
    public Address? Home { get; set; }
    public string Tier { get; set; } = "";
    public int Orders { get; set; }
    public DateTime Since { get; set; }
}

[GenerateMasking]
public partial class VipCustomer : Customer
{
    [Pii(PiiKind.BankAccount)] public string Iban { get; set; } = "";
    public string Manager { get; set; } = "";
}

/// <summary>A [GenerateMasking] type whose getter fails: the structure must fail closed.</summary>
[GenerateMasking]
public partial class Faulty
{
    [Pii(PiiKind.Email)] public string Email { get; set; } = "";
    public string Broken => throw new InvalidOperationException("getter failed with " + Email);
}

/// <summary>A hand-written IMaskable (no generated structure).</summary>
public sealed class Token : IMaskable
{
    public string Value { get; set; } = "";
    public string ToMaskedString() => "Token(***)";
}

/// <summary>A hand-written IMaskable that throws.</summary>
public sealed class ThrowingToken : IMaskable
{
    public string Value { get; set; } = "";
    public string ToMaskedString() => throw new InvalidOperationException(Value);
}

[GenerateMasking]
public partial class Node
{
    [Pii(PiiKind.Name)] public string Name { get; set; } = "";
    public Node? Next { get; set; }
}

public static class Samples
{
    public const string Card = "4111111111111111";
    public const string MaskedCard = "411111******1111";
    public const string ResidentId = "11010519491231002X";
    public const string Email = "zhang.wei@example.com";
    public const string OtherEmail = "wei.zhang@example.org";
    public const string Phone = "+86 138 0013 8000";
    public const string FullName = "Zhang Wei";
    public const string Street = "1 Chang'an Avenue";
    public const string Iban = "DE89370400440532013000";

    /// <summary>Raw personal values and telling fragments of them: none may appear in any sink output.</summary>
    public static readonly string[] Secrets =
    {
        Card, "41111111", ResidentId, "19491231", Email, "zhang.wei", OtherEmail, "wei.zhang", Phone, "0013 8000", "Zhang Wei", "Zhang", Street, "Chang'an", Iban, "370400440532",
    };

    public static Customer Customer() => new()
    {
        FullName = FullName,
        Email = Email,
        Phone = Phone,
        ResidentId = ResidentId,
        Card = Card,
        OtherEmails = new List<string> { OtherEmail },
        Home = new Address { Street = Street, Country = "CN" },
        Tier = "Gold",
        Orders = 42,
        Since = new DateTime(2020, 5, 17),
    };

    public static VipCustomer Vip() => new()
    {
        FullName = FullName,
        Email = Email,
        Phone = Phone,
        ResidentId = ResidentId,
        Card = Card,
        Home = new Address { Street = Street, Country = "CN" },
        Tier = "Platinum",
        Orders = 7,
        Iban = Iban,
        Manager = "Desk 12",
    };

    public static void AssertNoSecret(string output)
    {
        foreach (string secret in Secrets)
        {
            Assert.DoesNotContain(secret, output, StringComparison.OrdinalIgnoreCase);
        }
    }
}
