using System.Threading.Tasks;
using Verify = PiiGuard.CodeFixes.Tests.Infrastructure.CodeFixVerifier<PiiGuard.CodeFixes.Tests.Infrastructure.ContractPII007Analyzer, PiiGuard.CodeFixes.UseKeyedPseudonymCodeFixProvider>;

namespace PiiGuard.CodeFixes.Tests;

public class PII007KeyedPseudonymCodeFixTests
{
    private const string Customer = """

        public class Customer
        {
            [PiiGuard.Pii(PiiGuard.PiiKind.Phone)] public string Phone { get; set; } = "";
            [PiiGuard.Pii(PiiGuard.PiiKind.NationalId)] public string? IdCard { get; set; }
        }
        """;

    [Fact]
    public async Task KeyInScope_IsUsed()
    {
        await Verify.VerifyAsync("""
            using System;
            using System.Security.Cryptography;
            using System.Text;

            class Service
            {
                private readonly byte[] _pseudonymKey = new byte[32];
                private readonly byte[] _iv = new byte[16];

                string Correlation(Customer c) => Convert.ToHexString({|PII007:SHA256.HashData(Encoding.UTF8.GetBytes(c.Phone))|});
            }
            """ + Customer, """
            using System;
            using System.Security.Cryptography;
            using System.Text;
            using PiiGuard;

            class Service
            {
                private readonly byte[] _pseudonymKey = new byte[32];
                private readonly byte[] _iv = new byte[16];

                string Correlation(Customer c) => PiiMask.Pseudonymize(c.Phone, _pseudonymKey)!;
            }
            """ + Customer);
    }

    [Fact]
    public async Task NoKey_DeclaresPseudonymKeyField_FixAllDeclaresItOnce()
    {
        await Verify.VerifyAsync("""
            using System;
            using System.Security.Cryptography;
            using System.Text;
            using Microsoft.Extensions.Logging;

            class Service
            {
                private readonly ILogger _logger;

                Service(ILogger logger) => _logger = logger;

                void Log(Customer c)
                {
                    _logger.LogInformation("Caller {Hash}", Convert.ToBase64String({|PII007:SHA1.HashData(Encoding.UTF8.GetBytes(c.Phone))|}));
                    using var md5 = MD5.Create();
                    string? id = BitConverter.ToString({|PII007:md5.ComputeHash(Encoding.ASCII.GetBytes(c.IdCard!))|});
                    _logger.LogInformation("Id {Id}", id);
                }
            }
            """ + Customer, """
            using System;
            using System.Security.Cryptography;
            using System.Text;
            using Microsoft.Extensions.Logging;
            using PiiGuard;

            class Service
            {
                // TODO: load the pseudonymisation key (at least 16 bytes) from your secret store; PiiMask.Pseudonymize throws until it is set.
                private static readonly byte[] PseudonymKey = System.Array.Empty<byte>();

                private readonly ILogger _logger;

                Service(ILogger logger) => _logger = logger;

                void Log(Customer c)
                {
                    _logger.LogInformation("Caller {Hash}", PiiMask.Pseudonymize(c.Phone, PseudonymKey));
                    using var md5 = MD5.Create();
                    string? id = PiiMask.Pseudonymize(c.IdCard!, PseudonymKey);
                    _logger.LogInformation("Id {Id}", id);
                }
            }
            """ + Customer);
    }

    [Fact]
    public async Task StaticMethod_IgnoresInstanceKey_UsesStaticKeyParameter()
    {
        await Verify.VerifyAsync("""
            using System;
            using System.Security.Cryptography;
            using System.Text;

            static class Hashing
            {
                public static string Pseudonym(Customer c, byte[] hmacKey) =>
                    Convert.ToHexString({|PII007:SHA256.HashData(Encoding.UTF8.GetBytes(c.Phone))|}).ToLowerInvariant();
            }
            """ + Customer, """
            using System;
            using System.Security.Cryptography;
            using System.Text;
            using PiiGuard;

            static class Hashing
            {
                public static string Pseudonym(Customer c, byte[] hmacKey) =>
                    PiiMask.Pseudonymize(c.Phone, hmacKey)!.ToLowerInvariant();
            }
            """ + Customer);
    }

    [Fact]
    public async Task HashUsedAsBytes_NoFixOffered()
    {
        await Verify.VerifyNoFixAsync("""
            using System.Security.Cryptography;
            using System.Text;

            class Service
            {
                byte[] Digest(Customer c) => {|PII007:SHA256.HashData(Encoding.UTF8.GetBytes(c.Phone))|};
            }
            """ + Customer);
    }
}
