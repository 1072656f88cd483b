using System;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Running;

namespace PiiGuard.Benchmarks;

public static class Program
{
    /// <summary>
    /// <c>compile [sizes] [repetitions]</c>: whole-build timings of the synthetic project (see CompileTimeRunner).
    /// Anything else goes to BenchmarkDotNet (e.g. <c>--filter *</c>).
    /// </summary>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "compile")
        {
            int[] sizes = args.Length > 1 ? args[1].Split(',').Select(int.Parse).ToArray() : new[] { 200, 1000, 3000 };
            int reps = args.Length > 2 ? int.Parse(args[2]) : 3;
            string root = FindRepoRoot();
            return CompileTimeRunner.Run(root, sizes, reps, Path.Combine(root, "artifacts", "bench", "compile-time.md"));
        }

        if (args.Length > 0 && args[0] == "profile")
        {
            // profile [sizes] [repetitions] [baseline PiiGuard.Analyzers.dll]: analyzer CPU time in-process (see AnalyzerProfile).
            int[] sizes = args.Length > 1 ? args[1].Split(',').Select(int.Parse).ToArray() : new[] { 1000 };
            return AnalyzerProfile.Run(sizes, args.Length > 2 ? int.Parse(args[2]) : 3, args.Length > 3 ? args[3] : null);
        }

        if (args.Length > 0 && args[0] == "ide")
        {
            // ide [repetitions]: the IDE scenario per analyzer, next to an empty operation analyzer (see IdeProfile).
            return IdeProfile.Run(args.Length > 1 ? int.Parse(args[1]) : 15);
        }

        if (args.Length > 0 && args[0] == "generated")
        {
            // generated [size] [repetitions]: what compiling the masking generator's output costs (see GeneratedCodeCost).
            return GeneratedCodeCost.Run(args.Length > 1 ? int.Parse(args[1]) : 1000, args.Length > 2 ? int.Parse(args[2]) : 3);
        }

        if (args.Length > 0 && args[0] == "summaries")
        {
            // summaries [methods] [repetitions]: size and CPU cost of the summaries that travel with an assembly (see SummaryCost).
            return SummaryCost.Run(args.Length > 1 ? int.Parse(args[1]) : 1000, args.Length > 2 ? int.Parse(args[2]) : 5);
        }

        if (args.Length > 2 && args[0] == "real")
        {
            // real <project> <repetitions> [msbuild arguments…]
            string root = FindRepoRoot();
            return CompileTimeRunner.RunReal(root, Path.GetFullPath(args[1]), int.Parse(args[2]), args.Skip(3).ToArray(), Path.Combine(root, "artifacts", "bench", "real-project.md"));
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }

    public static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PiiGuard.Analyzers.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PiiGuard.Analyzers.sln not found");
    }
}
