using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using PiiGuard.Analyzers.Tests.Robustness;
using Xunit.Abstractions;

namespace PiiGuard.Analyzers.Tests.Razor;

/// <summary>
/// The leak rules over real Razor output: the .NET SDK's Razor source generator compiles a Blazor component and a
/// Razor page, and PiiGuard reports the log calls in their <c>@code</c>, <c>@functions</c> and <c>@{ }</c> blocks and
/// event-handler lambdas at the <c>.razor</c>/<c>.cshtml</c> line, through the generator's <c>#line</c> directives; the
/// framework's scaffolding (rendering <c>@customer.Email</c> into markup, injected properties, the page's Model) is not
/// a leak, and a masked value is clean.
/// </summary>
public class RazorGeneratorTests
{
    private const string Customer = """
        using PiiGuard;

        namespace RazorApp;

        public class Customer
        {
            [Pii(PiiKind.Email)] public string Email { get; set; } = "";
            [Pii(PiiKind.Name)] public string Name { get; set; } = "";
            public string Tier { get; set; } = "";
        }
        """;

    private const string Imports = """
        @using Microsoft.AspNetCore.Components.Web
        @using Microsoft.Extensions.Logging
        @using PiiGuard
        """;

    // Line numbers matter: the assertions name them.
    private const string Profile = """
        @inject ILogger<Profile> Logger

        <h1>@customer.Email</h1>
        <p>@customer.Name (@customer.Tier)</p>
        <button @onclick='() => Logger.LogInformation("Clicked {Email}", customer.Email)'>Save</button>
        <button @onclick="Save">Save</button>
        @if (customer.Tier.Length > 0)
        {
            <p>@customer.Name</p>
            Logger.LogInformation("Rendered {Name}", customer.Name);
        }

        @code {
            private Customer customer = new();

            private void Save()
            {
                Logger.LogInformation("Saved {Email} tier {Tier}", customer.Email, customer.Tier);
            }

            private RenderFragment Badge => @<span>@customer.Email</span>;
        }
        """;

    private const string MaskedProfile = """
        @inject ILogger<MaskedProfile> Logger

        <h1>@customer.Email</h1>
        <button @onclick="Save">Save</button>

        @code {
            private Customer customer = new();

            private void Save() => Logger.LogInformation("Saved {Email} tier {Tier}", PiiMask.Email(customer.Email), customer.Tier);
        }
        """;

    private const string PageModel = """
        using Microsoft.AspNetCore.Mvc.RazorPages;
        using Microsoft.Extensions.Logging;

        namespace RazorApp.Pages;

        public class IndexModel(ILogger<IndexModel> logger) : PageModel
        {
            public Customer Customer { get; } = new();

            public void OnGet() => logger.LogInformation("Index for {Email}", Customer.Email);
        }
        """;

    private const string ViewImports = """
        @namespace RazorApp.Pages
        @using Microsoft.Extensions.Logging
        @using RazorApp
        """;

    private const string IndexPage = """
        @page
        @model IndexModel
        @inject ILogger<IndexModel> Log
        <p>@Model.Customer.Email</p>
        @{
            Log.LogInformation("Viewed {Email}", Model.Customer.Email);
            Log.LogInformation("Viewed tier {Tier}", Model.Customer.Tier);
        }
        @functions {
            public void Audit() => Log.LogWarning("Audit {Name}", Model.Customer.Name);
        }
        """;

    private readonly ITestOutputHelper _output;

    public RazorGeneratorTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void TheSdksRazorGeneratorIsLoaded()
    {
        var names = RazorHarness.RazorGenerator.Select(g => g.GetGeneratorType().FullName).ToList();
        Assert.Contains("Microsoft.NET.Sdk.Razor.SourceGenerators.RazorSourceGenerator", names);
        Assert.EndsWith("Microsoft.CodeAnalysis.Razor.Compiler.dll", RazorHarness.RazorGeneratorPath, StringComparison.Ordinal);
    }

