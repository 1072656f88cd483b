using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PiiGuard.Serilog;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Json;

namespace PiiGuard.Runtime.Tests;

/// <summary>Serilog 4 with Destructure.WithPiiGuard(): {@x} of [GenerateMasking] types is structured and masked.</summary>
public class SerilogTests
{
    [Fact]
    public void Destructured_GenerateMaskingType_IsAMaskedStructure_WithTheRestVisible()
    {
        var sink = new MemorySink();
        using (Logger logger = new LoggerConfiguration().Destructure.WithPiiGuard().WriteTo.Sink(sink).CreateLogger())
        {
            logger.Information("Onboarded {@Customer}", Samples.Customer());
        }

        string output = sink.Output();
        Samples.AssertNoSecret(output);
        Assert.Contains("Gold", output);
        Assert.Contains("42", output);
        Assert.Contains("CN", output);
        Assert.Contains(Samples.MaskedCard, output);

        var customer = Assert.IsType<StructureValue>(Assert.Single(sink.Events).Properties["Customer"]);
        Assert.Equal("Customer", customer.TypeTag);
        Dictionary<string, LogEventPropertyValue> members = customer.Properties.ToDictionary(p => p.Name, p => p.Value);
        Assert.Equal(
            new[] { "FullName", "Email", "Phone", "ResidentId", "Card", "OtherEmails", "Home", "Tier", "Orders", "Since" },
            customer.Properties.Select(p => p.Name));
        Assert.Equal(PiiMask.PaymentCard(Samples.Card), Scalar(members["Card"]));
        Assert.Equal(PiiMask.NationalId(Samples.ResidentId), Scalar(members["ResidentId"]));
        Assert.Equal(PiiMask.Email(Samples.Email), Scalar(members["Email"]));
        Assert.Equal("Gold", Scalar(members["Tier"]));
        Assert.Equal(42, Scalar(members["Orders"]));
        Assert.Equal(new DateTime(2020, 5, 17), Scalar(members["Since"]));
        Assert.Equal(new object?[] { PiiMask.Email(Samples.OtherEmail) }, Assert.IsType<SequenceValue>(members["OtherEmails"]).Elements.Select(Scalar));
        var home = Assert.IsType<StructureValue>(members["Home"]);
        Assert.Equal("Address", home.TypeTag);
        Assert.Equal("CN", Scalar(home.Properties.Single(p => p.Name == "Country").Value));
    }

    [Fact]
    public void WithoutThePolicy_SerilogsReflectionLeaks_SoTheTestsAboveCanFail()
    {
        var sink = new MemorySink();
        using (Logger logger = new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger())
        {
            logger.Information("Onboarded {@Customer}", Samples.Customer());
        }

        Assert.Contains(Samples.Card, sink.Output());
        Assert.Contains(Samples.ResidentId, sink.Output());
    }

    [Fact]
    public void DerivedTypes_CollectionsOfMaskables_ContextProperties_AreMasked()
    {
        var sink = new MemorySink();
        using (Logger logger = new LoggerConfiguration().Destructure.WithPiiGuard().WriteTo.Sink(sink).CreateLogger())
        {
            logger.Information("VIP {@Vip}", Samples.Vip());
            logger.Information("Batch {@Customers}", new List<Customer> { Samples.Customer(), Samples.Vip() });
            logger.Information("Keyed {@ByTier}", new Dictionary<string, Customer> { ["Gold"] = Samples.Customer() });
            logger.ForContext("Customer", Samples.Customer(), destructureObjects: true).Information("With context");
            logger.Information("Plain {Customer}", Samples.Customer());
        }

        string output = sink.Output();
        Samples.AssertNoSecret(output);
        Assert.Contains("Desk 12", output);
        Assert.Contains("Platinum", output);
        var vip = Assert.IsType<StructureValue>(sink.Events[0].Properties["Vip"]);
        Assert.Equal("VipCustomer", vip.TypeTag);
        Assert.Equal(PiiMask.BankAccount(Samples.Iban), Scalar(vip.Properties.Single(p => p.Name == "Iban").Value));
        Assert.Equal("FullName", vip.Properties[0].Name); // inherited members first, as in the text form
        Assert.All(Assert.IsType<SequenceValue>(sink.Events[1].Properties["Customers"]).Elements, e => Assert.IsType<StructureValue>(e));
        Assert.IsType<StructureValue>(sink.Events[3].Properties["Customer"]);
    }

