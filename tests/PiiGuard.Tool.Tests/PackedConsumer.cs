using System;
using System.Globalization;
using System.IO;
using System.Linq;

namespace PiiGuard.Tool.Tests;

/// <summary>
/// A consumer project built from the packed PiiGuard.Analyzers package: packs the package as built (a version of its own),
/// restores it from a local feed in a folder isolated from the repository's MSBuild and NuGet files, and on Dispose deletes
/// the folder and that version from the NuGet cache. The end-to-end tests of the tool's build route share it.
/// </summary>
public sealed class PackedConsumer : IDisposable
{
    /// <summary>Time for one pack, restore or build.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    private static readonly string Packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
        ? configured
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>Packs the package into a fresh feed; <paramref name="tag"/> marks the version (0.1.0-tag.time.pid).</summary>
    public PackedConsumer(string name, string tag)
    {
        Version = "0.1.0-" + tag + "." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        Root = Run.NewTempDirectory(name);
        Directory = Path.Combine(Root, "consumer");
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            string feed = Path.Combine(Root, "feed");
            ProcessResult pack = Run.DotnetCli(Run.RepositoryRoot, Timeout, "pack", Path.Combine(Run.RepositoryRoot, "src", "PiiGuard.Package", "PiiGuard.Package.csproj"),
                "-c", Run.Configuration, "-o", feed, "-p:PackageVersion=" + Version, "--no-build", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-nologo");
            Assert.True(pack.ExitCode == 0, pack.Describe());

            Package.Tests.LocalFeedConsumer.WriteIsolation(Root);
            Package.Tests.LocalFeedConsumer.WriteNuGetConfig(Directory, feed);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The package version packed for this consumer.</summary>
    public string Version { get; }

    /// <summary>The temporary folder (feed, consumer, anything else a test writes).</summary>
    public string Root { get; }

    /// <summary>The consumer project's folder.</summary>
    public string Directory { get; }

    /// <summary>The project file: <c>Consumer.csproj</c>.</summary>
    public const string ProjectFile = "Consumer.csproj";

    /// <summary>
    /// Writes Consumer.csproj (net10.0, nullable, PiiGuard.Analyzers at <see cref="Version"/>) with the given lines in its
    /// PropertyGroup and the given packages (id, version) beside PiiGuard.Analyzers.
    /// </summary>
    public void WriteProject(string properties, params (string Id, string Version)[] packages) =>
        Write(ProjectFile, ProjectText(properties, "", packages));

    /// <summary>The text of such a project file, with more items (a ProjectReference…) in its ItemGroup.</summary>
    public string ProjectText(string properties, string items, params (string Id, string Version)[] packages)
    {
        var references = new System.Text.StringBuilder();
        foreach ((string id, string version) in packages)
        {
            references.Append("\n    <PackageReference Include=\"").Append(id).Append("\" Version=\"").Append(version).Append("\" />");
        }

        if (items.Length > 0)
        {
            references.Append("\n    ").Append(items.Trim());
        }

        return $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                {properties.Trim()}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="PiiGuard.Analyzers" Version="{Version}" />{references}
              </ItemGroup>
            </Project>
            """;
    }

    /// <summary>Writes a file of the consumer project.</summary>
    public string Write(string relativePath, string text)
    {
        string path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary><c>dotnet build Consumer.csproj</c> (no node reuse, no compiler server) with the given arguments.</summary>
    public ProcessResult Build(params string[] args) => BuildOf(ProjectFile, args);

    /// <summary><c>dotnet build</c> of another project or solution of the folder.</summary>
    public ProcessResult BuildOf(string projectOrSolution, params string[] args) =>
        Run.DotnetCli(Directory, Timeout, new[] { "build", projectOrSolution, "-nodeReuse:false", "-p:UseSharedCompilation=false", "-nologo" }.Concat(args).ToArray());

    /// <inheritdoc />
    public void Dispose()
    {
        Run.TryDelete(Root);
        Run.TryDelete(Path.Combine(Packages, "piiguard.analyzers", Version));
    }
}
