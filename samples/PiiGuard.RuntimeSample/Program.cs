using System;
using System.Collections.Generic;
using System.Diagnostics;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Trace;
using PiiGuard;
using PiiGuard.Extensions.Compliance;
using PiiGuard.RuntimeSample;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Json;

// Sample data only: the resident ID is the worked example of GB 11643, the card a well-known test number.
var customer = new Customer
{
    FullName = "Zhang Wei",
    ResidentId = "11010519491231002X",
    Card = "4111111111111111",
    Email = "zhang.wei@example.com",
    Tier = "Gold",
};

Console.WriteLine("== Serilog {@Customer} with .Destructure.WithPiiGuard() ==");
using (Logger serilog = new LoggerConfiguration().Destructure.WithPiiGuard().WriteTo.Sink(new ConsoleJsonSink()).CreateLogger())
{
    // PII005 still reports this line at build time: the analyzer cannot know which logger has the policy (docs/rules/PII005.md).
    serilog.Information("Onboarded {@Customer}", customer);
}

Console.WriteLine();
Console.WriteLine("== [LoggerMessage] with EnableRedaction() and SetPiiGuardRedactors() ==");
using (ServiceProvider services = new ServiceCollection()
    .AddLogging(b => b.EnableRedaction().AddSimpleConsole(o => o.SingleLine = true))
    .AddRedaction(b => b.SetPiiGuardRedactors())
    .BuildServiceProvider())
{
    ShopLog.Charged(services.GetRequiredService<ILoggerFactory>().CreateLogger("Shop"), customer.Card, customer.Email, "SO-1001");
}

Console.WriteLine();
Console.WriteLine("== OpenTelemetry: AddPiiGuardProcessor() before the exporter ==");
var source = new ActivitySource("PiiGuard.RuntimeSample");
var exported = new List<Activity>();
using (TracerProvider tracing = Sdk.CreateTracerProviderBuilder()
    .AddSource(source.Name)
    .AddPiiGuardProcessor(o => o.Mask("shop.card", PiiKind.PaymentCard))
    .AddInMemoryExporter(exported)
    .Build()!)
{
    using Activity? activity = source.StartActivity("checkout");
    // PII003 reports these two at build time (the compiler stays the main defence); the processor is the safety net.
    activity?.SetTag("shop.card", customer.Card);            // named in the options
    activity?.SetTag("customer.email", customer.Email);       // PiiGuard's naming rules
    activity?.SetTag("order.id", "SO-1001");                  // not personal
}

foreach (Activity activity in exported)
{
    foreach (KeyValuePair<string, object?> tag in activity.TagObjects)
    {
        Console.WriteLine($"  {tag.Key,-16} {tag.Value}");
    }
}

namespace PiiGuard.RuntimeSample
{
    [GenerateMasking]
    public partial class Customer
    {
        [Pii(PiiKind.Name)] public string FullName { get; set; } = "";
        [Pii(PiiKind.NationalId)] public string ResidentId { get; set; } = "";
        [Pii(PiiKind.PaymentCard)] public string Card { get; set; } = "";
        [Pii(PiiKind.Email)] public string Email { get; set; } = "";
        public string Tier { get; set; } = "";
    }

    public static partial class ShopLog
    {
        [LoggerMessage(EventId = 1, Level = Microsoft.Extensions.Logging.LogLevel.Information, Message = "Charged {Card} for {Email}, order {OrderId}")]
        public static partial void Charged(Microsoft.Extensions.Logging.ILogger logger, [PaymentCardData] string card, [EmailData] string email, string orderId);
    }

    /// <summary>Writes each Serilog event's message and its JSON form to the console.</summary>
    internal sealed class ConsoleJsonSink : ILogEventSink
    {
        private readonly JsonFormatter _json = new();

        public void Emit(LogEvent logEvent)
        {
            Console.WriteLine("  " + logEvent.RenderMessage());
            Console.Write("  ");
            _json.Format(logEvent, Console.Out);
        }
    }
}
