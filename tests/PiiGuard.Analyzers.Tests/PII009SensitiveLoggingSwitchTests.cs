using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PiiGuard.Analyzers.Tests.Infrastructure;

namespace PiiGuard.Analyzers.Tests;

/// <summary>PII009: EF Core sensitive data logging, IdentityModel ShowPII and HTTP body/query logging outside development.</summary>
public class PII009SensitiveLoggingSwitchTests
{
    private static Task Verify(string source, params DiagnosticResult[] expected) =>
        AnalyzerVerifier<SensitiveLoggingSwitchAnalyzer>.VerifyAsync(source, expected);

    [Fact]
    public Task EfCore_EnableSensitiveDataLogging() => Verify("""
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.Hosting;

        class ShopContext : DbContext
        {
            protected override void OnConfiguring(DbContextOptionsBuilder options)
            {
                {|PII009:options.EnableSensitiveDataLogging()|};
                {|PII009:options.EnableSensitiveDataLogging(true)|};
                options.EnableSensitiveDataLogging(false);
            }

            static void Configure(DbContextOptionsBuilder<ShopContext> options, IHostEnvironment env, bool flag)
            {
                options.EnableSensitiveDataLogging(env.IsDevelopment());
                options.EnableSensitiveDataLogging(flag);
                if (env.IsDevelopment())
                {
                    options.EnableSensitiveDataLogging();
                }

                if (!env.IsDevelopment())
                {
                    {|PII009:options.EnableSensitiveDataLogging()|};
                }
                else
                {
                    options.EnableSensitiveDataLogging();
                }
            }
        }
        """);

    [Fact]
    public Task IdentityModel_ShowPII() => Verify("""
        using Microsoft.Extensions.Hosting;
        using Microsoft.IdentityModel.Logging;

        class Startup
        {
            void Configure(IHostEnvironment env)
            {
                {|PII009:IdentityModelEventSource.ShowPII = true|};
                IdentityModelEventSource.ShowPII = false;
                if (env.IsDevelopment() && System.Environment.UserInteractive)
                {
                    IdentityModelEventSource.ShowPII = true;
                }
            }
        }
        """);

