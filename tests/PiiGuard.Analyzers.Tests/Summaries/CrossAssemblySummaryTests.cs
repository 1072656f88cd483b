using Microsoft.CodeAnalysis.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PiiGuard.Analyzers.Tests.Infrastructure;

namespace PiiGuard.Analyzers.Tests.Summaries;

/// <summary>
/// Summaries that travel with an assembly (issue 15, section 1): a library is compiled with the summary generator to a
/// real PE image, then an application is analysed against that image's metadata only, as a build of two projects would.
/// </summary>
public class CrossAssemblySummaryTests
{
    /// <summary>The library of the issue, plus a returned datum, a masking method and a hashing helper.</summary>
    public const string Library = """
        using System;
        using System.Security.Cryptography;
        using System.Text;
        using Microsoft.Extensions.Logging;
        using PiiGuard;

        namespace Lib
        {
            public class Notifier(ILogger<Notifier> log)
            {
                public void SmsSent(string phone) => log.LogInformation("SMS to {Phone}", phone);

                public void Forward(string text) => Audit.Write(log, "fwd " + text);

                public void Counted(string phone) => log.LogInformation("SMS of {Length} characters", phone.Length);
            }

            internal static class Audit
            {
                public static void Write(ILogger log, string text) => log.LogWarning("Audit {Text}", text);
            }

            public class Member
            {
                [Pii(PiiKind.Email)] public string Email { get; set; } = "";
            }

            public class Directory
            {
                private readonly Member _owner = new Member();

                public string OwnerContact() => _owner.Email;

                public static string MaskedPhone(string phone) => PiiMask.Phone(phone) ?? "";

                public static string Fingerprint(string phone) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(phone)));

                public static string Quote(string text) => "\"" + text + "\"";
            }
        }
        """;

    private static byte[]? s_withSummaries;
    private static byte[]? s_withoutSummaries;

    private static byte[] WithSummaries => LazyInitializer.EnsureInitialized(ref s_withSummaries, () => SummaryHarness.BuildLibrary(Library, summaries: true));

    private static byte[] WithoutSummaries => LazyInitializer.EnsureInitialized(ref s_withoutSummaries, () => SummaryHarness.BuildLibrary(Library, summaries: false));

    private static Task VerifyApp(byte[] library, string app, params DiagnosticResult[] expected) => SummaryHarness.VerifyApp(library, app, expected);

    [Fact]
    public Task ParameterReachingALogInTheLibrary_IsReportedAtTheCaller_WithThePath() => VerifyApp(WithSummaries, """
        class App
        {
            void Run(Lib.Notifier notifier, Customer customer)
            {
                notifier.SmsSent({|#0:customer.Mobile|});
                notifier.SmsSent(customer.Tier);
                notifier.Counted(customer.Mobile);
            }
        }
        """,
        DiagnosticResult.CompilerWarning("PII001").WithLocation(0)
            .WithArguments("Customer.Mobile", "Phone", "Notifier.SmsSent -> ILogger.LogInformation"));

    [Fact]
    public Task ParameterReachingALogThroughAnInternalHelper_NamesTheWholePath() => VerifyApp(WithSummaries, """
        class App
        {
            void Run(Lib.Notifier notifier, Customer customer) => notifier.Forward({|#0:customer.Mobile|});
        }
        """,
        DiagnosticResult.CompilerWarning("PII001").WithLocation(0)
            .WithArguments("Customer.Mobile", "Phone", "Notifier.Forward -> Audit.Write -> ILogger.LogWarning"));

    [Fact]
    public Task AppHelperCallingTheLibrary_IsSummarisedInTheApp() => VerifyApp(WithSummaries, """
        class App
        {
            void Run(Lib.Notifier notifier, Customer customer) => Send(notifier, {|#0:customer.Mobile|});

            static void Send(Lib.Notifier notifier, string number) => notifier.SmsSent(number);
        }
        """,
        DiagnosticResult.CompilerWarning("PII001").WithLocation(0)
            .WithArguments("Customer.Mobile", "Phone", "App.Send -> Notifier.SmsSent -> ILogger.LogInformation"));

    [Fact]
    public Task ReturnedPersonalData_IsASource() => VerifyApp(WithSummaries, """
        using Microsoft.Extensions.Logging;

        class App
        {
            void Run(ILogger logger, Lib.Directory directory)
            {
                string contact = directory.OwnerContact();
                logger.LogInformation("Owner {Contact}", {|#0:contact|});
            }
        }
        """,
        DiagnosticResult.CompilerWarning("PII001").WithLocation(0)
            .WithArguments("Member.Email", "Email", "ILogger.LogInformation"));

