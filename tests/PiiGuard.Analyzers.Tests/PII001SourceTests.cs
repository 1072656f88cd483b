using System.Threading.Tasks;
using PiiGuard.Analyzers.Tests.Infrastructure;

namespace PiiGuard.Analyzers.Tests;

/// <summary>Sources recognised without [Pii]: ASP.NET Core Identity's [PersonalData] and data classifications.</summary>
public class PII001SourceTests
{
    [Fact]
    public Task IdentityUser_PersonalMembersButNotKeyOrFlags() => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync("""
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.Logging;

        class Service
        {
            void Run(ILogger logger, IdentityUser user)
            {
                logger.LogInformation("{Email}", {|PII001:user.Email|});
                logger.LogInformation("{Phone}", {|PII001:user.PhoneNumber|});
                logger.LogInformation("{Name}", {|PII001:user.UserName|});
                logger.LogInformation("{Id}", user.Id);
                logger.LogInformation("{Confirmed}", user.EmailConfirmed);
            }
        }
        """);

    [Fact]
    public Task CustomPersonalDataAttribute() => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync("""
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.Logging;

        class Member
        {
            [PersonalData] public string HomeAddress { get; set; } = "";
            [ProtectedPersonalData] public string MobilePhone { get; set; } = "";
            public string Nickname { get; set; } = "";
        }

        class Service
        {
            void Run(ILogger logger, Member m)
            {
                logger.LogInformation("{A}", {|PII001:m.HomeAddress|});
                logger.LogInformation("{P}", {|PII001:m.MobilePhone|});
                logger.LogInformation("{N}", m.Nickname);
            }
        }
        """);

    [Fact]
    public Task DataClassificationAttributes() => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync("""
        using Microsoft.Extensions.Compliance.Classification;
        using Microsoft.Extensions.Logging;

        class PrivateDataAttribute : DataClassificationAttribute
        {
            public PrivateDataAttribute() : base(new DataClassification("Tax", "Private")) { }
        }

        class Account
        {
            [PrivateData] public string Email { get; set; } = "";
            [UnknownDataClassification] public string Notes { get; set; } = "";
            [NoDataClassification] public string Plan { get; set; } = "";
        }

        class Service
        {
            void Run(ILogger logger, Account a)
            {
                logger.LogInformation("{E}", {|PII001:a.Email|});
                logger.LogInformation("{N}", {|PII001:a.Notes|});
                logger.LogInformation("{P}", a.Plan);
            }
        }
        """);
}
