using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PiiGuard.Analyzers.Tests.Infrastructure;

namespace PiiGuard.Analyzers.Tests;

/// <summary>Sinks and sanitizers configured with piiguard.sinks / piiguard.sanitizers (see docs/configuration.md), and PII106 for bad values.</summary>
public class PII002ConfiguredSinkTests
{
    private const string Code = """
        namespace MyCo
        {
            public static class Audit
            {
                public static void Write(string text) { }
                public static void Log(string text) { }
                public static void Other(string text) { }
            }

            public static class Scrubber
            {
                public static string Clean(string text) => "***";
            }
        }

        class Service
        {
            void Run(Customer c)
            {
                MyCo.Audit.Write({|PII002:c.Email|});
                MyCo.Audit.Log({|PII001:c.Phone|});
                MyCo.Audit.Other(c.Email);
                MyCo.Audit.Write(MyCo.Scrubber.Clean(c.Email));
            }
        }
        """;

    [Fact]
    public Task EditorConfig_SinksWithCategoryAndSanitizers() => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync(Code + LeakModels.Source, """
        root = true

        [*.cs]
        piiguard.sinks = M:MyCo.Audit.Write(System.String), M:MyCo.Audit.Log(System.String)=PII001
        piiguard.sanitizers = M:MyCo.Scrubber.Clean(System.String)
        """);

    [Fact]
    public async Task GlobalConfig_SinksWithCategoryAndSanitizers()
    {
        var test = AnalyzerVerifier<PersonalDataFlowAnalyzer>.CreateTest(Code + LeakModels.Source);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", """
            is_global = true
            piiguard.sinks = M:MyCo.Audit.Write(System.String),M:MyCo.Audit.Log(System.String)=log
            piiguard.sanitizers = M:MyCo.Scrubber.Clean(System.String)
            """));
        await test.RunAsync();
    }

    [Fact]
    public Task UnresolvedIds_AreIgnored() => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync("""
        class Service
        {
            void Run(Customer c) => System.Console.WriteLine({|PII001:c.Email|});
        }
        """ + LeakModels.Source, """
        root = true

        [*.cs]
        piiguard.sinks = M:Nowhere.Audit.Write(System.String)
        piiguard.sanitizers = M:Nowhere.Scrubber.Clean(System.String)
        """);

    [Fact]
    public Task MalformedValues_ArePII106() => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync("""
        class Service
        {
            void Run(Customer c) => System.Console.WriteLine({|PII001:c.Email|});
        }
        """ + LeakModels.Source, """
        root = true

        [*.cs]
        piiguard.sinks = MyCo.Audit.Write, M:MyCo.Audit.Log(System.String)=PII042
        """,
        DiagnosticResult.CompilerWarning("PII106").WithArguments("piiguard.sinks", "MyCo.Audit.Write", "expected a method's documentation-comment id such as M:MyCo.Audit.Write(System.String)"),
        DiagnosticResult.CompilerWarning("PII106").WithArguments("piiguard.sinks", "M:MyCo.Audit.Log(System.String)=PII042", "the category after '=' must be PII001, PII002, PII003 or PII004"));
}
