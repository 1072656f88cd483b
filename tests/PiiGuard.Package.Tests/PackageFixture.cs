using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;

namespace PiiGuard.Package.Tests;

/// <summary>
/// Packs PiiGuard.Analyzers once, with a unique prerelease version (so no stale copy in the NuGet cache is
/// used), from the outputs already built: the test project references the package project for build order, and
/// packing with --no-build never writes into src/ while a solution build may still run. Packs into a temp
/// folder feed, then writes and restores a fresh consumer console project beside it. Everything is deleted
/// afterwards, with the package's entry in the global packages folder.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    /// <summary>Timeout of pack and restore (they may download packages).</summary>
    public static readonly TimeSpan LongTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Timeout of one consumer build.</summary>
    public static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(3);

    /// <summary>
/// The consumer's source: one leak (PII001 on Customer.NationalId) next to its masked form, an unannotated Contact.Mobile
/// that leaks only when name-based discovery is on (the audit preset), and a
/// [GenerateMasking] record whose generated ToMaskedString it prints (when the package carries the generator).
/// </summary>
    public const string ProgramSource = """
        using System;
        using Microsoft.Extensions.Logging;
        using PiiGuard;

        using (ILoggerFactory factory = LoggerFactory.Create(builder => builder.AddConsole()))
        {
            ILogger logger = factory.CreateLogger("Onboarding");
            var customer = new Customer { NationalId = "11010519491231002X", Email = "zhang.wei@example.com", Tier = "gold" };

            logger.LogInformation("Onboarding {NationalId}", customer.NationalId); // LEAK
            logger.LogInformation("Onboarding {Email} {Tier}", PiiMask.Email(customer.Email), customer.Tier); // MASKED
            logger.LogInformation("Contact {Mobile}", new Contact().Mobile); // DISCOVERED (only with PiiGuardDiscovery=names)
        }

        var applicant = new Applicant("Zhang Wei", "11010519491231002X", "gold");
        Console.WriteLine("GENERATED: " + (applicant is IMaskable maskable ? maskable.ToMaskedString() : "none"));

        public class Customer
        {
            [Pii(PiiKind.NationalId)] public string NationalId { get; set; } = "";
            [Pii(PiiKind.Email)] public string Email { get; set; } = "";
            public string Tier { get; set; } = "";
        }

        public class Contact
        {
            public string Mobile { get; set; } = "+86 138 0013 8000";
        }

        [GenerateMasking]
        public partial record Applicant([Pii(PiiKind.Name)] string FullName, [Pii(PiiKind.NationalId)] string ResidentId, string Tier);
        """;

    private static int s_instances;

    private readonly string _globalPackages;

    /// <summary>Packs, writes the consumer and restores it.</summary>
    public PackageFixture()
    {
        var assembly = typeof(PackageFixture).Assembly;
        RepositoryRoot = Metadata(assembly, "PiiGuard.RepositoryRoot");
        Configuration = Metadata(assembly, "PiiGuard.Configuration");
        MelVersion = Metadata(assembly, "PiiGuard.MelVersion");
        // The instance number too: test classes that each have this fixture may create it within the same second, and
        // one's Dispose must not delete the other's restored package.
        PackageVersion = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture)
            + "." + System.Threading.Interlocked.Increment(ref s_instances).ToString(CultureInfo.InvariantCulture);

        Root = Path.Combine(Path.GetTempPath(), "piiguard-package-tests", Guid.NewGuid().ToString("N"));
        Feed = Path.Combine(Root, "feed");
        ConsumerDirectory = Path.Combine(Root, "consumer");
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(ConsumerDirectory);
        _globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

        var stopwatch = Stopwatch.StartNew();
        Pack = DotnetProcess.Run(RepositoryRoot, LongTimeout,
            "pack", Path.Combine(RepositoryRoot, "src", "PiiGuard.Package", "PiiGuard.Package.csproj"),
            "-c", Configuration, "--no-build", "-o", Feed, "-p:PackageVersion=" + PackageVersion,
            "-nodeReuse:false", "-nologo");
        PackTime = stopwatch.Elapsed;
        PackagePath = Path.Combine(Feed, $"PiiGuard.Analyzers.{PackageVersion}.nupkg");
        if (Pack.ExitCode != 0 || !File.Exists(PackagePath))
        {
            throw new InvalidOperationException($"Packing PiiGuard.Analyzers ({Configuration}, --no-build: build src/PiiGuard.Package in {Configuration} first) failed or made no {Path.GetFileName(PackagePath)}. {Pack.Describe()}");
        }

        WriteConsumer();
        stopwatch.Restart();
        Restore = DotnetProcess.Run(ConsumerDirectory, LongTimeout, "restore", "Consumer.csproj", "-nodeReuse:false", "-nologo");
        RestoreTime = stopwatch.Elapsed;
        if (Restore.ExitCode != 0)
        {
            throw new InvalidOperationException($"Restoring the consumer project failed (local feed {Feed} + nuget.org). {Restore.Describe()}");
        }
    }

    /// <summary>The repository (worktree) root.</summary>
    public string RepositoryRoot { get; }

    /// <summary>The configuration this test was built in; the package is packed in it too.</summary>
    public string Configuration { get; }

    /// <summary>Microsoft.Extensions.Logging version from Directory.Packages.props.</summary>
    public string MelVersion { get; }

    /// <summary>The unique prerelease version packed for this run.</summary>
    public string PackageVersion { get; }

    /// <summary>Temp root of this run.</summary>
    public string Root { get; }

    /// <summary>The local folder feed that holds the packed package.</summary>
    public string Feed { get; }

    /// <summary>The consumer console project's folder.</summary>
    public string ConsumerDirectory { get; }

    /// <summary>The .nupkg.</summary>
    public string PackagePath { get; }

    /// <summary>The pack run.</summary>
    public DotnetResult Pack { get; }

    /// <summary>The consumer's restore run.</summary>
    public DotnetResult Restore { get; }

    /// <summary>How long packing took.</summary>
    public TimeSpan PackTime { get; }

    /// <summary>How long the consumer's restore took.</summary>
    public TimeSpan RestoreTime { get; }

    /// <summary>The package as restored into the global packages folder.</summary>
    public string InstalledPackageDirectory => Path.Combine(_globalPackages, "piiguard.analyzers", PackageVersion.ToLowerInvariant());

    /// <summary>Runs the consumer's last build output.</summary>
    public DotnetResult RunConsumer() =>
        DotnetProcess.Run(ConsumerDirectory, TimeSpan.FromMinutes(1),
            Path.Combine(ConsumerDirectory, "bin", "Debug", $"net{Environment.Version.Major}.0", "Consumer.dll"));

    /// <summary>Rebuilds the consumer (no restore, no incremental skip, so every diagnostic is reported again).</summary>
    public DotnetResult BuildConsumer(params string[] extraArgs)
    {
        string[] args = new[] { "build", "Consumer.csproj", "--no-restore", "--no-incremental", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-nologo" }
            .Concat(extraArgs).ToArray();
        return DotnetProcess.Run(ConsumerDirectory, BuildTimeout, args);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        TryDelete(Root);
        TryDelete(InstalledPackageDirectory);
    }

    private void WriteConsumer()
    {
        LocalFeedConsumer.WriteIsolation(Root);
        LocalFeedConsumer.WriteNuGetConfig(ConsumerDirectory, Feed);

        File.WriteAllText(Path.Combine(ConsumerDirectory, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net{Environment.Version.Major}.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="PiiGuard.Analyzers" Version="{PackageVersion}" />
                <PackageReference Include="Microsoft.Extensions.Logging" Version="{MelVersion}" />
                <PackageReference Include="Microsoft.Extensions.Logging.Console" Version="{MelVersion}" />
              </ItemGroup>
            </Project>
            """);

        File.WriteAllText(Path.Combine(ConsumerDirectory, "Program.cs"), ProgramSource);
    }

    private static string Metadata(Assembly assembly, string key) =>
        assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is missing from the test assembly.");

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind does no harm.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
