using System.Threading.Tasks;
using Verify = PiiGuard.CodeFixes.Tests.Infrastructure.CodeFixVerifier<PiiGuard.Analyzers.UnannotatedPersonalDataAnalyzer, PiiGuard.CodeFixes.NotPiiAttributeCodeFixProvider>;

namespace PiiGuard.CodeFixes.Tests;

public class PII008NotPiiAttributeCodeFixTests
{
    [Fact]
    public async Task Property_GetsNotPiiWithAnEmptyReason_AddsUsing()
    {
        await Verify.VerifyAsync("""
            namespace App
            {
                public class Depot
                {
                    /// <summary>The depot's street.</summary>
                    public string {|PII008:Street|} { get; set; } = "";
                }
            }
            """, """
            using PiiGuard;

            namespace App
            {
                public class Depot
                {
                    /// <summary>The depot's street.</summary>
                    [NotPii("")]
                    public string Street { get; set; } = "";
                }
            }
            """);
    }

    [Fact]
    public async Task FixAll_MarksFieldsPropertiesAndPositionalParameters()
    {
        await Verify.VerifyAsync("""
            using System.ComponentModel.DataAnnotations;

            public class Hotline
            {
                [Required]
                public string {|PII008:Phone|} { get; set; } = "";

                private string {|PII008:_email|} = "";
            }

            public record Mailbox(string {|PII008:Email|}, [property: Required] string {|PII008:Mobile|});
            """, """
            using System.ComponentModel.DataAnnotations;
            using PiiGuard;

            public class Hotline
            {
                [Required]
                [NotPii("")]
                public string Phone { get; set; } = "";

                [NotPii("")]
                private string _email = "";
            }

            public record Mailbox([NotPii("")] string Email, [property: Required] [NotPii("")] string Mobile);
            """);
    }

    [Fact]
    public async Task ConflictingName_IsQualified()
    {
        await Verify.VerifyAsync("""
            class NotPiiAttribute : System.Attribute { }

            public class Hotline
            {
                public string {|PII008:Phone|} { get; set; } = "";
            }
            """, """
            class NotPiiAttribute : System.Attribute { }

            public class Hotline
            {
                [global::PiiGuard.NotPii("")]
                public string Phone { get; set; } = "";
            }
            """);
    }

    [Fact]
    public async Task MultiVariableField_NoFixOffered()
    {
        await Verify.VerifyNoFixAsync("""
            public class Hotline
            {
                public string {|PII008:Email|} = "", {|PII008:Phone|} = "";
            }
            """);
    }
}
