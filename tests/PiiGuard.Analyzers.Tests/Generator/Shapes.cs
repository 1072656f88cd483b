using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;

namespace PiiGuard.Analyzers.Tests.Generator;

/// <summary>
/// One shape of [GenerateMasking] type: its sources (with a <c>Sample.Create()</c> factory in the global namespace), the
/// oldest language version it compiles in, the raw personal values that must never be printed, the values that must
/// be, and the exact text of the masked form.
/// </summary>
public sealed record Shape(string Name, string[] Sources, LanguageVersion MinVersion, string[] Secrets, string[] Visible, string Expected)
{
    public override string ToString() => Name;
}

public static class Shapes
{
    public static readonly Shape Class = new(
        "Class",
        new[]
        {
            """
            using PiiGuard;

            namespace Demo
            {
                [GenerateMasking]
                public partial class Customer
                {
                    [Pii(PiiKind.Name)] public string Name { get; set; } = "";
                    [Pii(PiiKind.Email)] public string Email { get; set; } = "";
                    public string Tier { get; set; } = "";
                    public int Orders;
                }
            }

            public static class Sample
            {
                public static object Create() => new Demo.Customer { Name = "John Smith", Email = "john.smith@example.com", Tier = "Gold", Orders = 42 };
            }
            """,
        },
        LanguageVersion.CSharp8,
        new[] { "John", "Smith", "john.smith" },
        new[] { "Gold", "42" },
        "Customer { Name = J*** S***, Email = j***@example.com, Tier = Gold, Orders = 42 }");

    public static readonly Shape Struct = new(
        "Struct",
        new[]
        {
            """
            using PiiGuard;

            namespace Demo
            {
                [GenerateMasking]
                public readonly partial struct Card
                {
                    public Card(string number, string holder, int year) { Number = number; Holder = holder; Year = year; }
                    [Pii(PiiKind.PaymentCard)] public string Number { get; }
                    [Pii(PiiKind.Name)] public string Holder { get; }
                    public int Year { get; }
                }
            }

            public static class Sample
            {
                public static object Create() => new Demo.Card("4111111111111111", "Ada Lovelace", 2030);
            }
            """,
        },
        LanguageVersion.CSharp8,
        new[] { "4111111111111111", "Ada", "Lovelace" },
        new[] { "2030" },
        "Card { Number = 411111******1111, Holder = A*** L***, Year = 2030 }");

    public static readonly Shape PositionalRecord = new(
        "PositionalRecord",
        new[]
        {
            """
            using PiiGuard;

            namespace Demo
            {
                [GenerateMasking]
                public partial record Person([property: Pii(PiiKind.Name)] string Name, [Pii(PiiKind.Email)] string Email, string Tier)
                {
                    [Pii(PiiKind.Phone)] public string? Phone { get; init; }
                }
            }

            public static class Sample
            {
                public static object Create() => new Demo.Person("Jane Doe", "jane@example.com", "Silver") { Phone = "+86 138 1234 5678" };
            }
            """,
        },
        LanguageVersion.CSharp9,
        new[] { "Jane", "Doe", "jane@", "138 1234" },
        new[] { "Silver" },
        "Person { Name = J*** D***, Email = j***@example.com, Tier = Silver, Phone = +86 ***5678 }");

    public static readonly Shape SealedRecord = new(
        "SealedRecord",
        new[]
        {
            """
            using PiiGuard;

            namespace Demo
            {
                [GenerateMasking]
                public sealed partial record Patient([Pii(PiiKind.NationalId)] string NationalId, [Pii(PiiKind.Health)] string Diagnosis, int Ward);
            }

            public static class Sample
            {
                public static object Create() => new Demo.Patient("110101199003071234", "Diabetes", 7);
            }
            """,
        },
        LanguageVersion.CSharp9,
        new[] { "110101199003071234", "19900307", "Diabetes" },
        new[] { "Ward = 7" },
        "Patient { NationalId = 11***************4, Diagnosis = ***, Ward = 7 }");

    public static readonly Shape RecordStruct = new(
        "RecordStruct",
        new[]
        {
            """
            using PiiGuard;

            namespace Demo
            {
                [GenerateMasking]
                public partial record struct Contact([property: Pii(PiiKind.Phone)] string Phone, string Label);
            }

            public static class Sample
            {
                public static object Create() => new Demo.Contact("+1 415 555 0100", "work");
            }
            """,
        },
        LanguageVersion.CSharp10,
        new[] { "415 555", "555 0100" },
        new[] { "work" },
        "Contact { Phone = +1 ***0100, Label = work }");

