using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

namespace PiiGuard.Benchmarks;

/// <summary>What the synthetic code declares about personal data.</summary>
public enum SyntheticVariant
{
    /// <summary>[Pii] members, [GenerateMasking] records, PiiMask calls: every service handles personal data.</summary>
    Annotated,

    /// <summary>The same code without any PiiGuard attribute or call, still referencing PiiGuard's runtime (as the package does).</summary>
    Plain,

    /// <summary>The same code as <see cref="Plain"/>, and PiiGuard's runtime not referenced at all.</summary>
    NoRuntime,
}

/// <summary>
/// Writes a realistic synthetic project: domain types with personal members (half of them [GenerateMasking]
/// records), and services that log through Microsoft.Extensions.Logging, call HttpClient and record Activity
/// telemetry, with a mix of masked and leaking calls. Half the files are domain types, half services.
/// </summary>
public static class SyntheticSolution
{
    public static void Write(string directory, int files, string analyzerConfig, string piiGuardRuntime, string piiGuardAnalyzers,
        SyntheticVariant variant = SyntheticVariant.Annotated, string? baselineAnalyzers = null)
    {
        Directory.CreateDirectory(directory);
        foreach (string old in Directory.EnumerateFiles(directory, "*.cs"))
        {
            File.Delete(old);
        }

        int modules = Math.Max(1, files / 2);
        for (int i = 0; i < modules; i++)
        {
            File.WriteAllText(Path.Combine(directory, $"Domain{i:D4}.cs"), Domain(i, variant));
            File.WriteAllText(Path.Combine(directory, $"Service{i:D4}.cs"), Service(i, variant));
        }

        File.WriteAllText(Path.Combine(directory, "Synthetic.csproj"), Project(analyzerConfig, piiGuardRuntime, piiGuardAnalyzers, variant, baselineAnalyzers));
    }

    /// <summary>
    /// The project file; the analyzer configuration is chosen per build with -p:Config=… ("baseline" is PiiGuard's
    /// analyzers built from another commit, for side-by-side comparisons).
    /// </summary>
    private static string Project(string config, string runtime, string analyzers, SyntheticVariant variant, string? baselineAnalyzers) => Project(config, runtime, analyzers, variant, baselineAnalyzers,
        // The SDK's default build runs the .NET analyzers at their default level (a few CA rules, some of them
        // operation analyzers), so the analyzer driver already runs; PIIGUARD_BENCH_NETANALYZERS=off builds without any
        // analyzer instead, where PiiGuard also pays for starting the driver.
        Environment.GetEnvironmentVariable("PIIGUARD_BENCH_NETANALYZERS") == "off" ? "<EnableNETAnalyzers>false</EnableNETAnalyzers>" : "<!-- .NET analyzers: the SDK's default -->");

    private static string Project(string config, string runtime, string analyzers, SyntheticVariant variant, string? baselineAnalyzers, string netAnalyzers) => $$"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>disable</ImplicitUsings>
            {{netAnalyzers}}
            <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
            <NoWarn>$(NoWarn);CS1591;CS8618</NoWarn>
            <Config Condition="'$(Config)' == ''">{{config}}</Config>
            <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Microsoft.Extensions.Logging.Abstractions" Version="10.0.0" />
          </ItemGroup>
          <ItemGroup Condition="{{(variant == SyntheticVariant.NoRuntime ? "false" : "true")}}">
            <Reference Include="PiiGuard" HintPath="{{runtime}}" />
          </ItemGroup>
          <ItemGroup Condition="'$(Config)' == 'piiguard'">
            <Analyzer Include="{{analyzers}}" />
          </ItemGroup>
          <ItemGroup Condition="'$(Config)' == 'baseline'">
            <Analyzer Include="{{baselineAnalyzers ?? analyzers}}" />
          </ItemGroup>
          <PropertyGroup Condition="'$(Config)' == 'netanalyzers'">
            <EnableNETAnalyzers>true</EnableNETAnalyzers>
            <AnalysisMode>All</AnalysisMode>
          </PropertyGroup>
          <ItemGroup Condition="'$(Config)' == 'securitycodescan'">
            <PackageReference Include="SecurityCodeScan.VS2019" Version="5.6.7" PrivateAssets="all" />
          </ItemGroup>
        </Project>
        """;

    /// <summary>The variant named by PIIGUARD_BENCH_VARIANT (annotated, plain, noruntime); annotated by default.</summary>
    public static SyntheticVariant VariantFromEnvironment() => Environment.GetEnvironmentVariable("PIIGUARD_BENCH_VARIANT")?.ToLowerInvariant() switch
    {
        null or "" or "annotated" => SyntheticVariant.Annotated,
        "plain" => SyntheticVariant.Plain,
        "noruntime" => SyntheticVariant.NoRuntime,
        string other => throw new ArgumentException($"PIIGUARD_BENCH_VARIANT: unknown variant '{other}' (annotated, plain, noruntime)"),
    };

    /// <summary>A source file in the chosen variant: without PiiGuard's attributes and calls unless annotated.</summary>
    internal static string Strip(string source, SyntheticVariant variant)
    {
        if (variant == SyntheticVariant.Annotated)
        {
            return source;
        }

        source = source.Replace("[GenerateMasking]", "", StringComparison.Ordinal).Replace("using PiiGuard;", "", StringComparison.Ordinal);
        source = Regex.Replace(source, @"\[(property: )?Pii\(PiiKind\.\w+\)\] ", "");
        return Regex.Replace(source, @"PiiMask\.\w+\(", "string.Intern(");
    }

    internal static string Domain(int i, SyntheticVariant variant) => Strip(Domain(i), variant);

    internal static string Service(int i, SyntheticVariant variant) => Strip(Service(i), variant);

    internal static string Domain(int i) => $$"""
        using System;
        using System.Collections.Generic;
        using PiiGuard;

