using System.Threading.Tasks;
using PiiGuard.CodeFixes.Tests.Infrastructure;
using Verify = PiiGuard.CodeFixes.Tests.Infrastructure.CodeFixVerifier<PiiGuard.CodeFixes.Tests.Infrastructure.ContractPII005Analyzer, PiiGuard.CodeFixes.UseToMaskedStringCodeFixProvider>;

namespace PiiGuard.CodeFixes.Tests;

public class PII005ToMaskedStringCodeFixTests
{
    private const string Customer = """

        public class Customer : PiiGuard.IMaskable
        {
            [PiiGuard.Pii(PiiGuard.PiiKind.Email)] public string Email { get; set; } = "";
            public string ToMaskedString() => "Customer { Email = *** }";
        }
        """;

    [Fact]
    public async Task FixAll_AppendsToMaskedString_NullSafeWhenMaybeNull()
    {
        await Verify.VerifyAsync("""
            class Service
            {
                void Run(Customer c, Customer? maybe, Customer[] all)
                {
                    System.Console.WriteLine({|PII005:c|});
                    System.Console.WriteLine({|PII005:maybe|});
                    System.Console.WriteLine(/* first */ {|PII005:all[0]|});
                    System.Console.WriteLine({|PII005:maybe ?? c|});
                }
            }
            """ + Customer, """
            class Service
            {
                void Run(Customer c, Customer? maybe, Customer[] all)
                {
                    System.Console.WriteLine(c.ToMaskedString());
                    System.Console.WriteLine(maybe?.ToMaskedString());
                    System.Console.WriteLine(/* first */ all[0].ToMaskedString());
                    System.Console.WriteLine((maybe ?? c).ToMaskedString());
                }
            }
            """ + Customer);
    }

    [Fact]
    public async Task MaskFixIsNotOfferedForToMaskedStringDiagnostic()
    {
        string source = """
            class Service
            {
                void Run(Customer c) => System.Console.WriteLine({|PII005:c|});
            }
            """ + Customer;
        await new CodeFixVerifier<ContractPII005Analyzer, MaskWithPiiMaskCodeFixProvider>.Test { TestCode = source, FixedCode = source }.RunAsync();
    }
}
