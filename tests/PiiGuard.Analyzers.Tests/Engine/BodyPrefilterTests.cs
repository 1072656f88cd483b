using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PiiGuard.Analyzers.Core;
using PiiGuard.Analyzers.Flow;
using PiiGuard.Analyzers.Flow.Catalog;
using PiiGuard.Analyzers.Tests.Infrastructure;

namespace PiiGuard.Analyzers.Tests.Engine;

/// <summary>
/// Which bodies the flow analyzer binds (issue 18): those through which personal data can enter, by the names they
/// mention, closed over the compilation; the others are skipped without binding. That no leak is lost is what every
/// other analyzer test checks (they all run through the prefilter); here, that bodies are skipped at all, and which.
/// </summary>
public class BodyPrefilterTests
{
    private const string Domain = """
        using System;
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.Logging;
        using PiiGuard;

        public class Customer
        {
            [Pii(PiiKind.Email)] public string Email { get; set; } = "";
            public string Tier { get; set; } = "";
            public string Describe() => Tier;
            public void Hand(Action<Customer> to) => to(this);
        }

        public class Cart
        {
            public Customer? Owner { get; set; }
            public int Items { get; set; }
        }

        public class ApplicationUser : IdentityUser
        {
        }

        public record Contact([Pii(PiiKind.Phone)] string Phone, int Id);

        public class Repository
        {
            private readonly List<Customer> _customers = new List<Customer>();
            public Customer Find(int id) => _customers[id];
            public int Count() => 42;
        }

        public class Mailer
        {
            private string _lastRecipient = "";
            public void Remember(Customer c) => _lastRecipient = c.Email;
            public string Last() => _lastRecipient;
        }
        """;

    private const string Services = """
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Logging;
        using PiiGuard;

        public class Services(ILogger logger, Repository repository, Mailer mailer)
        {
            public void Plain(int a, int b) => logger.LogInformation("{Sum}", a + b);
            public void Counts() => logger.LogInformation("{Count}", repository.Count());
            public void Direct(Customer c) => logger.LogInformation("{Email}", c.Email);
            public void ThroughReturn(int id) { var c = repository.Find(id); logger.LogInformation("{C}", c); }
            public void ThroughField() => logger.LogInformation("{Last}", mailer.Last());
            public void Nested(Cart cart) => logger.LogInformation("{Cart}", cart);
            public void Derived(ApplicationUser user) => logger.LogInformation("{User}", user);
            public void Positional(Contact contact) => logger.LogInformation("{Contact}", contact);
            public void Parameter([Pii(PiiKind.Name)] string name) => logger.LogInformation("{Name}", name);
            public void Claims(HttpContext context) => logger.LogInformation("{Name}", context.User.Identity?.Name);
            public void ClientIp(HttpContext context) => logger.LogInformation("{Ip}", context.Connection.RemoteIpAddress);
            public void Header(HttpContext context) => logger.LogInformation("{H}", context.Request.Headers["X-Forwarded-For"]);
            public void NameOfAPlainThing(System.Type type) => logger.LogInformation("{Name}", type.Name);
        }
        """;

    private static BodyPrefilter Create(CSharpCompilation compilation, bool discover = false)
    {
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return new BodyPrefilter(compilation, PiiSymbols.Create(compilation, discover), UserCatalog.Empty, userIdsArePersonal: false);
    }

