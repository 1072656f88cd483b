using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiGuard.Analyzers.Tests.Infrastructure;
using Verify = PiiGuard.Analyzers.Tests.Infrastructure.AnalyzerVerifier<PiiGuard.Analyzers.UnmaskedToStringAnalyzer>;

namespace PiiGuard.Analyzers.Tests;

/// <summary>PII006: a type holding personal data prints it through a compiler-generated or user-written ToString.</summary>
public class PII006UnmaskedToStringTests
{
    [Fact]
    public async Task RecordWithPersonalMember_IsReported_WithFix()
    {
        var test = Verify.CreateTest("""
            using PiiGuard;
            public record {|#0:Customer|}([property: Pii(PiiKind.Name)] string Name, [Pii(PiiKind.Email)] string Email, string Tier);
            """);
        test.ExpectedDiagnostics.Add(DiagnosticResult.CompilerWarning("PII006").WithLocation(0)
            .WithArguments("Customer", "Name, Email", "the compiler-generated ToString")
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
        await test.RunAsync();
    }

    [Fact]
    public async Task Record_ReportHasFixAndKindProperties()
    {
        var compilation = Generator.GeneratorHarness.CreateCompilation(new[]
        {
            "public record Customer(string Tier, [property: PiiGuard.Pii(PiiGuard.PiiKind.Email)] string Email, [property: PiiGuard.Pii(PiiGuard.PiiKind.Name)] string Name);",
            "public class Outer { public record Inner([property: PiiGuard.Pii(PiiGuard.PiiKind.Phone)] string Phone); }",
            "public interface IHolder { public record Held([property: PiiGuard.Pii(PiiGuard.PiiKind.Phone)] string Phone); }",
            "public class Manual { [PiiGuard.Pii(PiiGuard.PiiKind.NationalId)] public string Id { get; set; } = \"\"; public override string ToString() => Id; }",
        });
        var diagnostics = await compilation
            .WithAnalyzers(System.Collections.Immutable.ImmutableArray.Create<DiagnosticAnalyzer>(new UnmaskedToStringAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();

        Assert.Equal(4, diagnostics.Length);
        var top = Assert.Single(diagnostics, d => d.GetMessage().StartsWith("Customer", System.StringComparison.Ordinal));
        Assert.Equal("addGenerateMasking", top.Properties["fix"]);
        Assert.Equal("Email", top.Properties["piiKind"]);

        // The fix makes containing types partial too.
        var nested = Assert.Single(diagnostics, d => d.GetMessage().StartsWith("Inner", System.StringComparison.Ordinal));
        Assert.Equal("addGenerateMasking", nested.Properties["fix"]);

        var inInterface = Assert.Single(diagnostics, d => d.GetMessage().StartsWith("Held", System.StringComparison.Ordinal));
        Assert.False(inInterface.Properties.ContainsKey("fix"));

        // A user-written ToString is the user's to change: no fix.
        var manual = Assert.Single(diagnostics, d => d.GetMessage().StartsWith("Manual", System.StringComparison.Ordinal));
        Assert.False(manual.Properties.ContainsKey("fix"));
        Assert.Equal("NationalId", manual.Properties["piiKind"]);
    }

    [Fact]
    public async Task RecordWithGenerateMaskingButNotPartial_IsReported_SoTheFixCanMakeItPartial()
    {
        await Verify.VerifyAsync("""
            [PiiGuard.GenerateMasking]
            public record {|PII006:Customer|}([property: PiiGuard.Pii(PiiGuard.PiiKind.Email)] string Email);
            public class Outer
            {
                [PiiGuard.GenerateMasking]
                public partial record {|PII006:Inner|}([property: PiiGuard.Pii(PiiGuard.PiiKind.Email)] string Email);
            }
            """);
    }

    [Fact]
    public async Task RecordStructAndPersonalDataAttribute_AreReported()
    {
        await Verify.VerifyAsync("""
            public record struct {|PII006:Contact|}([property: PiiGuard.Pii(PiiGuard.PiiKind.Phone)] string Phone);
            public record {|PII006:Profile|}
            {
                [Microsoft.AspNetCore.Identity.PersonalData] public string Email { get; init; } = "";
            }
            """);
    }

    [Fact]
    public async Task RecordWithoutPersonalMembers_IsNotReported()
    {
        await Verify.VerifyAsync("""
            public record Order(string Number, int Lines);
            public record Flagged([property: PiiGuard.Pii(PiiGuard.PiiKind.Email)] bool EmailConfirmed);
            """);
    }

    [Fact]
    public async Task RecordWithGenerateMasking_IsNotReported()
    {
        await Verify.VerifyAsync("""
            [PiiGuard.GenerateMasking]
            public partial record Customer([property: PiiGuard.Pii(PiiGuard.PiiKind.Email)] string Email);
            """);
    }

    [Fact]
    public async Task PlainClassWithObjectToString_IsNotReported()
    {
        await Verify.VerifyAsync("""
            public class Customer
            {
                [PiiGuard.Pii(PiiGuard.PiiKind.Email)] public string Email { get; set; } = "";
            }
            public struct Card
            {
                [PiiGuard.Pii(PiiGuard.PiiKind.PaymentCard)] public string Number;
            }
            """);
    }

    [Fact]
    public async Task UserToStringReadingPersonalMember_IsReported()
    {
        await Verify.VerifyAsync("""
            using PiiGuard;
            public class {|#0:Customer|}
            {
                [Pii(PiiKind.Email)] public string Email { get; set; } = "";
                public string Tier { get; set; } = "";
                public override string ToString() => $"{Tier} {Email}";
            }
            """,
            DiagnosticResult.CompilerWarning("PII006").WithLocation(0).WithArguments("Customer", "Email", "its ToString"));
    }

    [Fact]
    public async Task UserToStringMaskingOrCounting_IsNotReported()
    {
        await Verify.VerifyAsync("""
            using PiiGuard;
            public class Customer
            {
                [Pii(PiiKind.Email)] public string Email { get; set; } = "";
                [Pii(PiiKind.Name)] public string Name { get; set; } = "";
                public override string ToString() => PiiMask.Email(Email) + " " + Name.Length + " " + (Name == null ? "none" : "some");
            }
            """);
    }

    [Fact]
    public async Task RecordUserPrintMembersReadingPersonalMember_IsReported()
    {
        await Verify.VerifyAsync("""
            using PiiGuard;
            public record {|PII006:Person|}([property: Pii(PiiKind.Name)] string Name)
            {
                protected virtual bool PrintMembers(System.Text.StringBuilder builder)
                {
                    builder.Append(Name);
                    return true;
                }
            }
            """);
    }

    [Fact]
    public async Task RecordWithUserToStringNotReadingPersonalData_IsNotReported()
    {
        await Verify.VerifyAsync("""
            using PiiGuard;
            public record Person([property: Pii(PiiKind.Name)] string Name, string Team)
            {
                public override string ToString() => "Person in " + Team;
            }
            """);
    }

    [Fact]
    public async Task DerivedRecord_IsReportedForItsOwnMembersOnly()
    {
        await Verify.VerifyAsync("""
            using PiiGuard;
            public record {|PII006:Party|}([property: Pii(PiiKind.Name)] string Name);
            public record Company(string Name, string Vat) : Party(Name);
            """);
    }

    [Fact]
    public async Task StructUserToString_ReadingPersonalDataOfAnotherObject_IsReported()
    {
        await Verify.VerifyAsync("""
            using PiiGuard;
            public class Owner { [Pii(PiiKind.Phone)] public string Phone { get; set; } = ""; }
            public struct {|#0:Device|}
            {
                public Owner Owner;
                [Microsoft.AspNetCore.Identity.PersonalData] public string Serial { get; set; }
                public override string ToString() => Owner.Phone + "/" + this.Serial + "/" + Owner.Phone;
            }
            """,
            DiagnosticResult.CompilerWarning("PII006").WithLocation(0).WithArguments("Device", "Phone, Serial", "its ToString"));
    }

    [Fact]
    public async Task UserToStringCallingToMaskedStringOrASanitizer_IsNotReported()
    {
        await Verify.VerifyAsync("""
            using PiiGuard;
            public static class Redact { [PiiSanitizer] public static string Hide(string value) => "***"; }
            public partial class Customer : IMaskable
            {
                [Pii(PiiKind.Email)] public string Email { get; set; } = "";
                public string ToMaskedString() => "Customer " + PiiMask.Apply(Email, PiiKind.Email);
                public override string ToString() => ToMaskedString() + Redact.Hide(Email) + (string.IsNullOrEmpty(Email) ? "" : "!");
            }
            """);
    }

    [Fact]
    public async Task RecordDerivedFromUnmaskedRecordInAnotherAssembly_IsReportedForTheInheritedMembers()
    {
        var library = Generator.GeneratorHarness.RunGenerator("""
            namespace Lib
            {
                public record Party([property: PiiGuard.Pii(PiiGuard.PiiKind.Name)] string Name);

                [PiiGuard.GenerateMasking]
                public partial record MaskedParty([property: PiiGuard.Pii(PiiGuard.PiiKind.Name)] string Name);
            }
            """).Output;
        using var stream = new System.IO.MemoryStream();
        Assert.True(library.Emit(stream).Success);

        var test = Verify.CreateTest("""
            public record {|#0:Company|}(string Name, string Vat) : Lib.Party(Name);
            public record Agency(string Name, string Vat) : Lib.MaskedParty(Name);
            """);
        test.TestState.AdditionalReferences.Add(Microsoft.CodeAnalysis.MetadataReference.CreateFromImage(stream.ToArray()));
        test.ExpectedDiagnostics.Add(DiagnosticResult.CompilerWarning("PII006").WithLocation(0).WithArguments("Company", "Name", "the compiler-generated ToString"));
        await test.RunAsync();
    }

    [Fact]
    public async Task RecordUserToStringCallingTheCompilersPrintMembers_IsReported()
    {
        await Verify.VerifyAsync("""
            using PiiGuard;
            public record {|#0:Person|}([property: Pii(PiiKind.Name)] string Name, string Team)
            {
                public override string ToString()
                {
                    var builder = new System.Text.StringBuilder("P(");
                    PrintMembers(builder);
                    return builder.Append(')').ToString();
                }
            }
            """,
            DiagnosticResult.CompilerWarning("PII006").WithLocation(0).WithArguments("Person", "Name", "its ToString"));
    }
}
