using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace PiiGuard.Benchmarks;

/// <summary>
/// Whole-build timings of the synthetic project at several sizes, with no analyzers, with PiiGuard, with
/// Microsoft.CodeAnalysis.NetAnalyzers (AnalysisMode All) and with SecurityCodeScan.VS2019, interleaved in one
/// run so the ratios share the machine's noise. PiiGuard's own analyzer and generator time come from
/// -p:ReportAnalyzer=true.
/// </summary>
public static class CompileTimeRunner
{
    /// <summary>The configurations built; PIIGUARD_BENCH_CONFIGS=none,piiguard narrows a run to some of them.</summary>
    public static readonly string[] Configs = Environment.GetEnvironmentVariable("PIIGUARD_BENCH_CONFIGS") is { Length: > 0 } chosen
        ? chosen.Split(',')
        : new[] { "none", "piiguard", "netanalyzers", "securitycodescan" };

    public static int Run(string repoRoot, int[] sizes, int repetitions, string outputMarkdown)
    {
        string runtime = Path.Combine(repoRoot, "src", "PiiGuard", "bin", "Release", "net8.0", "PiiGuard.dll");
        string analyzers = Path.Combine(repoRoot, "src", "PiiGuard.Analyzers", "bin", "Release", "netstandard2.0", "PiiGuard.Analyzers.dll");
        // PIIGUARD_BENCH_BASELINE: a PiiGuard.Analyzers.dll built from another commit, built as the "baseline" configuration.
        string? baseline = Environment.GetEnvironmentVariable("PIIGUARD_BENCH_BASELINE") is { Length: > 0 } b ? Path.GetFullPath(b) : null;
        if (Configs.Contains("baseline") && baseline is null)
        {
            throw new InvalidOperationException("The baseline configuration needs PIIGUARD_BENCH_BASELINE=<PiiGuard.Analyzers.dll built from another commit>.");
        }

        SyntheticVariant variant = SyntheticSolution.VariantFromEnvironment();
        Exec(repoRoot, "dotnet", "build src/PiiGuard.Analyzers -c Release -nologo -v:q");
        Exec(repoRoot, "dotnet", "build src/PiiGuard -c Release -nologo -v:q");

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Synthetic code: {variant}. CPU is user+sys of the whole build process tree (UseSharedCompilation=false, so csc is a child).");
        report.AppendLine();
        report.AppendLine("| files | config | CPU (s, median) | CPU vs first | wall (s, median) | wall vs first | PiiGuard analyzers (s) | PiiGuard generator (s) | warnings |");
        report.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (int size in sizes)
        {
            string root = Path.Combine(repoRoot, "artifacts", "bench", $"synthetic-{size}-{variant.ToString().ToLowerInvariant()}");
            var warmUp = new Dictionary<string, BuildResult>();
            foreach (string config in Configs)
            {
                string dir = Path.Combine(root, config);
                SyntheticSolution.Write(dir, size, config, runtime, analyzers, variant, baseline);
                Exec(dir, "dotnet", "restore -nologo -v:q");
                // Warm-up (disk cache, JIT of the build's own code paths), with ReportAnalyzer: csc's table of analyzer and
                // generator times comes from this build. The timed builds run without it: timing every analyzer action
                // costs CPU itself, more for the configuration with more actions, which would bias the comparison.
                warmUp[config] = Build(dir, reportAnalyzer: true);
            }

            var cpu = Configs.ToDictionary(c => c, _ => new List<double>());
            var times = Configs.ToDictionary(c => c, _ => new List<double>());
            var analyzerTimes = Configs.ToDictionary(c => c, _ => new List<double>());
            var generatorTimes = Configs.ToDictionary(c => c, _ => new List<double>());
            var warnings = new Dictionary<string, int>();
            for (int rep = 0; rep < repetitions; rep++)
            {
                foreach (string config in Configs)
                {
                    var result = Build(Path.Combine(root, config), reportAnalyzer: false);
                    cpu[config].Add(result.CpuSeconds);
                    times[config].Add(result.Seconds);
                    analyzerTimes[config].Add(warmUp[config].PiiGuardAnalyzerSeconds);
                    generatorTimes[config].Add(warmUp[config].PiiGuardGeneratorSeconds);
                    warnings[config] = warmUp[config].Warnings;
                    Console.WriteLine($"{size,5} files {config,-16} CPU {result.CpuSeconds,7:F2} s  wall {result.Seconds,7:F2} s  ({result.Warnings} warnings; warm-up's ReportAnalyzer: PiiGuard analyzers {warmUp[config].PiiGuardAnalyzerSeconds:F3} s, generator {warmUp[config].PiiGuardGeneratorSeconds:F3} s)");
                }
            }

            string first = Configs[0];
            foreach (string config in Configs)
            {
                double c = Median(cpu[config]);
                double t = Median(times[config]);
                bool piiGuard = config is "piiguard" or "baseline";
                string pa = piiGuard ? Median(analyzerTimes[config]).ToString("F3", CultureInfo.InvariantCulture) : "";
                string pg = piiGuard ? Median(generatorTimes[config]).ToString("F3", CultureInfo.InvariantCulture) : "";
                report.AppendLine(CultureInfo.InvariantCulture, $"| {size} | {config} | {c:F2} (runs {Runs(cpu[config])}) | {c / Median(cpu[first]):F3} | {t:F2} (runs {Runs(times[config])}) | {t / Median(times[first]):F3} | {pa} | {pg} | {warnings[config]} |");
            }

            if (Configs.Contains("none") && Configs.Contains("piiguard"))
            {
                double pairedCpu = Median(cpu["piiguard"].Zip(cpu["none"], (x, y) => x / y).ToList());
                report.AppendLine();
                report.AppendLine(CultureInfo.InvariantCulture, $"{size} files: piiguard / none, median of paired rounds: CPU {pairedCpu:F3}");
                report.AppendLine();
            }

            if (Configs.Contains("baseline") && Configs.Contains("piiguard"))
            {
                // Paired: each round's piiguard build over the baseline build next to it, so slow phases of the machine cancel.
                double pairedCpu = Median(cpu["piiguard"].Zip(cpu["baseline"], (x, y) => x / y).ToList());
                double pairedWall = Median(times["piiguard"].Zip(times["baseline"], (x, y) => x / y).ToList());
                report.AppendLine();
                report.AppendLine(CultureInfo.InvariantCulture, $"{size} files: piiguard / baseline, median of paired rounds: CPU {pairedCpu:F3}, wall {pairedWall:F3}");
                report.AppendLine();
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputMarkdown))!);
        File.WriteAllText(outputMarkdown, report.ToString());
        Console.WriteLine(report);
        return 0;
    }

    /// <summary>
    /// The same measurement on a real project (not committed; cloned by the caller): its own build, then with
    /// PiiGuard, with NetAnalyzers (AnalysisMode All) and with SecurityCodeScan, injected through
    /// CustomAfterMicrosoftCommonTargets so the project's files are not edited.
    /// </summary>
    public static int RunReal(string repoRoot, string project, int repetitions, string[] extraArgs, string outputMarkdown)
    {
        string runtime = Path.Combine(repoRoot, "src", "PiiGuard", "bin", "Release", "netstandard2.0", "PiiGuard.dll");
        string analyzers = Path.Combine(repoRoot, "src", "PiiGuard.Analyzers", "bin", "Release", "netstandard2.0", "PiiGuard.Analyzers.dll");
        Exec(repoRoot, "dotnet", "build src/PiiGuard.Analyzers -c Release -nologo -v:q");
        Exec(repoRoot, "dotnet", "build src/PiiGuard -c Release -nologo -v:q");
        string nugetRoot = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string scs = Path.Combine(nugetRoot, "securitycodescan.vs2019", "5.6.7", "analyzers", "dotnet");
        bool wantsScs = Environment.GetEnvironmentVariable("PIIGUARD_BENCH_CONFIGS") is not { Length: > 0 } named || named.Split(',').Contains("securitycodescan");
        if (wantsScs && !Directory.Exists(scs))
        {
            throw new InvalidOperationException("SecurityCodeScan.VS2019 5.6.7 is not in the NuGet cache: run the synthetic benchmark first (it restores it).");
        }

        // PIIGUARD_BENCH_BASELINE: another commit's PiiGuard.Analyzers.dll, built as the "baseline" configuration (as in `compile`).
        string? baselineAnalyzers = Environment.GetEnvironmentVariable("PIIGUARD_BENCH_BASELINE") is { Length: > 0 } b ? Path.GetFullPath(b) : null;
        string inject = Path.Combine(repoRoot, "artifacts", "bench", "inject.targets");
        Directory.CreateDirectory(Path.GetDirectoryName(inject)!);
        File.WriteAllText(inject, $$"""
            <Project>
              <ItemGroup Condition="'$(PiiGuardBenchConfig)' == 'piiguard'">
                <Analyzer Include="{{analyzers}}" />
                <Reference Include="{{runtime}}" />
              </ItemGroup>
              <ItemGroup Condition="'$(PiiGuardBenchConfig)' == 'baseline'">
                <Analyzer Include="{{baselineAnalyzers ?? analyzers}}" />
                <Reference Include="{{runtime}}" />
              </ItemGroup>
              <ItemGroup Condition="'$(PiiGuardBenchConfig)' == 'securitycodescan'">
                <Analyzer Include="{{Path.Combine(scs, "SecurityCodeScan.VS2019.dll")}}" />
                <Analyzer Include="{{Path.Combine(scs, "YamlDotNet.dll")}}" />
              </ItemGroup>
            </Project>
            """);
        string dir = Path.GetDirectoryName(Path.GetFullPath(project))!;
        string common = string.Join(" ", extraArgs) + $" -p:CustomAfterMicrosoftCommonTargets={inject}";
        // dotnet restore takes no -f: restore every target framework, build one.
        var restoreArgs = new List<string>();
        for (int i = 0; i < extraArgs.Length; i++)
        {
            if (extraArgs[i] is "-f" or "--framework")
            {
                i++;
                continue;
            }

            restoreArgs.Add(extraArgs[i]);
        }

        Exec(dir, "dotnet", $"restore {project} -nologo -v:q {string.Join(" ", restoreArgs)} -p:CustomAfterMicrosoftCommonTargets={inject}");
        // PIIGUARD_BENCH_CONFIGS narrows the run as in `compile` ("none" is read as "default", the project's own build).
        string[] configs = Environment.GetEnvironmentVariable("PIIGUARD_BENCH_CONFIGS") is { Length: > 0 } chosen
            ? chosen.Split(',').Select(c => c == "none" ? "default" : c).ToArray()
            : new[] { "default", "piiguard", "netanalyzers", "securitycodescan" };
        // Timed builds without ReportAnalyzer (timing every action costs CPU itself); the warm-up build reports csc's table.
        string Args(string config, bool report) => $"build {project} -c Release --no-restore --no-incremental --disable-build-servers -nodeReuse:false -nologo {(report ? "-v:d -p:ReportAnalyzer=true" : "-v:m")} -p:UseSharedCompilation=false {common} -p:PiiGuardBenchConfig={config}"
            + (config == "netanalyzers" ? " -p:EnableNETAnalyzers=true -p:AnalysisMode=All" : "");
        var piiGuard = new List<double>();
        foreach (string config in configs)
        {
            string warmUp = Exec(dir, "dotnet", Args(config, report: true));
            if (config == "baseline" && baselineAnalyzers is null)
            {
                throw new InvalidOperationException("The baseline configuration needs PIIGUARD_BENCH_BASELINE=<PiiGuard.Analyzers.dll built from another commit>.");
            }

            if (config == "piiguard")
            {
                piiGuard.Add(SumTimes(warmUp, "PiiGuard.Analyzers", generator: false) + SumTimes(warmUp, "PiiGuard.Analyzers", generator: true));
            }
        }

        var times = configs.ToDictionary(c => c, _ => new List<double>());
        var cpu = configs.ToDictionary(c => c, _ => new List<double>());
        for (int rep = 0; rep < repetitions; rep++)
        {
            foreach (string config in configs)
            {
                // CPU (user+sys) of the whole build process tree: no compiler server and no reused nodes, so csc and
                // every MSBuild node are reaped children of this process.
                double cpuBefore = ChildrenCpuSeconds();
                var sw = Stopwatch.StartNew();
                Exec(dir, "dotnet", Args(config, report: false));
                sw.Stop();
                double cpuSeconds = ChildrenCpuSeconds() - cpuBefore;
                times[config].Add(sw.Elapsed.TotalSeconds);
                cpu[config].Add(cpuSeconds);

                Console.WriteLine($"{Path.GetFileName(project)} {config,-16} CPU {cpuSeconds,7:F2} s  wall {sw.Elapsed.TotalSeconds,7:F2} s");
            }
        }

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Project: {Path.GetFileName(project)} ({string.Join(" ", extraArgs)}). CPU is user+sys of the whole build process tree.");
        report.AppendLine();
        report.AppendLine("| config | CPU (s, median) | CPU vs default | paired CPU vs default | wall (s, median) | wall vs default | PiiGuard analyzers + generator (s) |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        string first = configs[0];
        double baselineCpu = Median(cpu[first]);
        double baseline = Median(times[first]);
        foreach (string config in configs)
        {
            double c = Median(cpu[config]);
            double t = Median(times[config]);
            double paired = Median(cpu[config].Zip(cpu[first], (x, y) => x / y).ToList());
            string own = config == "piiguard" ? Median(piiGuard).ToString("F3", CultureInfo.InvariantCulture) : "";
            report.AppendLine(CultureInfo.InvariantCulture, $"| {config} | {c:F2} (runs {Runs(cpu[config])}) | {c / baselineCpu:F3} | {paired:F3} | {t:F2} (runs {Runs(times[config])}) | {t / baseline:F3} | {own} |");
        }

        File.WriteAllText(outputMarkdown, report.ToString());
        Console.WriteLine(report);
        return 0;
    }

    private sealed record BuildResult(double Seconds, double CpuSeconds, double PiiGuardAnalyzerSeconds, double PiiGuardGeneratorSeconds, int Warnings);

    /// <summary>
    /// One full build. No compiler server and no reused MSBuild nodes, so that csc and every node are descendants of
    /// this process and their CPU time (user+sys) reaches <see cref="ChildrenCpuSeconds"/> when they are reaped.
    /// </summary>
    private static BuildResult Build(string dir, bool reportAnalyzer)
    {
        double cpuBefore = ChildrenCpuSeconds();
        var sw = Stopwatch.StartNew();
        string output = Exec(dir, "dotnet", "build -c Release --no-restore --no-incremental --disable-build-servers -nodeReuse:false -nologo -p:UseSharedCompilation=false "
            + (reportAnalyzer ? "-v:d -p:ReportAnalyzer=true" : "-v:m"));
        sw.Stop();
        double cpu = ChildrenCpuSeconds() - cpuBefore;
        return new BuildResult(sw.Elapsed.TotalSeconds, cpu, SumTimes(output, "PiiGuard.Analyzers", generator: false), SumTimes(output, "PiiGuard.Analyzers", generator: true), CountWarnings(output));
    }

    /// <summary>User+sys CPU seconds of every terminated and reaped descendant of this process (getrusage(RUSAGE_CHILDREN)); NaN off Linux.</summary>
    public static double ChildrenCpuSeconds()
    {
        if (!OperatingSystem.IsLinux())
        {
            return double.NaN;
        }

        // struct rusage on 64-bit Linux: ru_utime and ru_stime (timeval: seconds, microseconds), then 14 longs.
        var usage = new long[18];
        if (GetRUsage(-1 /* RUSAGE_CHILDREN */, usage) != 0)
        {
            return double.NaN;
        }

        return usage[0] + usage[1] / 1e6 + usage[2] + usage[3] / 1e6;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static extern int GetRUsage(int who, long[] usage);

    private static string Runs(List<double> values) => string.Join(", ", values.Select(v => v.ToString("F2", CultureInfo.InvariantCulture)));

    /// <summary>
    /// Reads csc's ReportAnalyzer table: a line naming the assembly ("0.123   12   PiiGuard.Analyzers, Version=…")
    /// under "Analyzer execution time" or "Generator execution time".
    /// </summary>
    private static double SumTimes(string output, string assembly, bool generator)
    {
        double total = 0;
        string? section = null;
        foreach (string raw in output.Split('\n'))
        {
            string line = raw.Trim();
            if (line.Contains("Total analyzer execution time", StringComparison.OrdinalIgnoreCase))
            {
                section = "analyzer";
                continue;
            }

            if (line.Contains("Total generator execution time", StringComparison.OrdinalIgnoreCase))
            {
                section = "generator";
                continue;
            }

            if (section != null && line.Contains(assembly, StringComparison.Ordinal) && line.Contains("Version=", StringComparison.Ordinal))
            {
                var m = Regex.Match(line, @"^(<?\d+[.,]\d+|<\d+[.,]\d+)");
                if (m.Success && (section == "generator") == generator)
                {
                    total += double.Parse(m.Value.TrimStart('<').Replace(',', '.'), CultureInfo.InvariantCulture);
                }
            }
        }

        return total;
    }

    private static int CountWarnings(string output)
    {
        var m = Regex.Match(output, @"(\d+) Warning\(s\)");
        return m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : -1;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    public static string Exec(string dir, string file, string args)
    {
        var psi = new ProcessStartInfo(file, args)
        {
            WorkingDirectory = dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        string text = stdout.Result + stderr.Result;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{file} {args}' in {dir} failed ({process.ExitCode}):\n{text}");
        }

        return text;
    }
}
