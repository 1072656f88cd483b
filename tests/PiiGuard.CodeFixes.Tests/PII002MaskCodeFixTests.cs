using System.Threading.Tasks;
using Verify = PiiGuard.CodeFixes.Tests.Infrastructure.CodeFixVerifier<PiiGuard.CodeFixes.Tests.Infrastructure.ContractPII002Analyzer, PiiGuard.CodeFixes.MaskWithPiiMaskCodeFixProvider>;

namespace PiiGuard.CodeFixes.Tests;

public class PII002MaskCodeFixTests
{
    [Fact]
    public async Task NonNullableStringParameter_GetsNullForgiving_NullableOneDoesNot()
    {
        await Verify.VerifyAsync("""
            using PiiGuard;

            public class Customer
            {
                [Pii(PiiKind.Phone)] public string Phone { get; set; } = "";
            }

            public static class Crm
            {
                [PiiSink] public static void Send(string value) { }
                [PiiSink] public static void SendMaybe(string? value) { }

                public static void Run(Customer c)
                {
                    Send({|PII002:c.Phone|});
                    SendMaybe({|PII002:c.Phone|});
                }
            }
            """, """
            using PiiGuard;

            public class Customer
            {
                [Pii(PiiKind.Phone)] public string Phone { get; set; } = "";
            }

            public static class Crm
            {
                [PiiSink] public static void Send(string value) { }
                [PiiSink] public static void SendMaybe(string? value) { }

                public static void Run(Customer c)
                {
                    Send(PiiMask.Apply(c.Phone, PiiKind.Phone)!);
                    SendMaybe(PiiMask.Apply(c.Phone, PiiKind.Phone));
                }
            }
            """);
    }
}
