using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiGuard.CodeFixes.Tests.Infrastructure;

namespace PiiGuard.CodeFixes.Tests;

/// <summary>
/// The fixes against the analyzers that really report PII005, PII006 and PII007 (written on other branches), found by
/// name so this project builds before they are merged. Until then these tests return without checking anything;
/// after the merge they prove the Diagnostic.Properties contract end to end.
/// </summary>
public class RealAnalyzerContractTests
{
    private static DiagnosticAnalyzer? Find(string name) =>
        Type.GetType($"PiiGuard.Analyzers.{name}, PiiGuard.Analyzers") is { } type ? (DiagnosticAnalyzer)Activator.CreateInstance(type)! : null;

    private static Task RunAsync<TCodeFix>(DiagnosticAnalyzer analyzer, string source, string fixedSource)
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new RealTest<TCodeFix>(analyzer) { TestCode = source, FixedCode = fixedSource };
        return test.RunAsync();
    }

    [Fact]
    public async Task PII006_RecordPrintingPersonalMember_GetsGenerateMasking()
    {
        if (Find("UnmaskedToStringAnalyzer") is not { } analyzer)
        {
            return;
        }

        await RunAsync<AddGenerateMaskingCodeFixProvider>(analyzer, """
            using PiiGuard;

            public record {|PII006:Customer|}([Pii(PiiKind.Email)] string Email, string Tier);
            """, """
            using PiiGuard;

            [GenerateMasking]
            public partial record Customer([Pii(PiiKind.Email)] string Email, string Tier);
            """);
    }

    [Fact]
    public async Task PII007_UnkeyedHashInLog_BecomesKeyedPseudonym()
    {
        if (Find("PersonalDataFlowAnalyzer") is not { } analyzer || !analyzer.SupportedDiagnostics.Any(d => d.Id == "PII007"))
        {
            return;
        }

        await RunAsync<UseKeyedPseudonymCodeFixProvider>(analyzer, """
            using System;
            using System.Security.Cryptography;
            using System.Text;
            using Microsoft.Extensions.Logging;
            using PiiGuard;

            public class Calls
            {
                private readonly byte[] _pseudonymKey = new byte[32];

                public void Received(ILogger logger, [Pii(PiiKind.Phone)] string phone) =>
                    logger.LogInformation("Call from {Caller}", Convert.ToHexString({|PII007:SHA256.HashData(Encoding.UTF8.GetBytes(phone))|}));
            }
            """, """
            using System;
            using System.Security.Cryptography;
            using System.Text;
            using Microsoft.Extensions.Logging;
            using PiiGuard;

            public class Calls
            {
                private readonly byte[] _pseudonymKey = new byte[32];

                public void Received(ILogger logger, [Pii(PiiKind.Phone)] string phone) =>
                    logger.LogInformation("Call from {Caller}", PiiMask.Pseudonymize(phone, _pseudonymKey));
            }
            """);
    }

    [Fact]
    public async Task PII005_MaskableObjectInLog_GetsToMaskedString()
    {
        if (Find("PersonalDataFlowAnalyzer") is not { } analyzer || !analyzer.SupportedDiagnostics.Any(d => d.Id == "PII005"))
        {
            return;
        }

        const string Customer = """

            public class Customer : PiiGuard.IMaskable
            {
                [PiiGuard.Pii(PiiGuard.PiiKind.Email)] public string Email { get; set; } = "";
                public string ToMaskedString() => "Customer { Email = *** }";
            }
            """;
        await RunAsync<UseToMaskedStringCodeFixProvider>(analyzer, """
            public class Audit
            {
                public void Write(Customer customer) => Serilog.Log.Information("Customer {@Customer}", {|PII005:customer|});
            }
            """ + Customer, """
            public class Audit
            {
                public void Write(Customer customer) => Serilog.Log.Information("Customer {@Customer}", customer.ToMaskedString());
            }
            """ + Customer);
    }

    private sealed class RealTest<TCodeFix> : CodeFixVerifier<NoAnalyzer, TCodeFix>.Test
        where TCodeFix : CodeFixProvider, new()
    {
        private readonly DiagnosticAnalyzer _analyzer;

        public RealTest(DiagnosticAnalyzer analyzer) => _analyzer = analyzer;

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => new[] { _analyzer };
    }
}
