using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PiiGuard.Analyzers.Tests.Infrastructure;

namespace PiiGuard.Analyzers.Tests.Generator;

/// <summary>Generated code across assemblies: bases compiled in another assembly, and netstandard2.0 consumers.</summary>
public class GeneratorCrossAssemblyTests
{
    private const string Library = """
        using PiiGuard;

        namespace Lib
        {
            [GenerateMasking]
            public partial class Person
            {
                [Pii(PiiKind.Name)] public string Name { get; set; } = "";
                public string City { get; set; } = "";
            }

            public class PlainEntity
            {
                [Pii(PiiKind.Email)] public string Email { get; set; } = "";
                public int Id { get; set; }
            }
        }
        """;

    [Fact]
    public void DerivedFromGeneratedBaseInAnotherAssembly_Overrides_AndRuns()
    {
        byte[] library = Emit(GeneratorHarness.RunGenerator(Library).AssertCompilesClean().Output);
        var references = TestReferences.All.Add(MetadataReference.CreateFromImage(library));

        var run = GeneratorHarness.RunGenerator(
            new[]
            {
                """
                namespace App
                {
                    [PiiGuard.GenerateMasking]
                    public partial class Employee : Lib.Person
                    {
                        [PiiGuard.Pii(PiiGuard.PiiKind.Email)] public string Email { get; set; } = "";
                    }

                    [PiiGuard.GenerateMasking]
                    public partial class Account : Lib.PlainEntity
                    {
                        public string Plan { get; set; } = "";
                    }
                }

                public static class Sample
                {
                    public static object Employee() => new App.Employee { Name = "Ken Thompson", City = "Berkeley", Email = "ken@example.com" };
                    public static object Account() => new App.Account { Email = "dmr@example.com", Id = 3, Plan = "Pro" };
                }
                """,
            },
            references: references).AssertCompilesClean();

        string employee = run.Files.Single(f => f.Key.Contains("Employee")).Value;
        Assert.Contains("public override string ToMaskedString()", employee);
        Assert.Contains("protected override bool PrintMaskedMembers(", employee);
        Assert.Contains("base.PrintMaskedMembers(builder)", employee);
        Assert.Contains("protected override void WriteMaskedMembers(", employee);
        Assert.Contains("base.WriteMaskedMembers(writer)", employee);

        RunWith(library, Emit(run.Output), assembly =>
        {
            Type sample = assembly.GetType("Sample")!;
            Assert.Equal("Employee { Name = K*** T***, City = Berkeley, Email = k***@example.com }", sample.GetMethod("Employee")!.Invoke(null, null)!.ToString());
            Assert.Equal("Account { Email = d***@example.com, Id = 3, Plan = Pro }", sample.GetMethod("Account")!.Invoke(null, null)!.ToString());
            Assert.Equal("{Name = 'K*** T***', City = Berkeley, Email = 'k***@example.com'}", StructuredWriter.Render(sample.GetMethod("Employee")!.Invoke(null, null)!));
            Assert.Equal("{Email = 'd***@example.com', Id = 3, Plan = Pro}", StructuredWriter.Render(sample.GetMethod("Account")!.Invoke(null, null)!));
        });
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3, false)]
    [InlineData(LanguageVersion.CSharp8, true)]
    [InlineData(LanguageVersion.CSharp9, false)]
    [InlineData(LanguageVersion.Latest, true)]
    public void NetStandard20Consumer_CompilesWithoutWarnings(LanguageVersion version, bool nullable)
    {
        if (NetStandardReferences() is not { } netstandard)
        {
            return; // the NETStandard.Library package is not in the local package cache
        }

        MetadataReference runtime = MetadataReference.CreateFromImage(CompileRuntimeForNetStandard(netstandard));
        var references = netstandard.Add(runtime);
        var sources = new List<string>
        {
            """
            using System.Collections.Generic;
            using PiiGuard;

            namespace Consumer
            {
                [GenerateMasking]
                public partial class Customer
                {
                    [Pii(PiiKind.Name)] public string Name { get; set; } = "";
                    [Pii(PiiKind.Email)] public List<string> Emails { get; set; } = new List<string>();
                    [Pii(PiiKind.DateOfBirth)] public System.DateTime Born { get; set; }
                    [Pii(PiiKind.TaxId)] public int? Tax { get; set; }
                    public Address Home { get; set; }
                    public int Orders { get; set; }
                }

                [GenerateMasking]
                public partial struct Address
                {
                    [Pii(PiiKind.PostalAddress)] public string Street { get; set; }
                }
            }
            """,
        };
        if (version >= LanguageVersion.CSharp9)
        {
            sources.Add("""
                namespace System.Runtime.CompilerServices { internal static class IsExternalInit { } }
                namespace Consumer
                {
                    [PiiGuard.GenerateMasking]
                    public sealed partial record Person([property: PiiGuard.Pii(PiiGuard.PiiKind.Phone)] string Phone, string Team);
                }
                """);
        }

        var run = GeneratorHarness.RunGenerator(sources, version, nullable, references);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.NotEmpty(run.Sources);
        var problems = run.Problems.Where(d => nullable || d.Id != "CS8632").ToArray();
        Assert.True(problems.Length == 0, string.Join("\n", problems.Select(p => p.ToString())));
    }

    [Fact]
    public void ARuntimeOlderThanTheGenerator_GetsNoGeneratedCode_AndNothingBreaks()
    {
        // A PiiGuard.dll without MaskedText (the helper the generated code calls), as an older runtime would be.
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = Directory.EnumerateFiles(RepositoryPaths.RuntimeSources, "*.cs", SearchOption.TopDirectoryOnly)
            .Where(p => Path.GetFileName(p) != "MaskedText.cs")
            .Select(p => CSharpSyntaxTree.ParseText(File.ReadAllText(p), options, p));
        byte[] olderRuntime = Emit(CSharpCompilation.Create(
            "PiiGuard",
            trees,
            TestReferences.Framework,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)));
        var references = TestReferences.Framework.Add(MetadataReference.CreateFromImage(olderRuntime));
        const string source = """
            using PiiGuard;

            namespace Consumer
            {
                [GenerateMasking]
                public partial class Customer
                {
                    [Pii(PiiKind.Email)] public string Email { get; set; } = "";
                }
            }
            """;

        var older = GeneratorHarness.RunGenerator(new[] { source }, references: references);
        Assert.Empty(older.GeneratorDiagnostics);
        Assert.Empty(older.Sources);
        Assert.True(older.Problems.Length == 0, string.Join("\n", older.Problems.Select(p => p.ToString())));

        // Control: the same code against the current runtime gets its masking code.
        Assert.NotEmpty(GeneratorHarness.RunGenerator(new[] { source }).Sources);
    }

    private static System.Collections.Immutable.ImmutableArray<MetadataReference>? NetStandardReferences()
    {
        string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string directory = Path.Combine(packages, "netstandard.library", "2.0.3", "build", "netstandard2.0", "ref");
        if (!Directory.Exists(directory))
        {
            return null;
        }

        return Directory.EnumerateFiles(directory, "*.dll").Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    }

    /// <summary>PiiGuard's runtime compiled from its sources for netstandard2.0 (the test host only has its net8.0 build).</summary>
    private static byte[] CompileRuntimeForNetStandard(System.Collections.Immutable.ImmutableArray<MetadataReference> netstandard)
    {
        string runtimeDirectory = RepositoryPaths.RuntimeSources;
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = Directory.EnumerateFiles(runtimeDirectory, "*.cs", SearchOption.TopDirectoryOnly)
            .Select(p => CSharpSyntaxTree.ParseText(File.ReadAllText(p), options, p));
        var compilation = CSharpCompilation.Create(
            "PiiGuard",
            trees,
            netstandard,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        return Emit(compilation);
    }

    private static byte[] Emit(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return stream.ToArray();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RunWith(byte[] library, byte[] app, Action<Assembly> use)
    {
        var context = new AssemblyLoadContext("PiiGuardCrossAssemblyTest", isCollectible: true);
        try
        {
            Assembly lib = context.LoadFromStream(new MemoryStream(library));
            context.Resolving += (_, name) => name.Name == lib.GetName().Name ? lib : null;
            use(context.LoadFromStream(new MemoryStream(app)));
        }
        finally
        {
            context.Unload();
        }
    }
}