    public static readonly Shape ClassInheritance = new(
        "ClassInheritance",
        new[]
        {
            """
            using PiiGuard;

            namespace Demo
            {
                public class Entity
                {
                    public int Id { get; set; }
                    [Pii(PiiKind.Username)] public string Owner { get; set; } = "";
                }

                [GenerateMasking]
                public partial class Account : Entity
                {
                    [Pii(PiiKind.Email)] public string Email { get; set; } = "";
                }

                [GenerateMasking]
                public partial class PremiumAccount : Account
                {
                    [Pii(PiiKind.BankAccount)] public string Iban { get; set; } = "";
                    public string Plan { get; set; } = "";
                }
            }

            public static class Sample
            {
                public static object Create() => new Demo.PremiumAccount { Id = 5, Owner = "marvin", Email = "marvin@example.com", Iban = "DE89370400440532013000", Plan = "Premium" };
            }
            """,
        },
        LanguageVersion.CSharp8,
        new[] { "marvin", "DE89370400440532013000", "0532013" },
        new[] { "Id = 5", "Premium" },
        "PremiumAccount { Id = 5, Owner = m***, Email = m***@example.com, Iban = DE****************3000, Plan = Premium }");

    public static readonly Shape RecordInheritance = new(
        "RecordInheritance",
        new[]
        {
            """
            using PiiGuard;

            namespace Demo
            {
                public abstract record Party([property: Pii(PiiKind.Name)] string Name);

                [GenerateMasking]
                public partial record Employee(string Name, [property: Pii(PiiKind.Email)] string Email, string Team) : Party(Name);

                [GenerateMasking]
                public sealed partial record Manager(string Name, string Email, string Team, [property: Pii(PiiKind.Phone)] string Phone) : Employee(Name, Email, Team);
            }

            public static class Sample
            {
                public static object Create() => new Demo.Manager("Grace Hopper", "grace@example.com", "Compilers", "+1 212 555 0199");
            }
            """,
        },
        LanguageVersion.CSharp9,
        new[] { "Grace", "Hopper", "grace@", "555 0199" },
        new[] { "Compilers" },
        "Manager { Name = G*** H***, Email = g***@example.com, Team = Compilers, Phone = +1 ***0199 }");

    public static readonly Shape Generic = new(
        "Generic",
        new[]
        {
            """
            using System.Collections.Generic;
            using PiiGuard;

            namespace Demo
            {
                [GenerateMasking]
                public partial class Envelope<TKey, TValue> where TKey : notnull
                {
                    public Envelope(TKey key, TValue value) { Key = key; Value = value; }
                    public TKey Key { get; }
                    [Pii(PiiKind.Email)] public TValue Value { get; }
                    [Pii(PiiKind.Email)] public List<TValue> History { get; } = new List<TValue>();
                }
            }

            public static class Sample
            {
                public static object Create()
                {
                    var envelope = new Demo.Envelope<int, string>(7, "secret.person@example.com");
                    envelope.History.Add("old.person@example.org");
                    return envelope;
                }
            }
            """,
        },
        LanguageVersion.CSharp8,
        new[] { "secret.person", "old.person" },
        new[] { "Key = 7" },
        "Envelope { Key = 7, Value = s***@example.com, History = [o***@example.org] }");

    public static readonly Shape Nested = new(
        "Nested",
        new[]
        {
            """
            using PiiGuard;

            namespace Demo.Inner
            {
                public static partial class Outer<T>
                {
                    public partial class Middle
                    {
                        [GenerateMasking]
                        internal partial record Login([property: Pii(PiiKind.Username)] string User, [property: Pii(PiiKind.IpAddress)] string Ip, bool Success);
                    }
                }
            }

            public static class Sample
            {
                public static object Create() => new Demo.Inner.Outer<int>.Middle.Login("administrator", "192.168.10.77", true);
            }
            """,
        },
        LanguageVersion.CSharp9,
        new[] { "administrator", "10.77" },
        new[] { "True" },
        "Login { User = a***, Ip = 192.168.10.0, Success = True }");

