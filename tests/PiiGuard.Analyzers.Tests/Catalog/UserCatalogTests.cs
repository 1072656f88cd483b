using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PiiGuard.Analyzers.Tests.Infrastructure;

namespace PiiGuard.Analyzers.Tests.Catalog;

/// <summary>
/// A project's own catalogue file (an AdditionalFiles item named piiguard.catalog): a team adds its logging wrapper, its
/// outbound client and its own source of personal data without code; a malformed row is PII106 at its file and line.
/// </summary>
public class UserCatalogTests
{
    private const string Code = """
        using Microsoft.Extensions.Logging;

        namespace Acme
        {
            public class LegacyAccount
            {
                public string Login { get; set; } = "";
                public string Plan { get; set; } = "";
                public string Hide(string value) => "***";
            }

            public static class Audit
            {
                public static void Write(string category, string text) { }
            }

            class Service
            {
                void Run(ILogger logger, LegacyAccount account)
                {
                    Audit.Write("login", {|#0:account.Login|});
                    Audit.Write(account.Login, "done");
                    logger.LogInformation("{Login}", {|#1:account.Login|});
                    logger.LogInformation("{Login}", account.Hide(account.Login));
                    logger.LogInformation("{Plan}", account.Plan);
                }
            }
        }
        """;

    [Fact]
    public async Task CatalogFile_AddsASinkASourceAndASanitizer()
    {
        var test = AnalyzerVerifier<PersonalDataFlowAnalyzer>.CreateTest(Code);
        test.TestState.AdditionalFiles.Add(("/src/piiguard.catalog", """
            # Acme's own sinks and sources
            sink       M:Acme.Audit.Write(System.String,System.String)   log   1
            source     P:Acme.LegacyAccount.Login                         Username
            sanitizer  M:Acme.LegacyAccount.Hide(System.String)
            sink       M:Other.Project.NotHere(System.String)             log      # names nothing here: ignored
            """));
        test.ExpectedDiagnostics.Add(DiagnosticResult.CompilerWarning("PII001").WithLocation(0).WithArguments("LegacyAccount.Login", "Username", "Audit.Write"));
        test.ExpectedDiagnostics.Add(DiagnosticResult.CompilerWarning("PII001").WithLocation(1).WithArguments("LegacyAccount.Login", "Username", "ILogger.LogInformation"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task WithoutTheFile_NothingIsReported()
    {
        var test = AnalyzerVerifier<PersonalDataFlowAnalyzer>.CreateTest(Code.Replace("{|#0:", "").Replace("{|#1:", "").Replace("|}", ""));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task MalformedRows_ArePII106_AtTheirFileAndLine()
    {
        var test = AnalyzerVerifier<PersonalDataFlowAnalyzer>.CreateTest(Code.Replace("{|#0:", "").Replace("{|#1:", "").Replace("|}", ""));
        test.TestState.AdditionalFiles.Add(("/src/acme.piiguard.catalog", """
            sink     M:Acme.Audit.Write(System.String,System.String)   journal
            source   P:Acme.LegacyAccount.Login                         Nickname
            sink     M:Acme.Audit.Write(System.String,System.String)   log   7
            watch    M:Acme.Audit.Write(System.String,System.String)
            sink     Acme.Audit.Write
            """));
        test.ExpectedDiagnostics.Add(DiagnosticResult.CompilerWarning("PII106").WithSpan("/src/acme.piiguard.catalog", 1, 1, 1, 67)
            .WithArguments("acme.piiguard.catalog line 1", "sink     M:Acme.Audit.Write(System.String,System.String)   journal", "the rule must be log, egress, telemetry or exception (or PII001 to PII004)"));
        test.ExpectedDiagnostics.Add(DiagnosticResult.CompilerWarning("PII106").WithSpan("/src/acme.piiguard.catalog", 2, 1, 2, 69)
            .WithArguments("acme.piiguard.catalog line 2", "source   P:Acme.LegacyAccount.Login                         Nickname", "unknown PiiKind 'Nickname'"));
        test.ExpectedDiagnostics.Add(DiagnosticResult.CompilerWarning("PII106").WithSpan("/src/acme.piiguard.catalog", 3, 1, 3, 67)
            .WithArguments("acme.piiguard.catalog line 3", "sink     M:Acme.Audit.Write(System.String,System.String)   log   7", "Write has no parameter 7 (parameters count from 0)"));
        test.ExpectedDiagnostics.Add(DiagnosticResult.CompilerWarning("PII106").WithSpan("/src/acme.piiguard.catalog", 4, 1, 4, 57)
            .WithArguments("acme.piiguard.catalog line 4", "watch    M:Acme.Audit.Write(System.String,System.String)", "the first column must be sink, source or sanitizer"));
        test.ExpectedDiagnostics.Add(DiagnosticResult.CompilerWarning("PII106").WithSpan("/src/acme.piiguard.catalog", 5, 1, 5, 26)
            .WithArguments("acme.piiguard.catalog line 5", "sink     Acme.Audit.Write", "expected a documentation-comment id such as M:Acme.Audit.Write(System.String) or P:Acme.User.Login"));
        await test.RunAsync(CancellationToken.None);
    }
}