    private static CSharpCompilation Compile(params string[] sources) => CSharpCompilation.Create(
        "Prefilter",
        sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, path: $"File{i}.cs")),
        TestReferences.All,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static bool MayLeak(BodyPrefilter prefilter, CSharpCompilation compilation, string method)
    {
        MethodDeclarationSyntax declaration = compilation.SyntaxTrees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            .Single(m => m.Identifier.ValueText == method);
        ISymbol owner = compilation.GetSemanticModel(declaration.SyntaxTree).GetDeclaredSymbol(declaration)!;
        return prefilter.MayLeak(owner, declaration, CancellationToken.None);
    }

    [Theory]
    [InlineData("Direct")] // a personal member by name
    [InlineData("ThroughReturn")] // a method whose declaration mentions a personal type returns it
    [InlineData("ThroughField")] // a field assigned personal data in another method
    [InlineData("Nested")] // a type holding a personal type
    [InlineData("Derived")] // a type deriving from a referenced type with [PersonalData] members
    [InlineData("Positional")] // a record whose positional parameter is annotated
    [InlineData("Parameter")] // a personal parameter of the member itself
    [InlineData("Claims")] // a framework source reached through Identity
    [InlineData("ClientIp")]
    [InlineData("Header")] // a keyed source reached through Headers
    [InlineData("Find")]
    [InlineData("Remember")]
    public void Analyses_the_bodies_personal_data_can_enter(string method)
    {
        CSharpCompilation compilation = Compile(Domain, Services);
        Assert.True(MayLeak(Create(compilation), compilation, method), method);
    }

    [Theory]
    [InlineData("Plain")]
    [InlineData("Counts")]
    [InlineData("NameOfAPlainThing")] // "Name" alone is not the signed-in user's name: Identity is not mentioned
    public void Skips_the_bodies_that_mention_no_way_in(string method)
    {
        CSharpCompilation compilation = Compile(Domain, Services);
        Assert.False(MayLeak(Create(compilation), compilation, method), method);
    }

    [Fact]
    public void A_method_of_a_personal_type_is_analysed_for_this()
    {
        CSharpCompilation compilation = Compile(Domain, Services);

        // Customer.Hand mentions no personal member, but `this` is a Customer: passing it on carries the e-mail.
        Assert.True(MayLeak(Create(compilation), compilation, "Hand"));
    }

    private const string Shapes = """
        using System;
        using System.Collections.Generic;

        public class Base
        {
            public Base(string value) { }
        }

        public class Shapes : Base
        {
            private static readonly Exception Failure = new Exception();

            public Shapes(Customer c) : base(c.Email) { }
            public object Create(Customer c) => new Exception(c.Email);
            public object CreateImplicit(Customer c) { Exception e = new(c.Email); return e; }
            public void Throw(Customer c) { if (c.Email.Length == 0) throw Failure; }
            public int Index(Customer c, Dictionary<string, int> counts) => counts[c.Email];
            public Contact With(Contact contact) => contact with { Id = 2 };
            public void Set(Customer c, Customer other) => other.Email = c.Email;
            public string Read(Customer c) => c.Email + c.Tier;
            public string Interpolate(Customer c) => $"{c.Email} ({c.Tier})";
            public string Choose(Customer c, Customer d) => c.Email.Length > d.Email.Length ? c.Email : d.Email;
        }

        public class Basket
        {
            public Basket(int count) { Count = count; }
            public Customer? Owner { get; set; }
            public int Count { get; set; }
        }

        public class Holder
        {
            public Holder(Customer owner) { Owner = owner; }
            public Customer Owner { get; }
        }
        """;

    private static bool MayLeakMember(BodyPrefilter prefilter, CSharpCompilation compilation, string member)
    {
        BaseMethodDeclarationSyntax declaration = compilation.SyntaxTrees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<BaseMethodDeclarationSyntax>())
            .Single(m => (m as MethodDeclarationSyntax)?.Identifier.ValueText == member || (m as ConstructorDeclarationSyntax)?.Identifier.ValueText == member);
        ISymbol owner = compilation.GetSemanticModel(declaration.SyntaxTree).GetDeclaredSymbol(declaration)!;
        return prefilter.MayLeak(owner, declaration, CancellationToken.None);
    }

    [Theory]
    [InlineData("Shapes")] // : base(c.Email): the base constructor may log its parameter
    [InlineData("Create")] // a constructor (an exception's message is a sink)
    [InlineData("CreateImplicit")]
    [InlineData("Throw")]
    [InlineData("Index")] // an indexer may be a sink, or have a summary
    [InlineData("With")] // init accessors run
    [InlineData("Set")] // a setter may be a sink
    public void Analyses_the_bodies_with_a_way_out(string member)
    {
        CSharpCompilation compilation = Compile(Domain, Services, Shapes);
        Assert.True(MayLeakMember(Create(compilation), compilation, member), member);
        Assert.True(BodyPrefilter.HasSinkShape(Declaration(compilation, member)), member);
    }

    private static BaseMethodDeclarationSyntax Declaration(CSharpCompilation compilation, string member) =>
        compilation.SyntaxTrees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<BaseMethodDeclarationSyntax>())
            .Single(m => (m as MethodDeclarationSyntax)?.Identifier.ValueText == member || (m as ConstructorDeclarationSyntax)?.Identifier.ValueText == member);

    [Fact]
    public void A_constructor_is_not_kept_by_its_types_name()
    {
        CSharpCompilation compilation = Compile(Domain, Services, Shapes);
        BodyPrefilter prefilter = Create(compilation);

        // Basket holds a Customer, and a constructor's identifier is the type's name; Basket(int) is given nothing personal.
        Assert.False(MayLeakMember(prefilter, compilation, "Basket"));
        Assert.True(MayLeakMember(prefilter, compilation, "Holder"));
    }

    private const string Ways = """
        using Microsoft.Extensions.Logging;

        public class Helper(ILogger logger)
        {
            public void Note(string text) => logger.LogInformation("{Text}", text);
        }

        public class Ways(ILogger logger, Helper helper)
        {
            public string Copy(Customer c) { var text = c.Email.Trim(); return text; }
            public void Log(Customer c) => logger.LogInformation("{Email}", c.Email);
            public void Through(Customer c) => helper.Note(c.Email);
            public void Fail(Customer c) { var e = new System.InvalidOperationException(c.Email); System.GC.KeepAlive(e); }
        }
        """;

    [Theory]
    [InlineData("Log", true)] // a logging call of the catalogue
    [InlineData("Through", true)] // a helper whose declaration leads to one
    [InlineData("Fail", true)] // an exception's message
    [InlineData("Copy", false)] // reads the e-mail and calls, but nothing it calls can reach a sink
    public void Only_bodies_that_can_reach_an_effect_are_bound(string method, bool reaches)
    {
        CSharpCompilation compilation = Compile(Domain, Services, Ways);
        BodyPrefilter prefilter = Create(compilation);
        var known = new KnownSymbols(compilation, PiiSymbols.Create(compilation), PiiGuardOptions.Empty);
        (var names, bool indexerSinks) = PiiGuard.Analyzers.Generator.SummaryFilter.EffectNames(compilation, known, prefilter, annotatedData: false, CancellationToken.None);
        var effects = new EffectFilter(names, indexerSinks);

        Assert.True(MayLeakMember(prefilter, compilation, method), method); // personal data can enter each of them
        MethodDeclarationSyntax declaration = compilation.SyntaxTrees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            .Single(m => m.Identifier.ValueText == method);
        Assert.Equal(reaches, effects.MayReach(declaration));
    }

    private const string Callees = """
        using Microsoft.Extensions.Logging;

        public class Callees(ILogger logger)
        {
            public bool IsValid(string email) => email.Contains('@') && email.Trim().Length > 3;
            private string _last = "";
            public void Remember(string email) { _last = email.Trim(); }
            public void Collect(System.Collections.Generic.List<string> seen, string email) => seen.Add(email);
            public void Log(string email) => logger.LogInformation("{Email}", email);
            public bool LogAndCheck(string email) { logger.LogInformation("{Email}", email); return true; }
            public string Normalize(string email) => email.Trim();
            public int Count(string email) => email.Trim().Length;
        }
        """;

    [Theory]
    [InlineData("IsValid", true)] // returns a flag and reaches no effect: summarised without binding its body
    [InlineData("Remember", true)] // returns nothing and reaches no effect
    [InlineData("Collect", false)] // Add is also the name of sinks (headers.Add): walked
    [InlineData("Log", false)] // a parameter reaches a sink: its callers need the walked summary
    [InlineData("LogAndCheck", false)]
    [InlineData("Normalize", false)] // returns what it is given: walked for the parameters that flow into the result
    [InlineData("Count", false)] // a number can carry personal data (an age): walked
    public void Callees_that_return_no_carrier_and_reach_no_effect_are_summarised_without_binding(string method, bool empty)
    {
        CSharpCompilation compilation = Compile(Domain, Services, Callees);
        BodyPrefilter prefilter = Create(compilation);
        var known = new KnownSymbols(compilation, PiiSymbols.Create(compilation), PiiGuardOptions.Empty);
        var engine = new LeakEngine(known);
        Assert.Null(engine.Shortcut);
        engine.Effects(prefilter, CancellationToken.None); // the flow analyzer's engines set the shortcut with their effect names
        IMethodSymbol symbol = compilation.GetTypeByMetadataName("Callees")!.GetMembers(method).OfType<IMethodSymbol>().Single();

        MethodSummary? summary = engine.Shortcut!(symbol, CancellationToken.None);

        Assert.Equal(empty, summary != null);
        if (summary != null)
        {
            Assert.Same(MethodSummary.Empty, summary);
        }
    }

    private const string Quiet = """
        using Microsoft.Extensions.Logging;

        public class Order
        {
            private readonly int _id;
            private readonly ILogger _logger;
            private string _last = "";

            public Order(int id, ILogger logger) { _id = id; _logger = logger; }

            public string Label() => "order " + _id.ToString();
            public string Title => "Order " + _id;
            public string Wrap(string text) => "[" + text + "]";
            public string Unused(string text) => "[" + _id + "]";
            public string Mail(Customer c) => c.Email;
            public string Holder(Customer c) => "customer";
            public string Last() => _last;
            public void Remember(Customer c) { _last = c.Email; }
        }
        """;

    [Theory]
    [InlineData("Label", true)] // reads no personal data and no parameter: its result carries nothing, and it is not bound
    [InlineData("get_Title", true)] // the same for a computed property
    [InlineData("Unused", true)] // a parameter it never mentions cannot flow anywhere
    [InlineData("Wrap", false)] // mentions its parameter: walked for what flows into the result
    [InlineData("Mail", false)] // reads a personal member
    [InlineData("Holder", false)] // mentions a type that holds personal data (it may be handed on whole)
    [InlineData("Last", false)] // reads a field that is given personal data elsewhere (Remember)
    public void Callees_that_cannot_see_personal_data_are_summarised_without_binding(string method, bool empty)
    {
        CSharpCompilation compilation = Compile(Domain, Services, Quiet);
        var engine = new LeakEngine(new KnownSymbols(compilation, PiiSymbols.Create(compilation), PiiGuardOptions.Empty));
        engine.Effects(Create(compilation), CancellationToken.None);
        IMethodSymbol symbol = compilation.GetTypeByMetadataName("Order")!.GetMembers(method).OfType<IMethodSymbol>().Single();

        MethodSummary? summary = engine.Shortcut!(symbol, CancellationToken.None);

        Assert.Equal(empty, summary != null);
        if (summary != null)
        {
            Assert.Same(MethodSummary.Empty, summary);
        }

        Assert.Equal(0, engine.BoundBodies);
    }

    [Fact]
    public void A_member_scan_binds_only_the_methods_that_can_see_personal_data()
    {
        CSharpCompilation compilation = Compile(Domain, Services, Quiet);
        INamedTypeSymbol order = compilation.GetTypeByMetadataName("Order")!;
        var engine = new LeakEngine(new KnownSymbols(compilation, PiiSymbols.Create(compilation), PiiGuardOptions.Empty));
        engine.Effects(Create(compilation), CancellationToken.None);

        // _logger and _id are assigned only by the constructor, which reads nothing personal: not bound.
        Assert.Null(engine.GetMemberTaint(order.GetMembers("_logger").Single(), CancellationToken.None));
        Assert.Null(engine.GetMemberTaint(order.GetMembers("_id").Single(), CancellationToken.None));
        Assert.Equal(0, engine.BoundBodies);

        // _last is given an e-mail address by Remember, which is bound and scanned.
        Assert.NotNull(engine.GetMemberTaint(order.GetMembers("_last").Single(), CancellationToken.None));
        Assert.Equal(1, engine.BoundBodies);

        // Without the prefilter (the summary generator's engines), every method that may assign is bound.
        var unfiltered = new LeakEngine(new KnownSymbols(compilation, PiiSymbols.Create(compilation), PiiGuardOptions.Empty));
        Assert.Null(unfiltered.GetMemberTaint(order.GetMembers("_logger").Single(), CancellationToken.None));
        Assert.Equal(1, unfiltered.BoundBodies);
    }

    private const string CallSites = """
        using Microsoft.Extensions.Logging;

        public class Report(ILogger logger)
        {
            public void Lines(System.Collections.Generic.List<string> lines)
            {
                foreach (string line in lines) { logger.LogInformation("{Line}", Normalize(line)); }
            }

            public void Mail(Customer c) => logger.LogInformation("{Email}", Normalize(c.Email));

            private static string Normalize(string text) => text.Trim().ToLowerInvariant();
        }
        """;

    [Theory]
    [InlineData("Lines", 0, 0)] // Normalize is handed nothing personal and sees nothing personal: not summarised, not bound
    [InlineData("Mail", 1, 1)] // handed an e-mail address: Normalize is bound, and what it returns is reported
    public void A_call_that_hands_nothing_personal_to_a_callee_that_sees_nothing_personal_needs_no_summary(string method, int bound, int leaks)
    {
        CSharpCompilation compilation = Compile(Domain, Services, CallSites);
        var engine = new LeakEngine(new KnownSymbols(compilation, PiiSymbols.Create(compilation), PiiGuardOptions.Empty));
        engine.Effects(Create(compilation), CancellationToken.None);
        BaseMethodDeclarationSyntax declaration = Declaration(compilation, method);
        IOperation body = compilation.GetSemanticModel(declaration.SyntaxTree).GetOperation(declaration)!;
        var reporter = new LeakReporter(declaration.SyntaxTree);

        TaintWalker.Analyze(engine, body, reporter, CancellationToken.None);

        Assert.Equal(bound, engine.BoundBodies);
        Assert.Equal(leaks, reporter.Diagnostics.Count(d => d.Id == RuleIdentifiers.LogLeak));
    }

    [Theory]
    [InlineData("Read")] // reads personal data, but has no call, creation, throw, assignment or element access
    [InlineData("Interpolate")]
    [InlineData("Choose")]
    [InlineData("Describe")] // a method of a personal type that only computes a value
    public void Skips_the_bodies_with_no_way_out(string member)
    {
        CSharpCompilation compilation = Compile(Domain, Services, Shapes);

        // Personal data can enter them (their summaries still see it), but nothing in them can reach a sink.
        Assert.True(MayLeakMember(Create(compilation), compilation, member), member);
        Assert.False(BodyPrefilter.HasSinkShape(Declaration(compilation, member)), member);
    }

    [Fact]
    public void Discovery_makes_names_of_personal_data_relevant()
    {
        const string unannotated = """
            using Microsoft.Extensions.Logging;

            public class Person { public string PassportNumber { get; set; } = ""; public int Age2 { get; set; } }

            public class Service(ILogger logger)
            {
                public void Log(Person p) => logger.LogInformation("{P}", p.PassportNumber);
                public void Other(int x) => logger.LogInformation("{X}", x);
            }
            """;
        CSharpCompilation compilation = Compile(unannotated);
        Assert.False(MayLeak(Create(compilation, discover: false), compilation, "Log"));
        Assert.True(MayLeak(Create(compilation, discover: true), compilation, "Log"));
        Assert.False(MayLeak(Create(compilation, discover: true), compilation, "Other"));
    }
}
