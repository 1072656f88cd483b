using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using PiiGuard.Analyzers;

namespace PiiGuard.CodeFixes.Tests;

/// <summary>The shipped code fixes: exported, Fix All in every scope, and the rule pages say which rules have one.</summary>
public class CodeFixCatalogTests
{
    private static CodeFixProvider[] Providers() =>
        typeof(MaskWithPiiMaskCodeFixProvider).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToArray();

    [Fact]
    public void EveryProvider_IsExported_AndSupportsFixAllInEveryScope()
    {
        CodeFixProvider[] providers = Providers();
        Assert.Equal(7, providers.Length); // + [NotPii] on PII008, [Pii]/[NotPii] on leaks of name-discovered sources
        foreach (CodeFixProvider provider in providers)
        {
            var export = provider.GetType().GetCustomAttribute<ExportCodeFixProviderAttribute>();
            Assert.NotNull(export);
            Assert.Contains(LanguageNames.CSharp, export!.Languages);
            FixAllProvider? fixAll = provider.GetFixAllProvider();
            Assert.NotNull(fixAll);
            Assert.Contains(FixAllScope.Document, fixAll!.GetSupportedFixAllScopes());
            Assert.Contains(FixAllScope.Project, fixAll.GetSupportedFixAllScopes());
            Assert.Contains(FixAllScope.Solution, fixAll.GetSupportedFixAllScopes());
        }
    }

    [Theory]
    [InlineData("PII008", nameof(AddPiiAttributeCodeFixProvider))]
    [InlineData("PII001", nameof(MaskWithPiiMaskCodeFixProvider))]
    [InlineData("PII002", nameof(MaskWithPiiMaskCodeFixProvider))]
    public void DotnetFormat_AppliesTheFirstProvider_WhichIsTheBulkFix(string id, string expected)
    {
        // `dotnet format analyzers --diagnostics <id>` applies the first provider (in the assembly's type order) that fixes a
        // diagnostic: bulk annotation must add [Pii], not [NotPii], and bulk fixing of leaks must keep masking.
        CodeFixProvider first = Providers().First(p => p.FixableDiagnosticIds.Contains(id));
        Assert.Equal(expected, first.GetType().Name);
    }

    [Fact]
    public void RulePages_CodeFixRow_MatchesTheProviders()
    {
        string root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "PiiGuard.Analyzers.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("PiiGuard.Analyzers.sln not found");
        }

        var fixable = Providers().SelectMany(p => p.FixableDiagnosticIds).ToHashSet();
        foreach (var field in typeof(RuleIdentifiers).GetFields().Where(f => f.IsLiteral && ((string)f.GetRawConstantValue()!).StartsWith("PII", StringComparison.Ordinal)))
        {
            string id = (string)field.GetRawConstantValue()!;
            string page = File.ReadAllText(Path.Combine(root, "docs", "rules", id + ".md"));
            string expected = fixable.Contains(id) ? "Yes" : "No";
            Assert.True(page.Contains($"| **Code fix** | {expected} |", StringComparison.Ordinal), $"docs/rules/{id}.md should say Code fix: {expected}");
        }
    }
}
