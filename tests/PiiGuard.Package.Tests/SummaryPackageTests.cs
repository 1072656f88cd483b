using System;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace PiiGuard.Package.Tests;

/// <summary>
/// Summaries that travel with an assembly, end to end (issue 15, section 1): a library project that references the
/// packed PiiGuard.Analyzers, with no PiiGuard setting, is built (no summaries: opt-in outside packing) and packed as a
/// NuGet package (summaries by default); an application restores that package from the
/// feed, without the library's source, and its build reports the library's logging helper with the path.
/// </summary>
public sealed class SummaryPackageTests : IClassFixture<PackageFixture>
{
    private const string LibrarySource = """
        using Microsoft.Extensions.Logging;

        namespace Lib
        {
            public class Notifier(ILogger<Notifier> log)
            {
                public void SmsSent(string phone) => log.LogInformation("SMS to {Phone}", phone);
            }
        }
        """;

    private const string AppSource = """
        using Microsoft.Extensions.Logging.Abstractions;
        using PiiGuard;

        var customer = new Customer { Mobile = "+86 138 0013 8000", Tier = "gold" };
        var notifier = new Lib.Notifier(NullLogger<Lib.Notifier>.Instance);
        notifier.SmsSent(customer.Mobile); // CROSS
        notifier.SmsSent(customer.Tier);

        public class Customer
        {
            [Pii(PiiKind.Phone)] public string Mobile { get; set; } = "";
            public string Tier { get; set; } = "";
        }
        """;

    private readonly PackageFixture _package;
    private readonly ITestOutputHelper _output;

    public SummaryPackageTests(PackageFixture package, ITestOutputHelper output)
    {
        _package = package;
        _output = output;
    }

    [Fact]
    public void LibraryPackage_CarriesItsSummaries_IntoTheAppThatReferencesIt()
    {
        string root = Path.Combine(_package.Root, "summaries");
        string libDirectory = Path.Combine(root, "Lib");
        string appDirectory = Path.Combine(root, "App");
        Directory.CreateDirectory(libDirectory);
        Directory.CreateDirectory(appDirectory);
        string libraryId = "PiiGuard.SummariesLib";
        string framework = $"net{Environment.Version.Major}.0";

        LocalFeedConsumer.WriteNuGetConfig(libDirectory, _package.Feed);
        File.WriteAllText(Path.Combine(libDirectory, "Lib.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>{framework}</TargetFramework>
                <Nullable>enable</Nullable>
                <PackageId>{libraryId}</PackageId>
                <AssemblyName>Lib</AssemblyName>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="PiiGuard.Analyzers" Version="{_package.PackageVersion}" />
                <PackageReference Include="Microsoft.Extensions.Logging.Abstractions" Version="{_package.MelVersion}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(libDirectory, "Notifier.cs"), LibrarySource);

        // A plain build of the library writes no summaries (opt-in outside packing: they cost the library's build)...
        DotnetResult libraryBuild = DotnetProcess.Run(libDirectory, PackageFixture.LongTimeout,
            "build", "Lib.csproj", "-c", "Release", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-nologo");
        Assert.True(libraryBuild.ExitCode == 0, "Building the library failed. " + libraryBuild.Describe());
        string libraryDll = Path.Combine(libDirectory, "bin", "Release", framework, "Lib.dll");
        Assert.True(SummariesOf(libraryDll) is null, "A build that is not a pack wrote summaries without PiiGuardSummaries=true.");

        // ...and packing it, with nothing set in the project, does.
        DotnetResult pack = DotnetProcess.Run(libDirectory, PackageFixture.LongTimeout,
            "pack", "Lib.csproj", "-c", "Release", "-o", _package.Feed, "-p:PackageVersion=" + _package.PackageVersion, "-nodeReuse:false", "-p:UseSharedCompilation=false", "-nologo");
        _output.WriteLine(pack.Describe());
        Assert.True(pack.ExitCode == 0, "Packing the library failed. " + pack.Describe());

        string? payload = SummariesOf(libraryDll);
        Assert.True(payload != null, "The library's assembly carries no AssemblyMetadata(\"PiiGuard.Summaries\").");
        Assert.StartsWith("1\n", payload, StringComparison.Ordinal);
        Assert.Contains("T:Lib.Notifier\nSmsSent(System.String)|S1L:ILogger.LogInformation", payload, StringComparison.Ordinal);

        LocalFeedConsumer.WriteNuGetConfig(appDirectory, _package.Feed);
        File.WriteAllText(Path.Combine(appDirectory, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>{framework}</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="PiiGuard.Analyzers" Version="{_package.PackageVersion}" />
                <PackageReference Include="{libraryId}" Version="{_package.PackageVersion}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(appDirectory, "Program.cs"), AppSource);

        try
        {
            DotnetResult build = DotnetProcess.Run(appDirectory, PackageFixture.LongTimeout,
                "build", "App.csproj", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-nologo");
            _output.WriteLine(build.Describe());
            Assert.True(build.ExitCode == 0, "The app must build (PII001 is a warning). " + build.Describe());

            string[] warnings = build.Output.Split('\n').Where(l => Regex.IsMatch(l, @"\bwarning PII001\b")).Select(l => l.TrimEnd('\r')).Distinct().ToArray();
            int line = Array.FindIndex(AppSource.Split('\n'), l => l.Contains("// CROSS", StringComparison.Ordinal)) + 1;
            Assert.True(warnings.Length == 1, "Expected exactly one PII001 (on the // CROSS line). " + build.Describe());
            Assert.Contains($"Program.cs({line},", warnings[0], StringComparison.Ordinal);
            Assert.Contains("Customer.Mobile (Phone) reaches Notifier.SmsSent -> ILogger.LogInformation unmasked", warnings[0], StringComparison.Ordinal);
        }
        finally
        {
            string installed = Path.Combine(Path.GetDirectoryName(_package.InstalledPackageDirectory)!, "..", libraryId.ToLowerInvariant());
            try
            {
                if (Directory.Exists(installed))
                {
                    Directory.Delete(installed, recursive: true);
                }
            }
            catch (IOException)
            {
                // Best effort, as the fixture's own clean-up.
            }
        }
    }

    /// <summary>The value of the assembly's AssemblyMetadata("PiiGuard.Summaries", …), read from its metadata without loading it.</summary>
    private static string? SummariesOf(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        MetadataReader reader = pe.GetMetadataReader();
        foreach (CustomAttributeHandle handle in reader.GetAssemblyDefinition().GetCustomAttributes())
        {
            CustomAttribute attribute = reader.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference)
            {
                continue;
            }

            MemberReference constructor = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
            if (constructor.Parent.Kind != HandleKind.TypeReference
                || reader.GetString(reader.GetTypeReference((TypeReferenceHandle)constructor.Parent).Name) != "AssemblyMetadataAttribute")
            {
                continue;
            }

            BlobReader blob = reader.GetBlobReader(attribute.Value);
            blob.ReadUInt16(); // prolog
            if (blob.ReadSerializedString() == "PiiGuard.Summaries")
            {
                return blob.ReadSerializedString();
            }
        }

        return null;
    }
}