        namespace Synthetic.Module{{i}}
        {
            [GenerateMasking]
            public partial record Customer{{i}}(
                [property: Pii(PiiKind.Name)] string Name,
                [property: Pii(PiiKind.Email)] string Email,
                [property: Pii(PiiKind.Phone)] string Phone,
                [property: Pii(PiiKind.NationalId)] string NationalId,
                [property: Pii(PiiKind.PaymentCard)] string Card,
                Guid Id,
                string Tier,
                int Score,
                DateTime CreatedAt,
                bool Active);

            public class Address{{i}}
            {
                [Pii(PiiKind.PostalAddress)] public string Street { get; set; } = "";
                public string Country { get; set; } = "";
                public int Floor { get; set; }
            }

            public class Order{{i}}
            {
                public Guid Id { get; set; }
                public Customer{{i}}? Customer { get; set; }
                public Address{{i}} ShipTo { get; set; } = new Address{{i}}();
                public List<string> Lines { get; } = new List<string>();
                public decimal Total { get; set; }

                public string Summary() => $"Order {Id} of {Lines.Count} lines, total {Total}";

                public string Label() => Customer is null ? "anonymous" : Customer.Name + " / " + ShipTo.Country;
            }

            public static class Validation{{i}}
            {
                public static bool IsValidEmail(string email) => email.Contains('@') && email.Length > 3;

                public static string Normalize(string value) => value.Trim().ToLowerInvariant();

                public static int Checksum(string value)
                {
                    int sum = 0;
                    foreach (char c in value)
                    {
                        sum = unchecked(sum * 31 + c);
                    }

                    return sum;
                }
            }
        }
        """;

    internal static string Service(int i) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Diagnostics;
        using System.Linq;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;
        using PiiGuard;

        namespace Synthetic.Module{{i}}
        {
            public sealed class OrderService{{i}}
            {
                private static readonly ActivitySource Source = new ActivitySource("Synthetic.{{i}}");
                private readonly ILogger _logger;
                private readonly HttpClient _http;
                private readonly Dictionary<Guid, Order{{i}}> _orders = new Dictionary<Guid, Order{{i}}>();

                public OrderService{{i}}(ILogger logger, HttpClient http)
                {
                    _logger = logger;
                    _http = http;
                }

                public async Task<bool> PlaceAsync(Order{{i}} order)
                {
                    using var activity = Source.StartActivity("place");
                    activity?.SetTag("order.id", order.Id);
                    var customer = order.Customer;
                    if (customer is null)
                    {
                        _logger.LogWarning("Order {Id} has no customer", order.Id);
                        return false;
                    }

                    _logger.LogInformation("Placing order {Id} for {Customer}", order.Id, PiiMask.Name(customer.Name));
                    _logger.LogInformation("Contact {Email}", {{(i % 4 == 0 ? "customer.Email" : "PiiMask.Email(customer.Email)")}});
                    if (!Validation{{i}}.IsValidEmail(customer.Email))
                    {
                        throw new ArgumentException("Invalid e-mail for order " + order.Id);
                    }

                    var lines = order.Lines.Where(l => l.Length > 0).Select(l => Validation{{i}}.Normalize(l)).ToList();
                    foreach (var line in lines)
                    {
                        _logger.LogDebug("Line {Line} checksum {Sum}", line, Validation{{i}}.Checksum(line));
                    }

                    string url = "https://orders.example.com/{{i}}/" + order.Id.ToString("N");
                    using var response = await _http.PostAsync(url, new StringContent(order.Summary()));
                    if (!response.IsSuccessStatusCode)
                    {
                        _logger.LogError("Order {Id} rejected with {Status}", order.Id, (int)response.StatusCode);
                        activity?.SetStatus(ActivityStatusCode.Error, "rejected");
                        return false;
                    }

                    _orders[order.Id] = order;
                    _logger.LogInformation("Placed {Order}", customer);
                    return true;
                }

                public IReadOnlyList<string> Report()
                {
                    var result = new List<string>();
                    foreach (var order in _orders.Values.OrderBy(o => o.Total))
                    {
                        string label = order.Label();
                        result.Add(label.Length > 40 ? label.Substring(0, 40) : label);
                        _logger.LogTrace("Reported {Total}", order.Total);
                    }

                    return result;
                }
            }
        }
        """;
}
