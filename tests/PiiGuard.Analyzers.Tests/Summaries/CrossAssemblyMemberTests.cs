using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PiiGuard.Analyzers.Tests.Infrastructure;

namespace PiiGuard.Analyzers.Tests.Summaries;

/// <summary>
/// Constructors, property accessors and method groups of a referenced library, followed through the summaries it carries
/// (issue 15): the library is compiled with the summary generator to a PE image, the application against that image.
/// </summary>
public class CrossAssemblyMemberTests
{
    private const string Library = """
        using System.Collections.Generic;
        using Microsoft.Extensions.Logging;
        using PiiGuard;

        namespace Lib
        {
            public class Notifier
            {
                private readonly ILogger _log;

                public Notifier(ILogger log, string phone)
                {
                    _log = log;
                    log.LogInformation("Notifier for {Phone}", phone);
                }

                public Notifier(ILogger log, bool verbose)
                {
                    _log = log;
                    Verbose = verbose;
                }

                public bool Verbose { get; }

                public string Recipient
                {
                    set => _log.LogInformation("Recipient now {Recipient}", value);
                }

                public string Label { get; set; } = "";
            }

            public class Member
            {
                [Pii(PiiKind.Email)] public string Email { get; set; } = "";
            }

            public class Directory
            {
                private readonly Member _owner = new Member();

                public string OwnerEmail => _owner.Email;

                public string Title => "Directory";
            }

            public static class Text
            {
                public static string Quote(string text) => "\"" + text + "\"";

                public static string Masked(string phone) => PiiMask.Phone(phone) ?? "";
            }
        }
        """;

    private static byte[]? s_withSummaries;
    private static byte[]? s_withoutSummaries;

    private static byte[] WithSummaries => LazyInitializer.EnsureInitialized(ref s_withSummaries, () => SummaryHarness.BuildLibrary(Library, summaries: true));

    private static byte[] WithoutSummaries => LazyInitializer.EnsureInitialized(ref s_withoutSummaries, () => SummaryHarness.BuildLibrary(Library, summaries: false));

    private static Task VerifyApp(byte[] library, string app, params DiagnosticResult[] expected) => SummaryHarness.VerifyApp(library, app, expected);

    [Fact]
    public void TheLibraryRecordsItsConstructorsAndAccessors()
    {
        string? generated = SummaryHarness.Run(SummaryHarness.CreateLibrary(Library)).Generated;

        Assert.Contains(@"#ctor(Microsoft.Extensions.Logging.ILogger,System.String)|S2L:ILogger.LogInformation", generated);
        Assert.Contains(@"set_Recipient(System.String)|S1L:ILogger.LogInformation", generated);
        Assert.Contains(@"get_OwnerEmail|REmail,0,0,,Member.Email|OP:Lib.Member.Email", generated);
        Assert.DoesNotContain("#ctor(Microsoft.Extensions.Logging.ILogger,System.Boolean)", generated);
        Assert.DoesNotContain("get_Title", generated);
    }

    [Fact]
    public Task ConstructorThatLogsItsParameter_IsReportedAtTheCreation() => VerifyApp(WithSummaries, """
        using Microsoft.Extensions.Logging;

        class App
        {
            void Run(ILogger logger, Customer customer)
            {
                var notifier = new Lib.Notifier(logger, {|#0:customer.Mobile|});
                var plain = new Lib.Notifier(logger, customer.Tier);
                var verbose = new Lib.Notifier(logger, customer.Mobile.Length > 0);
            }
        }
        """,
        DiagnosticResult.CompilerWarning("PII001").WithLocation(0).WithArguments("Customer.Mobile", "Phone", "new Notifier -> ILogger.LogInformation"));

    [Fact]
    public Task SetterThatLogsItsValue_IsReportedAtTheAssignment_AndAGetterThatReturnsPersonalDataIsASource() => VerifyApp(WithSummaries, """
        using Microsoft.Extensions.Logging;

        class App
        {
            void Run(ILogger logger, Lib.Notifier notifier, Lib.Directory directory, Customer customer)
            {
                notifier.Recipient = {|#0:customer.Mobile|};
                notifier.Recipient = customer.Tier;
                notifier.Label = customer.Mobile;
                logger.LogInformation("Owner {Owner}", {|#1:directory.OwnerEmail|});
                logger.LogInformation("Title {Title}", directory.Title);
            }
        }
        """,
        DiagnosticResult.CompilerWarning("PII001").WithLocation(0).WithArguments("Customer.Mobile", "Phone", "Notifier.Recipient -> ILogger.LogInformation"),
        DiagnosticResult.CompilerWarning("PII001").WithLocation(1).WithArguments("Member.Email", "Email", "ILogger.LogInformation"));

    [Fact]
    public Task MethodGroupsOfTheLibrary_FollowTheirSummaries() => VerifyApp(WithSummaries, """
        using System.Collections.Generic;
        using System.Linq;
        using Microsoft.Extensions.Logging;

        class App
        {
            void Run(ILogger logger, List<Customer> customers)
            {
                var phones = customers.Select(c => c.Mobile);
                logger.LogInformation("Quoted {Phones}", {|#0:phones.Select(Lib.Text.Quote)|});
                logger.LogInformation("Masked {Phones}", phones.Select(Lib.Text.Masked));
            }
        }
        """,
        DiagnosticResult.CompilerWarning("PII001").WithLocation(0).WithArguments("Customer.Mobile", "Phone", "ILogger.LogInformation"));

    [Fact]
    public Task WithoutSummaries_NoneOfThisIsKnown() => VerifyApp(WithoutSummaries, """
        using Microsoft.Extensions.Logging;

        class App
        {
            void Run(ILogger logger, Lib.Notifier notifier, Lib.Directory directory, Customer customer)
            {
                var created = new Lib.Notifier(logger, customer.Mobile);
                notifier.Recipient = customer.Mobile;
                logger.LogInformation("Owner {Owner}", directory.OwnerEmail);
            }
        }
        """);
}