    [Fact]
    public Task MaskingMethodOfTheLibrary_IsASanitizer_AndPassThroughStillCarries() => VerifyApp(WithSummaries, """
        using Microsoft.Extensions.Logging;

        class App
        {
            void Run(ILogger logger, Customer customer)
            {
                logger.LogInformation("SMS to {Phone}", Lib.Directory.MaskedPhone(customer.Mobile));
                logger.LogInformation("SMS to {Phone}", {|PII001:Lib.Directory.Quote(customer.Mobile)|});
            }
        }
        """);

    [Fact]
    public Task HashingHelperOfTheLibrary_IsAnUnkeyedHash() => VerifyApp(WithSummaries, """
        using Microsoft.Extensions.Logging;

        class App
        {
            void Run(ILogger logger, Customer customer) => logger.LogInformation("Caller {Id}", {|#0:Lib.Directory.Fingerprint(customer.Mobile)|});
        }
        """,
        DiagnosticResult.CompilerWarning("PII007").WithLocation(0)
            .WithArguments("Customer.Mobile", "Phone", "Directory.Fingerprint", "ILogger.LogInformation"));

    [Fact]
    public async Task LeaksFoundThroughASummary_CarryTheSameProperties_AsLeaksFoundInSource()
    {
        const string app = """
            using Microsoft.Extensions.Logging;

            class App
            {
                void Run(ILogger logger, Lib.Notifier notifier, Lib.Directory directory, Customer customer)
                {
                    notifier.SmsSent(customer.Mobile);
                    logger.LogInformation("Owner {Contact}", directory.OwnerContact());
                }
            }
            """;
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "App",
            new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(app + SummaryHarness.Customer, new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest)) },
            TestReferences.All.Append(MetadataReference.CreateFromImage(WithSummaries)),
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var diagnostics = (await compilation.WithAnalyzers(System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new PersonalDataFlowAnalyzer()))
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None)).OrderBy(d => d.Location.SourceSpan.Start).ToArray();

        Assert.Equal(2, diagnostics.Length);
        Diagnostic sms = diagnostics[0];
        Assert.Equal("Customer.Mobile", sms.Properties["member"]);
        Assert.Equal("Phone", sms.Properties["piiKind"]);
        Assert.Equal("Notifier.SmsSent -> ILogger.LogInformation", sms.Properties["sink"]);
        Assert.Equal("Customer", sms.Properties["type"]);
        Assert.Equal("Mobile", sms.Properties["name"]);
        Assert.Equal("mask", sms.Properties["fix"]);

        // Returned by the library: the member it comes from is the library's, named as in the library's own diagnostics.
        Diagnostic owner = diagnostics[1];
        Assert.Equal("Member.Email", owner.Properties["member"]);
        Assert.Equal("Email", owner.Properties["piiKind"]);
        Assert.Equal("ILogger.LogInformation", owner.Properties["sink"]);
        Assert.Equal("Lib.Member", owner.Properties["type"]);
        Assert.Equal("Email", owner.Properties["name"]);
        Assert.Equal("mask", owner.Properties["fix"]);
    }

    [Fact]
    public Task LibraryBuiltWithoutSummaries_BehavesAsBefore() => VerifyApp(WithoutSummaries, """
        using Microsoft.Extensions.Logging;

        class App
        {
            void Run(ILogger logger, Lib.Notifier notifier, Lib.Directory directory, Customer customer)
            {
                notifier.SmsSent(customer.Mobile);
                logger.LogInformation("Owner {Contact}", directory.OwnerContact());
                logger.LogInformation("SMS to {Phone}", {|PII001:Lib.Directory.MaskedPhone(customer.Mobile)|});
                logger.LogInformation("Caller {Id}", {|PII001:Lib.Directory.Fingerprint(customer.Mobile)|});
            }
        }
        """);

    [Theory]
    [InlineData("2\nT:Lib.Notifier\nSmsSent(System.String)|S1L:ILogger.LogInformation")]
    [InlineData("1.1\nT:Lib.Notifier\nSmsSent(System.String)|S1L:ILogger.LogInformation")]
    [InlineData("")]
    [InlineData("1\nSmsSent(System.String)|S1L:ILogger.LogInformation")]
    [InlineData("1\nT:Lib.Notifier\nSmsSent(System.String)|S|S1Q:x|SzzL:y|S:z|Rnope|P|Hzz|Z1|")]
    public Task UnknownVersionOrMalformedPayload_IsIgnored(string payload)
    {
        string library = """
            using Microsoft.Extensions.Logging;

            [assembly: System.Reflection.AssemblyMetadata("PiiGuard.Summaries", PAYLOAD)]

            namespace Lib
            {
                public class Notifier(ILogger<Notifier> log)
                {
                    public void SmsSent(string phone) => log.LogInformation("SMS to {Phone}", phone);
                }
            }
            """.Replace("PAYLOAD", Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(payload, quote: true));
        return VerifyApp(SummaryHarness.Emit(SummaryHarness.CreateLibrary(library)), """
            class App
            {
                void Run(Lib.Notifier notifier, Customer customer) => notifier.SmsSent(customer.Mobile);
            }
            """);
    }
}
