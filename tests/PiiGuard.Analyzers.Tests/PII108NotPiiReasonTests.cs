using System.Threading.Tasks;
using Verify = PiiGuard.Analyzers.Tests.Infrastructure.AnalyzerVerifier<PiiGuard.Analyzers.NotPiiReasonAnalyzer>;

namespace PiiGuard.Analyzers.Tests;

public class PII108NotPiiReasonTests
{
    [Fact]
    public Task BlankReasons_AreReported() => Verify.VerifyAsync("""
        using PiiGuard;

        [NotPii({|PII108:""|})]
        public class Fixture
        {
            [NotPii({|PII108:"   "|})] public string Email { get; set; } = "";
            [NotPiiAttribute(reason: {|PII108:null!|})] public string Phone = "";
            [PiiGuard.NotPii({|PII108:Blank|})] public string Address { get; set; } = "";
            private const string Blank = "";

            public void Run([NotPii({|PII108:""|})] string email) { }
        }

        public record Contact([NotPii({|PII108:"\t"|})] string Email);
        """);

    [Fact]
    public Task Reasons_AreNotReported() => Verify.VerifyAsync("""
        using PiiGuard;

        [NotPii("demo fixtures")]
        public class Fixture
        {
            [NotPii("a template's name")] public string EmailTemplate { get; set; } = "";
            [NotPii(Reasons.Depot)] public string Address { get; set; } = "";
            [Pii(PiiKind.Email)] public string Email { get; set; } = "";
            public void Run([NotPii("the shared support mailbox")] string email) { }
        }

        static class Reasons { public const string Depot = "the carrier's depot"; }
        """);

    [Fact]
    public Task BlankReasons_ThroughUsingAliases_AreReported() => Verify.VerifyAsync("""
        using Safe = PiiGuard.NotPiiAttribute;

        namespace Shop
        {
            using Reviewed = PiiGuard.NotPiiAttribute;

            public class Fixture
            {
                [Safe({|PII108:""|})] public string Email { get; set; } = "";
                [Reviewed({|PII108:" "|})] public string Phone { get; set; } = "";
                [Safe("a template's name")] public string EmailTemplate { get; set; } = "";
            }
        }
        """);

    [Fact]
    public Task OtherAttributesWithBlankArguments_AreNotReported() => Verify.VerifyAsync("""
        using System.ComponentModel;
        using PiiGuard;

        public class Fixture
        {
            [Description("")] public string Email { get; set; } = "";
            [Pii(PiiKind.Phone)] public string Phone { get; set; } = "";
        }
        """);

    [Fact]
    public Task MissingArgument_IsTheCompilersError_NotPII108() => Verify.VerifyAsync("""
        using PiiGuard;

        public class Fixture
        {
            [{|CS7036:NotPii|}] public string Email { get; set; } = "";
        }
        """);

    [Fact]
    public Task SameNamedAttributeElsewhere_IsIgnored() => Verify.VerifyAsync("""
        [System.AttributeUsage(System.AttributeTargets.All)]
        class NotPiiAttribute : System.Attribute { public NotPiiAttribute(string reason) { } }

        public class Fixture
        {
            [NotPii("")] public string Email { get; set; } = "";
        }
        """);
}