    [Fact]
    public Task AspNetCore_HttpLoggingFields() => Verify("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.HttpLogging;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        class Startup
        {
            void ConfigureServices(IServiceCollection services, IHostEnvironment env)
            {
                services.AddHttpLogging(o => {|PII009:o.LoggingFields = HttpLoggingFields.All|});
                services.AddHttpLogging(o => {|PII009:o.LoggingFields = HttpLoggingFields.RequestPath | HttpLoggingFields.RequestQuery|});
                services.AddHttpLogging(o => {|PII009:o.LoggingFields |= HttpLoggingFields.ResponseBody|});
                services.AddHttpLogging(o => o.LoggingFields = HttpLoggingFields.RequestPropertiesAndHeaders);
                services.AddHttpLogging(o =>
                {
                    if (env.IsDevelopment())
                    {
                        o.LoggingFields = HttpLoggingFields.All;
                    }
                });
            }
        }
        """);

    [Fact]
    public Task EarlyReturnOutsideDevelopment_Guards() => Verify("""
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.Hosting;

        class Setup
        {
            static void Configure(DbContextOptionsBuilder options, IHostEnvironment env)
            {
                if (!env.IsDevelopment())
                {
                    return;
                }

                options.EnableSensitiveDataLogging();
            }

            static void ConfigureWrongGuard(DbContextOptionsBuilder options, IHostEnvironment env)
            {
                if (env.IsDevelopment())
                {
                    return;
                }

                {|PII009:options.EnableSensitiveDataLogging()|};
            }
        }
        """);

    [Fact]
    public Task Message_NamesTheSwitch() => Verify("""
        using Microsoft.IdentityModel.Logging;

        class Startup
        {
            void Configure() => {|#0:IdentityModelEventSource.ShowPII = true|};
        }
        """,
        DiagnosticResult.CompilerWarning("PII009").WithLocation(0).WithArguments("IdentityModelEventSource.ShowPII"));

    [Fact]
    public Task DevelopmentCheckStoredInALocal_Guards() => Verify("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;
        using Microsoft.IdentityModel.Logging;

        class Setup
        {
            static void Configure(DbContextOptionsBuilder options, IHostEnvironment env)
            {
                var isDev = env.IsDevelopment();
                if (isDev)
                {
                    options.EnableSensitiveDataLogging();
                }

                bool notDev = !env.IsDevelopment();
                if (notDev)
                {
                    {|PII009:options.EnableSensitiveDataLogging()|};
                }
                else
                {
                    options.EnableSensitiveDataLogging();
                }
            }

            static void EarlyReturn(DbContextOptionsBuilder options, IHostEnvironment env)
            {
                bool isDev = env.IsDevelopment();
                if (!isDev) return;
                options.EnableSensitiveDataLogging();
            }

            static void AssignedOnceLater(IHostEnvironment env)
            {
                bool isDev;
                isDev = env.IsEnvironment("Development");
                if (isDev)
                {
                    IdentityModelEventSource.ShowPII = true;
                }
            }

            static void BuilderEnvironment(string[] args)
            {
                var builder = WebApplication.CreateBuilder(args);
                var development = builder.Environment.IsDevelopment();
                var verbose = development && args.Length > 0;
                builder.Services.AddDbContext<DbContext>(options =>
                {
                    if (verbose)
                    {
                        options.EnableSensitiveDataLogging();
                    }
                });
            }
        }
        """);

    [Fact]
    public Task StoredCheck_ReassignedOrNotADevelopmentCheck_IsReported() => Verify("""
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.Hosting;

        class Setup
        {
            static void Reassigned(DbContextOptionsBuilder options, IHostEnvironment env, bool force)
            {
                var isDev = env.IsDevelopment();
                isDev = isDev || force;
                if (isDev)
                {
                    {|PII009:options.EnableSensitiveDataLogging()|};
                }
            }

            static void CompoundAssigned(DbContextOptionsBuilder options, IHostEnvironment env, bool force)
            {
                var isDev = env.IsDevelopment();
                isDev |= force;
                if (isDev)
                {
                    {|PII009:options.EnableSensitiveDataLogging()|};
                }
            }

            static void PassedByRef(DbContextOptionsBuilder options, IHostEnvironment env)
            {
                var isDev = env.IsDevelopment();
                Flip(ref isDev);
                if (isDev)
                {
                    {|PII009:options.EnableSensitiveDataLogging()|};
                }
            }

            static void AssignedInALambda(DbContextOptionsBuilder options, IHostEnvironment env)
            {
                var isDev = env.IsDevelopment();
                System.Action reset = () => isDev = true;
                if (isDev)
                {
                    {|PII009:options.EnableSensitiveDataLogging()|};
                }
            }

            static void NotADevelopmentCheck(DbContextOptionsBuilder options, IHostEnvironment env)
            {
                var isProduction = env.IsProduction();
                if (!isProduction)
                {
                    {|PII009:options.EnableSensitiveDataLogging()|};
                }

                var verbose = System.Environment.GetEnvironmentVariable("VERBOSE") == "1";
                if (verbose)
                {
                    {|PII009:options.EnableSensitiveDataLogging()|};
                }

                var isDev = env.IsDevelopment();
                if (isDev || verbose)
                {
                    {|PII009:options.EnableSensitiveDataLogging()|};
                }
            }

            static void Flip(ref bool value) => value = !value;
        }
        """);

    [Fact]
    public Task IfDebug_Guards() => Verify("""
        #define DEBUG
        #define NETCOREAPP
        using Microsoft.EntityFrameworkCore;

        class Setup
        {
            static void Configure(DbContextOptionsBuilder options)
            {
        #if DEBUG
                options.EnableSensitiveDataLogging();
        #endif
        #if !DEBUG
                // not compiled
        #else
                options.EnableSensitiveDataLogging();
        #endif
        #if DEBUG && TRACE
        #elif NETCOREAPP
                {|PII009:options.EnableSensitiveDataLogging()|};
        #endif
        #if DEBUG || NETCOREAPP
                {|PII009:options.EnableSensitiveDataLogging()|};
        #endif
                {|PII009:options.EnableSensitiveDataLogging()|};
            }
        }
        """);

    [Fact]
    public Task AspNetCore_W3CLoggingFields() => Verify("""
        using Microsoft.AspNetCore.HttpLogging;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        class Startup
        {
            void ConfigureServices(IServiceCollection services, IHostEnvironment env)
            {
                services.AddW3CLogging(o => {|PII009:o.LoggingFields = W3CLoggingFields.All|});
                services.AddW3CLogging(o => {|PII009:o.LoggingFields = W3CLoggingFields.RequestHeaders|});
                services.AddW3CLogging(o => {|PII009:o.LoggingFields = W3CLoggingFields.Date | W3CLoggingFields.Cookie|});
                services.AddW3CLogging(o => {|PII009:o.LoggingFields |= W3CLoggingFields.UserName|});
                services.AddW3CLogging(o => {|PII009:o.LoggingFields = W3CLoggingFields.Method | W3CLoggingFields.UriStem | W3CLoggingFields.UriQuery|});
                services.AddW3CLogging(o => {|PII009:o.LoggingFields = W3CLoggingFields.ConnectionInfoFields|});
                services.AddW3CLogging(o => {|PII009:o.LoggingFields = W3CLoggingFields.Referer|});

                // Without personal fields, or in development only: not reported.
                services.AddW3CLogging(o => o.LoggingFields = W3CLoggingFields.Date | W3CLoggingFields.Time | W3CLoggingFields.Method
                    | W3CLoggingFields.UriStem | W3CLoggingFields.ProtocolStatus | W3CLoggingFields.TimeTaken);
                services.AddW3CLogging(o => o.LoggingFields = W3CLoggingFields.All & ~(W3CLoggingFields.ClientIpAddress | W3CLoggingFields.UserName
                    | W3CLoggingFields.Cookie | W3CLoggingFields.Referer | W3CLoggingFields.UriQuery));
                services.AddW3CLogging(o => o.FileName = "access-");
                var isDev = env.IsDevelopment();
                services.AddW3CLogging(o =>
                {
                    if (isDev)
                    {
                        o.LoggingFields = W3CLoggingFields.All;
                    }
                });
            }
        }
        """);

    [Fact]
    public Task W3CLogging_MessageNamesTheFields() => Verify("""
        using Microsoft.AspNetCore.HttpLogging;
        using Microsoft.Extensions.DependencyInjection;

        class Startup
        {
            void ConfigureServices(IServiceCollection services) =>
                services.AddW3CLogging(o => {|#0:o.LoggingFields = W3CLoggingFields.Request|});
        }
        """,
        DiagnosticResult.CompilerWarning("PII009").WithLocation(0).WithArguments("W3C logging of Referer, UriQuery"));
}
