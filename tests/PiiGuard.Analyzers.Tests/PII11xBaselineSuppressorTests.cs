using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using PiiGuard.Analyzers.Baseline;
using PiiGuard.Analyzers.Tests.Infrastructure;

namespace PiiGuard.Analyzers.Tests;

/// <summary>
/// The baseline suppressor with the real leak analyzer: baselined findings are reported as suppressed (not hidden), by a
/// fingerprint that survives edits; a new leak, one more than the count, an expired entry or exception is reported; an
/// unreadable baseline is PII111 at its line, never AD0001; expired exceptions are PII112; [PiiAccepted] accepts findings in
/// the member it marks or whose carrier it marks.
/// </summary>
public class PII11xBaselineSuppressorTests
{
    private const string Customer = """

        public class Customer
        {
            [PiiGuard.Pii(PiiGuard.PiiKind.NationalId)] public string NationalId { get; set; } = "";
            [PiiGuard.Pii(PiiGuard.PiiKind.Email)] public string Email { get; set; } = "";
        }
        """;

    private const string RunId = "M:Onboarding.Run(Microsoft.Extensions.Logging.ILogger,Customer)";

    private static string Baseline(params string[] entries) =>
        "{\n  \"schema\": \"piiguard-baseline/1\",\n  \"entries\": [\n    " + string.Join(",\n    ", entries) + "\n  ]\n}\n";

    private static string Entry(string carrier, string sink = "ILogger.LogInformation", string @in = RunId, int count = 1, string extra = "") =>
        "{\"rule\": \"PII001\", \"carrier\": \"" + carrier + "\", \"sink\": \"" + sink + "\", \"in\": \"" + @in + "\", \"count\": " + count + extra + "}";

    [Fact]
    public async Task A_baselined_finding_is_suppressed_and_a_new_one_is_reported()
    {
        await RunAsync("""
            using Microsoft.Extensions.Logging;
            class Onboarding
            {
                void Run(ILogger logger, Customer c)
                {
                    logger.LogInformation("Id {Id}", {|#0:c.NationalId|});
                    logger.LogInformation("Mail {Mail}", {|#1:c.Email|});
                }
            }
            """ + Customer,
            Baseline(Entry("Customer.NationalId")),
            Leak(0).WithIsSuppressed(true),
            Leak(1));
    }

