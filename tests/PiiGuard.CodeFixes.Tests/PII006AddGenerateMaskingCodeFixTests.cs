using System.Threading.Tasks;
using Verify = PiiGuard.CodeFixes.Tests.Infrastructure.CodeFixVerifier<PiiGuard.CodeFixes.Tests.Infrastructure.ContractPII006Analyzer, PiiGuard.CodeFixes.AddGenerateMaskingCodeFixProvider>;

namespace PiiGuard.CodeFixes.Tests;

public class PII006AddGenerateMaskingCodeFixTests
{
    [Fact]
    public async Task Record_GetsPartialAndAttribute_BelowDocComment()
    {
        await Verify.VerifyAsync("""
            using PiiGuard;

            namespace App
            {
                /// <summary>A customer.</summary>
                public sealed record {|PII006:Customer|}([Pii(PiiKind.Email)] string Email);
            }
            """, """
            using PiiGuard;

            namespace App
            {
                /// <summary>A customer.</summary>
                [GenerateMasking]
                public sealed partial record Customer([Pii(PiiKind.Email)] string Email);
            }
            """);
    }

    [Fact]
    public async Task NoModifiers_ExistingAttribute_AddsUsing()
    {
        await Verify.VerifyAsync("""
            using System;

            [Serializable]
            record {|PII006:Contact|}([PiiGuard.Pii(PiiGuard.PiiKind.Phone)] string Phone);
            """, """
            using System;
            using PiiGuard;

            [Serializable]
            [GenerateMasking]
            partial record Contact([PiiGuard.Pii(PiiGuard.PiiKind.Phone)] string Phone);
            """);
    }

    [Fact]
    public async Task NestedType_ContainingTypesBecomePartial()
    {
        await Verify.VerifyAsync("""
            using PiiGuard;

            public static class Outer
            {
                internal class Middle
                {
                    public class {|PII006:Customer|}
                    {
                        [Pii(PiiKind.Email)] public string Email { get; set; } = "";
                        public override string ToString() => Email;
                    }
                }
            }
            """, """
            using PiiGuard;

            public static partial class Outer
            {
                internal partial class Middle
                {
                    [GenerateMasking]
                    public partial class Customer
                    {
                        [Pii(PiiKind.Email)] public string Email { get; set; } = "";
                        public override string ToString() => Email;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task AlreadyAttributed_OnlyPartialIsAdded()
    {
        await Verify.VerifyAsync("""
            using PiiGuard;

            [GenerateMasking]
            public readonly struct {|PII006:Card|}
            {
                [Pii(PiiKind.PaymentCard)] public string Number { get; init; }
            }
            """, """
            using PiiGuard;

            [GenerateMasking]
            public readonly partial struct Card
            {
                [Pii(PiiKind.PaymentCard)] public string Number { get; init; }
            }
            """);
    }

    [Fact]
    public async Task FixAll_FixesEveryTypeInEveryDocument()
    {
        var test = new PiiGuard.CodeFixes.Tests.Infrastructure.CodeFixVerifier<PiiGuard.CodeFixes.Tests.Infrastructure.ContractPII006Analyzer, AddGenerateMaskingCodeFixProvider>.Test();
        test.TestState.Sources.Add("""
            public record {|PII006:A|}([PiiGuard.Pii(PiiGuard.PiiKind.Email)] string Email);
            public record {|PII006:B|}([PiiGuard.Pii(PiiGuard.PiiKind.Phone)] string Phone);
            """);
        test.TestState.Sources.Add("""
            public class {|PII006:C|} { [PiiGuard.Pii] public string Secret { get; set; } = ""; }
            """);
        test.FixedState.Sources.Add("""
            using PiiGuard;

            [GenerateMasking]
            public partial record A([PiiGuard.Pii(PiiGuard.PiiKind.Email)] string Email);
            [GenerateMasking]
            public partial record B([PiiGuard.Pii(PiiGuard.PiiKind.Phone)] string Phone);
            """);
        test.FixedState.Sources.Add("""
            using PiiGuard;

            [GenerateMasking]
            public partial class C { [PiiGuard.Pii] public string Secret { get; set; } = ""; }
            """);
        await test.RunAsync();
    }
}
