using System.Threading.Tasks;
using PiiGuard.Analyzers.Tests.Infrastructure;

namespace PiiGuard.Analyzers.Tests;

/// <summary>PII001 through every intraprocedural flow form, each with a positive and a negative case.</summary>
public class PII001FlowTests
{
    private static Task Verify(string body) => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Text;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;
        using PiiGuard;

        partial class Service
        {
        """ + body + """

        }
        """ + LeakModels.Source);

    [Fact]
    public Task Local_CarriesTheValue() => Verify("""
        void Run(ILogger logger, Customer c)
        {
            var email = c.Email;
            logger.LogInformation("Mail {Email}", {|PII001:email|});
        }
        """);

    [Fact]
    public Task Local_OverwrittenWithCleanValue_IsClean() => Verify("""
        void Run(ILogger logger, Customer c)
        {
            var email = c.Email;
            email = "nobody";
            logger.LogInformation("Mail {Email}", email);
        }
        """);

    [Fact]
    public Task Local_AssignedInOneBranch_IsTaintedAfterTheBranch() => Verify("""
        void Run(ILogger logger, Customer c, bool flag)
        {
            var text = "";
            if (flag) { text = c.Email; } else { text = "none"; }
            logger.LogInformation("Mail {Email}", {|PII001:text|});
        }
        """);

    [Fact]
    public Task Local_CleanedInBothBranches_IsClean() => Verify("""
        void Run(ILogger logger, Customer c, bool flag)
        {
            var text = c.Email;
            if (flag) { text = "a"; } else { text = "b"; }
            logger.LogInformation("Mail {Email}", text);
        }
        """);

    [Fact]
    public Task Loop_TaintReachesTheNextIteration() => Verify("""
        void Run(ILogger logger, Customer c)
        {
            string last = "";
            for (int i = 0; i < 3; i++)
            {
                logger.LogInformation("Last {Last}", {|PII001:last|});
                last = c.Email;
            }
        }
        """);

    [Fact]
    public Task Interpolation_HoleIsTheLocation() => Verify("""
        void Run(ILogger logger, Customer c) => logger.LogInformation($"Customer {{|PII001:c.Email|}} of tier {c.Tier}");
        """);

    [Fact]
    public Task Interpolation_OfCleanMembers_IsClean() => Verify("""
        void Run(ILogger logger, Customer c) => logger.LogInformation($"Customer {c.Id} of tier {c.Tier}");
        """);

    [Fact]
    public Task Interpolation_StoredInLocal_IsReportedAtTheArgument() => Verify("""
        void Run(ILogger logger, Customer c)
        {
            string message = $"Customer {c.Phone}";
            logger.LogWarning({|PII001:message|});
        }
        """);

    [Fact]
    public Task Concatenation_OperandIsTheLocation() => Verify("""
        void Run(ILogger logger, Customer c) => logger.LogInformation("Customer " + {|PII001:c.Email|} + " " + c.Tier);
        """);

    [Fact]
    public Task StringFormatConcatJoin_Carry() => Verify("""
        void Run(ILogger logger, Customer c, List<string> names)
        {
            logger.LogInformation({|PII001:string.Format("{0}", c.Email)|});
            logger.LogInformation({|PII001:string.Concat("a", c.Phone)|});
            logger.LogInformation({|PII001:string.Join(",", new[] { c.Tier, c.NationalId })|});
            logger.LogInformation(string.Join(",", names));
        }
        """);

    [Fact]
    public Task StringBuilder_Carries() => Verify("""
        void Run(ILogger logger, Customer c)
        {
            var builder = new StringBuilder();
            builder.Append("Customer ").Append(c.Email);
            logger.LogInformation({|PII001:builder.ToString()|});
            var clean = new StringBuilder().Append(c.Tier);
            logger.LogInformation(clean.ToString());
        }
        """);

    [Fact]
    public Task StringMethods_Carry() => Verify("""
        void Run(ILogger logger, Customer c)
        {
            logger.LogInformation({|PII001:c.Email.Trim().ToUpperInvariant().Substring(1).Replace("a", "b")|});
            logger.LogInformation({|PII001:c.Phone.ToLower()|});
            logger.LogInformation({|PII001:c.NationalId.ToString()|});
        }
        """);

    [Fact]
    public Task ConditionalAndCoalesce_Carry() => Verify("""
        void Run(ILogger logger, Customer c, Customer? maybe, bool flag)
        {
            logger.LogInformation({|PII001:flag ? c.Email : "none"|});
            logger.LogInformation({|PII001:maybe?.Phone ?? "none"|});
            logger.LogInformation(flag ? c.Tier : "none");
        }
        """);

    [Fact]
    public Task TuplesAndDeconstruction_TrackEachElement() => Verify("""
        void Run(ILogger logger, Customer c)
        {
            var (email, tier) = (c.Email, c.Tier);
            logger.LogInformation({|PII001:email|});
            logger.LogInformation(tier);
            var pair = (Mail: c.Email, Id: 1);
            logger.LogInformation({|PII001:pair.Mail|});
        }
        """);

    [Fact]
    public Task Collections_ForeachAndIndexer_Carry() => Verify("""
        void Run(ILogger logger, Customer c, List<string> tiers)
        {
            var emails = new List<string> { c.Email };
            foreach (var email in emails)
            {
                logger.LogInformation({|PII001:email|});
            }

            var phones = new List<string>();
            phones.Add(c.Phone);
            logger.LogInformation({|PII001:phones[0]|});
            foreach (var tier in tiers)
            {
                logger.LogInformation(tier);
            }
        }
        """);

    [Fact]
    public Task Linq_SelectOfPersonalMember_Carries() => Verify("""
        void Run(ILogger logger, List<Customer> customers)
        {
            var emails = customers.Select(x => x.Email).ToList();
            logger.LogInformation({|PII001:string.Join(", ", emails)|});
            var tiers = customers.Select(x => x.Tier).ToList();
            logger.LogInformation(string.Join(", ", tiers));
        }
        """);

    [Fact]
    public Task Lambda_ParameterCarriesTheCollection() => Verify("""
        void Run(ILogger logger, Customer c, List<string> tiers)
        {
            var emails = new List<string> { c.Email };
            emails.ForEach(e => logger.LogInformation({|PII001:e|}));
            tiers.ForEach(t => logger.LogInformation(t));
            Action<Customer> log = x => logger.LogInformation({|PII001:x.Phone|});
        }
        """);

    [Fact]
    public Task LocalFunction_ReturnAndParameters() => Verify("""
        void Run(ILogger logger, Customer c)
        {
            logger.LogInformation({|PII001:Describe()|});
            logger.LogInformation(Label(c.Tier));
            logger.LogInformation({|PII001:Label(c.Email)|});

            string Describe() => "Customer " + c.Email;
            string Label(string value) => "[" + value + "]";
        }
        """);

    [Fact]
    public Task Async_AwaitedValueCarries() => Verify("""
        async Task Run(ILogger logger, Customer c)
        {
            var email = await LoadAsync(c);
            logger.LogInformation({|PII001:email|});
            var tier = await Task.FromResult(c.Tier);
            logger.LogInformation(tier);
        }