    [Fact]
    public async Task The_fingerprint_survives_lines_above_a_moved_method_and_another_file_name()
    {
        var test = CreateTest("""
            // a comment added above
            using Microsoft.Extensions.Logging;

            class Other { void Nothing() { } }

            class Onboarding
            {
                int _counter;

                void Run(ILogger logger, Customer c)
                {
                    _counter++;
                    if (_counter > 1)
                    {
                        logger.LogInformation("Id {Id}", {|#0:c.NationalId|});
                    }
                }
            }
            """ + Customer, Baseline(Entry("Customer.NationalId")), "/0/Renamed.cs");
        test.ExpectedDiagnostics.Add(Leak(0).WithIsSuppressed(true));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_lambda_in_the_member_counts_as_the_member()
    {
        await RunAsync("""
            using System;
            using Microsoft.Extensions.Logging;
            class Onboarding
            {
                void Run(ILogger logger, Customer c)
                {
                    Action later = () => logger.LogInformation("Id {Id}", {|#0:c.NationalId|});
                    later();
                }
            }
            """ + Customer,
            Baseline(Entry("Customer.NationalId")),
            Leak(0).WithIsSuppressed(true));
    }

    [Fact]
    public async Task More_findings_than_the_count_are_reported()
    {
        await RunAsync("""
            using Microsoft.Extensions.Logging;
            class Onboarding
            {
                void Run(ILogger logger, Customer c)
                {
                    logger.LogInformation("Id {Id}", {|#0:c.NationalId|});
                    logger.LogInformation("Again {Id}", {|#1:c.NationalId|});
                }
            }
            """ + Customer,
            Baseline(Entry("Customer.NationalId", count: 1)),
            Leak(0).WithIsSuppressed(true),
            Leak(1));
    }

    [Fact]
    public async Task The_same_leak_in_another_member_or_to_another_sink_is_not_baselined()
    {
        await RunAsync("""
            using Microsoft.Extensions.Logging;
            class Onboarding
            {
                void Run(ILogger logger, Customer c) => logger.LogWarning("Id {Id}", {|#0:c.NationalId|});
                void Other(ILogger logger, Customer c) => logger.LogInformation("Id {Id}", {|#1:c.NationalId|});
            }
            """ + Customer,
            Baseline(Entry("Customer.NationalId")),
            Leak(0),
            Leak(1));
    }

    [Fact]
    public async Task A_reviewed_entry_holds_until_its_date_and_an_expired_one_is_reported_with_PII112()
    {
        await RunAsync("""
            using Microsoft.Extensions.Logging;
            class Onboarding
            {
                void Run(ILogger logger, Customer c)
                {
                    logger.LogInformation("Id {Id}", {|#0:c.NationalId|});
                    logger.LogInformation("Mail {Mail}", {|#1:c.Email|});
                }
            }
            """ + Customer,
            Baseline(
                Entry("Customer.NationalId", extra: ", \"reason\": \"KYC audit trail, DPIA-12\", \"reviewer\": \"li.na\", \"expires\": \"2999-12-31\""),
                Entry("Customer.Email", extra: ", \"reason\": \"support\", \"reviewer\": \"li.na\", \"expires\": \"2020-01-31\"")),
            Leak(0).WithIsSuppressed(true),
            Leak(1),
            new DiagnosticResult(Rules.AcceptedExceptionExpired).WithSpan("/0/piiguard.baseline.json", 5, 1, 5, 238)
                .WithArguments("'PII001 Customer.Email -> ILogger.LogInformation in " + RunId + "' (baseline)", "expired on 2020-01-31 (reviewed by li.na)"));
    }

    [Theory]
    [InlineData("{ \"schema\": \"piiguard-baseline/1\", \"entries\": [ { \"rule\": \"PII001\", } ] }", 1, "line 1: expected a property name in quotes")]
    [InlineData("{\n  \"schema\": \"piiguard-baseline/2\",\n  \"entries\": []\n}", 1, "line 1: \"schema\" must be \"piiguard-baseline/1\"")]
    [InlineData("{\n  \"schema\": \"piiguard-baseline/1\",\n  \"entries\": [\n    {\"rule\": \"PII001\", \"count\": 0}\n  ]\n}", 4, "line 4: \"count\" must be a whole number of at least 1")]
    [InlineData("{\n  \"schema\": \"piiguard-baseline/1\",\n  \"entries\": [\n    {\"rule\": \"PII001\", \"expires\": \"next year\"}\n  ]\n}", 4, "line 4: \"expires\" must be a date yyyy-MM-dd, not 'next year'")]
    [InlineData("not json", 1, "line 1: unexpected text")]
    public async Task An_unreadable_baseline_is_PII111_at_its_line_and_suppresses_nothing(string text, int line, string reason)
    {
        string[] lines = text.Split('\n');
        await RunAsync("""
            using Microsoft.Extensions.Logging;
            class Onboarding
            {
                void Run(ILogger logger, Customer c) => logger.LogInformation("Id {Id}", {|#0:c.NationalId|});
            }
            """ + Customer,
            text,
            Leak(0),
            new DiagnosticResult(Rules.BaselineUnreadable).WithSpan("/0/piiguard.baseline.json", line, 1, line, lines[line - 1].Length + 1)
                .WithArguments("/0/piiguard.baseline.json", reason));
    }

    [Fact]
    public async Task PiiAccepted_on_the_member_accepts_its_findings_and_Rule_narrows_it()
    {
        await RunAsync("""
            using Microsoft.Extensions.Logging;
            using PiiGuard;
            class Onboarding
            {
                [PiiAccepted("Regulator-mandated audit log, DPIA-7", Reviewer = "li.na", Expires = "2999-01-01")]
                void Run(ILogger logger, Customer c) => logger.LogInformation("Id {Id}", {|#0:c.NationalId|});

                [PiiAccepted("only PII004", Rule = "PII004")]
                void Other(ILogger logger, Customer c) => logger.LogInformation("Id {Id}", {|#1:c.NationalId|});
            }
            """ + Customer,
            null,
            Leak(0).WithIsSuppressed(true),
            Leak(1));
    }

    [Fact]
    public async Task PiiAccepted_on_the_carrier_accepts_its_findings_anywhere()
    {
        await RunAsync("""
            using Microsoft.Extensions.Logging;
            using PiiGuard;
            class Onboarding
            {
                void Run(ILogger logger, Ticket t) => logger.LogInformation("Ref {Ref}", {|#0:t.Reference|});
            }

            public class Ticket
            {
                [Pii(PiiKind.OnlineId), PiiAccepted("a random ticket reference, pseudonymous", Reviewer = "li.na")]
                public string Reference { get; set; } = "";
            }
            """,
            null,
            DiagnosticResult.CompilerWarning("PII001").WithLocation(0).WithArguments("Ticket.Reference", "OnlineId", "ILogger.LogInformation").WithIsSuppressed(true));
    }

    [Fact]
    public async Task An_expired_PiiAccepted_returns_the_finding_and_is_PII112()
    {
        await RunAsync("""
            using Microsoft.Extensions.Logging;
            using PiiGuard;
            class Onboarding
            {
                [{|#1:PiiAccepted("temporary", Reviewer = "li.na", Expires = "2020-03-01")|}]
                void Run(ILogger logger, Customer c) => logger.LogInformation("Id {Id}", {|#0:c.NationalId|});

                [{|#2:PiiAccepted("no date format", Expires = "March 2030")|}]
                void Other(ILogger logger, Customer c) => logger.LogInformation("Id {Id}", {|#3:c.NationalId|});
            }
            """ + Customer,
            Baseline(Entry("Customer.NationalId")), // an expired exception is not taken over by the baseline
            Leak(0),
            Leak(3),
            new DiagnosticResult(Rules.AcceptedExceptionExpired).WithLocation(1).WithArguments("[PiiAccepted] on Onboarding.Run(ILogger, Customer)", "expired on 2020-03-01 (reviewed by li.na)"),
            new DiagnosticResult(Rules.AcceptedExceptionExpired).WithLocation(2).WithArguments("[PiiAccepted] on Onboarding.Other(ILogger, Customer)", "has an expiry date that is not yyyy-MM-dd ('March 2030'), so it counts as expired"));
    }

    [Fact]
    public async Task An_expired_PiiAccepted_is_PII112_on_a_type_a_field_a_record_property_and_through_an_alias()
    {
        // PII112 looks at attributes by their written name first (issue 18); each place an attribute can be written is
        // still found: a type, the first variable of a field, [property: ...] on a record's parameter, a using alias.
        // [NotPii] and a current [PiiAccepted] are not reported.
        await RunAsync("""
            using PiiGuard;
            using Accepted = PiiGuard.PiiAcceptedAttribute;

            [{|#0:PiiAccepted("legacy export", Expires = "2020-01-01")|}]
            class Export
            {
                [{|#1:PiiGuard.PiiAcceptedAttribute("cache", Expires = "2021-05-01", Rule = "PII001")|}]
                string _a = "", _b = "";

                [Accepted("still valid", Expires = "2999-01-01")]
                int Current() => 1;

                [{|#2:Accepted("aliased", Expires = "2022-02-02")|}]
                int Aliased() => 2;

                [NotPii("a counter")]
                int Count { get; set; }
            }

            record Visit([property: {|#3:PiiAccepted("visit log", Expires = "2023-03-03")|}] string Room);
            """ + Customer,
            null,
            new DiagnosticResult(Rules.AcceptedExceptionExpired).WithLocation(0).WithArguments("[PiiAccepted] on Export", "expired on 2020-01-01"),
            new DiagnosticResult(Rules.AcceptedExceptionExpired).WithLocation(1).WithArguments("[PiiAccepted] on Export._a for PII001", "expired on 2021-05-01"),
            new DiagnosticResult(Rules.AcceptedExceptionExpired).WithLocation(2).WithArguments("[PiiAccepted] on Export.Aliased()", "expired on 2022-02-02"),
            new DiagnosticResult(Rules.AcceptedExceptionExpired).WithLocation(3).WithArguments("[PiiAccepted] on Visit.Room", "expired on 2023-03-03"));
    }

    [Fact]
    public async Task In_a_build_every_entry_of_this_compilation_is_PII110_at_its_line_for_the_suppressor_to_sift()
    {
        // The baseline analyzer cannot see the findings: in a build it reports PII110 on every entry of this compilation, and
        // the suppressor, which sees all of the compilation's findings at once in the compiler, suppresses those that match one
        // (tested end to end on the packed package in BaselineEndToEndTests; this harness hands a suppressor the compilation-end
        // diagnostics apart from the findings, as the IDE does). Here, the analyzer alone: lines 4 (matches the leak), 5 (the
        // leak was fixed), 6 and 9 (the member was renamed; its type is still here; 9 has a return type in its id) and 8 (the
        // member's own [PiiAccepted]) are this compilation's; line 7 names a member of another project, neither it nor its
        // type declared here: not reported.
        string[] entries =
        {
            Entry("Customer.NationalId"),
            Entry("Customer.Email"),
            Entry("Customer.NationalId", @in: "M:Onboarding.Start(Microsoft.Extensions.Logging.ILogger,Customer)"),
            Entry("Customer.NationalId", @in: "M:Elsewhere.Billing.Run(Customer)"),
            Entry("Customer.NationalId", @in: "M:Onboarding.Accepted(Microsoft.Extensions.Logging.ILogger,Customer)"),
            Entry("Customer.NationalId", @in: "M:Onboarding.Count~System.Int32"),
        };
        DiagnosticResult Stale(int line, string entry, string @in) =>
            new DiagnosticResult(Rules.BaselineEntryUnmatched).WithSpan("/0/piiguard.baseline.json", line, 1, line, "    ".Length + entry.Length + (line < 9 ? ",".Length : 0) + 1)
                .WithArguments("'PII001 " + entry.Split('"')[7] + " -> ILogger.LogInformation in " + @in + "'");

        var test = CreateTest("""
            using Microsoft.Extensions.Logging;
            using PiiGuard;
            class Onboarding
            {
                void Run(ILogger logger, Customer c)
                {
                    logger.LogInformation("Id {Id}", {|#0:c.NationalId|});
                    logger.LogInformation("Mail {Mail}", PiiMask.Email(c.Email));
                }

                void Begin(ILogger logger, Customer c) { }

                [PiiAccepted("KYC audit trail", Reviewer = "li.na")]
                void Accepted(ILogger logger, Customer c) => logger.LogInformation("Id {Id}", {|#1:c.NationalId|});
            }
            """ + Customer, Baseline(entries), null);
        test.WithSuppressor = false;
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property._PiiGuardReportStaleEntries = true\n"));
        test.ExpectedDiagnostics.Add(Leak(0));
        test.ExpectedDiagnostics.Add(Leak(1));
        test.ExpectedDiagnostics.Add(Stale(4, entries[0], RunId));
        test.ExpectedDiagnostics.Add(Stale(5, entries[1], RunId));
        test.ExpectedDiagnostics.Add(Stale(6, entries[2], "M:Onboarding.Start(Microsoft.Extensions.Logging.ILogger,Customer)"));
        test.ExpectedDiagnostics.Add(Stale(8, entries[4], "M:Onboarding.Accepted(Microsoft.Extensions.Logging.ILogger,Customer)"));
        test.ExpectedDiagnostics.Add(Stale(9, entries[5], "M:Onboarding.Count~System.Int32"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Outside_a_build_stale_entries_are_left_to_the_tool()
    {
        // No _PiiGuardReportStaleEntries (the IDE, the tool's design-time workspace): no PII110 from the analyzer.
        await RunAsync("""
            using Microsoft.Extensions.Logging;
            class Onboarding
            {
                void Run(ILogger logger, Customer c) { }
            }
            """ + Customer,
            Baseline(Entry("Customer.NationalId")));
    }

    [Fact]
    public void The_file_round_trips_sorted_with_its_reviews()
    {
        var document = new BaselineDocument();
        document.Entries.Add(new BaselineEntry { Rule = "PII004", Carrier = "Shop.Customer.Phone", Sink = "new InvalidOperationException", In = "M:Shop.A.B", Count = 2 });
        document.Entries.Add(new BaselineEntry { Rule = "PII001", Carrier = "Shop.Customer.Email", Sink = "ILogger.LogInformation", In = "M:Shop.A.\"C\"", Reason = "r", Reviewer = "v", Expires = "2027-03-01" });
        string json = document.ToJson();
        BaselineDocument read = BaselineDocument.Parse(json);
        Assert.Equal(new[] { "PII001", "PII004" }, read.Entries.ConvertAll(e => e.Rule));
        Assert.Equal("M:Shop.A.\"C\"", read.Entries[0].In);
        Assert.Equal(("r", "v", "2027-03-01"), (read.Entries[0].Reason, read.Entries[0].Reviewer, read.Entries[0].Expires));
        Assert.Equal(2, read.Entries[1].Count);
        Assert.Equal(json, read.ToJson());
    }

    private static DiagnosticResult Leak(int location) => DiagnosticResult.CompilerWarning("PII001").WithLocation(location);

    private static Task RunAsync(string source, string? baseline, params DiagnosticResult[] expected)
    {
        Test test = CreateTest(source, baseline, null);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    private static Test CreateTest(string source, string? baseline, string? fileName)
    {
        var test = new Test();
        if (fileName is null)
        {
            test.TestCode = source;
        }
        else
        {
            test.TestState.Sources.Add((fileName, source));
        }

        if (baseline != null)
        {
            test.TestState.AdditionalFiles.Add(("/0/piiguard.baseline.json", baseline));
        }

        return test;
    }

    /// <summary>The leak analyzer, the baseline analyzer and the suppressor together, with PiiGuard's references.</summary>
    private sealed class Test : CSharpAnalyzerTest<PersonalDataFlowAnalyzer, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = TestReferences.None;
            TestState.AdditionalReferences.AddRange(TestReferences.All);
            TestState.OutputKind = OutputKind.DynamicallyLinkedLibrary;
        }

        /// <summary>Whether the suppressor runs (false: the analyzers' own diagnostics, before any suppression).</summary>
        public bool WithSuppressor { get; set; } = true;

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => WithSuppressor
            ? new DiagnosticAnalyzer[] { new PersonalDataFlowAnalyzer(), new BaselineAnalyzer(), new BaselineSuppressor() }
            : new DiagnosticAnalyzer[] { new PersonalDataFlowAnalyzer(), new BaselineAnalyzer() };

        protected override CompilationOptions CreateCompilationOptions() =>
            ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);
    }
}
