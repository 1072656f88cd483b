using System;
using System.Collections;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace PiiGuard.Package.Tests;

/// <summary>The result of one <c>dotnet</c> invocation: its command line, exit code and merged output.</summary>
public sealed record DotnetResult(string CommandLine, int ExitCode, string Output, TimeSpan Elapsed)
{
    /// <summary>Command, exit code, time and the whole output, for assertion messages.</summary>
    public string Describe() =>
        $"`{CommandLine}` exited with {ExitCode} after {Elapsed.TotalSeconds:F1}s. Output:{Environment.NewLine}{Output}";
}

/// <summary>
/// Runs the <c>dotnet</c> CLI as a child process with a timeout. The child gets no MSBuild node reuse, no
/// compiler server and no MSBuild server, so no process outlives the build and holds our pipes open; the
/// MSBuild variables the test host inherits from <c>dotnet test</c> are removed so the child resolves its own SDK.
/// </summary>
public static class DotnetProcess
{
    /// <summary>The dotnet host that runs this test (DOTNET_HOST_PATH), or <c>dotnet</c> from PATH.</summary>
    public static string DotnetExecutable
    {
        get
        {
            string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
        }
    }

    /// <summary>Runs <c>dotnet args…</c> in <paramref name="workingDirectory"/>; kills the process tree on timeout.</summary>
    public static DotnetResult Run(string workingDirectory, TimeSpan timeout, params string[] args) =>
        RunExecutable(DotnetExecutable, workingDirectory, timeout, args);

    /// <summary>Runs any executable (a dotnet host, a browser…) the same way: merged output, timeout, clean environment.</summary>
    public static DotnetResult RunExecutable(string executable, string workingDirectory, TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            string name = (string)variable.Key;
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                || name.Equals("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase)
                || name.Equals("DOTNET_CLI_UI_LANGUAGE", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(name);
            }
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["UseSharedCompilation"] = "false";
        start.Environment["NUGET_XMLDOC_MODE"] = "skip";

        string commandLine = (executable == DotnetExecutable ? "dotnet" : executable) + " " + string.Join(" ", args);
        var output = new StringBuilder();
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        if (!process.WaitForExit((int)timeout.TotalMilliseconds))
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It ended between the timeout and the kill.
            }

            process.WaitForExit(10_000);
            string partial;
            lock (output)
            {
                partial = output.ToString();
            }

            throw new TimeoutException($"`{commandLine}` did not finish within {timeout.TotalSeconds:F0}s and was killed. Output so far:{Environment.NewLine}{partial}");
        }

        process.WaitForExit(); // drains the asynchronous readers
        lock (output)
        {
            return new DotnetResult(commandLine, process.ExitCode, output.ToString(), stopwatch.Elapsed);
        }
    }
}
