using System.Threading.Tasks;
using PiiGuard.Analyzers.Tests.Infrastructure;
using Verify = PiiGuard.Analyzers.Tests.Infrastructure.AnalyzerVerifier<PiiGuard.Analyzers.PersonalDataFlowAnalyzer>;

namespace PiiGuard.Analyzers.Tests;

public class PII001LogLeakTests
{
    private const string Customer = """
        public class Customer
        {
            [PiiGuard.Pii(PiiGuard.PiiKind.NationalId)] public string NationalId { get; set; } = "";
            [PiiGuard.Pii(PiiGuard.PiiKind.Email)] public string Email { get; set; } = "";
            public string Tier { get; set; } = "";
        }
        """;

    [Fact]
    public async Task MemberPassedToLogInformation_IsReported()
    {
        await Verify.VerifyAsync("""
            class Service
            {
                void Run(Microsoft.Extensions.Logging.ILogger logger, Customer c)
                {
                    Microsoft.Extensions.Logging.LoggerExtensions.LogInformation(logger, "Customer {Id}", {|PII001:c.NationalId|});
                }
            }
            """ + Customer);
    }

    [Fact]
    public async Task Message_NamesMemberKindAndSink()
    {
        await Verify.VerifyAsync("""
            using Microsoft.Extensions.Logging;
            class Service
            {
                void Run(ILogger logger, Customer c) => logger.LogInformation("Customer {Id}", {|#0:c.NationalId|});
            }
            """ + Customer,
            Microsoft.CodeAnalysis.Testing.DiagnosticResult.CompilerWarning("PII001").WithLocation(0)
                .WithArguments("Customer.NationalId", "NationalId, sensitive", "ILogger.LogInformation"));
    }

    [Fact]
    public async Task NonPersonalMember_IsNotReported()
    {
        await Verify.VerifyAsync("""
            using Microsoft.Extensions.Logging;
            class Service
            {
                void Run(ILogger logger, Customer c) => logger.LogInformation("Tier {Tier}", c.Tier);
            }
            """ + Customer);
    }

    [Fact]
    public async Task MaskedMember_IsNotReported()
    {
        await Verify.VerifyAsync("""
            using Microsoft.Extensions.Logging;
            using PiiGuard;
            class Service
            {
                void Run(ILogger logger, Customer c) => logger.LogInformation("Customer {Email}", PiiMask.Email(c.Email));
            }
            """ + Customer);
    }
}
