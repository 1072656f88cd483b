using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PiiGuard.Analyzers.Tests.Infrastructure;

namespace PiiGuard.Analyzers.Tests.Engine;

/// <summary>
/// A projection through a selector carries what the selector returns, not the elements it was given (issue: precision on
/// real code): <c>string.Join(",", orders.Select(o =&gt; o.Sku))</c> over orders that hold the buyer's e-mail carries none.
/// </summary>
public class ProjectionTests
{
    private const string Model = """
        using System.Collections.Generic;
        using System.Linq;
        using Microsoft.Extensions.Logging;
        using PiiGuard;

        class Order
        {
            public string Sku { get; set; } = "";
            [Pii(PiiKind.Email)] public string BuyerEmail { get; set; } = "";
            public decimal Total { get; set; }
        }

        interface IOrders
        {
            List<Order> OfBuyer(string email);
        }

        """;

    [Fact]
    public Task Select_OfANonPersonalMember_CarriesNothing() => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync(Model + """
        class Service
        {
            void Run(ILogger logger, IOrders repository, [Pii(PiiKind.Email)] string email)
            {
                // A lookup by a personal key returns the orders, not the key; their members carry their own annotations.
                List<Order> orders = repository.OfBuyer(email);
                logger.LogInformation("{Count} orders", orders.Count);
                logger.LogInformation("{Orders}", orders);
                logger.LogInformation("{Skus}", string.Join(",", orders.Select(o => o.Sku)));
                logger.LogInformation("{Skus}", orders.ConvertAll(o => o.Sku));
                var emails = new List<string> { email };
                logger.LogInformation("{Lengths}", string.Join(",", emails.Select(e => e.Length)));
                logger.LogInformation("{Placeholders}", emails.Select(e => "redacted").First());
                logger.LogInformation("{Masked}", emails.ConvertAll(e => PiiMask.Email(e)));
                logger.LogInformation("{Totals}", orders.ToDictionary(o => o.Sku, o => o.Total));
                logger.LogInformation("{Max}", orders.Max(o => o.Sku));
            }
        }
        """);

    [Fact]
    public Task Select_OfAPersonalMember_CarriesIt() => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync(Model + """
        class Service
        {
            void Run(ILogger logger, IOrders repository, [Pii(PiiKind.Email)] string email)
            {
                List<Order> orders = repository.OfBuyer(email);
                logger.LogInformation("{Buyers}", {|#0:string.Join(",", orders.Select(o => o.BuyerEmail))|});
                logger.LogInformation("{Buyers}", {|#1:orders.ToDictionary(o => o.Sku, o => o.BuyerEmail)|});
            }
        }
        """,
        DiagnosticResult.CompilerWarning("PII001").WithLocation(0).WithArguments("Order.BuyerEmail", "Email", "ILogger.LogInformation"),
        DiagnosticResult.CompilerWarning("PII001").WithLocation(1).WithArguments("Order.BuyerEmail", "Email", "ILogger.LogInformation"));

    [Fact]
    public Task OrderingAndFiltering_KeepTheElements() => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync(Model + """
        class Service
        {
            void Run(ILogger logger, List<string> emails, [Pii(PiiKind.Email)] string email)
            {
                var list = new List<string> { email };
                logger.LogInformation("{Sorted}", {|#0:string.Join(",", list.OrderBy(e => e.Length))|});
                logger.LogInformation("{Filtered}", {|#1:list.Where(e => e.Contains('@')).First()|});
                logger.LogInformation("{Upper}", {|#2:list.Select(e => e.ToUpperInvariant()).First()|});
            }
        }
        """,
        DiagnosticResult.CompilerWarning("PII001").WithLocation(0).WithArguments("email", "Email", "ILogger.LogInformation"),
        DiagnosticResult.CompilerWarning("PII001").WithLocation(1).WithArguments("email", "Email", "ILogger.LogInformation"),
        DiagnosticResult.CompilerWarning("PII001").WithLocation(2).WithArguments("email", "Email", "ILogger.LogInformation"));

    [Fact]
    public Task Helper_ThatLogsOnlyNonPersonalMembers_DoesNotMakeItsCallersLeak() => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync(Model + """
        class Service
        {
            private readonly ILogger _logger;

            Service(ILogger logger) => _logger = logger;

            void LogSkus(IEnumerable<Order> orders) => _logger.LogInformation("{Skus}", string.Join(",", orders.Select(o => o.Sku)));

            void LogBuyers(IEnumerable<Order> orders) => _logger.LogInformation("{Buyers}", {|#0:string.Join(",", orders.Select(o => o.BuyerEmail))|});

            void Run(IOrders repository, [Pii(PiiKind.Email)] string email)
            {
                var orders = repository.OfBuyer(email);
                LogSkus(orders);
                LogBuyers(orders);
            }
        }
        """,
        DiagnosticResult.CompilerWarning("PII001").WithLocation(0).WithArguments("Order.BuyerEmail", "Email", "ILogger.LogInformation"));
}
