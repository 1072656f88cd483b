using System.IO;

namespace PiiGuard.Package.Tests;

/// <summary>
/// The folder of a fresh consumer project that restores PiiGuard.Analyzers from a local feed, shared by the package
/// tests and the tool's build-route tests (linked into both).
/// </summary>
public static class LocalFeedConsumer
{
    /// <summary>Stops MSBuild's and NuGet's upward search at <paramref name="root"/>: nothing from the folders above applies.</summary>
    public static void WriteIsolation(string root)
    {
        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(root, "Directory.Packages.props"),
            "<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>\n");
    }

    /// <summary>A nuget.config in <paramref name="consumer"/> with the local feed first, then nuget.org (mirrored here).</summary>
    public static void WriteNuGetConfig(string consumer, string feed) =>
        File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="piiguard-local" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
            </configuration>
            """);
}
