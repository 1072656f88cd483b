global using ProcessResult = PiiGuard.Package.Tests.DotnetResult;
using System;
using System.Collections;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using PiiGuard.Package.Tests;

namespace PiiGuard.Tool.Tests;

/// <summary>Runs child processes with a timeout; dotnet children get no MSBuild node reuse and none of the test host's MSBuild variables.</summary>
public static class Run
{
    public static readonly string RepositoryRoot = Metadata("PiiGuard.RepositoryRoot");

    public static readonly string Configuration = Metadata("PiiGuard.Configuration");

    /// <summary>The tool as built beside these tests.</summary>
    public static string ToolDll => Path.Combine(RepositoryRoot, "src", "PiiGuard.Tool", "bin", Configuration, "net10.0", "PiiGuard.Tool.dll");

    /// <summary>The dotnet host that runs these tests.</summary>
    public static string Dotnet => DotnetProcess.DotnetExecutable;

    /// <summary>Runs the built tool: <c>dotnet PiiGuard.Tool.dll args…</c>.</summary>
    public static ProcessResult Tool(string workingDirectory, params string[] args) =>
        Process(Dotnet, workingDirectory, TimeSpan.FromMinutes(3), new[] { ToolDll }.Concat(args).ToArray());

    public static ProcessResult DotnetCli(string workingDirectory, TimeSpan timeout, params string[] args) => Process(Dotnet, workingDirectory, timeout, args);

    /// <summary>Runs a child process through the package tests' runner (one implementation for both test projects).</summary>
    public static ProcessResult Process(string executable, string workingDirectory, TimeSpan timeout, params string[] args) =>
        DotnetProcess.RunExecutable(executable, workingDirectory, timeout, args);

    public static string NewTempDirectory(string name)
    {
        string path = Path.Combine(Path.GetTempPath(), "piiguard-tool-tests", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        return path;
    }

    public static void CopyDirectory(string source, string target)
    {
        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            {
                continue;
            }

            string destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }

    public static void TryDelete(string directory)
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
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string Metadata(string key) =>
        typeof(Run).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException("assembly metadata " + key + " is missing");
}

/// <summary>Reads the inventory JSON.</summary>
public sealed class Inventory
{
    public Inventory(string json)
    {
        Document = JsonDocument.Parse(json);
    }

    public JsonDocument Document { get; }

    public JsonElement Root => Document.RootElement;

    public JsonElement[] Members => Root.GetProperty("members").EnumerateArray().ToArray();

    public JsonElement[] Flows => Root.GetProperty("flows").EnumerateArray().ToArray();

    public JsonElement[] Findings => Root.GetProperty("findings").EnumerateArray().ToArray();

    public JsonElement Member(string type, string member) =>
        Members.Single(m => m.GetProperty("type").GetString() == type && m.GetProperty("member").GetString() == member);

    public static string S(JsonElement e, string name) => e.GetProperty(name).GetString() ?? "";
}

/// <summary>A fact that needs headless Chromium; skipped, with the reason, when it is not installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Executable is null)
        {
            Skip = "chromium is not installed (.ci/run installs Debian's chromium package: apt-get install -y chromium)";
        }
    }
}

/// <summary>Headless Chromium.</summary>
public static class Chromium
{
    public static string? Executable { get; } = Find();

    /// <summary>The DOM of a local page after Chromium has loaded and laid it out.</summary>
    public static ProcessResult DumpDom(string htmlFile)
    {
        string profile = Run.NewTempDirectory("chromium-profile");
        try
        {
            return Run.Process(Executable!, Path.GetDirectoryName(htmlFile)!, TimeSpan.FromMinutes(2),
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
                "--user-data-dir=" + profile, "--dump-dom", new Uri(htmlFile).AbsoluteUri);
        }
        finally
        {
            Run.TryDelete(profile);
        }
    }

    private static string? Find()
    {
        foreach (string name in new[] { "chromium", "chromium-browser" })
        {
            foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
            {
                string candidate = Path.Combine(dir, name);
                if (dir.Length > 0 && File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
