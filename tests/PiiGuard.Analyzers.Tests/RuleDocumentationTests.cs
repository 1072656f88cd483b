using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace PiiGuard.Analyzers.Tests;

/// <summary>
/// Every rule is explained: each descriptor's help link is its page, docs/rules/&lt;id&gt;.md exists with the
/// required sections and agrees with the descriptor, the id is tracked in AnalyzerReleases and listed in the
/// README's rule table.
/// </summary>
public class RuleDocumentationTests
{
    private static readonly string[] RequiredSections =
    {
        "## Cause", "## Rule description", "## Examples", "### Flagged", "### Clean", "## How to fix", "## How to suppress",
    };

    public static IEnumerable<object[]> Ids => RuleIds().Select(id => new object[] { id });

    /// <summary>The ids declared in <see cref="RuleIdentifiers"/>.</summary>
    private static IReadOnlyList<string> RuleIds() =>
        typeof(RuleIdentifiers).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Where(v => Regex.IsMatch(v, "^PII[0-9]{3}$"))
            .OrderBy(v => v, StringComparer.Ordinal)
            .ToList();

    /// <summary>The descriptors exposed by <see cref="Rules"/>.</summary>
    private static IReadOnlyList<DiagnosticDescriptor> Descriptors() =>
        typeof(Rules).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToList();

    /// <summary>The repository root: the nearest directory above the test binaries holding PiiGuard.Analyzers.sln.</summary>
    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PiiGuard.Analyzers.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PiiGuard.Analyzers.sln not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void EveryIdHasOneDescriptor_AndEveryDescriptorAnId()
    {
        var descriptorIds = Descriptors().Select(d => d.Id).OrderBy(v => v, StringComparer.Ordinal).ToList();
        Assert.Equal(RuleIds(), descriptorIds);
    }

    [Fact]
    public void EveryDescriptor_HelpLinkIsItsRulePage()
    {
        foreach (DiagnosticDescriptor descriptor in Descriptors())
        {
            Assert.Equal(RuleIdentifiers.GetHelpUri(descriptor.Id), descriptor.HelpLinkUri);
            Assert.EndsWith("/docs/rules/" + descriptor.Id + ".md", descriptor.HelpLinkUri, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void RulePage_ExistsWithRequiredSections_AndAgreesWithDescriptor(string id)
    {
        string path = Path.Combine(RepositoryRoot(), "docs", "rules", id + ".md");
        Assert.True(File.Exists(path), $"docs/rules/{id}.md is missing");
        string page = File.ReadAllText(path);
        DiagnosticDescriptor descriptor = Descriptors().Single(d => d.Id == id);

        string firstLine = page.Split('\n')[0].TrimEnd('\r');
        Assert.Equal($"# {id}: {descriptor.Title}", firstLine);

        int last = -1;
        foreach (string section in RequiredSections)
        {
            int at = page.IndexOf("\n" + section + "\n", StringComparison.Ordinal);
            Assert.True(at >= 0, $"docs/rules/{id}.md has no '{section}' section");
            Assert.True(at > last, $"docs/rules/{id}.md: '{section}' is out of order");
            last = at;
        }

        Assert.Contains($"| **Id** | {id} |", page);
        Assert.Contains($"| **Category** | {descriptor.Category} |", page);
        Assert.Contains($"| **Default severity** | {descriptor.DefaultSeverity} |", page);
        Assert.Matches(@"\| \*\*Code fix\*\* \| (Yes|No) \|", page);

        // A flagged and a clean example, each a fenced code block right under its heading.
        Assert.Matches(@"### Flagged\s+```(csharp|ini)\n", page);
        Assert.Matches(@"### Clean\s+```(csharp|ini)\n", page);

        string suppress = page.Substring(page.IndexOf("## How to suppress", StringComparison.Ordinal));
        Assert.Contains($"dotnet_diagnostic.{id}.severity", suppress);
        Assert.Contains($"SuppressMessage(\"{descriptor.Category}\", \"{id}:", suppress);
        if (id != RuleIdentifiers.InvalidConfiguration)
        {
            Assert.Contains($"#pragma warning disable {id}", suppress);
        }
    }

    [Fact]
    public void NoOrphanRulePages()
    {
        var pages = Directory.GetFiles(Path.Combine(RepositoryRoot(), "docs", "rules"), "*.md").Select(Path.GetFileNameWithoutExtension).OrderBy(v => v, StringComparer.Ordinal);
        Assert.Equal(RuleIds(), pages);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void EveryId_IsTrackedInAnalyzerReleases(string id)
    {
        string dir = Path.Combine(RepositoryRoot(), "src", "PiiGuard.Analyzers");
        string releases = File.ReadAllText(Path.Combine(dir, "AnalyzerReleases.Shipped.md")) + "\n" + File.ReadAllText(Path.Combine(dir, "AnalyzerReleases.Unshipped.md"));
        DiagnosticDescriptor descriptor = Descriptors().Single(d => d.Id == id);
        Assert.Matches(new Regex($@"(?m)^{id}\s*\|\s*{Regex.Escape(descriptor.Category)}\s*\|\s*{descriptor.DefaultSeverity}\s*\|"), releases);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void EveryId_IsLinkedFromReadmeRuleTable(string id)
    {
        string readmePath = Path.Combine(RepositoryRoot(), "README.md");
        Assert.True(File.Exists(readmePath), "README.md is missing at the repository root; it must list every rule with a link to docs/rules/<id>.md");
        string readme = File.ReadAllText(readmePath);
        string link = $"(docs/rules/{id}.md)";
        Assert.True(
            Regex.IsMatch(readme, $@"(?m)^\|.*\[{id}\]\(docs/rules/{id}\.md\)"),
            $"README.md's rule table has no row linking {id} as [{id}](docs/rules/{id}.md) (looked for '{link}' in a table row)");
    }

    /// <summary>A merge once left conflict markers in docs/configuration.md; the docs are read by users, not by a compiler.</summary>
    [Fact]
    public void Documentation_HasNoMergeConflictMarkers()
    {
        string root = Generator.RepositoryPaths.Root;
        var files = Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories)
            .Append(Path.Combine(root, "README.md"))
            .ToList();
        Assert.NotEmpty(files);
        var marked = files
            .Where(f => Regex.IsMatch(File.ReadAllText(f), @"(?m)^(<<<<<<< |=======\r?$|>>>>>>> )"))
            .Select(f => Path.GetRelativePath(root, f))
            .ToList();
        Assert.Empty(marked);
    }
}