    [Fact]
    public void HandWrittenMaskable_LogsItsMaskedText()
    {
        var sink = new MemorySink();
        using (Logger logger = new LoggerConfiguration().Destructure.WithPiiGuard().WriteTo.Sink(sink).CreateLogger())
        {
            logger.Information("Token {@Token}", new Token { Value = "sk_live_51Hxyz" });
        }

        Assert.Equal("Token(***)", Scalar(sink.Events.Single().Properties["Token"]));
        Assert.DoesNotContain("sk_live", sink.Output());
    }

    [Fact]
    public void FailuresWhileMasking_EraseTheValue_AndTheEventIsStillLogged()
    {
        var sink = new MemorySink();
        using (Logger logger = new LoggerConfiguration().Destructure.WithPiiGuard().WriteTo.Sink(sink).CreateLogger())
        {
            logger.Information("Faulty {@Faulty} then {Tier}", new Faulty { Email = Samples.Email }, "Gold");
            logger.Information("Throwing {@Token}", new ThrowingToken { Value = Samples.Card });
        }

        Assert.Equal(2, sink.Events.Count);
        Assert.Equal(PiiMask.Erased, Scalar(sink.Events[0].Properties["Faulty"]));
        Assert.Equal(PiiMask.Erased, Scalar(sink.Events[1].Properties["Token"]));
        Assert.Contains("Gold", sink.Output());
        Samples.AssertNoSecret(sink.Output());

        // The policy recovers: the next object on the same thread is structured normally.
        using (Logger logger = new LoggerConfiguration().Destructure.WithPiiGuard().WriteTo.Sink(sink).CreateLogger())
        {
            logger.Information("After {@Customer}", Samples.Customer());
        }

        Assert.IsType<StructureValue>(sink.Events[2].Properties["Customer"]);
    }

    [Fact]
    public void DeepAndRecursiveGraphs_StopAtSerilogsDepthLimit_WithoutRawValues()
    {
        var head = new Node { Name = "Alan Turing" };
        Node current = head;
        for (int i = 0; i < 30; i++)
        {
            current.Next = new Node { Name = "Alonzo Church" };
            current = current.Next;
        }

        var sink = new MemorySink();
        using (Logger logger = new LoggerConfiguration().Destructure.WithPiiGuard().Destructure.ToMaximumDepth(5).WriteTo.Sink(sink).CreateLogger())
        {
            logger.Information("Chain {@Head}", head);
        }

        string output = sink.Output();
        Assert.DoesNotContain("Turing", output);
        Assert.DoesNotContain("Church", output);
        Assert.Contains("A*** T***", output);
    }

    [Fact]
    public void Policy_DeclinesOtherTypes()
    {
        var policy = new PiiGuardDestructuringPolicy();
        Assert.False(policy.TryDestructure("plain", new NoFactory(), out _));
        Assert.False(policy.TryDestructure(new Uri("https://example.com"), new NoFactory(), out _));
    }

    private static object? Scalar(LogEventPropertyValue value) => Assert.IsType<ScalarValue>(value).Value;

    private sealed class NoFactory : ILogEventPropertyValueFactory
    {
        public LogEventPropertyValue CreatePropertyValue(object? value, bool destructureObjects = false) => throw new InvalidOperationException();
    }

    internal sealed class MemorySink : ILogEventSink
    {
        public List<LogEvent> Events { get; } = new();

        public void Emit(LogEvent logEvent) => Events.Add(logEvent);

        /// <summary>Everything a sink could write: the rendered messages and the events as JSON.</summary>
        public string Output()
        {
            var text = new StringWriter();
            var json = new JsonFormatter(renderMessage: true);
            foreach (LogEvent e in Events)
            {
                text.WriteLine(e.RenderMessage());
                json.Format(e, text);
            }

            return text.ToString();
        }
    }
}
