using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PiiGuard.Analyzers.Tests.Infrastructure;

namespace PiiGuard.Analyzers.Tests.Engine;

/// <summary>
/// Personal data captured by a lambda that a callee invokes, the callee sending what the lambda produced or filled to a
/// sink (issue: callbacks and delegates).
/// </summary>
public class CallbackTests
{
    private const string Model = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;
        using PiiGuard;

        class Order
        {
            [Pii(PiiKind.Email)] public string BuyerEmail { get; set; } = "";
            public string Sku { get; set; } = "";
        }

        """;

    [Fact]
    public Task LambdaThatFillsABag_TheCalleeLogs() => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync(Model + """
        class Checkout(ILogger logger)
        {
            void Audit(string what, Action<IDictionary<string, object?>> fill)
            {
                var bag = new Dictionary<string, object?>();
                fill(bag);
                using (logger.BeginScope(bag))
                {
                    logger.LogInformation("audit {What}", what);
                }
            }

            void Run(Order order)
            {
                Audit("checkout", {|#0:bag => bag["buyer"] = order.BuyerEmail|});
                Audit("checkout", bag => bag["sku"] = order.Sku);
            }
        }
        """,
        DiagnosticResult.CompilerWarning("PII001").WithLocation(0).WithArguments("Order.BuyerEmail", "Email", "Checkout.Audit -> ILogger.BeginScope"));

    [Fact]
    public Task FactoryPassedToALoggingHelper() => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync(Model + """
        class Checkout(ILogger logger)
        {
            void Trace(Func<string> message) => logger.LogDebug("{Message}", message());

            void Run(Order order)
            {
                Trace({|#0:() => "order for " + order.BuyerEmail|});
                Trace(() => "order of " + order.Sku);
            }
        }
        """,
        DiagnosticResult.CompilerWarning("PII001").WithLocation(0).WithArguments("Order.BuyerEmail", "Email", "Checkout.Trace -> ILogger.LogDebug"));

    [Fact]
    public Task ILoggerLog_WithAFormatterThatCapturesPersonalData() => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync(Model + """
        class Checkout(ILogger logger)
        {
            void Run(Order order)
            {
                logger.Log(LogLevel.Information, new EventId(1), "checkout", null, (state, error) => state + " by " + {|#0:order.BuyerEmail|});
                logger.Log(LogLevel.Information, new EventId(2), "checkout", null, (state, error) => state + " of " + order.Sku);
            }
        }
        """,
        DiagnosticResult.CompilerWarning("PII001").WithLocation(0).WithArguments("Order.BuyerEmail", "Email", "ILogger.Log"));

    [Fact]
    public Task TaskRun_LambdaThatLogs() => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync(Model + """
        class Checkout(ILogger logger)
        {
            Task Run(Order order) => Task.Run(() => logger.LogInformation("{Buyer}", {|#0:order.BuyerEmail|}));
        }
        """,
        DiagnosticResult.CompilerWarning("PII001").WithLocation(0).WithArguments("Order.BuyerEmail", "Email", "ILogger.LogInformation"));

    [Fact]
    public Task MaskedInTheLambda_IsNotReported() => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync(Model + """
        class Checkout(ILogger logger)
        {
            void Audit(Action<IDictionary<string, object?>> fill)
            {
                var bag = new Dictionary<string, object?>();
                fill(bag);
                logger.LogInformation("{Bag}", bag);
            }

            void Run(Order order)
            {
                Audit(bag => bag["buyer"] = PiiMask.Email(order.BuyerEmail));
                Audit(bag => bag.Add("count", 1));
            }
        }
        """);
}
