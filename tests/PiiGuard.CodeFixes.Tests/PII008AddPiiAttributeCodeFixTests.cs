using System.Threading.Tasks;
using Verify = PiiGuard.CodeFixes.Tests.Infrastructure.CodeFixVerifier<PiiGuard.Analyzers.UnannotatedPersonalDataAnalyzer, PiiGuard.CodeFixes.AddPiiAttributeCodeFixProvider>;

namespace PiiGuard.CodeFixes.Tests;

public class PII008AddPiiAttributeCodeFixTests
{
    [Fact]
    public async Task Property_GetsAttributeBelowDocComment_AddsUsing()
    {
        await Verify.VerifyAsync("""
            namespace App
            {
                public class Customer
                {
                    /// <summary>Where we write.</summary>
                    public string {|PII008:Email|} { get; set; } = "";
                }
            }
            """, """
            using PiiGuard;

            namespace App
            {
                public class Customer
                {
                    /// <summary>Where we write.</summary>
                    [Pii(PiiKind.Email)]
                    public string Email { get; set; } = "";
                }
            }
            """);
    }

    [Fact]
    public async Task FixAll_AnnotatesEveryMemberWithItsKind()
    {
        await Verify.VerifyAsync("""
            using System;
            using System.ComponentModel.DataAnnotations;

            public class Customer
            {
                [Required]
                public string {|PII008:ShenFenZheng|} { get; set; } = "";

                [Required] public string {|PII008:ShouJi|} { get; set; } = "";

                private string {|PII008:_iban|} = "";

                public DateTime {|PII008:DateOfBirth|} { get; set; }

                public int PhoneCount { get; set; }
            }

            public record Contact(string {|PII008:Email|}, [property: Required] string {|PII008:Phone|});
            """, """
            using System;
            using System.ComponentModel.DataAnnotations;
            using PiiGuard;

            public class Customer
            {
                [Required]
                [Pii(PiiKind.NationalId)]
                public string ShenFenZheng { get; set; } = "";

                [Required] [Pii(PiiKind.Phone)] public string ShouJi { get; set; } = "";

                [Pii(PiiKind.BankAccount)]
                private string _iban = "";

                [Pii(PiiKind.DateOfBirth)]
                public DateTime DateOfBirth { get; set; }

                public int PhoneCount { get; set; }
            }

            public record Contact([Pii(PiiKind.Email)] string Email, [property: Required] [Pii(PiiKind.Phone)] string Phone);
            """);
    }

    [Fact]
    public async Task MultiVariableField_NoFixOffered()
    {
        await Verify.VerifyNoFixAsync("""
            public class Customer
            {
                public string {|PII008:Email|} = "", {|PII008:Phone|} = "";
            }
            """);
    }

    [Fact]
    public async Task UsingInsideNamespace_IsFollowed()
    {
        await Verify.VerifyAsync("""
            namespace App;

            using System;

            public class Customer
            {
                public string {|PII008:Sfz|} { get; set; } = "";
            }
            """, """
            namespace App;

            using System;
            using PiiGuard;

            public class Customer
            {
                [Pii(PiiKind.NationalId)]
                public string Sfz { get; set; } = "";
            }
            """);
    }
}
