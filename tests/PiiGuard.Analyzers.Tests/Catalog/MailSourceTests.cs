using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PiiGuard.Analyzers.Tests.Infrastructure;

namespace PiiGuard.Analyzers.Tests.Catalog;

/// <summary>
/// Framework sources, mail family: addresses and display names (System.Net.Mail and the real MimeKit) are personal data
/// when they reach a log; delivering a message to them is not a leak (DESIGN.md).
/// </summary>
public class MailSourceTests
{
    [Fact]
    public Task MailAddresses_ReachingALog_AreReported() => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync("""
        using System.Net.Mail;
        using Microsoft.Extensions.Logging;
        using MimeKit;

        class Mailer
        {
            void Run(ILogger logger, MailAddress to, MailboxAddress mimeTo)
            {
                logger.LogInformation("Mail to {To}", {|#0:to.Address|});
                logger.LogInformation("Mail to {Name}", {|#1:to.DisplayName|});
                logger.LogInformation("Mail to {To}", {|#2:mimeTo.Address|});
                logger.LogInformation("Mail to {Name}", {|#3:mimeTo.Name|});
                logger.LogInformation("Mail via {Host}", to.Host);
            }
        }
        """,
        DiagnosticResult.CompilerWarning("PII001").WithLocation(0).WithArguments("MailAddress.Address", "Email", "ILogger.LogInformation"),
        DiagnosticResult.CompilerWarning("PII001").WithLocation(1).WithArguments("MailAddress.DisplayName", "Name", "ILogger.LogInformation"),
        DiagnosticResult.CompilerWarning("PII001").WithLocation(2).WithArguments("MailboxAddress.Address", "Email", "ILogger.LogInformation"),
        DiagnosticResult.CompilerWarning("PII001").WithLocation(3).WithArguments("MailboxAddress.Name", "Name", "ILogger.LogInformation"));

    [Fact]
    public Task Delivery_ToTheAddress_IsNotALeak() => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync("""
        using System.Net.Mail;
        using MimeKit;

        class Mailer
        {
            void Run(SmtpClient smtp, MailAddress to, MailboxAddress mimeTo)
            {
                smtp.Send("noreply@example.com", to.Address, "Your order", "Thanks");
                var message = new MailMessage(new MailAddress("noreply@example.com"), to) { Subject = "Your order" };
                smtp.Send(message);
                var mime = new MimeMessage();
                mime.To.Add(mimeTo);
                mime.Subject = "Your order";
            }
        }
        """);
}
