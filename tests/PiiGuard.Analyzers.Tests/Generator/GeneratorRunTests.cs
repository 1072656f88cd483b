using System.Reflection;

namespace PiiGuard.Analyzers.Tests.Generator;

/// <summary>
/// Compiles each shape with the generated code, loads it and prints it: raw personal values never appear in ToString or
/// ToMaskedString, non-personal values do, and the text has the compiler's record format.
/// </summary>
public class GeneratorRunTests
{
    [Theory]
    [MemberData(nameof(Shapes.Names), MemberType = typeof(Shapes))]
    public void MaskedText_HidesPersonalValues_ShowsTheRest(string shapeName)
    {
        Shape shape = Shapes.Get(shapeName);
        var run = GeneratorHarness.RunGenerator(shape.Sources).AssertCompilesClean();

        run.Execute(assembly =>
        {
            object value = Create(assembly);
            string masked = GeneratorHarness.Masked(value);
            string text = value.ToString()!;

            Assert.Equal(shape.Expected, masked);
            foreach (string secret in shape.Secrets)
            {
                Assert.DoesNotContain(secret, masked);
                Assert.DoesNotContain(secret, text);
            }

            foreach (string visible in shape.Visible)
            {
                Assert.Contains(visible, masked);
                Assert.Contains(visible, text);
            }
        });
    }

    [Theory]
    [MemberData(nameof(Shapes.Names), MemberType = typeof(Shapes))]
    public void ToString_IsTheMaskedText_UnlessTheUserWroteOne(string shapeName)
    {
        Shape shape = Shapes.Get(shapeName);
        var run = GeneratorHarness.RunGenerator(shape.Sources).AssertCompilesClean();

        run.Execute(assembly =>
        {
            object value = Create(assembly);
            if (shape == Shapes.UserToString)
            {
                Assert.Equal("Ticket Crash", value.ToString());
            }
            else
            {
                Assert.Equal(GeneratorHarness.Masked(value), value.ToString());
            }
        });
    }

    [Fact]
    public void UserPrintMembers_IsKept_AndToMaskedStringStillMasks()
    {
        var run = GeneratorHarness.RunGenerator(Shapes.UserToString.Sources).AssertCompilesClean();

        run.Execute(assembly =>
        {
            object note = assembly.GetType("Demo.Note")!.GetConstructors()[0].Invoke(new object[] { "meet me at midnight" });
            Assert.Equal("Note { hidden }", note.ToString());
            Assert.Equal("Note { Text = *** }", GeneratorHarness.Masked(note));
        });
    }

    [Fact]
    public void NullMembers_PrintEmpty_LikeTheCompiler()
    {
        var run = GeneratorHarness.RunGenerator(new[]
        {
            """
            [PiiGuard.GenerateMasking]
            public partial record Person([property: PiiGuard.Pii(PiiGuard.PiiKind.Email)] string? Email, string? Name, System.Collections.Generic.List<string>? Tags);
            public static class Sample { public static object Create() => new Person(null, null, null); }
            """,
        }).AssertCompilesClean();

        run.Execute(assembly => Assert.Equal("Person { Email = , Name = , Tags =  }", Create(assembly).ToString()));
    }

    [Fact]
    public void RecursiveMaskables_EachGetTheirOwnBuilder()
    {
        var run = GeneratorHarness.RunGenerator(new[]
        {
            """
            [PiiGuard.GenerateMasking]
            public partial class Node
            {
                [PiiGuard.Pii(PiiGuard.PiiKind.Name)] public string Name { get; set; } = "";
                public Node? Next { get; set; }
            }
            public static class Sample
            {
                public static object Create() => new Node { Name = "Alan Turing", Next = new Node { Name = "Alonzo Church" } };
            }
            """,
        }).AssertCompilesClean();

        run.Execute(assembly =>
        {
            object node = Create(assembly);
            string expected = "Node { Name = A*** T***, Next = Node { Name = A*** C***, Next =  } }";
            Assert.Equal(expected, node.ToString());
            Assert.Equal(expected, node.ToString());
        });
    }

    private static object Create(Assembly assembly)
        => assembly.GetType("Sample", throwOnError: true)!.GetMethod("Create")!.Invoke(null, null)!;
}
