using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = PiiGuard.Analyzers.Tests.Infrastructure.AnalyzerVerifier<PiiGuard.Analyzers.GenerateMaskingAnalyzer>;

namespace PiiGuard.Analyzers.Tests;

/// <summary>PII101 (not partial) and PII104 (containing type not partial).</summary>
public class PII101GenerateMaskingTests
{
    [Fact]
    public async Task NotPartialClass_IsReported()
    {
        await Verify.VerifyAsync("""
            using PiiGuard;
            [GenerateMasking]
            public class {|PII101:Customer|}
            {
                [Pii(PiiKind.Email)] public string Email { get; set; } = "";
            }
            """);
    }

    [Fact]
    public async Task NotPartialRecord_IsReported_WithTheTypeName()
    {
        await Verify.VerifyAsync("""
            using PiiGuard;
            [GenerateMasking]
            public record {|#0:Person|}([property: Pii(PiiKind.Name)] string Name);
            """,
            DiagnosticResult.CompilerError("PII101").WithLocation(0).WithArguments("Person"));
    }

    [Fact]
    public async Task NotPartialStruct_IsReported()
    {
        await Verify.VerifyAsync("""
            using PiiGuard;
            [GenerateMasking]
            public struct {|PII101:Card|}
            {
                [Pii(PiiKind.PaymentCard)] public string Number;
            }
            """);
    }

    [Fact]
    public async Task PartialTypes_AreNotReported()
    {
        await Verify.VerifyAsync("""
            using PiiGuard;
            [GenerateMasking]
            public partial class Customer
            {
                [Pii(PiiKind.Email)] public string Email { get; set; } = "";
            }
            [GenerateMasking]
            public partial record Person([property: Pii(PiiKind.Name)] string Name);
            [GenerateMasking]
            public partial record struct Contact([property: Pii(PiiKind.Phone)] string Phone);
            """);
    }

    [Fact]
    public async Task PartialAcrossFiles_AttributeOnTheOtherPart_IsNotReported()
    {
        var test = Verify.CreateTest("""
            public partial class Customer
            {
                [PiiGuard.Pii(PiiGuard.PiiKind.Email)] public string Email { get; set; } = "";
            }
            """);
        test.TestState.Sources.Add("[PiiGuard.GenerateMasking] public partial class Customer { }");
        await test.RunAsync();
    }

    [Fact]
    public async Task TypeWithoutAttribute_IsNotReported()
    {
        await Verify.VerifyAsync("""
            public class Customer
            {
                [PiiGuard.Pii(PiiGuard.PiiKind.Email)] public string Email { get; set; } = "";
            }
            """);
    }

    [Fact]
    public async Task NestedInNonPartialType_IsPII104()
    {
        await Verify.VerifyAsync("""
            using PiiGuard;
            public class Outer
            {
                [GenerateMasking]
                public partial class {|#0:Inner|}
                {
                    [Pii(PiiKind.Email)] public string Email { get; set; } = "";
                }
            }
            """,
            DiagnosticResult.CompilerError("PII104").WithLocation(0).WithArguments("Inner", "Outer"));
    }

    [Fact]
    public async Task NestedInPartialTypes_IsNotReported()
    {
        await Verify.VerifyAsync("""
            using PiiGuard;
            public static partial class Outer
            {
                public partial class Middle
                {
                    [GenerateMasking]
                    public partial record Inner([property: Pii(PiiKind.Email)] string Email);
                }
            }
            """);
    }

    [Fact]
    public async Task NestedInOuterNonPartialType_TwoLevelsUp_IsPII104()
    {
        await Verify.VerifyAsync("""
            using PiiGuard;
            public class Outer
            {
                public partial class Middle
                {
                    [GenerateMasking]
                    public partial class {|PII104:Inner|}
                    {
                        [Pii(PiiKind.Email)] public string Email { get; set; } = "";
                    }
                }
            }
            """);
    }
}
