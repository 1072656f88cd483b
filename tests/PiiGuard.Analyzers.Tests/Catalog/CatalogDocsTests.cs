using System;
using System.IO;
using PiiGuard.Analyzers.Flow.Catalog;

namespace PiiGuard.Analyzers.Tests.Catalog;

/// <summary>docs/configuration.md's sink, source and sanitizer tables are the catalogue's rows: they cannot drift from the code.</summary>
public class CatalogDocsTests
{
    [Fact]
    public void ConfigurationDoc_HoldsTheCatalogueAsRendered()
    {
        string path = Path.Combine(RuleDocumentationTests.RepositoryRoot(), "docs", "configuration.md");
        string doc = File.ReadAllText(path).Replace("\r\n", "\n");
        string expected = CatalogDocs.Render().Replace("\r\n", "\n");
        int begin = doc.IndexOf(CatalogDocs.Begin, StringComparison.Ordinal);
        int end = doc.IndexOf(CatalogDocs.End, StringComparison.Ordinal);

        // Regenerate with: PIIGUARD_UPDATE_DOCS=1 dotnet test tests/PiiGuard.Analyzers.Tests --filter CatalogDocsTests
        if (Environment.GetEnvironmentVariable("PIIGUARD_UPDATE_DOCS") == "1" && begin >= 0 && end > begin)
        {
            doc = doc.Substring(0, begin) + expected.TrimEnd('\n') + doc.Substring(end + CatalogDocs.End.Length);
            File.WriteAllText(path, doc);
            return;
        }

        Assert.True(begin >= 0 && end > begin, "docs/configuration.md has no catalogue markers");
        Assert.Equal(expected.TrimEnd('\n'), doc.Substring(begin, end + CatalogDocs.End.Length - begin));
    }

    [Fact]
    public void EveryFamilyRow_NamesAType_AndMembers()
    {
        foreach (SinkRow row in LoggingSinks.Rows.AddRange(EgressSinks.Rows).AddRange(TelemetrySinks.Rows).AddRange(ExceptionSinks.Rows))
        {
            Assert.False(string.IsNullOrWhiteSpace(row.Type));
            Assert.DoesNotContain(' ', row.Type);
            Assert.False(string.IsNullOrWhiteSpace(row.Members.Text), row.Type);
            Assert.False(string.IsNullOrWhiteSpace(row.Display), row.Type);
        }

        foreach (SourceRow row in FrameworkSources.Rows)
        {
            Assert.True(row.Keys != null || row.Kind >= 0, row.Type);
            Assert.Equal(row.KeyParameter != null, row.Keys != null);
        }
    }
}
