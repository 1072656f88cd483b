using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PiiGuard.Analyzers.Tests.Infrastructure;

namespace PiiGuard.Analyzers.Tests.Engine;

/// <summary>
/// What ToString prints decides what a text sink receives (precision on real code): an own ToString that reads no personal
/// member prints nothing personal, and a plain object's ToString prints its type name whatever it was built from.
/// </summary>
public class TextFormTests
{
    [Fact]
    public Task OwnToString_ThatReadsNoPersonalMember_IsSafeThroughTextSinks() => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync("""
        using Microsoft.Extensions.Logging;
        using PiiGuard;

        class Order
        {
            public int Id { get; set; }
            public string Sku { get; set; } = "";
            [Pii(PiiKind.Email)] public string BuyerEmail { get; set; } = "";
            public override string ToString() => $"#{Id} {Sku}";
        }

        class Invoice
        {
            public int Id { get; set; }
            [Pii(PiiKind.Name)] public string Customer { get; set; } = "";
            public override string ToString() => $"#{Id} for {Customer}";
        }

        class Service
        {
            void Run(ILogger logger, Order order, Invoice invoice)
            {
                logger.LogInformation("{Order}", order);
                logger.LogInformation("{Invoice}", {|#0:invoice|});
            }
        }
        """,
        DiagnosticResult.CompilerWarning("PII005").WithLocation(0).WithArguments("Invoice", "Name", "ILogger.LogInformation"));

    [Fact]
    public Task OwnToString_ThatCallsAHelper_StaysUnmasked() => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync("""
        using Microsoft.Extensions.Logging;
        using PiiGuard;

        class Invoice
        {
            public int Id { get; set; }
            [Pii(PiiKind.Name)] public string Customer { get; set; } = "";
            public override string ToString() => Describe();
            private string Describe() => Customer;
        }

        class Service
        {
            void Run(ILogger logger, Invoice invoice) => logger.LogInformation("{Invoice}", {|#0:invoice|});
        }
        """,
        DiagnosticResult.CompilerWarning("PII005").WithLocation(0).WithArguments("Invoice", "Name", "ILogger.LogInformation"));

    [Fact]
    public Task PlainObjectToString_PrintsItsTypeName() => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync("""
        using System.Collections.Generic;
        using System.Security.Claims;
        using System.Text;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Logging;

        class Token
        {
            public Token(string raw) { }
        }

        class Middleware
        {
            IEnumerable<Claim> Validate(string header) => new List<Claim>();

            void Run(ILogger logger, HttpRequest request)
            {
                string header = request.Headers["Authorization"].ToString();
                logger.LogInformation("{Claims}", Validate(header).ToString());
                logger.LogInformation("{Header}", {|#0:header.ToString()|});
                var text = new StringBuilder().Append(header);
                logger.LogInformation("{Text}", {|#1:text.ToString()|});
            }
        }
        """,
        DiagnosticResult.CompilerWarning("PII001").WithLocation(0).WithArguments("Request.Headers[Authorization]", "OnlineId", "ILogger.LogInformation"),
        DiagnosticResult.CompilerWarning("PII001").WithLocation(1).WithArguments("Request.Headers[Authorization]", "OnlineId", "ILogger.LogInformation"));
}