    [Fact]
    public void BlazorComponent_LogCallsInCodeAndEventHandlers_ReportedAtTheRazorLine_ScaffoldingAndMaskedNot()
    {
        var outcome = Run(
            new[] { ("Customer.cs", Customer) },
            new[] { ("Components/_Imports.razor", Imports), ("Components/Profile.razor", Profile), ("Components/MaskedProfile.razor", MaskedProfile) },
            "Components/Profile_razor.g.cs", "Components/MaskedProfile_razor.g.cs");

        Assert.Equal(
            new[]
            {
                "/src/RazorApp/Components/Profile.razor(5,66): PII001 Customer.Email (Email) reaches ILogger.LogInformation unmasked",
                "/src/RazorApp/Components/Profile.razor(10,46): PII001 Customer.Name (Name) reaches ILogger.LogInformation unmasked",
                "/src/RazorApp/Components/Profile.razor(18,60): PII001 Customer.Email (Email) reaches ILogger.LogInformation unmasked",
            },
            Reported(outcome));
    }

    [Fact]
    public void RazorPage_LogCallsInCodeBlockAndFunctions_ReportedAtTheCshtmlLine_PageModelAsBefore()
    {
        var outcome = Run(
            new[] { ("Customer.cs", Customer), ("Pages/Index.cshtml.cs", PageModel) },
            new[] { ("Pages/_ViewImports.cshtml", ViewImports), ("Pages/Index.cshtml", IndexPage) },
            "Pages/Index_cshtml.g.cs");

        Assert.Equal(
            new[]
            {
                "/src/RazorApp/Pages/Index.cshtml(6,42): PII001 Customer.Email (Email) reaches ILogger.LogInformation unmasked",
                "/src/RazorApp/Pages/Index.cshtml(10,59): PII001 Customer.Name (Name) reaches ILogger.LogWarning unmasked",
                "/src/RazorApp/Pages/Index.cshtml.cs(10,71): PII001 Customer.Email (Email) reaches ILogger.LogInformation unmasked",
            },
            Reported(outcome));
    }

    [Fact]
    public void RazorLeaks_OfferNoCodeFix_AndSitInTheGeneratedFile()
    {
        var outcome = Run(
            new[] { ("Customer.cs", Customer) },
            new[] { ("Components/_Imports.razor", Imports), ("Components/Profile.razor", Profile) },
            "Components/Profile_razor.g.cs");

        var leaks = outcome.Diagnostics.Where(d => d.Id == "PII001").ToList();
        Assert.Equal(3, leaks.Count);
        Assert.All(leaks, d => Assert.True(outcome.GeneratedTrees.Contains(d.Location.SourceTree!), "reported in the generated file, mapped by its #line"));
        Assert.All(leaks, d => Assert.False(d.Properties.ContainsKey(DiagnosticPropertyNames.Fix), "a fix would edit the generated file"));
        Assert.All(leaks, d => Assert.Equal("Customer", d.Properties[DiagnosticPropertyNames.Member]?.Split('.')[0]));
    }

    private RobustnessHarness.Outcome Run(IEnumerable<(string, string)> sources, IEnumerable<(string, string)> razorFiles, params string[] expectedOutputs)
    {
        var outcome = RazorHarness.Run(sources, razorFiles);
        foreach (var tree in outcome.GeneratedTrees.Where(t => t.FilePath.Contains("Razor", StringComparison.Ordinal)))
        {
            _output.WriteLine("// " + tree.FilePath);
            _output.WriteLine(tree.ToString());
        }

        Assert.Empty(outcome.Failures);
        Assert.Empty(outcome.Generated.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Empty(outcome.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        foreach (string expected in expectedOutputs)
        {
            Assert.Contains(outcome.GeneratedTrees, t => t.FilePath.Replace('\\', '/').EndsWith("RazorSourceGenerator/" + expected, StringComparison.Ordinal));
        }

        return outcome;
    }

    private static string[] Reported(RobustnessHarness.Outcome outcome) =>
        outcome.Diagnostics.Where(d => d.Severity > DiagnosticSeverity.Hidden)
            .Select(d => (Span: d.Location.GetMappedLineSpan(), Diagnostic: d))
            .OrderBy(x => x.Span.Path, StringComparer.Ordinal).ThenBy(x => x.Span.StartLinePosition)
            .Select(x => $"{x.Span.Path}({x.Span.StartLinePosition.Line + 1},{x.Span.StartLinePosition.Character + 1}): {x.Diagnostic.Id} {x.Diagnostic.GetMessage()}")
            .ToArray();
}