    public static readonly Shape Members = new(
        "Members",
        new[]
        {
            """
            using System;
            using System.Collections.Generic;
            using PiiGuard;

            namespace Demo
            {
                [GenerateMasking]
                public partial class Address
                {
                    [Pii(PiiKind.PostalAddress)] public string Street { get; set; } = "";
                    public string Country { get; set; } = "";
                }

                [GenerateMasking]
                public partial class Profile
                {
                    [Pii(PiiKind.DateOfBirth)] public DateTime DateOfBirth { get; set; }
                    [Pii(PiiKind.DateOfBirth)] public DateTime? Anniversary { get; set; }
                    [Pii(PiiKind.TaxId)] public int? TaxNumber { get; set; }
                    [Pii(PiiKind.DeviceId)] public Guid Device { get; set; }
                    [Pii(PiiKind.Email)] public List<string> Emails { get; set; } = new List<string>();
                    [Pii(PiiKind.Phone)] public string[]? Phones { get; set; }
                    [Pii(PiiKind.Photo)] public byte[]? Photo { get; set; }
                    [Pii(PiiKind.Health, Mask = MaskStyle.Erase)] public string Notes { get; set; } = "";
                    [Pii(PiiKind.Name, Mask = MaskStyle.ShowLastFour)] public string Alias { get; set; } = "";
                    public Address Home { get; set; } = new Address();
                    public Address? Work { get; set; }
                    public List<Address> Previous { get; set; } = new List<Address>();
                    public string? Nickname { get; set; }
                }
            }

            public static class Sample
            {
                public static object Create() => new Demo.Profile
                {
                    DateOfBirth = new DateTime(1985, 4, 12),
                    Anniversary = null,
                    TaxNumber = 987654321,
                    Device = new Guid("0f8fad5b-d9cb-469f-a165-70867728950e"),
                    Emails = new List<string> { "first.one@example.com", "second.two@example.net" },
                    Phones = new[] { "+44 20 7946 0958" },
                    Photo = new byte[] { 1, 2, 3 },
                    Notes = "Allergic to penicillin",
                    Alias = "Captain Nemo",
                    Home = new Demo.Address { Street = "221B Baker Street", Country = "UK" },
                    Previous = new List<Demo.Address> { new Demo.Address { Street = "12 Grimmauld Place", Country = "UK" } },
                    Nickname = "Shorty",
                };
            }
            """,
        },
        LanguageVersion.CSharp8,
        new[] { "04-12", "1985-04", "987654321", "0f8fad5b", "first.one", "second.two", "7946", "penicillin", "Captain", "Baker", "Grimmauld" },
        new[] { "UK", "Shorty", "1985-**-**" },
        "Profile { DateOfBirth = 1985-**-**, Anniversary = , TaxNumber = ***21, Device = ***950e, Emails = [f***@example.com, s***@example.net], Phones = [+44 ***0958], Photo = ***, Notes = ***, Alias = ***Nemo, Home = Address { Street = ***, Country = UK }, Work = , Previous = [Address { Street = ***, Country = UK }], Nickname = Shorty }");

    public static readonly Shape GlobalNamespace = new(
        "GlobalNamespace",
        new[]
        {
            """
            [PiiGuard.GenerateMasking]
            public partial class Visitor
            {
                [PiiGuard.Pii(PiiGuard.PiiKind.IpAddress)] public string Ip { get; set; } = "";
                public string Page { get; set; } = "";
            }

            public static class Sample
            {
                public static object Create() => new Visitor { Ip = "203.0.113.195", Page = "/home" };
            }
            """,
        },
        LanguageVersion.CSharp8,
        new[] { "113.195" },
        new[] { "/home" },
        "Visitor { Ip = 203.0.113.0, Page = /home }");

    public static readonly Shape PartialAcrossFiles = new(
        "PartialAcrossFiles",
        new[]
        {
            """
            namespace Demo
            {
                [PiiGuard.GenerateMasking]
                public partial class Order
                {
                    public string Number { get; set; } = "";
                }
            }
            """,
            """
            using PiiGuard;

            namespace Demo
            {
                public partial class Order
                {
                    [Pii(PiiKind.PostalAddress)] public string ShipTo { get; set; } = "";
                }
            }

            public static class Sample
            {
                public static object Create() => new Demo.Order { Number = "SO-1001", ShipTo = "1 Infinite Loop, Cupertino" };
            }
            """,
        },
        LanguageVersion.CSharp8,
        new[] { "Infinite", "Cupertino" },
        new[] { "SO-1001" },
        "Order { Number = SO-1001, ShipTo = *** }");

