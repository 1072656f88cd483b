using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace PiiGuard.Analyzers.Tests.Infrastructure;

/// <summary>
/// Metadata references for test compilations: this process's framework assemblies (the test host runs on
/// the same .NET as the SDK), PiiGuard's runtime, and the real logging, HTTP, mail, messaging and telemetry
/// packages restored for this test project. No package is downloaded at test time.
/// </summary>
public static class TestReferences
{
    /// <summary>No reference package: the references below are added explicitly.</summary>
    public static readonly ReferenceAssemblies None = new ReferenceAssemblies("net10.0");

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyAll = new(Load);

    /// <summary>Framework + PiiGuard + every package the test project references.</summary>
    public static ImmutableArray<MetadataReference> All => LazyAll.Value;

    /// <summary>Framework assemblies only (no PiiGuard, no packages).</summary>
    public static ImmutableArray<MetadataReference> Framework => LazyFramework.Value;

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyFramework = new(() =>
        FrameworkPaths().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray());

    private static IEnumerable<string> FrameworkPaths()
    {
        string tpa = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        string frameworkDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        string aspNetDir = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(frameworkDir)!)!, "Microsoft.AspNetCore.App");
        return tpa.Split(Path.PathSeparator)
            .Where(p => (Path.GetDirectoryName(p) == frameworkDir || Path.GetDirectoryName(Path.GetDirectoryName(p)) == aspNetDir) && IsManaged(p));
    }

    private static ImmutableArray<MetadataReference> Load()
    {
        string baseDir = AppContext.BaseDirectory;
        var paths = new List<string>(FrameworkPaths());
        var names = new HashSet<string>(paths.Select(Path.GetFileName)!, StringComparer.OrdinalIgnoreCase);
        foreach (string dll in Directory.EnumerateFiles(baseDir, "*.dll"))
        {
            string file = Path.GetFileName(dll);
            if (names.Contains(file) || IsTestInfrastructure(file) || !IsManaged(dll))
            {
                continue;
            }

            names.Add(file);
            paths.Add(dll);
        }

        return paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    }

    private static bool IsTestInfrastructure(string file) =>
        file.StartsWith("xunit", StringComparison.OrdinalIgnoreCase)
        || file.StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase)
        || file.StartsWith("Microsoft.TestPlatform", StringComparison.OrdinalIgnoreCase)
        || file.StartsWith("Microsoft.VisualStudio", StringComparison.OrdinalIgnoreCase)
        || file.StartsWith("testhost", StringComparison.OrdinalIgnoreCase)
        || file.StartsWith("PiiGuard.Analyzers", StringComparison.OrdinalIgnoreCase)
        || file.StartsWith("PiiGuard.CodeFixes", StringComparison.OrdinalIgnoreCase)
        || file.StartsWith("NuGet.", StringComparison.OrdinalIgnoreCase)
        || file.StartsWith("DiffPlex", StringComparison.OrdinalIgnoreCase)
        || file.StartsWith("System.Composition", StringComparison.OrdinalIgnoreCase)
        || file.StartsWith("Microsoft.Build", StringComparison.OrdinalIgnoreCase)
        || file.StartsWith("Humanizer", StringComparison.OrdinalIgnoreCase);

    private static bool IsManaged(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
            return pe.HasMetadata;
        }
        catch (Exception)
        {
            return false;
        }
    }
}
