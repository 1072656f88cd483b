using System;
using System.Globalization;
using System.IO;

namespace PiiGuard.Tool.Tests;

/// <summary>The packed PiiGuard.Tool installs as a local tool and scans the sample.</summary>
public sealed class LocalToolTests
{
    [Fact]
    public void Installs_from_the_packed_nupkg_as_a_local_tool_and_scans_the_sample()
    {
        string version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        string root = Run.NewTempDirectory("local-tool");
        string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        try
        {
            string feed = Path.Combine(root, "feed");
            string work = Path.Combine(root, "work");
            Directory.CreateDirectory(work);
            TimeSpan timeout = TimeSpan.FromMinutes(4);

            ProcessResult pack = Run.DotnetCli(Run.RepositoryRoot, timeout, "pack", Path.Combine(Run.RepositoryRoot, "src", "PiiGuard.Tool", "PiiGuard.Tool.csproj"),
                "-c", Run.Configuration, "-o", feed, "-p:PackageVersion=" + version, "--no-build", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-nologo");
            Assert.True(pack.ExitCode == 0 && File.Exists(Path.Combine(feed, $"PiiGuard.Tool.{version}.nupkg")), pack.Describe());

            ProcessResult manifest = Run.DotnetCli(work, timeout, "new", "tool-manifest");
            Assert.True(manifest.ExitCode == 0, manifest.Describe());
            ProcessResult install = Run.DotnetCli(work, timeout, "tool", "install", "--add-source", feed, "PiiGuard.Tool", "--version", version);
            Assert.True(install.ExitCode == 0, install.Describe());
            Assert.Contains("piiguard", install.Output);

            string json = Path.Combine(work, "inventory.json");
            string sample = Path.Combine(Run.RepositoryRoot, "samples", "PiiGuard.Sample", "PiiGuard.Sample.csproj");
            ProcessResult scan = Run.DotnetCli(work, timeout, "tool", "run", "piiguard", "--", sample, "--no-progress", "--json", json);
            Assert.True(scan.ExitCode == 0, scan.Describe());
            SampleScanTests.AssertSampleInventory(File.ReadAllText(json));

            ProcessResult failing = Run.DotnetCli(work, timeout, "tool", "run", "piiguard", "--", sample, "--no-progress", "--no-restore", "--fail-on", "warning");
            Assert.True(failing.ExitCode == 1, failing.Describe());
        }
        finally
        {
            Run.TryDelete(root);
            Run.TryDelete(Path.Combine(packages, "piiguard.tool", version));
        }
    }
}
