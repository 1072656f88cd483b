using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PiiGuard.Analyzers.Tests.Infrastructure;

namespace PiiGuard.Analyzers.Tests.Engine;

/// <summary>
/// Constructors and property setters of this compilation whose parameter reaches a sink are summarised like methods: the
/// argument given to them is reported where it is given (issue 15; the same facts travel with the assembly).
/// </summary>
public class MemberSummaryTests
{
    [Fact]
    public Task ConstructorAndSetterThatLog_AreReportedAtTheCaller() => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync("""
        using Microsoft.Extensions.Logging;
        using PiiGuard;

        public class Customer
        {
            [Pii(PiiKind.Phone)] public string Mobile { get; set; } = "";
            public string Tier { get; set; } = "";
        }

        public class Notifier
        {
            private readonly ILogger _log;

            public Notifier(ILogger log, string phone)
            {
                _log = log;
                log.LogInformation("Notifier for {Phone}", phone);
            }

            public string Recipient
            {
                set => _log.LogInformation("Recipient now {Recipient}", value);
            }

            public string Label { get; set; } = "";
        }

        public class App
        {
            public void Run(ILogger logger, Customer customer)
            {
                var notifier = new Notifier(logger, {|#0:customer.Mobile|});
                notifier.Recipient = {|#1:customer.Mobile|};
                notifier.Label = customer.Mobile;
                var other = new Notifier(logger, customer.Tier) { Recipient = customer.Tier };
                var masked = new Notifier(logger, PiiMask.Phone(customer.Mobile) ?? "");
            }
        }
        """,
        DiagnosticResult.CompilerWarning("PII001").WithLocation(0).WithArguments("Customer.Mobile", "Phone", "new Notifier -> ILogger.LogInformation"),
        DiagnosticResult.CompilerWarning("PII001").WithLocation(1).WithArguments("Customer.Mobile", "Phone", "Notifier.Recipient -> ILogger.LogInformation"));
}
