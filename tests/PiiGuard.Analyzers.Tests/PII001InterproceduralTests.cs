using System.Threading.Tasks;
using PiiGuard.Analyzers.Tests.Infrastructure;

namespace PiiGuard.Analyzers.Tests;

/// <summary>Personal data carried by the return values of methods of the same compilation (summaries).</summary>
public class PII001InterproceduralTests
{
    private static Task Verify(string body, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected) => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync("""
        using System;
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;
        using PiiGuard;

        static class Describer
        {
            public static string Describe(Customer c) => $"{c.Tier} customer <{c.Email}>";
            public static string DescribeTier(Customer c) => $"{c.Tier} customer";
            public static string Wrap(string value) => "[" + value + "]";
            public static string Safe(Customer c) => PiiMask.Email(c.Email) ?? "";
            public static string Level1(Customer c) => Level2(c);
            public static string Level2(Customer c) => Level3(c);
            public static string Level3(Customer c) => c.Phone;
            public static string Recurse(Customer c, int n) => n == 0 ? c.Email : Recurse(c, n - 1);
            [PiiSanitizer] public static string Scrub(string value) => "***";
        }

        partial class Service
        {
        """ + body + """

        }
        """ + LeakModels.Source + """

        public class Profile
        {
            [Pii(PiiKind.Name)] public string Name { get; set; } = "";
            [Pii(PiiKind.Email)] public string Email { get; set; } = "";
            public string Display => $"{Name} <{Email}>";
            public string Label => "profile";
            public string Describe() => "Profile of " + Name;
        }
        """, expected);

    [Fact]
    public Task HelperReturningInterpolatedPersonalData() => Verify("""
        void Run(ILogger logger, Customer c)
        {
            logger.LogInformation({|PII001:Describer.Describe(c)|});
            logger.LogInformation(Describer.DescribeTier(c));
        }
        """);

    [Fact]
    public Task ParameterFlowsThroughHelper() => Verify("""
        void Run(ILogger logger, Customer c)
        {
            logger.LogInformation({|PII001:Describer.Wrap(c.Email)|});
            logger.LogInformation(Describer.Wrap(c.Tier));
        }
        """);

    [Fact]
    public Task SanitizingHelpers_AreClean() => Verify("""
        void Run(ILogger logger, Customer c)
        {
            logger.LogInformation(Describer.Safe(c));
            logger.LogInformation(Describer.Scrub(c.Email));
        }
        """);

    [Fact]
    public Task ChainOfCallsAndRecursion() => Verify("""
        void Run(ILogger logger, Customer c)
        {
            logger.LogInformation({|PII001:Describer.Level1(c)|});
            logger.LogInformation({|PII001:Describer.Recurse(c, 3)|});
        }
        """);

    [Fact]
    public Task ComputedPropertiesAndInstanceMethods() => Verify("""
        void Run(ILogger logger, Profile p)
        {
            logger.LogInformation({|PII001:p.Display|});
            logger.LogInformation({|PII001:p.Describe()|});
            logger.LogInformation(p.Label);
        }
        """);

    [Fact]
    public Task LoggingHelper_ReportsTheCallersArgument() => Verify("""
        void Run(ILogger logger, Customer c)
        {
            Audit(logger, {|#0:c.Email|});
            Audit(logger, c.Tier);
            Forward(logger, {|PII001:c.Phone|});
            Fail({|PII004:c.NationalId|});
            AuditMail(logger, c.Email);
        }

        static void Audit(ILogger logger, string text) => logger.LogInformation("Audit {Text}", text);
        static void AuditMail(ILogger logger, [Pii(PiiKind.Email)] string mail) => logger.LogInformation("Audit {Mail}", {|PII001:mail|});
        static void Forward(ILogger logger, string text) => Audit(logger, "fwd " + text);
        static void Fail(string why) => throw new InvalidOperationException(why);
        """,
        Microsoft.CodeAnalysis.Testing.DiagnosticResult.CompilerWarning("PII001").WithLocation(0)
            .WithArguments("Customer.Email", "Email", "Service.Audit -> ILogger.LogInformation"));

