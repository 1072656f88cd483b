using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PiiGuard.Analyzers.Tests.Infrastructure;

namespace PiiGuard.Analyzers.Tests.Catalog;

/// <summary>Framework sources, ASP.NET Core Identity family (the real Microsoft.Extensions.Identity.Stores / Core).</summary>
public class IdentitySourceTests
{
    [Fact]
    public Task UserManagerLookups_AreSources() => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync("""
        using System.Security.Claims;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.Logging;

        class Account
        {
            async Task Run(ILogger logger, UserManager<IdentityUser> users, IdentityUser user, ClaimsPrincipal principal)
            {
                logger.LogInformation("{Email}", {|#0:await users.GetEmailAsync(user)|});
                logger.LogInformation("{Phone}", {|#1:await users.GetPhoneNumberAsync(user)|});
                var name = await users.GetUserNameAsync(user);
                logger.LogInformation("{Name}", {|#2:name|});
                logger.LogInformation("{Name}", {|#3:users.GetUserName(principal)|});
                logger.LogInformation("{Key}", {|#4:await users.GetAuthenticatorKeyAsync(user)|});
            }
        }
        """,
        DiagnosticResult.CompilerWarning("PII001").WithLocation(0).WithArguments("UserManager.GetEmailAsync", "Email", "ILogger.LogInformation"),
        DiagnosticResult.CompilerWarning("PII001").WithLocation(1).WithArguments("UserManager.GetPhoneNumberAsync", "Phone", "ILogger.LogInformation"),
        DiagnosticResult.CompilerWarning("PII001").WithLocation(2).WithArguments("UserManager.GetUserNameAsync", "Username", "ILogger.LogInformation"),
        DiagnosticResult.CompilerWarning("PII001").WithLocation(3).WithArguments("UserManager.GetUserName", "Username", "ILogger.LogInformation"),
        DiagnosticResult.CompilerWarning("PII001").WithLocation(4).WithArguments("UserManager.GetAuthenticatorKeyAsync", "OnlineId", "ILogger.LogInformation"));

    [Fact]
    public Task ExternalLoginKey_IsOnlineId() => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync("""
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.Logging;

        class Account
        {
            void Run(ILogger logger, UserLoginInfo login)
            {
                logger.LogInformation("{Provider} {Key}", login.LoginProvider, {|#0:login.ProviderKey|});
            }
        }
        """,
        DiagnosticResult.CompilerWarning("PII001").WithLocation(0).WithArguments("UserLoginInfo.ProviderKey", "OnlineId", "ILogger.LogInformation"));

    [Fact]
    public Task UserIds_ArePseudonymous_NotReportedByDefault() => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync("""
        using System.Security.Claims;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.Logging;

        class Account
        {
            async Task Run(ILogger logger, UserManager<IdentityUser> users, IdentityUser user, ClaimsPrincipal principal)
            {
                logger.LogInformation("{Id}", users.GetUserId(principal));
                logger.LogInformation("{Id}", await users.GetUserIdAsync(user));
                logger.LogInformation("{Id}", user.Id);
            }
        }
        """);

    [Fact]
    public Task UserIds_AreReported_WhenUserIdsArePersonal() => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync("""
        using System.Security.Claims;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.Logging;

        class Account
        {
            async Task Run(ILogger logger, UserManager<IdentityUser> users, IdentityUser user, ClaimsPrincipal principal)
            {
                logger.LogInformation("{Id}", {|#0:users.GetUserId(principal)|});
                logger.LogInformation("{Id}", {|#1:await users.GetUserIdAsync(user)|});
                logger.LogInformation("{Id}", {|#2:user.Id|});
            }
        }
        """,
        """
        is_global = true
        piiguard.user_ids = personal
        """,
        DiagnosticResult.CompilerWarning("PII001").WithLocation(0).WithArguments("UserManager.GetUserId", "OnlineId", "ILogger.LogInformation"),
        DiagnosticResult.CompilerWarning("PII001").WithLocation(1).WithArguments("UserManager.GetUserIdAsync", "OnlineId", "ILogger.LogInformation"),
        DiagnosticResult.CompilerWarning("PII001").WithLocation(2).WithArguments("IdentityUser.Id", "OnlineId", "ILogger.LogInformation"));

    [Fact]
    public Task LookupByPersonalKey_ReturnsTheUser_NotTheKey_AndResultsCarryNothing() => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.Logging;

        class AppUser : IdentityUser
        {
            public int SiteId { get; set; }
        }

        class Account
        {
            async Task Run(ILogger logger, UserManager<AppUser> users, string email, string password)
            {
                var user = await users.FindByEmailAsync(email);
                logger.LogInformation("{Site}", user!.SiteId);
                var result = await users.CreateAsync(new AppUser { Email = email }, password);
                logger.LogInformation("{Result}", result);
                foreach (var error in result.Errors)
                {
                    logger.LogWarning("{Code}: {Description}", error.Code, error.Description);
                }
            }
        }
        """);
}
