using System;
using System.IO;
using System.Linq;

namespace PiiGuard.Package.Tests;

/// <summary>
/// A Razor class library (Microsoft.NET.Sdk.Razor: a Blazor component and a Razor page) that references the packed
/// package from the local feed and is built with <c>dotnet build</c>: the leaks in its <c>.razor</c> and
/// <c>.cshtml</c> files are reported as warnings on the <c>.razor</c>/<c>.cshtml</c> line and column, none on the
/// masked call or on a value only rendered into markup, and none on a path of the generated files.
/// </summary>
public sealed partial class PackageTests
{
    private const string RazorCustomer = """
        using PiiGuard;

        namespace RazorConsumer;

        public class Customer
        {
            [Pii(PiiKind.Email)] public string Email { get; set; } = "";
            [Pii(PiiKind.Name)] public string Name { get; set; } = "";
            public string Tier { get; set; } = "";
        }
        """;

    private const string RazorImports = """
        @using Microsoft.AspNetCore.Components.Web
        @using Microsoft.Extensions.Logging
        @using PiiGuard
        """;

    private const string RazorComponent = """
        @inject ILogger<Profile> Logger

        <h1>@customer.Email</h1>
        <button @onclick="Save">Save</button>
        <button @onclick="SaveMasked">Save masked</button>

        @code {
            private Customer customer = new();

            private void Save()
            {
                Logger.LogInformation("Saved {Email} tier {Tier}", customer.Email, customer.Tier);
            }

            private void SaveMasked() => Logger.LogInformation("Saved {Email}", PiiMask.Email(customer.Email));
        }
        """;

    private const string RazorPageModel = """
        using Microsoft.AspNetCore.Mvc.RazorPages;

        namespace RazorConsumer.Pages;

        public class IndexModel : PageModel
        {
            public Customer Customer { get; } = new();
        }
        """;

    private const string RazorViewImports = """
        @namespace RazorConsumer.Pages
        @using Microsoft.Extensions.Logging
        @using RazorConsumer
        """;

    private const string RazorPage = """
        @page
        @model IndexModel
        @inject ILogger<IndexModel> Log
        <p>@Model.Customer.Name</p>
        @{
            Log.LogInformation("Viewed by {Name}", Model.Customer.Name);
        }
        """;

    [Fact]
    public void RazorConsumerBuild_ReportsLeaksAtTheRazorAndCshtmlLines()
    {
        string project = Path.Combine(_package.Root, "razor-consumer");
        WriteRazorConsumer(project);

        DotnetResult restore = DotnetProcess.Run(project, PackageFixture.LongTimeout, "restore", "RazorConsumer.csproj", "-nodeReuse:false", "-nologo");
        Assert.True(restore.ExitCode == 0, "Restoring the Razor consumer failed. " + restore.Describe());
        DotnetResult build = DotnetProcess.Run(project, PackageFixture.BuildTimeout,
            "build", "RazorConsumer.csproj", "--no-restore", "--no-incremental", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-nologo");
        _output.WriteLine(build.Describe());
        Assert.True(build.ExitCode == 0, "A Razor build with PII001 warnings must succeed. " + build.Describe());

        string[] leaks = DiagnosticLines(build, "warning", "PII00[1-7]")
            .Select(l => l.Replace('\\', '/'))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        string component = Path.Combine(project, "Components", "Profile.razor").Replace('\\', '/');
        string page = Path.Combine(project, "Pages", "Index.cshtml").Replace('\\', '/');
        Assert.True(leaks.Any(l => l.Contains($"{component}(12,60): warning PII001: Customer.Email (Email) reaches ILogger.LogInformation unmasked", StringComparison.Ordinal)),
            "No PII001 at Profile.razor(12,60) (the log call in @code). " + build.Describe());
        Assert.True(leaks.Any(l => l.Contains($"{page}(6,44): warning PII001: Customer.Name (Name) reaches ILogger.LogInformation unmasked", StringComparison.Ordinal)),
            "No PII001 at Index.cshtml(6,44) (the log call in @{ }). " + build.Describe());
        Assert.True(leaks.Length == 2, "Exactly the two leaks: none on the masked call, on markup or in a generated file. " + build.Describe());
    }

    /// <summary>The Razor consumer beside the console one, under the fixture's isolated root, restoring from its feed.</summary>
    private void WriteRazorConsumer(string project)
    {
        Directory.CreateDirectory(Path.Combine(project, "Components"));
        Directory.CreateDirectory(Path.Combine(project, "Pages"));
        LocalFeedConsumer.WriteNuGetConfig(project, _package.Feed);
        string version = _package.PackageVersion;
        File.WriteAllText(Path.Combine(project, "RazorConsumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk.Razor">
              <PropertyGroup>
                <TargetFramework>net{Environment.Version.Major}.0</TargetFramework>
                <Nullable>enable</Nullable>
                <AddRazorSupportForMvc>true</AddRazorSupportForMvc>
              </PropertyGroup>
              <ItemGroup>
                <FrameworkReference Include="Microsoft.AspNetCore.App" />
                <PackageReference Include="PiiGuard.Analyzers" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "Customer.cs"), RazorCustomer);
        File.WriteAllText(Path.Combine(project, "Components", "_Imports.razor"), RazorImports);
        File.WriteAllText(Path.Combine(project, "Components", "Profile.razor"), RazorComponent);
        File.WriteAllText(Path.Combine(project, "Pages", "Index.cshtml.cs"), RazorPageModel);
        File.WriteAllText(Path.Combine(project, "Pages", "_ViewImports.cshtml"), RazorViewImports);
        File.WriteAllText(Path.Combine(project, "Pages", "Index.cshtml"), RazorPage);
    }
}