    [Fact]
    public Task PrivateMembersAssignedByOtherMethods() => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync("""
        using Microsoft.Extensions.Logging;
        using PiiGuard;

        class Session
        {
            private readonly ILogger _logger;
            private readonly string _email;
            private readonly string _tier;
            private string LastPhone { get; set; } = "";

            public Session(ILogger logger, [Pii(PiiKind.Email)] string email, string tier)
            {
                _logger = logger;
                _email = email;
                _tier = tier;
            }

            public void Remember(Customer c) => LastPhone = c.Phone;

            public void Log()
            {
                _logger.LogInformation("Session of {Email}", {|PII001:_email|});
                _logger.LogInformation("Tier {Tier}", _tier);
                _logger.LogInformation("Last {Phone}", {|PII001:LastPhone|});
            }
        }
        """ + LeakModels.Source);

    /// <summary>
    /// The engine scans only the methods whose syntax assigns a member of that name (a pre-filter): every form of
    /// assignment must pass it, and an element or nested-member update is not an assignment to the member.
    /// </summary>
    [Fact]
    public Task PrivateMembersAssignedInEveryForm() => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync("""
        using System.Collections.Generic;
        using Microsoft.Extensions.Logging;
        using PiiGuard;

        class Holder
        {
            private readonly ILogger _logger;
            private string _viaThis = "", _viaTuple = "", _viaCoalesce = "", _viaCompound = "", _untouched = "";
            private readonly List<string> _list = new List<string>();
            private static string s_static = "";

            public Holder(ILogger logger) => _logger = logger;

            public void Set(Customer c)
            {
                this._viaThis = c.Email;
                (_viaTuple, _) = (c.Phone, 1);
                _viaCoalesce ??= c.Email;
                _viaCompound += c.Phone;
                Holder.s_static = c.Email;
                _list[0] = c.Email;
            }

            public void Log()
            {
                _logger.LogInformation({|PII001:_viaThis|});
                _logger.LogInformation({|PII001:_viaTuple|});
                _logger.LogInformation({|PII001:_viaCoalesce|});
                _logger.LogInformation({|PII001:_viaCompound|});
                _logger.LogInformation({|PII001:s_static|});
                _logger.LogInformation(_untouched);
                _logger.LogInformation("{Count}", _list.Count);
            }
        }
        """ + LeakModels.Source);

    [Fact]
    public Task ParamsArrayHelper_MarksTheValueThatCarriesPersonalData() => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync("""
        using Microsoft.Extensions.Logging;
        using PiiGuard;

        static class Audit
        {
            public static void Write(ILogger logger, params string[] values)
            {
                foreach (string value in values)
                {
                    logger.LogInformation(value);
                }
            }
        }

        class Service
        {
            void Run(ILogger logger, Customer c)
            {
                Audit.Write(logger, "signed in", {|PII001:c.Email|}, c.Tier);
                Audit.Write(logger, c.Tier, "signed in");
                // An explicit array is one argument: it is marked whole.
                Audit.Write(logger, {|PII001:new[] { c.Tier, c.Phone }|});
            }
        }
        """ + LeakModels.Source);

    [Fact]
    public Task MethodGroups() => Verify("""
        void Run(ILogger logger, System.Collections.Generic.List<Customer> customers, System.Collections.Generic.List<string> tiers)
        {
            logger.LogInformation({|PII001:string.Join(",", customers.Select(Describer.Describe))|});
            logger.LogInformation(string.Join(",", customers.Select(Describer.DescribeTier)));
            logger.LogInformation(string.Join(",", tiers.Select(Describer.Wrap)));
        }
        """);

    [Fact]
    public Task AsyncHelper() => Verify("""
        async Task Run(ILogger logger, Customer c)
        {
            logger.LogInformation({|PII001:await FetchAsync(c)|});
        }

        static async Task<string> FetchAsync(Customer c)
        {
            await Task.Delay(1);
            return Describer.Describe(c);
        }
        """);
}
