using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = PiiGuard.Analyzers.Tests.Infrastructure.AnalyzerVerifier<PiiGuard.Analyzers.GenerateMaskingAnalyzer>;

namespace PiiGuard.Analyzers.Tests;

/// <summary>PII105: [GenerateMasking] on a type with nothing to mask.</summary>
public class PII105NoPersonalMembersTests
{
    [Fact]
    public async Task NoPersonalMember_IsReported()
    {
        await Verify.VerifyAsync("""
            [PiiGuard.GenerateMasking]
            public partial class {|#0:Order|}
            {
                public string Number { get; set; } = "";
            }
            """,
            new DiagnosticResult("PII105", Microsoft.CodeAnalysis.DiagnosticSeverity.Info).WithLocation(0).WithArguments("Order"));
    }

    [Fact]
    public async Task ThroughAUsingAlias_AndWithTheAttributeSuffix_IsReported_AndOtherAttributesAreNot()
    {
        // The analyzer looks at attributes by their written name first (issue 18): an alias, the Attribute suffix and an
        // attribute list holding other attributes are still found; [Serializable] alone is not [GenerateMasking].
        await Verify.VerifyAsync("""
            using Masked = PiiGuard.GenerateMaskingAttribute;
            [System.Serializable, Masked]
            public partial class {|#0:Order|} { public string Number { get; set; } = ""; }
            [PiiGuard.GenerateMaskingAttribute]
            public partial struct {|#1:Line|} { public int Quantity { get; set; } }
            [System.Serializable]
            public partial class Plain { public string Number { get; set; } = ""; }
            """,
            new DiagnosticResult("PII105", Microsoft.CodeAnalysis.DiagnosticSeverity.Info).WithLocation(0).WithArguments("Order"),
            new DiagnosticResult("PII105", Microsoft.CodeAnalysis.DiagnosticSeverity.Info).WithLocation(1).WithArguments("Line"));
    }

    [Fact]
    public async Task MemberOfMaskableType_CountsAsPersonal()
    {
        await Verify.VerifyAsync("""
            using PiiGuard;
            [GenerateMasking]
            public partial class Customer { [Pii(PiiKind.Email)] public string Email { get; set; } = ""; }
            [GenerateMasking]
            public partial class Order
            {
                public string Number { get; set; } = "";
                public Customer Buyer { get; set; } = new();
            }
            """);
    }

    [Fact]
    public async Task InheritedPersonalMember_CountsAsPersonal()
    {
        await Verify.VerifyAsync("""
            using PiiGuard;
            public class Entity { [Pii(PiiKind.Username)] public string Owner { get; set; } = ""; }
            [GenerateMasking]
            public partial class Order : Entity
            {
                public string Number { get; set; } = "";
            }
            """);
    }

    [Fact]
    public async Task PersonalDataAttribute_CountsAsPersonal()
    {
        await Verify.VerifyAsync("""
            [PiiGuard.GenerateMasking]
            public partial class Profile
            {
                [Microsoft.AspNetCore.Identity.PersonalData] public string PhoneNumber { get; set; } = "";
            }
            """);
    }
}
