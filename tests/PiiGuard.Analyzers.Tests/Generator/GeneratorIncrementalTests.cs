using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PiiGuard.Analyzers.Generator;

namespace PiiGuard.Analyzers.Tests.Generator;

/// <summary>The pipeline caches: an unrelated edit reruns nothing, and the models hold no symbols or syntax.</summary>
public class GeneratorIncrementalTests
{
    private static readonly string[] TrackedSteps = { TrackingNames.Parse, TrackingNames.Models };

    [Theory]
    [MemberData(nameof(Shapes.Names), MemberType = typeof(Shapes))]
    public void UnrelatedEdit_LeavesEveryStepCachedOrUnchanged(string shapeName)
    {
        Shape shape = Shapes.Get(shapeName);
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(shape.Sources);
        GeneratorDriver driver = GeneratorHarness.CreateDriver();
        driver = driver.RunGenerators(compilation);
        GeneratorRunResult first = driver.GetRunResult().Results.Single();
        Assert.NotEmpty(first.GeneratedSources);

        CSharpCompilation edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Unrelated { internal static class Helper { internal static int Answer() => 42; } }",
            GeneratorHarness.ParseOptions(),
            path: "/src/Unrelated.cs"));
        driver = driver.RunGenerators(edited);
        GeneratorRunResult second = driver.GetRunResult().Results.Single();

        AssertAllCachedOrUnchanged(second);
        Assert.Equal(
            first.GeneratedSources.Select(s => s.SourceText.ToString()),
            second.GeneratedSources.Select(s => s.SourceText.ToString()));
    }

    [Fact]
    public void EditInsideAnotherMethod_LeavesEveryStepCachedOrUnchanged()
    {
        const string Customer = """
            [PiiGuard.GenerateMasking]
            public partial class Customer
            {
                [PiiGuard.Pii(PiiGuard.PiiKind.Email)] public string Email { get; set; } = "";
            }
            """;
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(new[] { Customer, "class Service { int Run() => 1; }" });
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        SyntaxTree old = compilation.SyntaxTrees.Last();
        CSharpCompilation edited = compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText("class Service { int Run() => 2; }", GeneratorHarness.ParseOptions(), path: old.FilePath));
        driver = driver.RunGenerators(edited);

        AssertAllCachedOrUnchanged(driver.GetRunResult().Results.Single());
    }

    [Fact]
    public void EditOfAPersonalMember_RegeneratesTheType()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(Shapes.Class.Sources);
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        SyntaxTree old = compilation.SyntaxTrees.Single();
        string text = old.ToString().Replace("[Pii(PiiKind.Email)] public string Email", "[Pii(PiiKind.Phone)] public string Email");
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(text, GeneratorHarness.ParseOptions(), path: old.FilePath)));

        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        Assert.Contains(result.TrackedSteps[TrackingNames.Models].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("PiiKind.Phone", result.GeneratedSources.Single().SourceText.ToString());
    }

    [Fact]
    public void EditOfOneType_LeavesTheOtherTypesUnchanged()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(new[]
        {
            "[PiiGuard.GenerateMasking] public partial class A { [PiiGuard.Pii(PiiGuard.PiiKind.Email)] public string E { get; set; } = \"\"; }",
            "[PiiGuard.GenerateMasking] public partial class B { [PiiGuard.Pii(PiiGuard.PiiKind.Name)] public string N { get; set; } = \"\"; }",
        });
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        SyntaxTree old = compilation.SyntaxTrees.First();
        string text = old.ToString().Replace("public string E", "public string Mail");
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(text, GeneratorHarness.ParseOptions(), path: old.FilePath)));

        var reasons = driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.Models]
            .SelectMany(s => s.Outputs)
            .Select(o => (((MaskingTypeModel)o.Value).DisplayName, o.Reason))
            .OrderBy(x => x.DisplayName)
            .ToArray();
        Assert.Equal(new[] { ("A", IncrementalStepRunReason.Modified), ("B", IncrementalStepRunReason.Cached) }, reasons);
    }

    [Fact]
    public void Models_HoldNoSymbolsSyntaxLocationsOrCompilations()
    {
        var forbidden = new[] { typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxToken), typeof(SyntaxTree), typeof(Location), typeof(Compilation), typeof(SemanticModel) };
        var visited = new HashSet<Type>();
        var queue = new Queue<Type>(new[] { typeof(MaskingTypeModel) });
        while (queue.Count > 0)
        {
            Type type = queue.Dequeue();
            if (!visited.Add(type))
            {
                continue;
            }

            foreach (Type f in forbidden)
            {
                Assert.False(f.IsAssignableFrom(type), $"{type} is a {f.Name}");
            }

            if (type.IsPrimitive || type == typeof(string) || type.IsEnum)
            {
                continue;
            }

            foreach (FieldInfo field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                Type fieldType = field.FieldType;
                Assert.False(fieldType == typeof(object), $"{type}.{field.Name} is typed object");
                queue.Enqueue(Nullable.GetUnderlyingType(fieldType) ?? fieldType);
                if (fieldType.IsArray)
                {
                    queue.Enqueue(fieldType.GetElementType()!);
                }

                foreach (Type argument in fieldType.IsGenericType ? fieldType.GetGenericArguments() : Type.EmptyTypes)
                {
                    queue.Enqueue(argument);
                }
            }
        }

        Assert.Contains(typeof(MemberModel), visited);
        Assert.Contains(typeof(ContainingTypeModel), visited);
    }

    [Fact]
    public void Models_AreEquatableByValue()
    {
        var first = GeneratorHarness.RunGenerator(Shapes.Members.Sources).Driver.GetRunResult().Results.Single();
        var second = GeneratorHarness.RunGenerator(Shapes.Members.Sources).Driver.GetRunResult().Results.Single();

        object[] a = first.TrackedSteps[TrackingNames.Models].SelectMany(s => s.Outputs).Select(o => o.Value).ToArray();
        object[] b = second.TrackedSteps[TrackingNames.Models].SelectMany(s => s.Outputs).Select(o => o.Value).ToArray();
        Assert.Equal(2, a.Length);
        Assert.Equal(a, b);
        Assert.Equal(a.Select(x => x.GetHashCode()), b.Select(x => x.GetHashCode()));
    }

    private static void AssertAllCachedOrUnchanged(GeneratorRunResult result)
    {
        foreach (string step in TrackedSteps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), "missing tracked step " + step);
            foreach (IncrementalGeneratorRunStep run in result.TrackedSteps[step])
            {
                foreach (var (_, reason) in run.Outputs)
                {
                    Assert.True(reason == IncrementalStepRunReason.Cached || reason == IncrementalStepRunReason.Unchanged, $"{step}: {reason}");
                }
            }
        }

        foreach (var (_, reason) in result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs))
        {
            Assert.True(reason == IncrementalStepRunReason.Cached || reason == IncrementalStepRunReason.Unchanged, $"output: {reason}");
        }
    }
}
