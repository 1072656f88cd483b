using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PiiGuard.Analyzers.Tests.Infrastructure;

namespace PiiGuard.Analyzers.Tests.Catalog;

/// <summary>
/// The five lines issue 13 opens with, verbatim, in an ASP.NET Core controller against the real framework (claims, HTTP,
/// Identity) and with name discovery on: each is reported with its kind, and its masked form is not.
/// </summary>
public class DayOneTests
{
    private const string Controller = """
        using System.Security.Claims;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Logging;
        using PiiGuard;

        public class PlainUser { public string Email { get; set; } = ""; }

        public class AccountController(ILogger<AccountController> logger, UserManager<IdentityUser> userManager) : Controller
        {
            public async Task<IActionResult> Index(ClaimsPrincipal principal, IdentityUser user, PlainUser plainUser)
            {
        BODY
                return Ok();
            }
        }
        """;

    private static Task VerifyAsync(string body, params DiagnosticResult[] expected)
    {
        var test = AnalyzerVerifier<PersonalDataFlowAnalyzer>.CreateTest(Controller.Replace("BODY", body));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.PiiGuardDiscovery = names\n"));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task TheFiveLines_AreReported_WithTheirKinds() => VerifyAsync("""
                logger.LogInformation("{Name}", {|#0:User.Identity!.Name|});
                logger.LogInformation("{Email}", {|#1:principal.FindFirst(ClaimTypes.Email)?.Value|});
                logger.LogInformation("{Ip}", {|#2:HttpContext.Connection.RemoteIpAddress|});
                logger.LogInformation("{Email}", {|#3:await userManager.GetEmailAsync(user)|});
                logger.LogInformation("{Email}", {|#4:plainUser.Email|});      // class PlainUser { public string Email { get; set; } }
        """,
        DiagnosticResult.CompilerWarning("PII001").WithLocation(0).WithArguments("ClaimsPrincipal.Identity.Name", "Username", "ILogger.LogInformation"),
        DiagnosticResult.CompilerWarning("PII001").WithLocation(1).WithArguments("ClaimsPrincipal.FindFirst(emailaddress)", "Email", "ILogger.LogInformation"),
        DiagnosticResult.CompilerWarning("PII001").WithLocation(2).WithArguments("HttpContext.Connection.RemoteIpAddress", "IpAddress", "ILogger.LogInformation"),
        DiagnosticResult.CompilerWarning("PII001").WithLocation(3).WithArguments("UserManager.GetEmailAsync", "Email", "ILogger.LogInformation"),
        DiagnosticResult.CompilerWarning("PII001").WithLocation(4).WithArguments("PlainUser.Email", "Email, inferred from the name", "ILogger.LogInformation"));

    [Fact]
    public Task TheFiveLines_Masked_AreNotReported() => VerifyAsync("""
                logger.LogInformation("{Name}", PiiMask.Name(User.Identity!.Name));
                logger.LogInformation("{Email}", PiiMask.Email(principal.FindFirst(ClaimTypes.Email)?.Value));
                logger.LogInformation("{Ip}", PiiMask.IpAddress(HttpContext.Connection.RemoteIpAddress));
                logger.LogInformation("{Email}", PiiMask.Email(await userManager.GetEmailAsync(user)));
                logger.LogInformation("{Email}", PiiMask.Email(plainUser.Email));
        """);
}
