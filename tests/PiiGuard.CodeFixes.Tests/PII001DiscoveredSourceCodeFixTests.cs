using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Test = PiiGuard.CodeFixes.Tests.Infrastructure.CodeFixVerifier<PiiGuard.Analyzers.PersonalDataFlowAnalyzer, PiiGuard.CodeFixes.SourceAnnotationCodeFixProvider>.Test;

namespace PiiGuard.CodeFixes.Tests;

/// <summary>
/// Leaks of sources found by name (PiiGuardDiscovery=names) offer, besides masking, [Pii(kind)] and [NotPii] on the member or
/// parameter that carries the data, in whatever document declares it; Fix All annotates each carrier once.
/// </summary>
public class PII001DiscoveredSourceCodeFixTests
{
    private const string DiscoveryOn = """
        is_global = true
        build_property.PiiGuardDiscovery = names
        """;

    private const string Service = """
        using Microsoft.Extensions.Logging;

        class Service
        {
            void Run(ILogger logger, PlainUser user)
            {
                logger.LogInformation("{Email}", {|PII001:user.Email|});
                logger.LogInformation("Again {Email}", {|PII001:user.Email|});
                logger.LogInformation("{Phone}", {|PII001:user.Mobile|});
            }
        }
        """;

    private const string User = """
        public class PlainUser
        {
            /// <summary>Contact address.</summary>
            public string Email { get; set; } = "";

            public string Mobile { get; set; } = "";
        }
        """;

    private static Test Create(int actionIndex)
    {
        var test = new Test { CodeActionIndex = actionIndex };
        test.TestState.Sources.Add(("/0/Service.cs", Service));
        test.TestState.Sources.Add(("/0/PlainUser.cs", User));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", DiscoveryOn));
        test.FixedState.AnalyzerConfigFiles.Add(("/.globalconfig", DiscoveryOn));
        test.BatchFixedState.AnalyzerConfigFiles.Add(("/.globalconfig", DiscoveryOn));
        return test;
    }

    [Fact]
    public async Task Annotate_AddsPiiToTheMemberInItsOwnDocument_AndFixAllAnnotatesEachOnce()
    {
        var test = Create(actionIndex: 0);
        test.CodeActionEquivalenceKey = "PiiGuard.AnnotateDiscoveredSource";

        // The fix on the first leak annotates Email in PlainUser.cs; its leaks stay reported, now from an annotated source (without
        // inferred=name, so no fix is offered on them any more). Fix All annotates Email once for its two leaks, and Mobile.
        string annotated = """
            using PiiGuard;

            public class PlainUser
            {
                /// <summary>Contact address.</summary>
                [Pii(PiiKind.Email)]
                public string Email { get; set; } = "";

                [Pii(PiiKind.Phone)]
                public string Mobile { get; set; } = "";
            }
            """;
        test.FixedState.Sources.Add(("/0/Service.cs", Service));
        test.FixedState.Sources.Add(("/0/PlainUser.cs", annotated.Replace("    [Pii(PiiKind.Phone)]\n", string.Empty)));
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        test.BatchFixedState.MarkupHandling = MarkupMode.Allow;
        test.NumberOfIncrementalIterations = 1;
        test.NumberOfFixAllIterations = 1;

        test.BatchFixedState.Sources.Add(("/0/Service.cs", Service));
        test.BatchFixedState.Sources.Add(("/0/PlainUser.cs", annotated));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task MarkNotPii_SilencesEveryLeakOfTheMember()
    {
        var test = Create(actionIndex: 1);
        test.CodeActionEquivalenceKey = "PiiGuard.MarkDiscoveredSourceNotPii";
        string silenced = Service.Replace("{|PII001:user.Email|}", "user.Email").Replace("{|PII001:user.Mobile|}", "user.Mobile");
        string marked = """
            using PiiGuard;

            public class PlainUser
            {
                /// <summary>Contact address.</summary>
                [NotPii("")]
                public string Email { get; set; } = "";

                [NotPii("")]
                public string Mobile { get; set; } = "";
            }
            """;
        test.FixedState.Sources.Add(("/0/Service.cs", silenced));
        test.FixedState.Sources.Add(("/0/PlainUser.cs", marked));
        test.NumberOfIncrementalIterations = 2;
        test.NumberOfFixAllIterations = 1;
        test.BatchFixedState.Sources.Add(("/0/Service.cs", silenced));
        test.BatchFixedState.Sources.Add(("/0/PlainUser.cs", marked));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Parameter_IsAnnotatedInline()
    {
        var test = new Test { CodeActionIndex = 0, CodeActionEquivalenceKey = "PiiGuard.AnnotateDiscoveredSource" };
        test.TestState.Sources.Add("""
            using Microsoft.Extensions.Logging;

            class Service
            {
                void Register(ILogger logger, string email) => logger.LogInformation("{Email}", {|PII001:email|});
            }
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", DiscoveryOn));
        test.FixedState.AnalyzerConfigFiles.Add(("/.globalconfig", DiscoveryOn));
        test.FixedState.Sources.Add("""
            using Microsoft.Extensions.Logging;
            using PiiGuard;

            class Service
            {
                void Register(ILogger logger, [Pii(PiiKind.Email)] string email) => logger.LogInformation("{Email}", {|PII001:email|});
            }
            """);
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        test.BatchFixedState.MarkupHandling = MarkupMode.Allow;
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task AnnotatedSource_NoFixOffered()
    {
        var test = new Test();
        test.TestState.Sources.Add("""
            using Microsoft.Extensions.Logging;
            using PiiGuard;

            class Service
            {
                void Register(ILogger logger, [Pii(PiiKind.Email)] string email) => logger.LogInformation("{Email}", {|PII001:email|});
            }
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", DiscoveryOn));
        test.FixedState.AnalyzerConfigFiles.Add(("/.globalconfig", DiscoveryOn));
        test.FixedCode = test.TestState.Sources[0].content.ToString();
        await test.RunAsync(CancellationToken.None);
    }
}
