using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiGuard.Analyzers.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PiiGuard.Analyzers.Tests;

/// <summary>
/// Measures PII008 on a labelled corpus of realistic domain classes (docs/rules/PII008.md quotes the figures):
/// every member line that holds personal data ends with <c>// pii</c>; every other member does not.
/// </summary>
public class PII008PrecisionTests
{
    private readonly ITestOutputHelper _output;

    public PII008PrecisionTests(ITestOutputHelper output) => _output = output;

    private const string Corpus = """
        using System;
        using System.Collections.Generic;
        using System.Net;
        using System.Net.Sockets;

        namespace Shop.Domain;

        public enum AddressType { Home, Work }

        public class Customer
        {
            public Guid Id { get; set; }
            public string FirstName { get; set; } = "";                 // pii
            public string LastName { get; set; } = "";                  // pii
            public string Email { get; set; } = "";                     // pii
            public bool EmailConfirmed { get; set; }
            public DateTime? EmailConfirmedAt { get; set; }
            public string PhoneNumber { get; set; } = "";               // pii
            public bool PhoneNumberConfirmed { get; set; }
            public DateOnly DateOfBirth { get; set; }                   // pii
            public string Tier { get; set; } = "";
            public int LoyaltyPoints { get; set; }
            public DateTime CreatedAt { get; set; }
            public string PreferredLanguage { get; set; } = "";
            public string? NationalId { get; set; }                     // pii
            public List<Address> Addresses { get; } = new();
            public string? Nickname { get; set; }                       // pii
        }

        public class Address
        {
            public int Id { get; set; }
            public AddressType Type { get; set; }
            public string Street { get; set; } = "";                    // pii
            public string HouseNumber { get; set; } = "";               // pii
            public string City { get; set; } = "";
            public string ZipCode { get; set; } = "";                   // pii
            public string Country { get; set; } = "";
            public double? Latitude { get; set; }                       // pii
            public double? Longitude { get; set; }                      // pii
        }

        public class PaymentMethod
        {
            public string CardNumber { get; set; } = "";                // pii
            public string CardHolderName { get; set; } = "";            // pii
            public int ExpiryMonth { get; set; }
            public int ExpiryYear { get; set; }
            public string Iban { get; set; } = "";                      // pii
            public string Currency { get; set; } = "";
            public string CardBrand { get; set; } = "";
        }

        public class Order
        {
            public long Id { get; set; }
            public string ShippingAddress { get; set; } = "";           // pii
            public string BillingEmail { get; set; } = "";              // pii
            public decimal Total { get; set; }
            public string ClientIp { get; set; } = "";                  // pii
            public DateTime PlacedAt { get; set; }
            public string TrackingNumber { get; set; } = "";
        }

        public class Employee
        {
            public string EmployeeNumber { get; set; } = "";
            public string FullName { get; set; } = "";                  // pii
            public string Ssn { get; set; } = "";                       // pii
            public string PassportNumber { get; set; } = "";            // pii
            public DateTime BirthDate { get; set; }                     // pii
            public string WorkEmail { get; set; } = "";                 // pii
            public string Department { get; set; } = "";
            public int PhoneExtension { get; set; }
            public string Diagnosis { get; set; } = "";                 // pii
        }

        public class YongHu
        {
            public string XingMing { get; set; } = "";                  // pii
            public string ShenFenZheng { get; set; } = "";              // pii
            public string ShouJiHao { get; set; } = "";                 // pii
            public string JiaTingZhuZhi { get; set; } = "";             // pii
            public string XingBie { get; set; } = "";                   // pii
            public int NianLing { get; set; }                           // pii
        }

        public class EmailMessage
        {
            public string EmailTemplate { get; set; } = "";
            public string EmailSubject { get; set; } = "";
            public DateTime EmailSentAt { get; set; }
            public int RetryCount { get; set; }
        }

        public class LoginAudit
        {
            public string UserName { get; set; } = "";                  // pii
            public IPAddress? IpAddress { get; set; }                   // pii
            public AddressFamily AddressFamily { get; set; }
            public bool IsEmailConfirmed { get; set; }
            public int PhoneCount { get; set; }
            public string UserAgent { get; set; } = "";
            public DateTime At { get; set; }
        }

        public class SmtpOptions
        {
            public string Host { get; set; } = "";
            public string FromEmail { get; set; } = "";
            public string ServerAddress { get; set; } = "";
        }

        public class Device
        {
            public string DeviceId { get; set; } = "";                  // pii
            public string MobileAppVersion { get; set; } = "";
            public string Platform { get; set; } = "";
        }

        public class Warehouse
        {
            public string Address { get; set; } = "";
            public string Phone { get; set; } = "";
        }

        public class NetworkEndpoint
        {
            public string IpAddress { get; set; } = "";
            public int Port { get; set; }
        }
        """;

    [Fact]
    public async Task LabelledCorpus_PrecisionAndRecall()
    {
        var tree = CSharpSyntaxTree.ParseText(Corpus, new CSharpParseOptions(LanguageVersion.Latest));
        var compilation = CSharpCompilation.Create("corpus", new[] { tree }, TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["PII008"] = ReportDiagnostic.Warn }));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        ImmutableArray<Diagnostic> diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new UnannotatedPersonalDataAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();

        string[] lines = Corpus.Split('\n');
        var flagged = diagnostics.Select(d => d.Location.GetLineSpan().StartLinePosition.Line).ToHashSet();
        var personal = Enumerable.Range(0, lines.Length).Where(i => lines[i].TrimEnd().EndsWith("// pii", StringComparison.Ordinal)).ToHashSet();
        int members = lines.Count(l => l.Contains("{ get;", StringComparison.Ordinal));
        int tp = flagged.Count(personal.Contains);
        int fp = flagged.Count - tp;
        int fn = personal.Count - tp;
        double precision = (double)tp / flagged.Count;
        double recall = (double)tp / personal.Count;

        _output.WriteLine($"members={members} personal={personal.Count} flagged={flagged.Count} TP={tp} FP={fp} FN={fn} precision={precision:P1} recall={recall:P1}");
        foreach (int line in flagged.Where(l => !personal.Contains(l)))
        {
            _output.WriteLine("FP: " + lines[line].Trim());
        }

        foreach (int line in personal.Where(l => !flagged.Contains(l)))
        {
            _output.WriteLine("FN: " + lines[line].Trim());
        }

        // The figures docs/rules/PII008.md states; a change that lowers them must update the page.
        // Stated there: 75 members, 33 personal, 29 flagged, 28 true, 1 false (NetworkEndpoint.IpAddress), 5 missed.
        Assert.True(precision >= 0.95, $"precision {precision:P1}");
        Assert.True(recall >= 0.80, $"recall {recall:P1}");
    }
}
