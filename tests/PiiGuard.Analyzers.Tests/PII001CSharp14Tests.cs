using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = PiiGuard.Analyzers.Tests.Infrastructure.AnalyzerVerifier<PiiGuard.Analyzers.PersonalDataFlowAnalyzer>;
using VerifyNames = PiiGuard.Analyzers.Tests.Infrastructure.AnalyzerVerifier<PiiGuard.Analyzers.UnannotatedPersonalDataAnalyzer>;

namespace PiiGuard.Analyzers.Tests;

/// <summary>
/// Leaks through C# 13 and 14 forms (the test compiler is Roslyn 5.0; LanguageVersion.Latest is C# 14): partial
/// properties annotated on either part, 'field'-backed properties, extension members, params spans and
/// null-conditional assignment.
/// </summary>
public class PII001CSharp14Tests
{
    private const string Patient = """
        public partial class Patient
        {
            [PiiGuard.Pii(PiiGuard.PiiKind.Name)] public partial string FullName { get; set; }
            public partial string Diagnosis { get; set; }
            [PiiGuard.Pii(PiiGuard.PiiKind.Email)] public string Email { get => field; set => field = value.Trim(); } = "";
            public string Ward { get => field ?? "none"; set; }
        }

        public partial class Patient
        {
            public partial string FullName { get => field ?? ""; set => field = value; }
            [PiiGuard.Pii(PiiGuard.PiiKind.Health)] public partial string Diagnosis { get => field ?? ""; set => field = value; }
        }
        """;

    [Fact]
    public Task PartialProperty_PiiOnEitherPart_IsReported() => Verify.VerifyAsync("""
        using Microsoft.Extensions.Logging;
        class Service
        {
            void Run(ILogger logger, Patient p)
            {
                logger.LogInformation("Patient {Name}", {|#0:p.FullName|});
                logger.LogInformation("Diagnosis {Diagnosis}", {|#1:p.Diagnosis|});
                logger.LogInformation("Ward {Ward}", p.Ward);
            }
        }
        """ + Patient,
        DiagnosticResult.CompilerWarning("PII001").WithLocation(0).WithArguments("Patient.FullName", "Name", "ILogger.LogInformation"),
        DiagnosticResult.CompilerWarning("PII001").WithLocation(1).WithArguments("Patient.Diagnosis", "Health, sensitive", "ILogger.LogInformation"));

    [Fact]
    public Task FieldBackedProperty_IsReported_ThroughNullConditionalAssignmentToo() => Verify.VerifyAsync("""
        using Microsoft.Extensions.Logging;
        class Service
        {
            void Run(ILogger logger, Patient? p, Patient donor)
            {
                p?.Email = donor.Email;
                p?.Ward = "B";
                logger.LogInformation("Email {Email}", {|PII001:p?.Email|});
                logger.LogInformation("Ward {Ward}", p?.Ward);
            }
        }
        """ + Patient);

    [Fact]
    public Task ExtensionMembers_AreReported_AndNamedAfterTheirStaticClass() => Verify.VerifyAsync("""
        using Microsoft.Extensions.Logging;
        static class PatientExtensions
        {
            extension(Patient patient)
            {
                [PiiGuard.Pii(PiiGuard.PiiKind.Name)] public string Display => patient.FullName + " / " + patient.Ward;
                public string Label => patient.Ward;
                public void Report(ILogger logger) => logger.LogInformation("Patient {Name}", {|PII001:patient.FullName|});
            }
        }

        class Service
        {
            void Run(ILogger logger, Patient p)
            {
                logger.LogInformation("Patient {Display}", {|#0:p.Display|});
                logger.LogInformation("Patient {Label}", p.Label);
                p.Report(logger);
            }
        }
        """ + Patient,
        DiagnosticResult.CompilerWarning("PII001").WithLocation(0).WithArguments("PatientExtensions.Display", "Name", "ILogger.LogInformation"));

    [Fact]
    public Task ParamsSpanHelper_IsReported() => Verify.VerifyAsync("""
        using System;
        using Microsoft.Extensions.Logging;
        class Service(ILogger logger)
        {
            void LogAll(params ReadOnlySpan<string> values)
            {
                foreach (string value in values)
                {
                    logger.LogInformation("Value {Value}", value);
                }
            }

            void Run(Patient p)
            {
                // The value that carries personal data is marked, not the whole call.
                LogAll({|PII001:p.FullName|}, p.Ward);
                LogAll(p.Ward);
            }
        }
        """ + Patient);

    [Fact]
    public Task ExtensionProperty_WithAPersonalName_IsNamedAfterItsStaticClass() => VerifyNames.VerifyAsync("""
        public class Account
        {
            public string Handle { get; set; } = "";
        }

        public static class AccountExtensions
        {
            extension(Account account)
            {
                public string {|#0:Email|} => account.Handle + "@example.com";
            }
        }
        """,
        DiagnosticResult.CompilerWarning("PII008").WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Hidden).WithLocation(0).WithArguments("AccountExtensions.Email", "Email"));
}
