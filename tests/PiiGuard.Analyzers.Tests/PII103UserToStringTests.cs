using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = PiiGuard.Analyzers.Tests.Infrastructure.AnalyzerVerifier<PiiGuard.Analyzers.GenerateMaskingAnalyzer>;

namespace PiiGuard.Analyzers.Tests;

/// <summary>PII103: a user-written ToString (or record PrintMembers) keeps the generated masked text out of ToString.</summary>
public class PII103UserToStringTests
{
    [Fact]
    public async Task UserToString_IsReported_OnTheMethod()
    {
        await Verify.VerifyAsync("""
            using PiiGuard;
            [GenerateMasking]
            public partial class Customer
            {
                [Pii(PiiKind.Email)] public string Email { get; set; } = "";
                public override string {|#0:ToString|}() => "Customer";
            }
            """,
            DiagnosticResult.CompilerWarning("PII103").WithLocation(0).WithArguments("Customer", "ToString()"));
    }

    [Fact]
    public async Task UserPrintMembers_InRecord_IsReported()
    {
        await Verify.VerifyAsync("""
            using PiiGuard;
            [GenerateMasking]
            public partial record Person([property: Pii(PiiKind.Name)] string Name)
            {
                protected virtual bool {|#0:PrintMembers|}(System.Text.StringBuilder builder) => false;
            }
            """,
            DiagnosticResult.CompilerWarning("PII103").WithLocation(0).WithArguments("Person", "PrintMembers(StringBuilder)"));
    }

    [Fact]
    public async Task ToStringOverloadWithFormat_IsNotReported()
    {
        await Verify.VerifyAsync("""
            using PiiGuard;
            [GenerateMasking]
            public partial class Customer
            {
                [Pii(PiiKind.Email)] public string Email { get; set; } = "";
                public string ToString(string format) => format;
            }
            """);
    }

    [Fact]
    public async Task UserToString_WithoutGenerateMasking_IsNotPII103()
    {
        await Verify.VerifyAsync("""
            public partial class Customer
            {
                public string Tier { get; set; } = "";
                public override string ToString() => Tier;
            }
            """);
    }

    [Fact]
    public async Task UserToString_InRecord_IsReported()
    {
        await Verify.VerifyAsync("""
            using PiiGuard;
            [GenerateMasking]
            public partial record Person([property: Pii(PiiKind.Name)] string Name)
            {
                public override string {|PII103:ToString|}() => "Person";
            }
            """);
    }
}
