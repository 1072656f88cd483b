using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PiiGuard.Analyzers.Core;
using Verify = PiiGuard.Analyzers.Tests.Infrastructure.AnalyzerVerifier<PiiGuard.Analyzers.UnannotatedPersonalDataAnalyzer>;

namespace PiiGuard.Analyzers.Tests;

public class PII008UnannotatedPersonalDataTests
{
    [Fact]
    public async Task EnglishNames_AreReported()
    {
        await Verify.VerifyAsync("""
            using System;
            using System.Collections.Generic;
            public class Customer
            {
                public string {|PII008:Email|} { get; set; } = "";
                public string? {|PII008:EmailAddress|} { get; set; }
                public string {|PII008:PhoneNumber|} { get; set; } = "";
                public string {|PII008:Mobile|} { get; set; } = "";
                public string {|PII008:Tel|} = "";
                public string {|PII008:Ssn|} { get; set; } = "";
                public string {|PII008:SocialSecurityNumber|} { get; set; } = "";
                public string {|PII008:IdCard|} { get; set; } = "";
                public string {|PII008:IDNumber|} { get; set; } = "";
                public string {|PII008:PassportNo|} { get; set; } = "";
                public string {|PII008:Iban|} { get; set; } = "";
                public string {|PII008:BankAccountNumber|} { get; set; } = "";
                public string {|PII008:CreditCardNumber|} { get; set; } = "";
                public string {|PII008:HomeAddress|} { get; set; } = "";
                public string {|PII008:AddressLine1|} { get; set; } = "";
                public string {|PII008:Street|} { get; set; } = "";
                public DateTime {|PII008:DateOfBirth|} { get; set; }
                public DateOnly? {|PII008:Dob|} { get; set; }
                public DateTimeOffset {|PII008:Birthday|} { get; set; }
                public string {|PII008:IpAddress|} { get; set; } = "";
                public System.Net.IPAddress? {|PII008:ClientIp|} { get; set; }
                public double {|PII008:Latitude|} { get; set; }
                public decimal? {|PII008:Longitude|} { get; set; }
                public string {|PII008:FullName|} { get; set; } = "";
                public string {|PII008:FirstName|} { get; set; } = "";
                public string {|PII008:Surname|} { get; set; } = "";
                public List<string> {|PII008:Emails|} { get; } = new();
                public string[] {|PII008:PhoneNumbers|} { get; set; } = [];
                private string {|PII008:_email|} = "";
                private string {|PII008:m_phone|} = "";
                public string {|PII008:contact_email|} = "";
            }
            """);
    }

    [Fact]
    public async Task PinyinNames_AreReported()
    {
        await Verify.VerifyAsync("""
            public class YongHu
            {
                public string {|PII008:ShenFenZheng|} { get; set; } = "";
                public string {|PII008:Shenfenzheng|} { get; set; } = "";
                public string {|PII008:Sfz|} { get; set; } = "";
                public string {|PII008:SfzHm|} { get; set; } = "";
                public string {|PII008:ShouJi|} { get; set; } = "";
                public string {|PII008:ShouJiHao|} { get; set; } = "";
                public string {|PII008:DianHua|} { get; set; } = "";
                public string {|PII008:XingMing|} { get; set; } = "";
                public string {|PII008:JiaTingZhuZhi|} { get; set; } = "";
                public string {|PII008:YinHangKaHao|} { get; set; } = "";
                public string {|PII008:HuZhao|} { get; set; } = "";
            }
            """);
    }

    [Fact]
    public async Task Diagnostic_NamesMemberAndKind()
    {
        await Verify.VerifyAsync("""
            public class Patient
            {
                public string {|#0:ShenFenZheng|} { get; set; } = "";
            }
            """,
            new DiagnosticResult(Rules.UnannotatedPersonalData).WithLocation(0).WithArguments("Patient.ShenFenZheng", "NationalId"));
    }

    [Fact]
    public async Task PositionalRecordParameter_IsReportedOnce()
    {
        await Verify.VerifyAsync("""
            public record Contact(string {|PII008:Email|}, string {|PII008:Phone|}, int PhoneCount);
            """);
    }

    [Fact]
    public async Task AnnotatedMembers_AreNotReported()
    {
        await Verify.VerifyAsync("""
            using PiiGuard;
            using Microsoft.AspNetCore.Identity;
            using Microsoft.Extensions.Compliance.Classification;
            public class Customer
            {
                [Pii(PiiKind.Email)] public string Email { get; set; } = "";
                [PersonalData] public string Phone { get; set; } = "";
                [ProtectedPersonalData] public string Ssn { get; set; } = "";
                [Pii] public string Address { get; set; } = "";
                [NoDataClassification] public string? ClientIp { get; set; }
            }
            public record Contact([Pii(PiiKind.Email)] string Email, [property: Pii(PiiKind.Phone)] string Phone);
            """);
    }

