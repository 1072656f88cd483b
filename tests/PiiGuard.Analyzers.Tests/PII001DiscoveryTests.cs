using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using PiiGuard.Analyzers.Tests.Infrastructure;

namespace PiiGuard.Analyzers.Tests;

/// <summary>
/// Name-based discovery (<c>PiiGuardDiscovery=names</c>, read as <c>build_property.PiiGuardDiscovery</c>): unannotated members and
/// parameters that PII008 recognises by name are sources for the leak rules, with the kind inferred from the name, unless
/// declared not personal ([NotPii], [NoDataClassification]).
/// </summary>
public class PII001DiscoveryTests
{
    private const string DiscoveryOn = """
        is_global = true
        build_property.PiiGuardDiscovery = names
        """;

    private static async Task VerifyAsync(string source, string? globalConfig = DiscoveryOn, params DiagnosticResult[] expected)
    {
        var test = AnalyzerVerifier<PersonalDataFlowAnalyzer>.CreateTest(source);
        if (globalConfig != null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", globalConfig));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    private const string PlainUser = """
        using Microsoft.Extensions.Logging;

        public class PlainUser
        {
            public string Email { get; set; } = "";
            public string PhoneNumber { get; set; } = "";
            public string IdCard { get; set; } = "";
            public string Nickname { get; set; } = "";
            public bool EmailConfirmed { get; set; }
            public int PhoneCount { get; set; }
            public string EmailTemplate { get; set; } = "";
        }
        """;

    [Fact]
    public Task Off_ByDefault_NothingIsReported() => VerifyAsync(PlainUser + """

        class Service
        {
            void Run(ILogger logger, PlainUser user, string email)
            {
                logger.LogInformation("{Email}", user.Email);
                logger.LogInformation("{Email}", email);
            }
        }
        """, globalConfig: null);

    [Theory]
    [InlineData("off")]
    [InlineData("")]
    [InlineData("everything")]
    public Task OtherValues_AreOff(string value) => VerifyAsync(PlainUser + """

        class Service
        {
            void Run(ILogger logger, PlainUser user) => logger.LogInformation("{Email}", user.Email);
        }
        """, "is_global = true\nbuild_property.PiiGuardDiscovery = " + value + "\n");

    [Fact]
    public Task Names_MembersAreSources_WithTheInferredKind() => VerifyAsync(PlainUser + """

        class Service
        {
            void Run(ILogger logger, PlainUser user)
            {
                logger.LogInformation("{Email}", {|#0:user.Email|});
                logger.LogInformation("{Phone}", {|#1:user.PhoneNumber|});
                logger.LogInformation("{Id}", {|#2:user.IdCard|});
                logger.LogInformation("{Nick}", user.Nickname);
                logger.LogInformation("{C}", user.EmailConfirmed);
                logger.LogInformation("{N}", user.PhoneCount);
                logger.LogInformation("{T}", user.EmailTemplate);
                logger.LogInformation("{L}", user.Email.Length);
            }
        }
        """, DiscoveryOn,
        new DiagnosticResult("PII001", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("PlainUser.Email", "Email, inferred from the name", "ILogger.LogInformation"),
        new DiagnosticResult("PII001", DiagnosticSeverity.Warning).WithLocation(1).WithArguments("PlainUser.PhoneNumber", "Phone, inferred from the name", "ILogger.LogInformation"),
        new DiagnosticResult("PII001", DiagnosticSeverity.Warning).WithLocation(2).WithArguments("PlainUser.IdCard", "NationalId, sensitive, inferred from the name", "ILogger.LogInformation"));

    [Fact]
    public Task Names_ParametersAreSources() => VerifyAsync("""
        using System;
        using System.Net.Http;
        using Microsoft.Extensions.Logging;

        class Service
        {
            void Register(ILogger logger, string email, string userName, string templateName, int phoneCount)
            {
                logger.LogInformation("Registering {Email}", {|PII001:email|});
                logger.LogInformation("User {User}", {|PII001:userName|});
                logger.LogInformation("{T} {N}", templateName, phoneCount);
            }

            void Fail(string idNumber) => throw new InvalidOperationException("bad id " + {|PII004:idNumber|});

            void Send(HttpClient http, string mobile) => http.GetAsync("https://sms.example.com/?to=" + {|PII002:mobile|});
        }
        """);

    [Fact]
    public Task Names_HelperParameterIsReportedOnce() => VerifyAsync("""
        using Microsoft.Extensions.Logging;

        class Service
        {
            private readonly ILogger _logger;
            public Service(ILogger logger) => _logger = logger;

            void Audit(string email) => _logger.LogInformation("{Email}", {|PII001:email|});

            void Run(string email) => Audit(email);
        }
        """);

    [Fact]
    public Task Names_AnnotatedKindWins_AndIsNotInferred() => VerifyAsync("""
        using Microsoft.Extensions.Logging;
        using PiiGuard;

        public class Customer
        {
            [Pii(PiiKind.Username)] public string Email { get; set; } = "";
        }

        class Service
        {
            void Run(ILogger logger, Customer c) => logger.LogInformation("{E}", {|#0:c.Email|});
        }
        """, DiscoveryOn,
        new DiagnosticResult("PII001", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("Customer.Email", "Username", "ILogger.LogInformation"));

    [Fact]
    public Task Names_NotPiiAndNoDataClassification_Silence() => VerifyAsync("""
        using Microsoft.Extensions.Compliance.Classification;
        using Microsoft.Extensions.Logging;
        using PiiGuard;

        public class Shipment
        {
            [NotPii("the carrier's depot, not a person's address")] public string Address { get; set; } = "";
            [NoDataClassification] public string Phone { get; set; } = "";
            public string Email { get; set; } = "";
        }

        [NotPii("demo fixtures: every value is synthetic")]
        public class DemoData
        {
            public string Email { get; set; } = "";
            public void Log(ILogger logger, string phone) => logger.LogInformation("{P}", phone);
        }

        public record Contact([NotPii("a shared team mailbox")] string Email, string Mobile);

        class Service
        {
            void Run(ILogger logger, Shipment s, DemoData d, Contact c, [NotPii("the test account's fixed e-mail")] string email)
            {
                logger.LogInformation("{A}", s.Address);
                logger.LogInformation("{P}", s.Phone);
                logger.LogInformation("{E}", {|PII001:s.Email|});
                logger.LogInformation("{E}", d.Email);
                logger.LogInformation("{E}", c.Email);
                logger.LogInformation("{M}", {|PII001:c.Mobile|});
                logger.LogInformation("{E}", email);
            }
        }
        """);

    [Fact]
    public Task Names_ConfigurationBusinessAndPlaceTypes_AreNotSources() => VerifyAsync("""
        using Microsoft.Extensions.Logging;

        public class SmtpOptions { public string Email { get; set; } = ""; }
        public class CompanyInfo { public string Phone { get; set; } = ""; }
        public class PickupPoint { public string Address { get; set; } = ""; }
        public static class Claims { public static readonly string Email = "email"; }

        class Service
        {
            void Run(ILogger logger, SmtpOptions o, CompanyInfo c, PickupPoint p)
            {
                logger.LogInformation("{E}", o.Email);
                logger.LogInformation("{P}", c.Phone);
                logger.LogInformation("{A}", p.Address);
                logger.LogInformation("{C}", Claims.Email);
            }
        }
        """);

    [Fact]
    public Task Names_Traps_LabelsTemplatesFormatsFlagsCountsIdsAndPaths_AreNotSources() => VerifyAsync("""
        using System;
        using Microsoft.Extensions.Logging;

        public class FileSystemMetadata { public string FullName { get; set; } = ""; }
        public class AssemblyInfo { public string FullName { get; set; } = ""; }
        public class Account
        {
            public string EmailTemplate { get; set; } = "";
            public string PhoneFormat { get; set; } = "";
            public int NameLength { get; set; }
            public bool UserNameRequired { get; set; }
            public string TenantName { get; set; } = "";
            public string SiteName { get; set; } = "";
            public string FileName { get; set; } = "";
            public string RoleName { get; set; } = "";
            public string ModuleName { get; set; } = "";
            public string EmailSubject { get; set; } = "";
            public string PhoneCountryCode { get; set; } = "";
            public string AddressId { get; set; } = "";
            public string SupportEmail { get; set; } = "";
            public string EmailLabel { get; set; } = "";
            public DateTime EmailSentAt { get; set; }
            public Guid UserId { get; set; }
        }

        class Service
        {
            void Run(ILogger logger, FileSystemMetadata file, AssemblyInfo assembly, Account a)
            {
                logger.LogInformation("{F}", file.FullName);
                logger.LogInformation("{A}", assembly.FullName);
                logger.LogInformation("{A} {B} {C} {D} {E}", a.EmailTemplate, a.PhoneFormat, a.NameLength, a.UserNameRequired, a.TenantName);
                logger.LogInformation("{A} {B} {C} {D}", a.SiteName, a.FileName, a.RoleName, a.ModuleName);
                logger.LogInformation("{A} {B} {C} {D}", a.EmailSubject, a.PhoneCountryCode, a.AddressId, a.SupportEmail);
                logger.LogInformation("{A} {B} {C}", a.EmailLabel, a.EmailSentAt, a.UserId);
            }

            void Log(ILogger logger, string emailTemplate, string tenantName, string fileName, int phoneCount, bool isEmailConfirmed)
                => logger.LogInformation("{A} {B} {C} {D} {E}", emailTemplate, tenantName, fileName, phoneCount, isEmailConfirmed);
        }
        """);

    [Fact]
    public Task Names_APersonsNameHeldByATypeNamedLikeAFile_IsASource() => VerifyAsync("""
        using Microsoft.Extensions.Logging;

        // "File" in the type's name excludes only its generic name members (a path's FullName), not a card holder's name.
        public class PaymentCardOnFile { public string CardHolder { get; set; } = ""; public string FullName { get; set; } = ""; }
        public class CustomerFile { public string LastName { get; set; } = ""; }

        class Service
        {
            void Run(ILogger logger, PaymentCardOnFile card, CustomerFile file)
            {
                logger.LogInformation("{H}", {|PII001:card.CardHolder|});
                logger.LogInformation("{L}", {|PII001:file.LastName|});
                logger.LogInformation("{F}", card.FullName);
            }
        }
        """);

    [Fact]
    public Task Names_WholeObjectAndHash() => VerifyAsync("""
        using System.Security.Cryptography;
        using System.Text;
        using System.Text.Json;
        using Microsoft.Extensions.Logging;

        public record Member(string Email, string Tier);

        class Service
        {
            void Run(ILogger logger, Member m, string phone)
            {
                logger.LogInformation("{M}", {|PII005:m|});
                logger.LogInformation("{H}", {|PII007:SHA256.HashData(Encoding.UTF8.GetBytes(phone))|});
                logger.LogInformation("{J}", {|PII005:JsonSerializer.Serialize(m)|});
            }
        }
        """);

    [Fact]
    public Task Names_FrameworkAndPackageMembersAreNotDiscovered() => VerifyAsync("""
        using System.Net;
        using System.Net.Mail;
        using Microsoft.Extensions.Logging;

        class Service
        {
            void Run(ILogger logger, IPEndPoint endpoint, MailAddress mail, MimeKit.MailboxAddress mailbox)
            {
                logger.LogInformation("{A}", endpoint.Address);
                logger.LogInformation("{A}", {|#0:mailbox.Address|});
            }
        }
        """,
        DiscoveryOn,
        // Not discovered by its name: a mailbox address is a framework source (FrameworkSources.cs), whose kind is known, not inferred.
        DiagnosticResult.CompilerWarning("PII001").WithLocation(0).WithArguments("MailboxAddress.Address", "Email", "ILogger.LogInformation"));

    [Fact]
    public async Task Names_LeakCarriesTheInferredProperty()
    {
        var test = AnalyzerVerifier<PersonalDataFlowAnalyzer>.CreateTest("""
            using Microsoft.Extensions.Logging;
            public class PlainUser { public string Email { get; set; } = ""; }
            class Service
            {
                void Run(ILogger logger, PlainUser user) => logger.LogInformation("{E}", {|PII001:user.Email|});
            }
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", DiscoveryOn));
        await test.RunAsync();

        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("t",
            new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("""
                using Microsoft.Extensions.Logging;
                public class PlainUser { public string Email { get; set; } = ""; }
                class Service
                {
                    void Run(ILogger logger, PlainUser user) => logger.LogInformation("{E}", user.Email);
                }
                """) },
            TestReferences.All, new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var options = new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions(
            System.Collections.Immutable.ImmutableArray<AdditionalText>.Empty, new FixedOptions(("build_property.PiiGuardDiscovery", "names")));
        var diagnostics = await compilation.WithAnalyzers(System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new PersonalDataFlowAnalyzer()), options)
            .GetAnalyzerDiagnosticsAsync();
        Diagnostic leak = Assert.Single(diagnostics);
        Assert.Equal("name", leak.Properties[DiagnosticPropertyNames.Inferred]);
        Assert.Equal("Email", leak.Properties[DiagnosticPropertyNames.PiiKind]);
        Assert.Equal("PlainUser", leak.Properties[DiagnosticPropertyNames.Type]);
        Assert.Equal("Email", leak.Properties[DiagnosticPropertyNames.Name]);
    }

    [Fact]
    public async Task AnnotatedLeak_HasNoInferredProperty()
    {
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("t",
            new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("""
                using Microsoft.Extensions.Logging;
                using PiiGuard;
                public class PlainUser { [Pii(PiiKind.Email)] public string Email { get; set; } = ""; }
                class Service
                {
                    void Run(ILogger logger, PlainUser user) => logger.LogInformation("{E}", user.Email);
                }
                """) },
            TestReferences.All, new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var options = new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions(
            System.Collections.Immutable.ImmutableArray<AdditionalText>.Empty, new FixedOptions(("build_property.PiiGuardDiscovery", "names")));
        var diagnostics = await compilation.WithAnalyzers(System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new PersonalDataFlowAnalyzer()), options)
            .GetAnalyzerDiagnosticsAsync();
        Diagnostic leak = Assert.Single(diagnostics);
        Assert.False(leak.Properties.ContainsKey(DiagnosticPropertyNames.Inferred));
        Assert.Equal("PlainUser.Email (Email) reaches ILogger.LogInformation unmasked", leak.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Global analyzer options with fixed keys.</summary>
    private sealed class FixedOptions : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider
    {
        private readonly Options _global;

        public FixedOptions(params (string Key, string Value)[] values) => _global = new Options(values.ToDictionary(v => v.Key, v => v.Value));

        public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GlobalOptions => _global;

        public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

        private sealed class Options : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions
        {
            public static readonly Options Empty = new(new System.Collections.Generic.Dictionary<string, string>());
            private readonly System.Collections.Generic.Dictionary<string, string> _values;

            public Options(System.Collections.Generic.Dictionary<string, string> values) => _values = values;

            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
        }
    }
}
