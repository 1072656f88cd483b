using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = PiiGuard.Analyzers.Tests.Infrastructure.AnalyzerVerifier<PiiGuard.Analyzers.GenerateMaskingAnalyzer>;

namespace PiiGuard.Analyzers.Tests;

/// <summary>PII102: a personal member the generator cannot mask by its convention (it erases it).</summary>
public class PII102UnsupportedMemberTests
{
    [Fact]
    public async Task DictionaryMember_IsReported_WithMemberAndType()
    {
        await Verify.VerifyAsync("""
            using System.Collections.Generic;
            using PiiGuard;
            [GenerateMasking]
            public partial class Customer
            {
                [Pii(PiiKind.Email)] public Dictionary<string, string> {|#0:Contacts|} { get; set; } = new();
            }
            """,
            DiagnosticResult.CompilerWarning("PII102").WithLocation(0).WithArguments("Customer", "Contacts", "Dictionary<string, string>"));
    }

    [Fact]
    public async Task CustomClassMember_IsReported()
    {
        await Verify.VerifyAsync("""
            using PiiGuard;
            public class Address { public string Street { get; set; } = ""; }
            [GenerateMasking]
            public partial class Customer
            {
                [Pii(PiiKind.PostalAddress)] public Address {|PII102:Home|} { get; set; } = new();
                [Pii(PiiKind.Other)] public object? {|PII102:Extra|} { get; set; }
            }
            """);
    }

    [Fact]
    public async Task SupportedMembers_AreNotReported()
    {
        await Verify.VerifyAsync("""
            using System;
            using System.Collections.Generic;
            using PiiGuard;
            [GenerateMasking]
            public partial class Address { [Pii(PiiKind.PostalAddress)] public string Street { get; set; } = ""; }
            [GenerateMasking]
            public partial class Customer<T>
            {
                [Pii(PiiKind.Name)] public string Name { get; set; } = "";
                [Pii(PiiKind.DateOfBirth)] public DateTime DateOfBirth { get; set; }
                [Pii(PiiKind.DateOfBirth)] public DateTimeOffset? Born { get; set; }
                [Pii(PiiKind.TaxId)] public long? TaxNumber { get; set; }
                [Pii(PiiKind.DeviceId)] public Guid Device { get; set; }
                [Pii(PiiKind.IpAddress)] public System.Net.IPAddress? Ip { get; set; }
                [Pii(PiiKind.Email)] public List<string> Emails { get; set; } = new();
                [Pii(PiiKind.Phone)] public string[] Phones { get; set; } = Array.Empty<string>();
                [Pii(PiiKind.Email)] public T? Generic { get; set; }
                [Pii(PiiKind.PostalAddress)] public Address Home { get; set; } = new();
                [Pii(PiiKind.PostalAddress)] public IEnumerable<Address> Previous { get; set; } = new List<Address>();
            }
            """);
    }

    [Fact]
    public async Task EraseStyle_IsNotReported()
    {
        await Verify.VerifyAsync("""
            using System.Collections.Generic;
            using PiiGuard;
            [GenerateMasking]
            public partial class Customer
            {
                [Pii(PiiKind.Health, Mask = MaskStyle.Erase)] public Dictionary<string, string> Conditions { get; set; } = new();
            }
            """);
    }

    [Fact]
    public async Task NonPublicMember_IsNotPrinted_AndNotReported()
    {
        await Verify.VerifyAsync("""
            using System.Collections.Generic;
            using PiiGuard;
            [GenerateMasking]
            public partial class Customer
            {
                [Pii(PiiKind.Email)] public string Email { get; set; } = "";
                [Pii(PiiKind.Email)] private Dictionary<string, string> Contacts { get; set; } = new();
            }
            """);
    }

    [Fact]
    public async Task InheritedUnsupportedMember_IsReportedOnTheType()
    {
        await Verify.VerifyAsync("""
            using System.Collections.Generic;
            using PiiGuard;
            public class Entity
            {
                [Pii(PiiKind.Email)] public Dictionary<string, string> Contacts { get; set; } = new();
            }
            [GenerateMasking]
            public partial class {|#0:Customer|} : Entity
            {
                [Pii(PiiKind.Name)] public string Name { get; set; } = "";
            }
            """,
            DiagnosticResult.CompilerWarning("PII102").WithLocation(0).WithArguments("Customer", "Contacts", "Dictionary<string, string>"));
    }

    [Fact]
    public async Task BinaryMember_IsReported_UnlessMarkedErase()
    {
        await Verify.VerifyAsync("""
            using PiiGuard;
            [GenerateMasking]
            public partial class Badge
            {
                [Pii(PiiKind.Name)] public string Holder { get; set; } = "";
                [Pii(PiiKind.Photo)] public byte[]? {|PII102:Photo|} { get; set; }
                [Pii(PiiKind.Biometric, Mask = MaskStyle.Erase)] public byte[]? Fingerprint { get; set; }
            }
            """);
    }
}
