using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PiiGuard.Analyzers.Tests.Infrastructure;

namespace PiiGuard.Analyzers.Tests;

/// <summary>PII007: unkeyed hashes of low-entropy personal data reaching a sink (reported instead of the sink rule).</summary>
public class PII007UnkeyedHashTests
{
    private static Task Verify(string body, params DiagnosticResult[] expected) => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync("""
        using System;
        using System.Security.Cryptography;
        using System.Text;
        using Microsoft.Extensions.Logging;
        using PiiGuard;

        partial class Service
        {
        """ + body + """

        }
        """ + LeakModels.Source, expected);

    [Fact]
    public Task StaticHashData_ReachingALog() => Verify("""
        void Run(ILogger logger, Customer c)
        {
            var hash = Convert.ToHexString({|PII007:SHA256.HashData(Encoding.UTF8.GetBytes(c.Phone))|});
            logger.LogInformation("Phone hash {Hash}", hash);
        }
        """);

    [Fact]
    public Task ComputeHashAndMd5() => Verify("""
        void Run(ILogger logger, Customer c)
        {
            using var sha = SHA1.Create();
            logger.LogInformation(Convert.ToBase64String({|PII007:sha.ComputeHash(Encoding.UTF8.GetBytes(c.NationalId))|}));
            Console.WriteLine(BitConverter.ToString({|PII007:MD5.HashData(Encoding.ASCII.GetBytes(c.Email))|}));
        }
        """);

    [Fact]
    public Task KeyedHashAndPseudonymize_AreRedaction() => Verify("""
        void Run(ILogger logger, Customer c, byte[] key)
        {
            logger.LogInformation(Convert.ToHexString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(c.Phone))));
            using var hmac = new HMACSHA256(key);
            logger.LogInformation(Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(c.NationalId))));
            logger.LogInformation(PiiMask.Pseudonymize(c.Email, key));
        }
        """);

    [Fact]
    public Task HashOfHighEntropyKind_IsNotReported() => Verify("""
        void Run(ILogger logger, Customer c) => logger.LogInformation(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(c.Diagnosis))));
        """);

    [Fact]
    public Task EncodingIsNotRedaction() => Verify("""
        void Run(ILogger logger, Customer c)
        {
            logger.LogInformation({|PII001:Convert.ToBase64String(Encoding.UTF8.GetBytes(c.Email))|});
            logger.LogInformation({|PII001:System.Net.WebUtility.HtmlEncode(c.Phone)|});
            logger.LogInformation({|PII001:Uri.EscapeDataString(c.NationalId)|});
        }
        """);

    [Fact]
    public Task HashingHelper_IsReportedAtTheCall() => Verify("""
        static string Hash(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

        void Run(ILogger logger, Customer c)
        {
            logger.LogInformation({|PII007:Hash(c.Phone)|});
            logger.LogInformation(Hash(c.Tier));
        }
        """);

    [Fact]
    public Task Message_NamesTheHashAlgorithmOfAnInstance() => Verify("""
        void Run(ILogger logger, Customer c, SHA512 sha) => logger.LogInformation(Convert.ToHexString({|#0:sha.ComputeHash(Encoding.UTF8.GetBytes(c.NationalId))|}));
        """,
        DiagnosticResult.CompilerWarning("PII007").WithLocation(0).WithArguments("Customer.NationalId", "NationalId, sensitive", "SHA512.ComputeHash", "ILogger.LogInformation"));

    [Fact]
    public Task Message_NamesHashAndSink() => Verify("""
        void Run(ILogger logger, Customer c) => logger.LogInformation(Convert.ToHexString({|#0:SHA256.HashData(Encoding.UTF8.GetBytes(c.Phone))|}));
        """,
        DiagnosticResult.CompilerWarning("PII007").WithLocation(0).WithArguments("Customer.Phone", "Phone", "SHA256.HashData", "ILogger.LogInformation"));
}