    [Fact]
    public async Task MetadataAboutPersonalData_IsNotReported()
    {
        await Verify.VerifyAsync("""
            using System;
            using System.Net.Sockets;
            public enum IpAddressType { V4, V6 }
            public enum ContactMethod { Email, Phone }
            public class Account
            {
                public bool IsEmailConfirmed { get; set; }
                public bool EmailConfirmed { get; set; }
                public bool PhoneNumberConfirmed { get; set; }
                public DateTime EmailSentAt { get; set; }
                public DateTime? EmailSentUtc { get; set; }
                public DateTime CreatedAt { get; set; }
                public int PhoneCount { get; set; }
                public int EmailLength { get; set; }
                public string EmailTemplate { get; set; } = "";
                public string EmailSubject { get; set; } = "";
                public string EmailBody { get; set; } = "";
                public string EmailStatus { get; set; } = "";
                public string EmailConfirmationToken { get; set; } = "";
                public string PhoneCountryCode { get; set; } = "";
                public string AddressId { get; set; } = "";
                public int AddressCount { get; set; }
                public AddressFamily AddressFamily { get; set; }
                public IpAddressType IpAddressType { get; set; }
                public ContactMethod PreferredContact { get; set; }
                public string SupportEmail { get; set; } = "";
                public string NoReplyEmail { get; set; } = "";
                public string ServerAddress { get; set; } = "";
                public string SmtpHost { get; set; } = "";
                public string EmailRegex { get; set; } = "";
                public string Hotel { get; set; } = "";
                public string Mailbox { get; set; } = "";
                public string Template { get; set; } = "";
                public string Name { get; set; } = "";
                public string ProductName { get; set; } = "";
                public string XingBie { get; set; } = "";
                public int Latitude2 { get; set; }
                public string MobileAppVersion { get; set; } = "";
                public DateTime Birthday2Sent { get; set; }
                public const string EmailClaim = "email";
                public Guid EmailId { get; set; }
                public string this[string email] => email;
            }
            public static class CustomerFieldNames
            {
                public static string FirstName => "FirstName";
                public static readonly string Email = "Email";
                public static string Phone { get; } = "Phone";
            }
            public class PickupPoint
            {
                public string Address1 { get; set; } = "";
                public double Latitude { get; set; }
            }
            public class Meeting
            {
                public string MeetingLocationAddress { get; set; } = "";
                public string VenuePostalCode { get; set; } = "";
            }
            public class Shipment
            {
                public string ZipCodeFrom { get; set; } = "";
            }
            public class SmtpOptions
            {
                public string FromEmail { get; set; } = "";
                public string Address { get; set; } = "";
            }
            """);
    }

    [Fact]
    public async Task OverridesAndExplicitImplementations_AreReportedOnlyWhereDeclared()
    {
        await Verify.VerifyAsync("""
            public interface IPerson { string {|PII008:Email|} { get; } }
            public abstract class Person : IPerson
            {
                public virtual string {|PII008:Phone|} { get; set; } = "";
                string IPerson.Email => "";
            }
            public class Employee : Person
            {
                public override string Phone { get; set; } = "";
            }
            """);
    }

    [Theory]
    [InlineData("Email", "Email")]
    [InlineData("EMail", "Email")]
    [InlineData("PrimaryEmailAddress", "Email")]
    [InlineData("IPAddress", "IpAddress")]
    [InlineData("MacAddress", "DeviceId")]
    [InlineData("SHEN_FEN_ZHENG", "NationalId")]
    [InlineData("idcard_no", "NationalId")]
    [InlineData("BillingAddresses", "PostalAddress")]
    [InlineData("ZipCode", "PostalAddress")]
    [InlineData("CardHolderName", "Name")]
    [InlineData("UserName", "Username")]
    [InlineData("TaxId", "TaxId")]
    [InlineData("DriversLicense", "DriverLicense")]
    [InlineData("BirthDate", "DateOfBirth")]
    public void Recognise_InfersKind(string name, string kind)
    {
        Assert.Equal(kind, PersonalDataNames.Recognise(name)?.Kind);
    }

    [Theory]
    [InlineData("EmailTemplate")]
    [InlineData("IsEmailConfirmed")]
    [InlineData("EmailSentAt")]
    [InlineData("PhoneCount")]
    [InlineData("Hotel")]
    [InlineData("Telemetry")]
    [InlineData("Address" + "Family")]
    [InlineData("LatencyMs")]
    [InlineData("Name")]
    public void Recognise_RejectsNonPersonalNames(string name)
    {
        Assert.Null(PersonalDataNames.Recognise(name));
    }

    [Theory]
    [InlineData("m_homeIPAddress2", "home,ip,address,2")]
    [InlineData("SHEN_FEN_ZHENG", "shen,fen,zheng")]
    [InlineData("IDCard", "id,card")]
    [InlineData("_email", "email")]
    public void SplitWords_SplitsCamelAcronymsUnderscoresAndDigits(string name, string words)
    {
        Assert.Equal(words, string.Join(",", PersonalDataNames.SplitWords(name)));
    }
}
