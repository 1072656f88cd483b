using System.Threading.Tasks;
using Verify = PiiGuard.CodeFixes.Tests.Infrastructure.CodeFixVerifier<PiiGuard.Analyzers.PersonalDataFlowAnalyzer, PiiGuard.CodeFixes.MaskWithPiiMaskCodeFixProvider>;

namespace PiiGuard.CodeFixes.Tests;

public class PII001MaskCodeFixTests
{
    private const string Customer = """

        public class Customer
        {
            [PiiGuard.Pii(PiiGuard.PiiKind.NationalId)] public string NationalId { get; set; } = "";
            [PiiGuard.Pii(PiiGuard.PiiKind.Email)] public string Email { get; set; } = "";
            [PiiGuard.Pii(PiiGuard.PiiKind.DateOfBirth)] public System.DateTime Born { get; set; }
        }
        """;

    [Fact]
    public async Task WrapsArgument_AddsUsing()
    {
        await Verify.VerifyAsync("""
            using Microsoft.Extensions.Logging;

            class Service
            {
                void Run(ILogger logger, Customer c)
                {
                    logger.LogInformation("Customer {Email}", /* who */ {|PII001:c.Email|} /* end */);
                }
            }
            """ + Customer, """
            using Microsoft.Extensions.Logging;
            using PiiGuard;

            class Service
            {
                void Run(ILogger logger, Customer c)
                {
                    logger.LogInformation("Customer {Email}", /* who */ PiiMask.Apply(c.Email, PiiKind.Email) /* end */);
                }
            }
            """ + Customer);
    }

    [Fact]
    public async Task FixAll_WrapsEveryLeak_AddsOneUsingAfterSystemUsings()
    {
        await Verify.VerifyAsync("""
            using System;
            using Microsoft.Extensions.Logging;

            namespace App
            {
                class Service
                {
                    void Run(ILogger logger, Customer c)
                    {
                        logger.LogInformation("Customer {Id} {Email}", {|PII001:c.NationalId|}, {|PII001:c.Email|});
                        Console.WriteLine($"Mail to {{|PII001:c.Email|}}");
                    }
                }
            }
            """ + Customer, """
            using System;
            using Microsoft.Extensions.Logging;
            using PiiGuard;

            namespace App
            {
                class Service
                {
                    void Run(ILogger logger, Customer c)
                    {
                        logger.LogInformation("Customer {Id} {Email}", PiiMask.Apply(c.NationalId, PiiKind.NationalId), PiiMask.Apply(c.Email, PiiKind.Email));
                        Console.WriteLine($"Mail to {PiiMask.Apply(c.Email, PiiKind.Email)}");
                    }
                }
            }
            """ + Customer);
    }

    [Fact]
    public async Task ExistingUsing_IsNotDuplicated()
    {
        await Verify.VerifyAsync("""
            using Microsoft.Extensions.Logging;
            using PiiGuard;

            class Service
            {
                void Run(ILogger logger, Customer c) => logger.LogWarning("{Email}", {|PII001:c.Email|});
            }
            """ + Customer, """
            using Microsoft.Extensions.Logging;
            using PiiGuard;

            class Service
            {
                void Run(ILogger logger, Customer c) => logger.LogWarning("{Email}", PiiMask.Apply(c.Email, PiiKind.Email));
            }
            """ + Customer);
    }

    [Fact]
    public async Task NoUsings_FileHeaderStaysOnTop()
    {
        await Verify.VerifyAsync("""
            // Copyright (c) Contoso.

            class Service
            {
                void Run(Customer c) => System.Console.WriteLine({|PII001:c.Email|});
            }
            """ + Customer, """
            // Copyright (c) Contoso.

            using PiiGuard;

            class Service
            {
                void Run(Customer c) => System.Console.WriteLine(PiiMask.Apply(c.Email, PiiKind.Email));
            }
            """ + Customer);
    }

    [Fact]
    public async Task ConflictingPiiMaskType_UsesQualifiedNames()
    {
        await Verify.VerifyAsync("""
            class PiiMask { }

            class Service
            {
                void Run(Customer c) => System.Console.WriteLine({|PII001:c.Email|});
            }
            """ + Customer, """
            class PiiMask { }

            class Service
            {
                void Run(Customer c) => System.Console.WriteLine(global::PiiGuard.PiiMask.Apply(c.Email, PiiKind.Email));
            }
            """.Replace("class PiiMask { }\n", "using PiiGuard;\n\nclass PiiMask { }\n") + Customer);
    }

    [Fact]
    public async Task NonStringValue_NoFixOffered()
    {
        await Verify.VerifyNoFixAsync("""
            class Service
            {
                void Run(Customer c) => System.Console.WriteLine({|PII001:c.Born|});
            }
            """ + Customer);
    }

    [Fact]
    public async Task FixAll_Solution_FixesEveryDocument()
    {
        var test = new PiiGuard.CodeFixes.Tests.Infrastructure.CodeFixVerifier<PiiGuard.Analyzers.PersonalDataFlowAnalyzer, MaskWithPiiMaskCodeFixProvider>.Test();
        test.TestState.Sources.Add("""
            class A
            {
                void Run(Customer c) => System.Console.WriteLine({|PII001:c.Email|});
            }
            """);
        test.TestState.Sources.Add("""
            class B
            {
                void Run(Customer c) => System.Console.WriteLine({|PII001:c.NationalId|});
            }
            """ + Customer);
        test.FixedState.Sources.Add("""
            using PiiGuard;

            class A
            {
                void Run(Customer c) => System.Console.WriteLine(PiiMask.Apply(c.Email, PiiKind.Email));
            }
            """);
        test.FixedState.Sources.Add("""
            using PiiGuard;

            class B
            {
                void Run(Customer c) => System.Console.WriteLine(PiiMask.Apply(c.NationalId, PiiKind.NationalId));
            }
            """ + Customer);
        await test.RunAsync();
    }
}
