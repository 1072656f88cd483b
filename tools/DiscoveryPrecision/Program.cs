using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

// Measures name-based discovery (PiiGuardDiscovery=names) on a checked-out code base, as docs/discovery.md reports it.
//   dotnet run --project tools/DiscoveryPrecision -c Release -- <source dir> <repo@commit> [labels.tsv]
// Parses every .cs file outside test, migration, obj and bin folders, compiles it against .NET and the ASP.NET Core shared
// framework only (types from other packages stay unresolved), runs the leak analyzer with discovery on and prints one line
// per leak whose source was found by name (property inferred=name): repo@commit, file, line, member, kind, rule, sink.
// With a labels file (the same columns, then label "tp"/"fp" and a reason) it joins on repo@commit, file, line and member,
// prints unlabelled leaks with label "?", and the precision of the labelled ones.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: DiscoveryPrecision <source dir> <repo@commit> [labels.tsv]");
    return 2;
}

string dir = Path.GetFullPath(args[0]);
string corpus = args[1];
string? labelsPath = args.Length > 2 ? args[2] : null;
var files = Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories)
    .Select(f => (Full: f, Relative: Path.GetRelativePath(dir, f).Replace('\\', '/')))
    .Where(f => !f.Relative.Contains("/obj/") && !f.Relative.Contains("/bin/") && !f.Relative.Contains("Test", StringComparison.OrdinalIgnoreCase)
        && !f.Relative.Contains("Migration", StringComparison.OrdinalIgnoreCase) && !f.Relative.Contains("Benchmark", StringComparison.OrdinalIgnoreCase))
    .OrderBy(f => f.Relative, StringComparer.Ordinal)
    .ToList();
var parse = new CSharpParseOptions(LanguageVersion.Preview);
var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f.Full), parse, f.Relative)).ToList();
string tpa = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
var references = tpa.Split(Path.PathSeparator)
    .Where(p => !Path.GetFileName(p).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) && !Path.GetFileName(p).StartsWith("PiiGuard", StringComparison.Ordinal)
        && !Path.GetFileName(p).StartsWith("DiscoveryPrecision", StringComparison.Ordinal))
    .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
    .ToList();
var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true);
var compilation = CSharpCompilation.Create("corpus", trees, references, options);
var analyzerOptions = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new Options(("build_property.PiiGuardDiscovery", "names")));
ImmutableArray<Diagnostic> diagnostics = await compilation
    .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new PiiGuard.Analyzers.PersonalDataFlowAnalyzer()), analyzerOptions)
    .GetAnalyzerDiagnosticsAsync();

var labels = new Dictionary<string, (string Label, string Reason)>(StringComparer.Ordinal);
if (labelsPath != null)
{
    foreach (string line in File.ReadAllLines(labelsPath).Where(l => l.Length > 0 && !l.StartsWith('#')))
    {
        string[] cells = line.Split('\t');
        if (cells.Length >= 9)
        {
            labels[string.Join('\t', cells.Take(4))] = (cells[7], cells[8]);
        }
    }
}

int tp = 0, fp = 0, unlabelled = 0;
foreach (Diagnostic d in diagnostics
    .Where(d => d.Properties.TryGetValue("inferred", out string? inferred) && inferred == "name")
    .OrderBy(d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start))
{
    string file = d.Location.SourceTree!.FilePath;
    int line = d.Location.GetLineSpan().StartLinePosition.Line + 1;
    string key = $"{corpus}\t{file}\t{line}\t{d.Properties["member"]}";
    (string label, string reason) = labels.TryGetValue(key, out var l) ? l : ("?", "");
    switch (label)
    {
        case "tp": tp++; break;
        case "fp": fp++; break;
        default: unlabelled++; break;
    }

    Console.WriteLine($"{key}\t{d.Properties["piiKind"]}\t{d.Id}\t{d.Properties["sink"]}\t{label}\t{reason}");
}

Console.Error.WriteLine($"files={files.Count} discovered leaks={tp + fp + unlabelled} labelled={tp + fp} true={tp} false={fp} unlabelled={unlabelled}"
    + (tp + fp > 0 ? $" precision={(double)tp / (tp + fp):F3}" : string.Empty));
return 0;

/// <summary>Global analyzer options with fixed keys.</summary>
internal sealed class Options : AnalyzerConfigOptionsProvider
{
    private readonly Values _global;

    public Options(params (string Key, string Value)[] values) => _global = new Values(values.ToDictionary(v => v.Key, v => v.Value));

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Values.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Values.Empty;

    private sealed class Values : AnalyzerConfigOptions
    {
        public static readonly Values Empty = new(new Dictionary<string, string>());
        private readonly Dictionary<string, string> _values;

        public Values(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}
