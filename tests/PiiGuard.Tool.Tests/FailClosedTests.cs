using System;
using System.IO;
using System.Linq;

namespace PiiGuard.Tool.Tests;

/// <summary>
/// The scanner fails closed (issue 16, part 4) and every message it prints is true (part 6): a project that does not load,
/// restore or compile makes the scan exit 2 unless --allow-incomplete; bad arguments and unreadable input give one line and
/// exit 2, never a stack trace; NuGet warnings are not reported as MSBuild failures; a Razor project that builds cleanly
/// scans cleanly.
/// </summary>
public sealed class FailClosedTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    [Fact]
    public void A_project_file_that_is_not_valid_xml_exits_2_and_says_which_project_and_why()
    {
        string root = NewProjectFolder("broken", out string project);
        try
        {
            File.WriteAllText(Path.Combine(project, "Broken.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\">\n<PropertyGroup>\n");
            ProcessResult scan = Run.Tool(project, "Broken.csproj", "--fail-on", "warning", "--no-progress");
            Assert.True(scan.ExitCode == 2, scan.Describe());
            Assert.Contains("1 project(s) not analysed or analysed incompletely:", scan.Output);
            Assert.Contains("Broken: restore failed: MSB4025: The project file could not be loaded.", scan.Output);
            Assert.Contains("pass --allow-incomplete", scan.Output);
            AssertNoStackTrace(scan);

            // Opting in: the same scan is accepted, and still says what was not analysed.
            ProcessResult accepted = Run.Tool(project, "Broken.csproj", "--no-progress", "--no-restore", "--allow-incomplete");
            Assert.True(accepted.ExitCode == 0, accepted.Describe());
            Assert.Contains("note: 1 project(s) not analysed or analysed incompletely:", accepted.Output);
            Assert.Contains("Broken: did not load: The project file could not be loaded.", accepted.Output);
        }
        finally
        {
            Run.TryDelete(root);
        }
    }

    [Fact]
    public void A_compilation_with_errors_exits_2_unless_allow_incomplete()
    {
        string root = NewProjectFolder("errors", out string project);
        try
        {
            File.WriteAllText(Path.Combine(project, "Errors.csproj"), Library());
            File.WriteAllText(Path.Combine(project, "C.cs"), "public class C { public void M() { int x = \"s\"; } }\n");
            ProcessResult scan = Run.Tool(project, "Errors.csproj", "--no-progress");
            Assert.True(scan.ExitCode == 2, scan.Describe());
            Assert.Contains("Errors: 1 compiler error(s), first: C.cs(1,44): error CS0029", scan.Output);
            Assert.Contains("Errors (!)", scan.Output);
            AssertNoStackTrace(scan);

            ProcessResult accepted = Run.Tool(project, "Errors.csproj", "--no-progress", "--no-restore", "--allow-incomplete");
            Assert.True(accepted.ExitCode == 0, accepted.Describe());
            Assert.Contains("note: 1 project(s) not analysed or analysed incompletely:", accepted.Output);
        }
        finally
        {
            Run.TryDelete(root);
        }
    }

    [Fact]
    public void NuGet_warnings_are_not_reported_as_msbuild_failures()
    {
        string root = NewProjectFolder("nuget-warning", out string project);
        try
        {
            // 9.0.99 does not exist: restore resolves a higher version and warns NU1603; the project compiles.
            File.WriteAllText(Path.Combine(project, "Warns.csproj"), Library("<PackageReference Include=\"Microsoft.Extensions.Logging.Abstractions\" Version=\"9.0.99\" />"));
            File.WriteAllText(Path.Combine(project, "C.cs"), "public class C { public Microsoft.Extensions.Logging.ILogger? Logger { get; set; } }\n");
            ProcessResult scan = Run.Tool(project, "Warns.csproj", "--no-progress", "--fail-on", "warning");
            Assert.True(scan.ExitCode == 0, scan.Describe());
            Assert.DoesNotContain("Msbuild failed", scan.Output, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("piiguard: warning", scan.Output, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("not analysed", scan.Output);
        }
        finally
        {
            Run.TryDelete(root);
        }
    }

    [Fact]
    public void A_razor_project_that_builds_cleanly_scans_without_compiler_errors()
    {
        string root = NewProjectFolder("razor", out string project);
        try
        {
            File.WriteAllText(Path.Combine(project, "Pages.csproj"), """
                <Project Sdk="Microsoft.NET.Sdk.Razor">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                  </PropertyGroup>
                  <ItemGroup>
                    <FrameworkReference Include="Microsoft.AspNetCore.App" />
                  </ItemGroup>
                </Project>
                """);
            // Greeting is generated from Greeting.razor by the SDK's Razor source generator; Use.cs does not compile without it.
            File.WriteAllText(Path.Combine(project, "Greeting.razor"), "<p>Hello @Name</p>\n@code { [Parameter] public string Name { get; set; } = \"\"; }\n");
            File.WriteAllText(Path.Combine(project, "_Imports.razor"), "@using Microsoft.AspNetCore.Components\n");
            File.WriteAllText(Path.Combine(project, "Use.cs"), "namespace Pages; public static class Use { public static System.Type Component => typeof(Greeting); }\n");

            ProcessResult build = Run.DotnetCli(project, Timeout, "build", "Pages.csproj", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-nologo");
            Assert.True(build.ExitCode == 0, build.Describe());

            ProcessResult scan = Run.Tool(project, "Pages.csproj", "--no-progress", "--no-restore", "--fail-on", "warning");
            Assert.True(scan.ExitCode == 0, scan.Describe());
            Assert.DoesNotContain("compiler error", scan.Output);
            Assert.DoesNotContain("not analysed", scan.Output);
        }
        finally
        {
            Run.TryDelete(root);
        }
    }

    [Theory]
    [InlineData("missing.csproj", "piiguard: no such file: ")]
    [InlineData("notes.txt", "piiguard: not a solution or project file: ")]
    [InlineData("--frobnicate", "piiguard: unknown option --frobnicate")]
    [InlineData("--fail-on", "piiguard: --fail-on takes error, warning, info or none")]
    [InlineData("", "piiguard: give a .sln, .slnx or .csproj")]
    public void Bad_arguments_and_missing_files_give_one_line_and_exit_2(string argument, string message)
    {
        string root = Run.NewTempDirectory("bad-arguments");
        try
        {
            File.WriteAllText(Path.Combine(root, "notes.txt"), "not a project");
            ProcessResult result = argument.Length == 0 ? Run.Tool(root) : Run.Tool(root, argument);
            Assert.True(result.ExitCode == 2, result.Describe());
            string[] lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Single(lines);
            Assert.StartsWith(message, lines[0]);
            AssertNoStackTrace(result);
        }
        finally
        {
            Run.TryDelete(root);
        }
    }

    [Fact]
    public void A_report_that_cannot_be_written_gives_one_line_and_exit_2()
    {
        string root = NewProjectFolder("unwritable", out string project);
        try
        {
            File.WriteAllText(Path.Combine(project, "Ok.csproj"), Library());
            File.WriteAllText(Path.Combine(project, "C.cs"), "public class C { }\n");
            File.WriteAllText(Path.Combine(project, "blocker"), "a file where a folder is expected");
            ProcessResult scan = Run.Tool(project, "Ok.csproj", "--no-progress", "--json", Path.Combine(project, "blocker", "inventory.json"));
            Assert.True(scan.ExitCode == 2, scan.Describe());
            Assert.Contains("piiguard: cannot write the inventory to ", scan.Output);
            AssertNoStackTrace(scan);
        }
        finally
        {
            Run.TryDelete(root);
        }
    }

    internal static void AssertNoStackTrace(ProcessResult result)
    {
        Assert.DoesNotContain("   at ", result.Output);
        Assert.DoesNotContain("Unhandled exception", result.Output);
        Assert.DoesNotContain("Exception:", result.Output);
    }

    /// <summary>A temp root isolated from the folders above it, with a project folder in it.</summary>
    internal static string NewProjectFolder(string name, out string project)
    {
        string root = Run.NewTempDirectory(name);
        Package.Tests.LocalFeedConsumer.WriteIsolation(root);
        project = Path.Combine(root, "src");
        Directory.CreateDirectory(project);
        return root;
    }

    internal static string Library(string items = "") => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
          </PropertyGroup>
          <ItemGroup>{items}</ItemGroup>
        </Project>
        """;
}
