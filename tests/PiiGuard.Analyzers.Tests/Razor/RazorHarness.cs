using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PiiGuard.Analyzers.Tests.Infrastructure;
using PiiGuard.Analyzers.Tests.Robustness;

namespace PiiGuard.Analyzers.Tests.Razor;

/// <summary>
/// Compiles a small Razor project as the SDK does: the real Razor source generator of the .NET SDK that runs these
/// tests (its <c>Sdks/Microsoft.NET.Sdk.Razor/source-generators</c> folder, found beside the running <c>dotnet</c>)
/// turns the <c>.razor</c> and <c>.cshtml</c> files into C#, with PiiGuard's generator beside it in one driver; then
/// every PiiGuard analyzer runs over the result (<see cref="RobustnessHarness.Run"/>'s analyzer half).
/// </summary>
internal static class RazorHarness
{
    /// <summary>The project's folder in the test paths: the Razor generator writes it into its #line directives.</summary>
    public const string ProjectDir = "/src/RazorApp/";

    private static readonly Lazy<ImmutableArray<ISourceGenerator>> LazyRazorGenerator = new(LoadRazorGenerator);

    /// <summary>The Razor source generator.</summary>
    public static ImmutableArray<ISourceGenerator> RazorGenerator => LazyRazorGenerator.Value;

    /// <summary>Where the generator was loaded from.</summary>
    public static string RazorGeneratorPath { get; private set; } = "";

    /// <summary>
    /// Runs the Razor generator and PiiGuard's over the C# <paramref name="sources"/> and the Razor
    /// <paramref name="razorFiles"/> (paths relative to the project, e.g. <c>Components/Profile.razor</c>), then every
    /// PiiGuard analyzer.
    /// </summary>
    public static RobustnessHarness.Outcome Run(IEnumerable<(string Path, string Text)> sources, IEnumerable<(string Path, string Text)> razorFiles)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, parseOptions, ProjectDir + s.Path)).ToList();
        var compilation = CSharpCompilation.Create(
            "RazorApp",
            trees,
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var additional = razorFiles.Select(f => (AdditionalText)new InMemoryAdditionalText(ProjectDir + f.Path, f.Text)).ToImmutableArray();
        var options = new RazorOptionsProvider(additional.ToDictionary(a => a.Path, a => razorFiles.Single(f => ProjectDir + f.Path == a.Path).Path));
        return RobustnessHarness.Run(compilation, concurrent: true, otherGenerators: false, extraGenerators: RazorGenerator, additionalTexts: additional, optionsProvider: options);
    }

    private static ImmutableArray<ISourceGenerator> LoadRazorGenerator()
    {
        string path = FindRazorGenerator();
        RazorGeneratorPath = path;
        AllowTheSdksCompilerVersion();
        // Not through AnalyzerFileReference: it refuses a generator built against a newer compiler (ReferencesNewerCompiler).
        Assembly assembly = Assembly.LoadFrom(path);
        var generators = assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.GetCustomAttributes().Any(a => a.GetType().FullName == typeof(GeneratorAttribute).FullName))
            .Select(t => Activator.CreateInstance(t) switch
            {
                IIncrementalGenerator incremental => incremental.AsSourceGenerator(),
                ISourceGenerator generator => generator,
                _ => throw new InvalidOperationException(t.FullName),
            })
            .ToImmutableArray();
        if (generators.IsEmpty)
        {
            throw new InvalidOperationException($"No generator in {path}.");
        }

        return generators;
    }

    /// <summary>
    /// The SDK's generator is built against the SDK's own compiler, which may be a newer 5.x than the one these tests
    /// reference: the request for it is answered with the loaded one when the major version is the same (the test then
    /// fails loudly if the generator needs an API the loaded compiler lacks).
    /// </summary>
    private static void AllowTheSdksCompilerVersion()
    {
        AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            if (name.Name is "Microsoft.CodeAnalysis" or "Microsoft.CodeAnalysis.CSharp")
            {
                Assembly? loaded = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == name.Name);
                if (loaded != null && loaded.GetName().Version?.Major == name.Version?.Major)
                {
                    return loaded;
                }
            }

            return null;
        };
    }

    /// <summary>
    /// The Razor generator of the running .NET's SDK: the SDK that built these tests when it is installed beside the
    /// running <c>dotnet</c>, otherwise the newest SDK there.
    /// </summary>
    private static string FindRazorGenerator()
    {
        string runtimeDir = RuntimeEnvironment.GetRuntimeDirectory();
        // <dotnet root>/shared/Microsoft.NETCore.App/<version>/
        string dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDir, "..", "..", ".."));
        string sdkRoot = Path.Combine(dotnetRoot, "sdk");
        string? built = typeof(RazorHarness).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "PiiGuard.NETCoreSdkVersion")?.Value;
        var candidates = Directory.Exists(sdkRoot) ? Directory.GetDirectories(sdkRoot) : Array.Empty<string>();
        string? sdk = candidates.FirstOrDefault(d => Path.GetFileName(d) == built)
            ?? candidates.OrderByDescending(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out Version? v) ? v : new Version(0, 0)).FirstOrDefault();
        string path = Path.Combine(sdk ?? sdkRoot, "Sdks", "Microsoft.NET.Sdk.Razor", "source-generators", "Microsoft.CodeAnalysis.Razor.Compiler.dll");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"No Razor source generator at {path} (dotnet root {dotnetRoot}, SDK built with {built}).");
        }

        return path;
    }

    private sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryAdditionalText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text, Encoding.UTF8);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>What the SDK's GeneratedMSBuildEditorConfig gives the Razor generator: the project's properties, and each file's TargetPath (base64).</summary>
    private sealed class RazorOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private static readonly AnalyzerConfigOptions Empty = new Options(ImmutableDictionary<string, string>.Empty);
        private readonly Dictionary<string, AnalyzerConfigOptions> _files;

        public RazorOptionsProvider(Dictionary<string, string> targetPaths)
        {
            _files = targetPaths.ToDictionary(
                p => p.Key,
                p => (AnalyzerConfigOptions)new Options(ImmutableDictionary<string, string>.Empty
                    .Add("build_metadata.AdditionalFiles.TargetPath", Convert.ToBase64String(Encoding.UTF8.GetBytes(p.Value)))
                    .Add("build_metadata.AdditionalFiles.CssScope", "")));
            GlobalOptions = new Options(ImmutableDictionary<string, string>.Empty
                .Add("build_property.RootNamespace", "RazorApp")
                .Add("build_property.RazorLangVersion", "latest")
                .Add("build_property.RazorConfiguration", "Default")
                .Add("build_property.MSBuildProjectDirectory", ProjectDir.TrimEnd('/'))
                .Add("build_property.ProjectDir", ProjectDir));
        }

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _files.TryGetValue(textFile.Path, out var options) ? options : Empty;

        private sealed class Options : AnalyzerConfigOptions
        {
            private readonly ImmutableDictionary<string, string> _values;

            public Options(ImmutableDictionary<string, string> values) => _values = values;

            public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
        }
    }
}
