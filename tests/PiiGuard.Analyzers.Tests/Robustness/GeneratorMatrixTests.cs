using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using PiiGuard.Analyzers.Tests.Generator;

namespace PiiGuard.Analyzers.Tests.Robustness;

/// <summary>
/// The generator over a matrix of shapes: class / struct / record / record struct x generic or not x nested or
/// not x plain / sealed / derived from a masked abstract base / derived from an unmasked base, each with string,
/// nullable string, DateTime, int?, Guid, collection and nested-masked members. All shapes of one language
/// version compile together with no warning under C# 8, 10, 12 and latest, nullable on and off; at the
/// latest version they run and their text hides every raw personal value while showing the others.
/// </summary>
public class GeneratorMatrixTests
{
    private static readonly string[] RawValues =
    {
        "Johnathan Smith", "john.smith@example.com", "1987-06-05", "6/5/1987", "06/05/1987", "4321",
        "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "alias.one@example.com", "Nicky Nickname", "Base Secret Name", "+44 20 7946 0018",
    };

    private enum Kind { Class, Struct, Record, RecordStruct }

    private enum Variant { Plain, Sealed, DerivedFromMaskedBase, DerivedFromPlainBase }

    private sealed record ShapeSpec(Kind Kind, bool Generic, bool Nested, Variant Variant)
    {
        public string Namespace => $"M.{Kind}{(Generic ? "G" : "")}{(Nested ? "N" : "")}{Variant}";
    }

    public static IEnumerable<object[]> Configurations() =>
        from version in new[] { LanguageVersion.CSharp8, LanguageVersion.CSharp10, LanguageVersion.CSharp12, LanguageVersion.Latest }
        from nullable in new[] { true, false }
        select new object[] { version, nullable };

