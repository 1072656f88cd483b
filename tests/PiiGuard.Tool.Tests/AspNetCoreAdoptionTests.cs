using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace PiiGuard.Tool.Tests;

/// <summary>
/// Issue 16, part 6, on the packed package: an ASP.NET Core project that adopts PiiGuard the way the README shows under
/// central package management (the version in Directory.Packages.props, none in the project file), with the build
/// inventory on and a baseline. The build is clean and writes the inventory; the scan prints nothing spurious: no
/// "Msbuild failed", no ErrorLog warning, no compiler errors from the SDK's generators, no PII110 for a live entry.
/// </summary>
public sealed class AspNetCoreAdoptionTests
{
    private const string Source = """
        using Microsoft.AspNetCore.Mvc;
        using PiiGuard;

        namespace Shop;

        public static class Program
        {
            public static void Main(string[] args)
            {
                WebApplicationBuilder builder = WebApplication.CreateBuilder(args);
                builder.Services.AddControllers();
                WebApplication app = builder.Build();
                app.MapControllers();
                app.Run();
            }
        }

        public class Customer
        {
            [Pii(PiiKind.Email)] public string Email { get; set; } = "";

            public string Tier { get; set; } = "";
        }

        [ApiController]
        [Route("customers")]
        public class CustomersController : ControllerBase
        {
            private readonly ILogger<CustomersController> _logger;

            public CustomersController(ILogger<CustomersController> logger) => _logger = logger;

            [HttpPost]
            public IActionResult Create(Customer customer)
            {
                _logger.LogInformation("Created {Email}", customer.Email);
                _logger.LogInformation("Welcome mail to {Email} ({Tier})", PiiMask.Email(customer.Email), customer.Tier);
                return Ok();
            }
        }
        """;

    [Fact]
    public void An_adopted_web_project_under_central_package_management_builds_and_scans_without_spurious_messages()
    {
        using var packed = new PackedConsumer("aspnetcore-adoption", "web");
        packed.Write("Directory.Packages.props", $"""
            <Project>
              <PropertyGroup>
                <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <PackageVersion Include="PiiGuard.Analyzers" Version="{packed.Version}" />
              </ItemGroup>
            </Project>
            """);
        packed.Write(PackedConsumer.ProjectFile, """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <PiiGuardInventory>true</PiiGuardInventory>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="PiiGuard.Analyzers" />
              </ItemGroup>
            </Project>
            """);
        packed.Write("CustomersController.cs", Source);

        ProcessResult before = packed.Build();
        Assert.True(before.ExitCode == 0, before.Describe());
        Assert.DoesNotContain("NU1008", before.Output);
        Assert.Contains("warning PII001: Customer.Email (Email) reaches ILogger.LogInformation unmasked", before.Output);

        ProcessResult baseline = Run.Tool(packed.Directory, "baseline", PackedConsumer.ProjectFile, "--no-progress", "--no-restore");
        Assert.True(baseline.ExitCode == 0, baseline.Describe());
        string recorded = File.ReadAllText(Path.Combine(packed.Directory, "piiguard.baseline.json"));
        Assert.True(recorded.Contains("\"in\": \"M:Shop.CustomersController.Create(Shop.Customer)~Microsoft.AspNetCore.Mvc.IActionResult\"", StringComparison.Ordinal), recorded);

        ProcessResult build = packed.Build("--no-incremental", "-warnaserror:PII001,PII110,PII111,PII112");
        Assert.True(build.ExitCode == 0, build.Describe());
        Assert.DoesNotContain("PII0", build.Output);
        Assert.DoesNotContain("PII11", build.Output);
        Assert.Contains("PiiGuard inventory: 1 personal members, 2 flows (1 leaking)", build.Output);
        // The build inventory lists the baselined leak as accepted, and not the baseline entry's suppressed PII110 (the build
        // reports PII110 on every entry of the project and suppresses it for those that match a finding).
        var inventory = new Inventory(File.ReadAllText(Path.Combine(packed.Directory, "bin", "Debug", "net10.0", "piiguard-inventory.json")));
        JsonElement accepted = Assert.Single(inventory.Root.GetProperty("accepted").EnumerateArray().ToArray());
        Assert.Equal(("PII001", "baseline"), (Inventory.S(accepted, "rule"), Inventory.S(accepted, "by")));
        Assert.DoesNotContain(inventory.Findings, f => Inventory.S(f, "rule") == "PII110");

        ProcessResult scan = Run.Tool(packed.Directory, PackedConsumer.ProjectFile, "--no-progress", "--no-restore", "--fail-on", "warning");
        Assert.True(scan.ExitCode == 0, scan.Describe());
        Assert.DoesNotContain("piiguard: warning", scan.Output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Msbuild failed", scan.Output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("ErrorLog", scan.Output);
        Assert.DoesNotContain("compiler error", scan.Output);
        Assert.DoesNotContain("not analysed", scan.Output);
        Assert.DoesNotContain("PII110", scan.Output);
        FailClosedTests.AssertNoStackTrace(scan);
    }
}
