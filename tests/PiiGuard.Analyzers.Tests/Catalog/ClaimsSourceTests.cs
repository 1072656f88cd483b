using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PiiGuard.Analyzers.Tests.Infrastructure;

namespace PiiGuard.Analyzers.Tests.Catalog;

/// <summary>Framework sources, claims family: the signed-in user's name and the claims whose type is personal (real System.Security.Claims and ASP.NET Core).</summary>
public class ClaimsSourceTests
{
    [Fact]
    public Task IdentityName_FromHttpContextUser_IsUsername() => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync("""
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Logging;

        class Controller
        {
            void Run(ILogger logger, HttpContext context)
            {
                logger.LogInformation("{Name}", {|#0:context.User.Identity!.Name|});
                logger.LogInformation("{Authenticated}", context.User.Identity!.IsAuthenticated);
                logger.LogInformation("{Type}", context.User.Identity!.AuthenticationType);
            }
        }
        """,
        DiagnosticResult.CompilerWarning("PII001").WithLocation(0).WithArguments("ClaimsPrincipal.Identity.Name", "Username", "ILogger.LogInformation"));

    [Fact]
    public Task FindFirst_PersonalClaimTypes_ByConstantAndLiteral() => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync("""
        using System.Security.Claims;
        using Microsoft.Extensions.Logging;

        class Service
        {
            void Run(ILogger logger, ClaimsPrincipal principal)
            {
                logger.LogInformation("{Email}", {|#0:principal.FindFirst(ClaimTypes.Email)?.Value|});
                logger.LogInformation("{Phone}", {|#1:principal.FindFirst("phone_number")!.Value|});
                logger.LogInformation("{Given}", {|#2:principal.FindFirstValue(ClaimTypes.GivenName)|});
                logger.LogInformation("{Birth}", {|#3:principal.FindFirst("BIRTHDATE")?.Value|});
            }
        }
        """,
        DiagnosticResult.CompilerWarning("PII001").WithLocation(0).WithArguments("ClaimsPrincipal.FindFirst(emailaddress)", "Email", "ILogger.LogInformation"),
        DiagnosticResult.CompilerWarning("PII001").WithLocation(1).WithArguments("ClaimsPrincipal.FindFirst(phone_number)", "Phone", "ILogger.LogInformation"),
        DiagnosticResult.CompilerWarning("PII001").WithLocation(2).WithArguments("ClaimsPrincipal.FindFirstValue(givenname)", "Name", "ILogger.LogInformation"),
        DiagnosticResult.CompilerWarning("PII001").WithLocation(3).WithArguments("ClaimsPrincipal.FindFirst(BIRTHDATE)", "DateOfBirth", "ILogger.LogInformation"));

    [Fact]
    public Task NonPersonalOrComputedClaimTypes_AreNotSources() => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync("""
        using System.Security.Claims;
        using Microsoft.Extensions.Logging;

        class Service
        {
            void Run(ILogger logger, ClaimsPrincipal principal, string claimType)
            {
                logger.LogInformation("{Role}", principal.FindFirst(ClaimTypes.Role)?.Value);
                logger.LogInformation("{Tenant}", principal.FindFirstValue("tenant_id"));
                logger.LogInformation("{Any}", principal.FindFirst(claimType)?.Value);
                logger.LogInformation("{Has}", principal.HasClaim(ClaimTypes.Email, "a@b.c"));
            }
        }
        """);

    [Fact]
    public Task ClaimDescriptionMembers_CarryNothing_AndFindAllCarriesTheClaims() => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync("""
        using System.Linq;
        using System.Security.Claims;
        using Microsoft.Extensions.Logging;

        class Service
        {
            void Run(ILogger logger, ClaimsIdentity identity)
            {
                var email = identity.FindFirst(ClaimTypes.Email);
                logger.LogInformation("{Type} from {Issuer}", email?.Type, email?.Issuer);
                logger.LogInformation("{Value}", {|#0:email?.Value|});
                logger.LogInformation("{Names}", {|#1:string.Join(",", identity.FindAll(ClaimTypes.Surname).Select(c => c.Value))|});
            }
        }
        """,
        DiagnosticResult.CompilerWarning("PII001").WithLocation(0).WithArguments("ClaimsIdentity.FindFirst(emailaddress)", "Email", "ILogger.LogInformation"),
        DiagnosticResult.CompilerWarning("PII001").WithLocation(1).WithArguments("ClaimsIdentity.FindAll(surname)", "Name", "ILogger.LogInformation"));

    [Fact]
    public Task MaskedClaim_IsNotReported() => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync("""
        using System.Security.Claims;
        using Microsoft.Extensions.Logging;
        using PiiGuard;

        class Service
        {
            void Run(ILogger logger, ClaimsPrincipal principal)
            {
                logger.LogInformation("{Email}", PiiMask.Email(principal.FindFirst(ClaimTypes.Email)?.Value));
                logger.LogInformation("{Name}", PiiMask.Name(principal.Identity?.Name));
            }
        }
        """);

    [Fact]
    public Task ClaimSentOut_IsEgress_AndPlacedInException() => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync("""
        using System;
        using System.Net.Http;
        using System.Security.Claims;
        using System.Threading.Tasks;

        class Service
        {
            async Task Run(HttpClient http, ClaimsPrincipal principal)
            {
                string? email = principal.FindFirstValue(ClaimTypes.Email);
                await http.GetAsync("https://crm.example/lookup?e=" + {|#0:email|});
                throw new InvalidOperationException($"no account for {{|#1:email|}}");
            }
        }
        """,
        DiagnosticResult.CompilerWarning("PII002").WithLocation(0).WithArguments("ClaimsPrincipal.FindFirstValue(emailaddress)", "Email", "HttpClient.GetAsync"),
        DiagnosticResult.CompilerWarning("PII004").WithLocation(1).WithArguments("ClaimsPrincipal.FindFirstValue(emailaddress)", "Email", "new InvalidOperationException"));
}