    [Theory]
    [MemberData(nameof(Configurations))]
    public void AllShapes_CompileWithoutWarnings(LanguageVersion version, bool nullable)
    {
        var shapes = Shapes(version).ToList();
        Assert.True(shapes.Count >= (version == LanguageVersion.CSharp8 ? 10 : 20), $"{shapes.Count} shapes");
        var run = GeneratorHarness.RunGenerator(new[] { Source(shapes, nullable) }, version, nullable).AssertCompilesClean();
        Assert.True(run.Sources.Length >= shapes.Count, $"{run.Sources.Length} generated files for {shapes.Count} shapes");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AllShapes_HideEveryRawValue_AndShowTheOthers(bool nullable)
    {
        var shapes = Shapes(LanguageVersion.Latest).ToList();
        var run = GeneratorHarness.RunGenerator(new[] { Source(shapes, nullable) }, LanguageVersion.Latest, nullable).AssertCompilesClean();
        run.Execute(assembly =>
        {
            foreach (ShapeSpec shape in shapes)
            {
                object instance = assembly.GetType(shape.Namespace + ".Factory", throwOnError: true)!.GetMethod("Create")!.Invoke(null, null)!;
                foreach (string text in new[] { instance.ToString()!, GeneratorHarness.Masked(instance) })
                {
                    foreach (string raw in RawValues)
                    {
                        Assert.False(text.Contains(raw, StringComparison.Ordinal), $"{shape}: '{raw}' appears in {text}");
                    }

                    Assert.Contains("Platinum", text);
                    Assert.Contains("J*** S***", text);
                    Assert.Contains("N***", text); // the nested masked type prints through its own masking
                    if (shape.Generic)
                    {
                        Assert.Contains("tag-value", text);
                    }
                }
            }
        });
    }

    private static IEnumerable<ShapeSpec> Shapes(LanguageVersion version)
    {
        var kinds = new List<Kind> { Kind.Class, Kind.Struct };
        if (version >= LanguageVersion.CSharp10)
        {
            kinds.Add(Kind.Record);
            kinds.Add(Kind.RecordStruct);
        }

        foreach (Kind kind in kinds)
        {
            bool isStruct = kind is Kind.Struct or Kind.RecordStruct;
            foreach (bool generic in new[] { false, true })
            {
                foreach (bool nested in new[] { false, true })
                {
                    foreach (Variant variant in Enum.GetValues<Variant>())
                    {
                        if (isStruct && variant != Variant.Plain)
                        {
                            continue;
                        }

                        if (kind == Kind.Record && variant == Variant.DerivedFromPlainBase)
                        {
                            continue; // a record derives only from a record; covered by DerivedFromMaskedBase
                        }

                        yield return new ShapeSpec(kind, generic, nested, variant);
                    }
                }
            }
        }
    }

    private static string Source(IEnumerable<ShapeSpec> shapes, bool nullable)
    {
        var sb = new StringBuilder();
        sb.AppendLine("using System; using System.Collections.Generic; using PiiGuard;");
        sb.AppendLine("namespace M { [GenerateMasking] public partial class Inner { [Pii(PiiKind.Name)] public string Nick { get; set; } = \"\"; } }");
        foreach (ShapeSpec shape in shapes)
        {
            sb.AppendLine(Shape(shape, nullable));
        }

        return sb.ToString();
    }

    private static string Shape(ShapeSpec s, bool nullable)
    {
        bool isStruct = s.Kind is Kind.Struct or Kind.RecordStruct;
        string keyword = s.Kind switch { Kind.Class => "class", Kind.Struct => "struct", Kind.Record => "record", _ => "record struct" };
        string baseKeyword = s.Kind == Kind.Record ? "record" : "class";
        string tp = s.Generic ? "<T>" : "";
        string init = isStruct ? "" : " = \"\";";
        string listInit = isStruct ? "" : " = new List<string>();";
        string innerInit = isStruct ? "" : " = new M.Inner();";
        string nullableString = nullable ? "string?" : "string";
        string members = $$"""
                [Pii(PiiKind.Name)] public string Name { get; set; }{{init}}
                [Pii(PiiKind.Email)] public {{nullableString}} Email { get; set; }
                [Pii(PiiKind.DateOfBirth)] public DateTime Born { get; set; }
                [Pii(PiiKind.Phone)] public int? Extension { get; set; }
                [Pii(PiiKind.DeviceId)] public Guid Device { get; set; }
                [Pii(PiiKind.Email)] public List<string> Aliases { get; set; }{{listInit}}
                public M.Inner Child { get; set; }{{innerInit}}
                public string Tier { get; set; }{{init}}
                {{(s.Generic ? "public T Tag { get; set; } = default!;" : "")}}
            """;
        if (isStruct && s.Generic)
        {
            members = members.Replace(" = default!;", "", StringComparison.Ordinal);
        }

        string modifiers = s.Variant == Variant.Sealed ? "sealed " : "";
        string declarations;
        string created = "Shape" + (s.Generic ? "<string>" : "");
        switch (s.Variant)
        {
            case Variant.DerivedFromMaskedBase:
                declarations = $$"""
                    [GenerateMasking] public abstract partial {{baseKeyword}} Base{{tp}}
                    {
                    {{members}}
                    }
                    [GenerateMasking] public sealed partial {{keyword}} Shape{{tp}} : Base{{tp}}
                    {
                        [Pii(PiiKind.Phone)] public string Mobile { get; set; } = "";
                    }
                    """;
                break;
            case Variant.DerivedFromPlainBase:
                declarations = $$"""
                    public abstract class Base{{tp}}
                    {
                    {{members}}
                        [Pii(PiiKind.Name)] public string Secret { get; set; } = "";
                    }
                    [GenerateMasking] public partial {{keyword}} Shape{{tp}} : Base{{tp}}
                    {
                        [Pii(PiiKind.Phone)] public string Mobile { get; set; } = "";
                    }
                    """;
                break;
            default:
                declarations = $$"""
                    [GenerateMasking] public {{modifiers}}partial {{keyword}} Shape{{tp}}
                    {
                    {{members}}
                        [Pii(PiiKind.Phone)] public string Mobile { get; set; }{{init}}
                    }
                    """;
                break;
        }

        string container = s.Nested ? "Outer." : "";
        if (s.Nested)
        {
            declarations = "public partial class Outer\n{\n" + declarations + "\n}";
        }

        string secret = s.Variant == Variant.DerivedFromPlainBase ? "Secret = \"Base Secret Name\"," : "";
        string tag = s.Generic ? "Tag = \"tag-value\"," : "";
        return $$"""
            namespace {{s.Namespace}}
            {
            {{declarations}}
                public static class Factory
                {
                    public static object Create() => new {{container}}{{created}}
                    {
                        Name = "Johnathan Smith", Email = "john.smith@example.com", Born = new DateTime(1987, 6, 5), Extension = 4321,
                        Device = new Guid("3f2504e0-4f89-11d3-9a0c-0305e82c3301"), Aliases = new List<string> { "alias.one@example.com" },
                        Child = new M.Inner { Nick = "Nicky Nickname" }, Tier = "Platinum", Mobile = "+44 20 7946 0018", {{secret}} {{tag}}
                    };
                }
            }
            """;
    }
}
