using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PiiGuard.Analyzers.Tests.Infrastructure;

namespace PiiGuard.Analyzers.Tests.Catalog;

/// <summary>Framework sources, HTTP family: the client's IP address and its forwarded-for and credentials headers (real ASP.NET Core).</summary>
public class HttpSourceTests
{
    [Fact]
    public Task RemoteIpAddress_IsIpAddress() => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync("""
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Http.Features;
        using Microsoft.Extensions.Logging;

        class Middleware
        {
            void Run(ILogger logger, HttpContext context)
            {
                logger.LogInformation("{Ip}", {|#0:context.Connection.RemoteIpAddress|});
                logger.LogInformation("{Ip}", {|#1:context.Connection.RemoteIpAddress?.ToString()|});
                logger.LogInformation("{Ip}", {|#2:context.Features.Get<IHttpConnectionFeature>()!.RemoteIpAddress|});
                logger.LogInformation("{Port}", context.Connection.RemotePort);
                logger.LogInformation("{Local}", context.Connection.LocalIpAddress);
            }
        }
        """,
        DiagnosticResult.CompilerWarning("PII001").WithLocation(0).WithArguments("HttpContext.Connection.RemoteIpAddress", "IpAddress", "ILogger.LogInformation"),
        DiagnosticResult.CompilerWarning("PII001").WithLocation(1).WithArguments("HttpContext.Connection.RemoteIpAddress", "IpAddress", "ILogger.LogInformation"),
        DiagnosticResult.CompilerWarning("PII001").WithLocation(2).WithArguments("IHttpConnectionFeature.RemoteIpAddress", "IpAddress", "ILogger.LogInformation"));

    [Fact]
    public Task ForwardedForAndCredentialHeaders_AreSources() => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync("""
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Logging;
        using Microsoft.Net.Http.Headers;

        class Middleware
        {
            void Run(ILogger logger, HttpRequest request)
            {
                logger.LogInformation("{Ip}", {|#0:request.Headers["X-Forwarded-For"]|});
                logger.LogInformation("{Ip}", {|#1:request.Headers["x-real-ip"].ToString()|});
                logger.LogInformation("{Auth}", {|#2:request.Headers[HeaderNames.Authorization]|});
                logger.LogInformation("{Cookie}", {|#3:request.Headers.Cookie|});
                logger.LogInformation("{Agent}", request.Headers["User-Agent"]);
                logger.LogInformation("{Accept}", request.Headers.Accept);
            }
        }
        """,
        DiagnosticResult.CompilerWarning("PII001").WithLocation(0).WithArguments("Request.Headers[X-Forwarded-For]", "IpAddress", "ILogger.LogInformation"),
        DiagnosticResult.CompilerWarning("PII001").WithLocation(1).WithArguments("Request.Headers[x-real-ip]", "IpAddress", "ILogger.LogInformation"),
        DiagnosticResult.CompilerWarning("PII001").WithLocation(2).WithArguments("Request.Headers[Authorization]", "OnlineId", "ILogger.LogInformation"),
        DiagnosticResult.CompilerWarning("PII001").WithLocation(3).WithArguments("Request.Headers.Cookie", "OnlineId", "ILogger.LogInformation"));

    [Fact]
    public Task ClientIp_ToTelemetry_IsPII003() => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync("""
        using System.Diagnostics;
        using Microsoft.AspNetCore.Http;

        class Middleware
        {
            void Run(Activity activity, HttpContext context)
            {
                activity.SetTag("client.ip", {|#0:context.Connection.RemoteIpAddress?.ToString()|});
            }
        }
        """,
        DiagnosticResult.CompilerWarning("PII003").WithLocation(0).WithArguments("HttpContext.Connection.RemoteIpAddress", "IpAddress", "Activity.SetTag"));
}