        async Task<string> LoadAsync(Customer c)
        {
            await Task.Yield();
            return c.Email;
        }
        """);

    [Fact]
    public Task MemberChain_NamesTheInnerMember() => Verify("""
        void Run(ILogger logger, Customer c)
        {
            logger.LogInformation({|PII001:c.Contact.Email|});
            logger.LogInformation(c.Contact.City);
        }
        """);

    [Fact]
    public Task NonCarriers_AreClean() => Verify("""
        void Run(ILogger logger, Customer c)
        {
            logger.LogInformation("{Length}", c.Email.Length);
            logger.LogInformation("{Empty}", string.IsNullOrEmpty(c.Email));
            logger.LogInformation("{Same}", c.Email == "x");
            logger.LogInformation("{Has}", c.Email.Contains("@"));
            logger.LogInformation("{Starts}", c.Phone.StartsWith("+86"));
            logger.LogInformation("{Hash}", c.NationalId.GetHashCode());
            logger.LogInformation("{Confirmed}", c.EmailConfirmed);
            logger.LogInformation("{Count}", new List<string> { c.Email }.Count);
        }
        """);

    [Fact]
    public Task ModelObjectsReturnedFromLookups_CarryOnlyThroughTheirMembers() => Verify("""
        void Run(ILogger logger, ICustomerStore store, Customer c)
        {
            var found = store.FindByEmail(c.Email);
            logger.LogInformation("Found {Customer} {Id}", found, found.Id);
            logger.LogInformation("Found {Email}", {|PII001:found.Email|});
        }
        }

        interface ICustomerStore
        {
            Customer FindByEmail(string email);
        """);

    [Fact]
    public Task ComplianceRedactor_IsASanitizer() => Verify("""
        void Run(ILogger logger, Customer c, Microsoft.Extensions.Compliance.Redaction.Redactor redactor)
        {
            logger.LogInformation("{Email}", redactor.Redact(c.Email));
            var masked = PiiMask.Apply(c.NationalId, PiiKind.NationalId);
            logger.LogInformation("{Id}", masked);
        }
        """);

    [Fact]
    public Task InterpolatedStringHandlers_Carry() => Verify("""
        void Run(ILogger logger, Customer c)
        {
            var builder = new StringBuilder();
            builder.Append($"Customer {c.Email}");
            logger.LogInformation({|PII001:builder.ToString()|});
            System.Diagnostics.Debug.Assert(c.Id > 0, $"Customer {{|PII001:c.Phone|}} has no id");
            System.Diagnostics.Debug.Assert(c.Id > 0, $"Customer {c.Tier} has no id");
        }
        """);

    [Fact]
    public Task LambdaPassedToTaskRun_IsAnalysed() => Verify("""
        Task Run(ILogger logger, Customer c) => Task.Run(() => logger.LogInformation({|PII001:c.Email|}));
        """);

    [Fact]
    public Task CollectionExpressionsAndDelegates_Carry() => Verify("""
        void Run(ILogger logger, Customer c)
        {
            List<string> emails = [c.Email, c.Tier];
            logger.LogInformation({|PII001:string.Join(",", emails)|});
            Func<string> phone = () => c.Phone;
            logger.LogInformation({|PII001:phone()|});
            List<string> tiers = [c.Tier];
            logger.LogInformation(string.Join(",", tiers));
        }
        """);

    [Fact]
    public Task PrimaryConstructorLogger() => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync("""
        using Microsoft.Extensions.Logging;

        class Service(ILogger<Service> logger)
        {
            public void Run(Customer c) => logger.LogInformation("Customer {Email}", {|PII001:c.Email|});
        }
        """ + LeakModels.Source);

    [Fact]
    public Task MembersOfLocals_AreTrackedPerVariable() => Verify("""
        void Run(ILogger logger, Customer c)
        {
            var first = new Note();
            var second = new Note();
            first.Text = c.Email;
            second.Text = "hello";
            logger.LogInformation({|PII001:first.Text|});
            logger.LogInformation(second.Text);
            logger.LogInformation(first.Title);
            var third = new Note { Text = c.Phone };
            logger.LogInformation(third.Title);
            logger.LogInformation({|PII001:third.Text|});
        }
        }

        class Note
        {
            public string Text { get; set; } = "";
            public string Title { get; set; } = "";
        """);

    [Fact]
    public Task FieldAssignedInMethod_Carries() => Verify("""
        private string _last = "";
        void Run(ILogger logger, Customer c)
        {
            _last = c.Email;
            logger.LogInformation({|PII001:_last|});
        }
        """);

    [Fact]
    public Task SwitchAndPatterns_Carry() => Verify("""
        void Run(ILogger logger, Customer c, object o, int k)
        {
            var text = k switch { 1 => c.Email, _ => "none" };
            logger.LogInformation({|PII001:text|});
            object boxed = c.Phone;
            if (boxed is string s)
            {
                logger.LogInformation({|PII001:s|});
            }

            if (o is string other)
            {
                logger.LogInformation(other);
            }
        }
        """);

    [Fact]
    public Task AnnotatedParameter_IsASource() => Verify("""
        void Run(ILogger logger, [Pii(PiiKind.Phone)] string phone, string tier)
        {
            logger.LogInformation({|PII001:phone|});
            logger.LogInformation(tier);
        }
        """);

    [Fact]
    public Task AnnotatedReturnValue_IsASource() => Verify("""
        [return: Pii(PiiKind.Email)]
        static string Lookup(int id) => "";

        void Run(ILogger logger) => logger.LogInformation({|PII001:Lookup(1)|});
        """);
}
