using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

// Measures PII008 on a checked-out code base, as docs/rules/PII008.md reports it.
//   dotnet run --project tools/Pii008Precision -- <source dir> [labels.tsv] [extra reference .dll ...]
// Parses every .cs file outside test, migration and obj folders, compiles it against the framework only (types
// from packages stay unresolved, so members of those types are skipped), runs PII008 raised to a warning and prints
// one line per report: file:line, inferred kind, declaration. With a labels file (lines "<dir name>\t<regex>"
// matching false positives) it also prints the count of false positives and the precision.
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: Pii008Precision <source dir> [labels.tsv] [reference.dll ...]");
    return 2;
}

string dir = Path.GetFullPath(args[0]);
string? labels = args.Length > 1 && args[1].EndsWith(".tsv", StringComparison.Ordinal) ? args[1] : null;
var files = Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories)
    .Where(f => !f.Contains("/obj/") && !f.Contains("Test", StringComparison.OrdinalIgnoreCase) && !f.Contains("Migration", StringComparison.OrdinalIgnoreCase))
    .ToList();
var parse = new CSharpParseOptions(LanguageVersion.Preview);
var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parse, f)).ToList();
string tpa = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
var references = tpa.Split(Path.PathSeparator)
    .Where(p => Path.GetFileName(p).StartsWith("System", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
    .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
    .Concat(args.Skip(labels is null ? 1 : 2).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)))
    .ToList();
var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
    .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["PII008"] = ReportDiagnostic.Warn });
var compilation = CSharpCompilation.Create("corpus", trees, references, options);
ImmutableArray<Diagnostic> diagnostics = await compilation
    .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new PiiGuard.Analyzers.UnannotatedPersonalDataAnalyzer()))
    .GetAnalyzerDiagnosticsAsync();

var lines = new List<string>();
foreach (Diagnostic d in diagnostics.OrderBy(d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start))
{
    SyntaxTree tree = d.Location.SourceTree!;
    SyntaxNode declaration = tree.GetRoot().FindToken(d.Location.SourceSpan.Start).Parent!
        .AncestorsAndSelf().First(n => n is MemberDeclarationSyntax || n is ParameterSyntax);
    string text = Regex.Replace(declaration.ToString(), @"\s+", " ");
    if (text.Length > 110)
    {
        text = text.Substring(0, 110);
    }

    lines.Add($"{Path.GetRelativePath(dir, tree.FilePath)}:{d.Location.GetLineSpan().StartLinePosition.Line + 1}\t{d.Properties["piiKind"]}\t{text}");
}

lines.ForEach(Console.WriteLine);
Console.Error.WriteLine($"files={files.Count} reported={lines.Count}");
if (labels != null)
{
    string name = Path.GetFileName(dir.TrimEnd(Path.DirectorySeparatorChar));
    var patterns = File.ReadAllLines(labels).Select(l => l.Split('\t')).Where(p => p.Length == 2 && p[0] == name).Select(p => new Regex(p[1])).ToList();
    int falsePositives = lines.Count(l => patterns.Any(p => p.IsMatch(l)));
    Console.Error.WriteLine($"false positives={falsePositives} precision={(lines.Count == 0 ? 1 : (double)(lines.Count - falsePositives) / lines.Count):P1}");
}

return 0;
