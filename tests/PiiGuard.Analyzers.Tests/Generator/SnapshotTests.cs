using System;
using System.IO;
using Xunit.Sdk;

namespace PiiGuard.Analyzers.Tests.Generator;

/// <summary>The snapshot helper itself: fails and writes *.received.cs on a missing or different snapshot, accepts on update.</summary>
public sealed class SnapshotTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "piiguard-snapshots-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void MissingSnapshot_FailsAndWritesReceived()
    {
        Assert.Throws<FailException>(() => Snapshot.Match("A", "text", _directory, update: false));

        Assert.Equal("text\n", File.ReadAllText(Path.Combine(_directory, "A.received.cs")));
        Assert.False(File.Exists(Path.Combine(_directory, "A.g.cs")));
    }

    [Fact]
    public void DifferentSnapshot_FailsNamingTheLine()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "B.g.cs"), "one\ntwo\n");

        var failure = Assert.Throws<FailException>(() => Snapshot.Match("B", "one\r\nthree", _directory, update: false));

        Assert.Contains("line 2", failure.Message);
        Assert.Equal("one\nthree\n", File.ReadAllText(Path.Combine(_directory, "B.received.cs")));
    }

    [Fact]
    public void Update_AcceptsAndRemovesReceived_ThenMatches()
    {
        Assert.Throws<FailException>(() => Snapshot.Match("C", "new", _directory, update: false));

        Snapshot.Match("C", "new", _directory, update: true);
        Snapshot.Match("C", "new\r\n", _directory, update: false);

        Assert.Equal("new\n", File.ReadAllText(Path.Combine(_directory, "C.g.cs")));
        Assert.False(File.Exists(Path.Combine(_directory, "C.received.cs")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
