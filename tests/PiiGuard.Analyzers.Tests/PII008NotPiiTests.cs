using System.Threading.Tasks;
using Verify = PiiGuard.Analyzers.Tests.Infrastructure.AnalyzerVerifier<PiiGuard.Analyzers.UnannotatedPersonalDataAnalyzer>;

namespace PiiGuard.Analyzers.Tests;

/// <summary>"Not personal", said once: [NotPii] on a member, a positional parameter or a type silences PII008; #pragma keeps working.</summary>
public class PII008NotPiiTests
{
    [Fact]
    public Task NotPii_OnMemberOrParameter_Silences() => Verify.VerifyAsync("""
        using PiiGuard;

        public class Shipment
        {
            [NotPii("the depot's address, not a person's")] public string Address { get; set; } = "";
            [NotPii("the carrier's hotline")] private string _phone = "";
            public string {|PII008:Email|} { get; set; } = "";
        }

        public record Contact([NotPii("a shared team mailbox")] string Email, string {|PII008:Mobile|});
        """);

    [Fact]
    public Task NotPii_OnType_SilencesEveryMember_IncludingNestedTypes() => Verify.VerifyAsync("""
        using PiiGuard;

        [NotPii("synthetic seed data")]
        public class SeedData
        {
            public string Email { get; set; } = "";
            public string PhoneNumber { get; set; } = "";

            public class Row { public string FullName { get; set; } = ""; }
        }

        public class Person { public string {|PII008:FullName|} { get; set; } = ""; }
        """);

    [Fact]
    public Task NotPii_OnBaseType_DoesNotSilenceDerivedMembers() => Verify.VerifyAsync("""
        using PiiGuard;

        [NotPii("base of fixtures")]
        public class FixtureBase { public string Email { get; set; } = ""; }

        public class Customer : FixtureBase { public string {|PII008:Phone|} { get; set; } = ""; }
        """);

    [Fact]
    public Task NoDataClassification_OnType_Silences() => Verify.VerifyAsync("""
        using Microsoft.Extensions.Compliance.Classification;

        [NoDataClassification]
        public class Depot { public string Address { get; set; } = ""; }
        """);

    [Fact]
    public Task Pragma_KeepsWorking()
    {
        // The framework's own suppression check wraps the file in "#pragma warning disable", which the restore below undoes.
        var test = Verify.CreateTest("""
        public class Customer
        {
        #pragma warning disable PII008 // Justification: the hotel's front desk
            public string Phone { get; set; } = "";
        #pragma warning restore PII008
            public string {|PII008:Email|} { get; set; } = "";
        }
        """);
        test.TestBehaviors |= Microsoft.CodeAnalysis.Testing.TestBehaviors.SkipSuppressionCheck;
        return test.RunAsync();
    }
}
