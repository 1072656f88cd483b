using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiGuard.Analyzers.Generator;

namespace PiiGuard.Tool.Tests;

/// <summary>
/// <c>piiguard summaries &lt;dll&gt;</c> (issue 15, docs/summaries.md): a library author sees what the build recorded. The
/// library is compiled with the summary generator to a real assembly on disk and the built tool reads it.
/// </summary>
public sealed class SummariesCommandTests
{
    private const string Library = """
        using Microsoft.Extensions.Logging;
        using PiiGuard;

        namespace Lib
        {
            public class Notifier(ILogger<Notifier> log)
            {
                public void SmsSent(string phone) => log.LogInformation("SMS to {Phone}", phone);

                public void Failed(string phone, string reason) => log.LogError("SMS to {Phone} failed: {Reason}", phone, reason);
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

                public static int Count(string text) => text.Length;
            }
        }
        """;

    [Fact]
    public void Lists_each_recorded_method_with_its_facts()
    {
        string root = Run.NewTempDirectory("summaries");
        try
        {
            string dll = Path.Combine(root, "Lib.dll");
            File.WriteAllBytes(dll, Build(Library, summaries: true));

            ProcessResult listed = Run.Tool(root, "summaries", dll);

            Assert.True(listed.ExitCode == 0, listed.Describe());
            string output = listed.Output.Replace("\r\n", "\n");
            Assert.True(System.Text.RegularExpressions.Regex.IsMatch(output, @"Lib\.dll: PiiGuard summaries, format 1, 5 method\(s\), \d+ bytes"), output);
            Assert.Contains("M:Lib.Notifier.SmsSent(System.String)\n  parameter #0 reaches ILogger.LogInformation (PII001)\n", output);
            Assert.Contains("M:Lib.Notifier.Failed(System.String,System.String)\n  parameter #0 reaches ILogger.LogError (PII001)\n  parameter #1 reaches ILogger.LogError (PII001)\n", output);
            Assert.Contains("M:Lib.Directory.OwnerContact\n  returns Member.Email (Email, from P:Lib.Member.Email)\n", output);
            Assert.Contains("M:Lib.Directory.MaskedPhone(System.String)\n  returns nothing personal of its arguments\n", output);

            // Its result carries nothing of its argument (a length): recorded, so that callers do not assume it does.
            Assert.Contains("M:Lib.Directory.Count(System.String)\n  returns nothing personal of its arguments", output);
            Assert.DoesNotContain("M:Lib.Member", output);
        }
        finally
        {
            Run.TryDelete(root);
        }
    }

    [Fact]
    public void An_assembly_built_without_summaries_says_so()
    {
        string root = Run.NewTempDirectory("summaries-none");
        try
        {
            string dll = Path.Combine(root, "Lib.dll");
            File.WriteAllBytes(dll, Build(Library, summaries: false));

            ProcessResult listed = Run.Tool(root, "summaries", dll);

            Assert.True(listed.ExitCode == 0, listed.Describe());
            Assert.Contains("Lib.dll carries no PiiGuard summaries", listed.Output);
            Assert.DoesNotContain("M:Lib.", listed.Output);
        }
        finally
        {
            Run.TryDelete(root);
        }
    }

    [Fact]
    public void A_file_that_is_not_an_assembly_and_a_missing_argument_exit_2_with_one_line()
    {
        string root = Run.NewTempDirectory("summaries-bad");
        try
        {
            string text = Path.Combine(root, "notes.dll");
            File.WriteAllText(text, "not an assembly");

            ProcessResult unreadable = Run.Tool(root, "summaries", text);
            Assert.True(unreadable.ExitCode == 2, unreadable.Describe());
            Assert.Contains("piiguard: cannot read", unreadable.Output);
            Assert.DoesNotContain("   at ", unreadable.Output);

            ProcessResult usage = Run.Tool(root, "summaries");
            Assert.True(usage.ExitCode == 2, usage.Describe());
            Assert.Contains("usage: piiguard summaries <assembly.dll>", usage.Output);
        }
        finally
        {
            Run.TryDelete(root);
        }
    }

    private static byte[] Build(string source, bool summaries)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "netstandard.dll" or "mscorlib.dll")
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .Append(MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(PiiGuard.PiiAttribute).Assembly.Location));
        Compilation compilation = CSharpCompilation.Create(
            "Lib",
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        if (summaries)
        {
            CSharpGeneratorDriver.Create(new[] { new SummaryGenerator().AsSourceGenerator() }, optionsProvider: new Options())
                .RunGeneratorsAndUpdateCompilation(compilation, out compilation, out _);
        }

        using var stream = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return stream.ToArray();
    }

    /// <summary>The build's PiiGuardSummaries=true, as the package's props make it visible to the compiler.</summary>
    private sealed class Options : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values();

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Values(empty: true);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Values(empty: true);

        private sealed class Values(bool empty = false) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
            {
                value = !empty && key == SummaryGenerator.EnabledProperty ? "true" : null;
                return value != null;
            }
        }
    }
}
