using System;
using System.IO;

namespace PiiGuard.Analyzers.Tests.Generator;

/// <summary>
/// Paths in the source tree, found from the test binaries (CallerFilePath is mapped to "/_/" by deterministic CI builds).
/// </summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The directory that holds PiiGuard.Analyzers.sln.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>Generator/Snapshots of this test project.</summary>
    public static string Snapshots => Path.Combine(Root, "tests", "PiiGuard.Analyzers.Tests", "Generator", "Snapshots");

    /// <summary>The runtime project's sources.</summary>
    public static string RuntimeSources => Path.Combine(Root, "src", "PiiGuard");

    private static string FindRoot()
    {
        for (DirectoryInfo? directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PiiGuard.Analyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("PiiGuard.Analyzers.sln not found above " + AppContext.BaseDirectory);
    }
}
