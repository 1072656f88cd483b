using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = PiiGuard.Analyzers.Tests.Infrastructure.AnalyzerVerifier<PiiGuard.Analyzers.GenerateMaskingAnalyzer>;

namespace PiiGuard.Analyzers.Tests;

/// <summary>PII107: [GenerateMasking] on a type the generator cannot extend.</summary>
public class PII107UnsupportedMaskingTypeTests
{
    [Fact]
    public async Task StaticClass_IsReported_WithWhatItIs()
    {
        await Verify.VerifyAsync("""
            using PiiGuard;
            [GenerateMasking]
            public static partial class {|#0:Contacts|}
            {
                [Pii(PiiKind.Email)] public static string Support { get; set; } = "";
            }
            """,
            DiagnosticResult.CompilerWarning("PII107").WithLocation(0).WithArguments("Contacts", "a static class"));
    }

    [Fact]
    public async Task RefStruct_IsReported()
    {
        await Verify.VerifyAsync("""
            using PiiGuard;
            [GenerateMasking]
            public ref partial struct {|#0:Buffer|}
            {
                [Pii(PiiKind.Email)] public string Email;
            }
            """,
            DiagnosticResult.CompilerWarning("PII107").WithLocation(0).WithArguments("Buffer", "a ref struct"));
    }

    [Fact]
    public async Task FileLocalType_IsReported()
    {
        await Verify.VerifyAsync("""
            using PiiGuard;
            [GenerateMasking]
            file partial class {|#0:Local|}
            {
                [Pii(PiiKind.Email)] public string Email { get; set; } = "";
            }
            """,
            DiagnosticResult.CompilerWarning("PII107").WithLocation(0).WithArguments("Local", "a file-local type"));
    }

    [Fact]
    public async Task OrdinaryPartialTypes_AreNotReported()
    {
        await Verify.VerifyAsync("""
            using PiiGuard;
            [GenerateMasking]
            public partial class Contact
            {
                [Pii(PiiKind.Email)] public string Email { get; set; } = "";
            }
            [GenerateMasking]
            public partial struct Card
            {
                [Pii(PiiKind.PaymentCard)] public string Number;
            }
            """);
    }

    [Fact]
    public async Task NonPartialStaticClass_IsReportedAsNotPartialOnly()
    {
        // One problem, one diagnostic: PII101 comes first.
        await Verify.VerifyAsync("""
            using PiiGuard;
            [GenerateMasking]
            public static class {|PII101:Contacts|}
            {
                [Pii(PiiKind.Email)] public static string Support { get; set; } = "";
            }
            """);
    }
}
