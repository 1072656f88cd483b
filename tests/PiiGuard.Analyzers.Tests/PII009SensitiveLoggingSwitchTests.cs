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
}