    public static readonly Shape UserToString = new(
        "UserToString",
        new[]
        {
            """
            using PiiGuard;

            namespace Demo
            {
                [GenerateMasking]
                public partial class Ticket
                {
                    [Pii(PiiKind.Email)] public string Reporter { get; set; } = "";
                    public string Title { get; set; } = "";
                    public override string ToString() => "Ticket " + Title;
                }

                [GenerateMasking]
                public partial record Note([property: Pii(PiiKind.MessageContent)] string Text)
                {
                    protected virtual bool PrintMembers(System.Text.StringBuilder builder)
                    {
                        builder.Append("hidden");
                        return true;
                    }
                }
            }

            public static class Sample
            {
                public static object Create() => new Demo.Ticket { Reporter = "reporter@example.com", Title = "Crash" };
            }
            """,
        },
        LanguageVersion.CSharp9,
        new[] { "reporter@" },
        new[] { "Crash" },
        "Ticket { Reporter = r***@example.com, Title = Crash }");

    public static readonly Shape AbstractGenericInheritance = new(
        "AbstractGenericInheritance",
        new[]
        {
            """
            using PiiGuard;

            namespace Demo
            {
                [GenerateMasking]
                public abstract partial class Message<TBody>
                {
                    protected Message(TBody body) { Body = body; }
                    [Pii(PiiKind.MessageContent)] public TBody Body { get; }
                    public abstract string Channel { get; }
                }

                [GenerateMasking]
                public sealed partial class Sms : Message<string>
                {
                    public Sms(string body, string to) : base(body) { To = to; }
                    [Pii(PiiKind.Phone)] public string To { get; }
                    public override string Channel => "sms";
                }
            }

            public static class Sample
            {
                public static object Create() => new Demo.Sms("your code is 4711", "+49 151 2345 6789");
            }
            """,
        },
        LanguageVersion.CSharp8,
        new[] { "4711", "2345" },
        new[] { "sms" },
        "Sms { Body = ***, Channel = sms, To = +49 ***6789 }");

    public static readonly Shape RecordFromPlainRecord = new(
        "RecordFromPlainRecord",
        new[]
        {
            """
            using PiiGuard;

            namespace Demo
            {
                public record Party([property: Pii(PiiKind.Name)] string Name, string Country);

                [GenerateMasking]
                public partial record Supplier(string Name, string Country, [property: Pii(PiiKind.BankAccount)] string Iban) : Party(Name, Country);
            }

            public static class Sample
            {
                public static object Create() => new Demo.Supplier("Ada Lovelace", "UK", "GB82WEST12345698765432");
            }
            """,
        },
        LanguageVersion.CSharp9,
        new[] { "Ada", "Lovelace", "GB82WEST12345698765432", "12345698" },
        new[] { "UK" },
        "Supplier { Name = A*** L***, Country = UK, Iban = GB****************5432 }");

    public static readonly Shape UserToMaskedString = new(
        "UserToMaskedString",
        new[]
        {
            """
            using PiiGuard;

            namespace Demo
            {
                [GenerateMasking]
                public partial class Badge
                {
                    [Pii(PiiKind.Name)] public string Holder { get; set; } = "";
                    public string ToMaskedString() => "Badge of " + PiiMask.Name(Holder);
                }
            }

            public static class Sample
            {
                public static object Create() => new Demo.Badge { Holder = "Linus Torvalds" };
            }
            """,
        },
        LanguageVersion.CSharp8,
        new[] { "Linus", "Torvalds" },
        new[] { "Badge of" },
        "Badge of L*** T***");

    public static readonly IReadOnlyList<Shape> All = new[]
    {
        Class, Struct, PositionalRecord, SealedRecord, RecordStruct, ClassInheritance, RecordInheritance, Generic, Nested, Members,
        GlobalNamespace, PartialAcrossFiles, UserToString, AbstractGenericInheritance, RecordFromPlainRecord, UserToMaskedString,
    };

    public static readonly LanguageVersion[] Versions = { LanguageVersion.CSharp8, LanguageVersion.CSharp10, LanguageVersion.CSharp12, LanguageVersion.Latest };

    public static IEnumerable<object[]> Names => All.Select(s => new object[] { s.Name });

    public static IEnumerable<object[]> CompileMatrix =>
        from shape in All
        from version in Versions
        where version == LanguageVersion.Latest || version >= shape.MinVersion
        from nullable in new[] { true, false }
        select new object[] { shape.Name, version, nullable };

    public static Shape Get(string name) => All.Single(s => s.Name == name);
}
