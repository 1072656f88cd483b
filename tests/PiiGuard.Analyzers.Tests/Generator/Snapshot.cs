using System;
using System.IO;

namespace PiiGuard.Analyzers.Tests.Generator;

/// <summary>
/// A tiny snapshot check. The expected text lives in Generator/Snapshots/&lt;name&gt;.g.cs in the source tree. When it is
/// missing or differs, the test fails and writes &lt;name&gt;.received.cs beside it; with PIIGUARD_UPDATE_SNAPSHOTS=1 the
/// received text is accepted (written as the snapshot) instead.
/// </summary>
public static class Snapshot
{
    public static void Match(string name, string actual)
        => Match(name, actual, RepositoryPaths.Snapshots, Environment.GetEnvironmentVariable("PIIGUARD_UPDATE_SNAPSHOTS") == "1");

    /// <summary>Compares with (or, when <paramref name="update"/>, writes) the snapshot <paramref name="name"/> in <paramref name="directory"/>.</summary>
    public static void Match(string name, string actual, string directory, bool update)
    {
        Directory.CreateDirectory(directory);
        string expectedPath = Path.Combine(directory, name + ".g.cs");
        string receivedPath = Path.Combine(directory, name + ".received.cs");
        string normalized = Normalize(actual);

        string? expected = File.Exists(expectedPath) ? Normalize(File.ReadAllText(expectedPath)) : null;
        if (expected == normalized)
        {
            if (File.Exists(receivedPath))
            {
                File.Delete(receivedPath);
            }

            return;
        }

        if (update)
        {
            File.WriteAllText(expectedPath, normalized);
            if (File.Exists(receivedPath))
            {
                File.Delete(receivedPath);
            }

            return;
        }

        File.WriteAllText(receivedPath, normalized);
        Assert.Fail(expected is null
            ? $"Snapshot {expectedPath} is missing; the generated text was written to {receivedPath}. Review it and rename it, or run with PIIGUARD_UPDATE_SNAPSHOTS=1."
            : $"Snapshot {expectedPath} differs; the generated text was written to {receivedPath}. Diff them, then accept with PIIGUARD_UPDATE_SNAPSHOTS=1.\n{FirstDifference(expected, normalized)}");
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n").TrimEnd() + "\n";

    private static string FirstDifference(string expected, string actual)
    {
        string[] e = expected.Split('\n');
        string[] a = actual.Split('\n');
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            string le = i < e.Length ? e[i] : "<end>";
            string la = i < a.Length ? a[i] : "<end>";
            if (le != la)
            {
                return $"line {i + 1}:\n  expected: {le}\n  received: {la}";
            }
        }

        return string.Empty;
    }
}
