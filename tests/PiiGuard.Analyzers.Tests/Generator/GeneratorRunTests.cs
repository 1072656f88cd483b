using System.Reflection;
using System.Linq;

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

    [Theory]
    [MemberData(nameof(Shapes.Names), MemberType = typeof(Shapes))]
    public void StructuredMembers_HidePersonalValues_ShowTheRest(string shapeName)
    {
        Shape shape = Shapes.Get(shapeName);
        var run = GeneratorHarness.RunGenerator(shape.Sources).AssertCompilesClean();

        run.Execute(assembly =>
        {
            object value = Create(assembly);
            Assert.IsAssignableFrom<IMaskedMembers>(value);
            string structure = StructuredWriter.Render(value);
            foreach (string secret in shape.Secrets)
            {
                Assert.DoesNotContain(secret, structure);
            }

            // The structure never uses a user-written ToMaskedString, whose text is that shape's visible part.
            foreach (string visible in shape == Shapes.UserToMaskedString ? shape.Visible.Where(v => v != "Badge of") : shape.Visible)
            {
                Assert.Contains(visible, structure);
            }
        });
    }

    [Fact]
    public void StructuredMembers_FollowBasesCollectionsNullablesAndNestedMaskables()
    {
        var run = GeneratorHarness.RunGenerator(new[]
        {
            """
            using System.Collections.Generic;
            using System.Collections.Immutable;
            using PiiGuard;

            [GenerateMasking]
            public partial struct Geo
            {
                [Pii(PiiKind.Location)] public double Latitude { get; set; }
            }

            public sealed class Secret : IMaskable
            {
                public string Value { get; set; } = "";
                string IMaskable.ToMaskedString() => "Secret(***)";
            }

            public class Unannotated
            {
                [Pii(PiiKind.Name)] public string Owner { get; set; } = "Jane Goodall";
            }

            [GenerateMasking]
            public partial class Account : Unannotated
            {
                [Pii(PiiKind.BankAccount)] public string Iban { get; set; } = "DE89370400440532013000";
            }

            [GenerateMasking]
            public sealed partial class Visit : Account
            {
                public int Count { get; set; } = 3;
                public Geo Where { get; set; } = new Geo { Latitude = 48.8584 };
                public Geo? Missing { get; set; }
                public Secret Token { get; set; } = new Secret { Value = "hunter2" };
                [Pii(PiiKind.Email)] public List<string>? Emails { get; set; } = new List<string> { "a.person@example.com", "b.person@example.com" };
                [Pii(PiiKind.Email)] public List<string>? NoEmails { get; set; }
                [Pii(PiiKind.Phone)] public ImmutableArray<string> Phones { get; set; }
                public Geo[] Trail { get; set; } = new[] { new Geo { Latitude = 40.6892 } };
                [Pii(PiiKind.Photo)] public byte[] Photo { get; set; } = new byte[] { 1, 2, 3 };
            }

            public static class Sample { public static object Create() => new Visit(); }
            """,
        }).AssertCompilesClean();

        run.Execute(assembly =>
        {
            string structure = StructuredWriter.Render(Create(assembly));
            Assert.Equal(
                "{Owner = 'J*** G***', Iban = 'DE****************3000', Count = 3, Where = {Latitude = '***'}, Missing = null, Token = Secret(***), "
                + "Emails = ['a***@example.com', 'b***@example.com'], NoEmails = null, Phones = null, Trail = [{Latitude = '***'}], Photo = '***'}",
                structure);
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

    [Fact]
    public void GenericRecord_ToStringMatchesToMaskedString()
    {
        var run = GeneratorHarness.RunGenerator(new[]
        {
            """
            [PiiGuard.GenerateMasking]
            public partial record Pair<TLeft, TRight>([property: PiiGuard.Pii(PiiGuard.PiiKind.Email)] TLeft Left, TRight Right);
            public static class Sample { public static object Create() => new Pair<string, int>("left.person@example.com", 9); }
            """,
        }).AssertCompilesClean();

        run.Execute(assembly =>
        {
            object pair = Create(assembly);
            Assert.Equal("Pair { Left = l***@example.com, Right = 9 }", pair.ToString());
            Assert.Equal(pair.ToString(), GeneratorHarness.Masked(pair));
        });
    }

    [Fact]
    public void RecordWithUserToStringOnly_StillGetsMaskedPrintMembers()
    {
        var run = GeneratorHarness.RunGenerator(new[]
        {
            """
            [PiiGuard.GenerateMasking]
            public partial record Person([property: PiiGuard.Pii(PiiGuard.PiiKind.Name)] string Name)
            {
                public override string ToString() => "Person";
            }
            public record Child(string Name, string School) : Person(Name);
            public static class Sample { public static object Create() => new Child("Marie Curie", "Sorbonne"); }
            """,
        }).AssertCompilesClean();

        run.Execute(assembly =>
        {
            // Child's compiler-generated ToString calls Person's (generated, masked) PrintMembers.
            Assert.Equal("Child { Name = M*** C***, School = Sorbonne }", Create(assembly).ToString());
        });
    }

    [Fact]
    public void MaskableMembers_StructsNullablesAndExplicitInterfaceImplementations()
    {
        var run = GeneratorHarness.RunGenerator(new[]
        {
            """
            using System.Collections.Generic;
            using PiiGuard;

            [GenerateMasking]
            public partial struct Geo
            {
                [Pii(PiiKind.Location)] public double Latitude { get; set; }
            }

            public sealed class Secret : IMaskable
            {
                public string Value { get; set; } = "";
                string IMaskable.ToMaskedString() => "Secret(***)";
                public override string ToString() => Value;
            }

            [GenerateMasking]
            public sealed partial class Visit
            {
                public Geo Where { get; set; }
                public Geo? Previous { get; set; }
                public Geo? Missing { get; set; }
                public Secret Token { get; set; } = new Secret();
                public IMaskable? Anything { get; set; }
                public Geo[] Trail { get; set; } = new Geo[0];
            }

            public static class Sample
            {
                public static object Create() => new Visit
                {
                    Where = new Geo { Latitude = 48.8584 },
                    Previous = new Geo { Latitude = 51.5007 },
                    Token = new Secret { Value = "hunter2" },
                    Anything = new Secret { Value = "swordfish" },
                    Trail = new[] { new Geo { Latitude = 40.6892 } },
                };
            }
            """,
        }).AssertCompilesClean();

        run.Execute(assembly =>
        {
            string text = Create(assembly).ToString()!;
            Assert.Equal("Visit { Where = Geo { Latitude = *** }, Previous = Geo { Latitude = *** }, Missing = , Token = Secret(***), Anything = Secret(***), Trail = [Geo { Latitude = *** }] }", text);
            Assert.DoesNotContain("48.8", text);
            Assert.DoesNotContain("hunter2", text);
        });
    }

    [Fact]
    public void ToMaskedString_IsThreadSafe()
    {
        var run = GeneratorHarness.RunGenerator(Shapes.Class.Sources).AssertCompilesClean();

        run.Execute(assembly =>
        {
            object customer = Create(assembly);
            string expected = GeneratorHarness.Masked(customer);
            var results = new System.Collections.Concurrent.ConcurrentBag<string>();
            System.Threading.Tasks.Parallel.For(0, 2000, _ => results.Add(GeneratorHarness.Masked(customer)));
            Assert.All(results, r => Assert.Equal(expected, r));
        });
    }

    [Fact]
    public void DefaultImmutableArray_PrintsEmpty_InsteadOfThrowing()
    {
        var run = GeneratorHarness.RunGenerator(new[]
        {
            """
            using System.Collections.Immutable;
            [PiiGuard.GenerateMasking]
            public partial class Holder
            {
                [PiiGuard.Pii(PiiGuard.PiiKind.Email)] public ImmutableArray<string> Emails { get; set; }
                [PiiGuard.Pii(PiiGuard.PiiKind.Email)] public ImmutableArray<string> Others { get; set; } = ImmutableArray.Create("x.person@example.com");
            }
            public static class Sample { public static object Create() => new Holder(); }
            """,
        }).AssertCompilesClean();

        run.Execute(assembly => Assert.Equal("Holder { Emails = , Others = [x***@example.com] }", Create(assembly).ToString()));
    }

    [Fact]
    public void ToMaskedString_ReusesItsBuilder_AllocatingOnlyTheResult()
    {
        var run = GeneratorHarness.RunGenerator(new[]
        {
            """
            [PiiGuard.GenerateMasking]
            public partial class Session
            {
                [PiiGuard.Pii(PiiGuard.PiiKind.Health, Mask = PiiGuard.MaskStyle.Erase)] public string Notes { get; set; } = "private notes";
                public string Channel { get; set; } = "web";
                public int Pages = 12;
            }
            public static class Sample { public static object Create() => new Session(); }
            """,
        }).AssertCompilesClean();

        run.Execute(assembly =>
        {
            var session = (IMaskable)Create(assembly);
            string text = session.ToMaskedString();
            Assert.Equal("Session { Notes = ***, Channel = web, Pages = 12 }", text);
            for (int i = 0; i < 100; i++)
            {
                session.ToMaskedString();
            }

            long before = System.GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 1000; i++)
            {
                session.ToMaskedString();
            }

            long perCall = (System.GC.GetAllocatedBytesForCurrentThread() - before) / 1000;

            // The result string (header + 2 bytes a char) and nothing else: no StringBuilder per call.
            Assert.True(perCall <= 32 + (2 * text.Length), $"{perCall} bytes per call for \"{text}\"");
        });
    }

    [Fact]
    public void PersonalDataAndDataClassificationAttributes_AreMaskedToo()
    {
        var run = GeneratorHarness.RunGenerator(new[]
        {
            """
            using Microsoft.AspNetCore.Identity;
            using Microsoft.Extensions.Compliance.Classification;

            public sealed class PrivateDataAttribute : DataClassificationAttribute
            {
                public PrivateDataAttribute() : base(new DataClassification("Demo", "Private")) { }
            }

            [PiiGuard.GenerateMasking]
            public partial class User
            {
                [PersonalData] public string Email { get; set; } = "grace.hopper@example.com";
                [PrivateData] public string PhoneNumber { get; set; } = "+1 202 555 0147";
                [NoDataClassification] public string Country { get; set; } = "US";
            }
            public static class Sample { public static object Create() => new User(); }
            """,
        }).AssertCompilesClean();

        run.Execute(assembly => Assert.Equal("User { Email = g***@example.com, PhoneNumber = +1 ***0147, Country = US }", Create(assembly).ToString()));
    }

    [Fact]
    public void BaseWithUserWrittenNonVirtualToMaskedString_IsHiddenNotOverridden()
    {
        var run = GeneratorHarness.RunGenerator(new[]
        {
            """
            [PiiGuard.GenerateMasking]
            public partial class Animal
            {
                [PiiGuard.Pii(PiiGuard.PiiKind.Name)] public string Owner { get; set; } = "Jane Goodall";
                public string ToMaskedString() => "Animal";
            }
            [PiiGuard.GenerateMasking]
            public partial class Dog : Animal
            {
                public string Breed { get; set; } = "Collie";
            }
            public static class Sample { public static object Create() => new Dog(); }
            """,
        }).AssertCompilesClean();

        run.Execute(assembly =>
        {
            object dog = Create(assembly);
            Assert.Equal("Dog { Owner = J*** G***, Breed = Collie }", dog.ToString());
            Assert.Equal("Dog { Owner = J*** G***, Breed = Collie }", GeneratorHarness.Masked(dog));
        });
    }

    [Fact]
    public void WithoutPersonalMembers_TheTextIsExactlyTheCompilersRecordFormat()
    {
        const string Body = """
            (int Id, string? Name, System.DateTime When)
            {
                public static string Static = "static";
                public const string Const = "const";
                private string Private = "private";
                public string Field = "field";
                public int? Maybe { get; init; }
                public string this[int i] => "indexer";
                public string WriteOnly { set { Private = value; } }
                internal string Internal { get; set; } = "internal";
                public System.Collections.Generic.List<int> Numbers { get; set; } = new System.Collections.Generic.List<int> { 1 };
                public double Ratio => 0.5;
            }
            """;
        var run = GeneratorHarness.RunGenerator(new[]
        {
            "#pragma warning disable CS0414\n[PiiGuard.GenerateMasking] public partial record Thing" + Body,
            "#pragma warning disable CS0414\npublic record Plain" + Body,
            """
            public static class Sample
            {
                public static object Thing() => new Thing(1, null, new System.DateTime(2020, 1, 2)) { Maybe = 3 };
                public static object Plain() => new Plain(1, null, new System.DateTime(2020, 1, 2)) { Maybe = 3 };
            }
            """,
        }).AssertCompilesClean();

        run.Execute(assembly =>
        {
            var sample = assembly.GetType("Sample")!;
            string generated = sample.GetMethod("Thing")!.Invoke(null, null)!.ToString()!;
            string compiler = sample.GetMethod("Plain")!.Invoke(null, null)!.ToString()!;
            Assert.Equal(compiler.Replace("Plain", "Thing"), generated);
        });
    }

    [Fact]
    public void DerivedRecords_PrintInTheCompilersOrder()
    {
        var run = GeneratorHarness.RunGenerator(new[]
        {
            """
            public abstract record PlainRoot(string A) { public virtual string V => "root"; }
            public record PlainMiddle(string A, int B) : PlainRoot(A) { public override string V => "middle"; }
            public sealed record PlainLeaf(string A, int B, bool C) : PlainMiddle(A, B);

            [PiiGuard.GenerateMasking] public abstract partial record MaskedRoot(string A) { public virtual string V => "root"; }
            public record UnmaskedMiddle(string A, int B) : MaskedRoot(A) { public override string V => "middle"; }
            [PiiGuard.GenerateMasking] public sealed partial record MaskedLeaf(string A, int B, bool C) : UnmaskedMiddle(A, B);

            public record PlainBase(string A, int B);
            [PiiGuard.GenerateMasking] public partial record MaskedOnPlain(string A, int B, bool C) : PlainBase(A, B);

            public static class Sample
            {
                public static object[] Create() => new object[]
                {
                    new PlainLeaf("a", 2, true), new MaskedLeaf("a", 2, true), new MaskedOnPlain("a", 2, true),
                };
            }
            """,
        }).AssertCompilesClean();

        run.Execute(assembly =>
        {
            var values = (object[])assembly.GetType("Sample")!.GetMethod("Create")!.Invoke(null, null)!;
            string compiler = values[0].ToString()!;
            Assert.Equal("PlainLeaf { A = a, V = middle, B = 2, C = True }", compiler);
            Assert.Equal(compiler.Replace("PlainLeaf", "MaskedLeaf"), values[1].ToString());
            Assert.Equal("MaskedOnPlain { A = a, B = 2, C = True }", values[2].ToString());
        });
    }

    private static object Create(Assembly assembly)
        => assembly.GetType("Sample", throwOnError: true)!.GetMethod("Create")!.Invoke(null, null)!;
}
