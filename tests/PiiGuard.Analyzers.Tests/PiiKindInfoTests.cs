using System;
using System.Linq;
using PiiGuard.Analyzers.Core;

namespace PiiGuard.Analyzers.Tests;

/// <summary>The analyzer cannot reference the runtime, so it keeps a copy of PiiKind: it must match.</summary>
public class PiiKindInfoTests
{
    [Fact]
    public void AnalyzerCopy_MatchesRuntimeEnum_NamesAndValues()
    {
        var runtime = Enum.GetValues<PiiKind>().ToDictionary(k => (int)k, k => k.ToString());
        Assert.Equal(runtime.Count, PiiKindInfo.Names.Length);
        foreach (var (value, name) in runtime)
        {
            Assert.Equal(name, PiiKindInfo.GetName(value));
            Assert.Equal(value, PiiKindInfo.FromName(name));
        }
    }

    [Fact]
    public void AnalyzerCopy_MatchesRuntime_SensitivityAndEntropy()
    {
        foreach (PiiKind kind in Enum.GetValues<PiiKind>())
        {
            Assert.Equal(PiiKinds.IsSensitiveByDefault(kind), PiiKindInfo.IsSensitiveByDefault((int)kind));
            Assert.Equal(PiiKinds.IsLowEntropy(kind), PiiKindInfo.IsLowEntropy((int)kind));
        }
    }

    [Fact]
    public void UnknownKindValue_PrintsAsNumber()
    {
        Assert.Equal("99", PiiKindInfo.GetName(99));
        Assert.False(PiiKindInfo.IsSensitiveByDefault(99));
    }
}
