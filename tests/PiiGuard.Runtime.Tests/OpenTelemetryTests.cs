using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Trace;
using PiiGuard.OpenTelemetry;

namespace PiiGuard.Runtime.Tests;

/// <summary>The OpenTelemetry SDK with the in-memory exporter, the PiiGuard processor added before it.</summary>
public class OpenTelemetryTests
{
    private static readonly ActivitySource Source = new("PiiGuard.Runtime.Tests." + nameof(OpenTelemetryTests));

    [Fact]
    public void ActivityProcessor_MasksPersonalTags_ByNameConventionAndConfiguration()
    {
        var exported = new List<Activity>();
        using (TracerProvider provider = Sdk.CreateTracerProviderBuilder()
            .AddSource(Source.Name)
            .AddPiiGuardProcessor(o => o.Mask("shop.payment", PiiKind.PaymentCard).Ignore("customer.nickname_email"))
            .AddInMemoryExporter(exported)
            .Build()!)
        {
            using (Activity activity = Source.StartActivity("checkout")!)
            {
                activity.SetTag("shop.payment", Samples.Card);              // configured
                activity.SetTag("customer.email", Samples.Email);           // PiiGuard naming rules
                activity.SetTag("customer.id_card", Samples.ResidentId);
                activity.SetTag("user.full_name", Samples.FullName);        // OpenTelemetry user conventions
                activity.SetTag("client.address", IPAddress.Parse("203.0.113.77"));
                activity.SetTag("customer.phones", new[] { Samples.Phone });
                activity.SetTag("customer.nickname_email", "shown@example.com"); // ignored on purpose
                activity.SetTag("order.id", "SO-1001");
                activity.SetTag("server.address", "shop.example.com");      // a host, not a person
                activity.SetTag("order.total", 99.5);
            }
        }

        Activity ended = Assert.Single(exported);
        Dictionary<string, object?> tags = ended.TagObjects.ToDictionary(t => t.Key, t => t.Value);
        string output = string.Join("\n", tags.Select(t => t.Key + "=" + (t.Value is string[] a ? string.Join(",", a) : t.Value)));
        Samples.AssertNoSecret(output);
        Assert.DoesNotContain("203.0.113.77", output);
        Assert.Equal(Samples.MaskedCard, tags["shop.payment"]);
        Assert.Equal(PiiMask.Email(Samples.Email), tags["customer.email"]);
        Assert.Equal(PiiMask.NationalId(Samples.ResidentId), tags["customer.id_card"]);
        Assert.Equal(PiiMask.Name(Samples.FullName), tags["user.full_name"]);
        Assert.Equal(PiiMask.IpAddress(IPAddress.Parse("203.0.113.77")), tags["client.address"]);
        Assert.Equal(new[] { PiiMask.Phone(Samples.Phone) }, tags["customer.phones"]);
        Assert.Equal("shown@example.com", tags["customer.nickname_email"]);
        Assert.Equal("SO-1001", tags["order.id"]);
        Assert.Equal("shop.example.com", tags["server.address"]);
        Assert.Equal(99.5, tags["order.total"]);
    }

    [Fact]
    public void WithoutTheProcessor_TheExporterSeesRawValues_SoTheTestAboveCanFail()
    {
        var exported = new List<Activity>();
        using (TracerProvider provider = Sdk.CreateTracerProviderBuilder().AddSource(Source.Name).AddInMemoryExporter(exported).Build()!)
        {
            using Activity activity = Source.StartActivity("checkout")!;
            activity.SetTag("customer.email", Samples.Email);
        }

        Assert.Equal(Samples.Email, Assert.Single(exported).GetTagItem("customer.email"));
    }

    [Fact]
    public void Inventory_NamesTheMembersWhoseTagsAreMasked()
    {
        string path = Path.Combine(Path.GetTempPath(), "piiguard-inventory-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, """
            {"schema": "piiguard-inventory/1", "members": [
              {"type": "Shop.Customer", "member": "LoyaltyCard", "kind": "PaymentCard", "sensitive": true},
              {"type": "Shop.Customer", "member": "Moniker", "kind": "Name", "sensitive": false}
            ]}
            """);
        try
        {
            var exported = new List<Activity>();
            using (TracerProvider provider = Sdk.CreateTracerProviderBuilder()
                .AddSource(Source.Name)
                .AddPiiGuardProcessor(o => o.AddInventory(path))
                .AddInMemoryExporter(exported)
                .Build()!)
            {
                using Activity activity = Source.StartActivity("loyalty")!;
                activity.SetTag("shop.loyalty_card", Samples.Card);
                activity.SetTag("Moniker", Samples.FullName);
            }

            Activity ended = Assert.Single(exported);
            Assert.Equal(Samples.MaskedCard, ended.GetTagItem("shop.loyalty_card"));
            Assert.Equal(PiiMask.Name(Samples.FullName), ended.GetTagItem("Moniker"));
        }
        finally
        {
            File.Delete(path);
        }

        Assert.Throws<FileNotFoundException>(() => new PiiGuardTagOptions().AddInventory(path));
    }

    [Fact]
    public void ValuesThatCannotBeMasked_AreErased()
    {
        var exported = new List<Activity>();
        using (TracerProvider provider = Sdk.CreateTracerProviderBuilder()
            .AddSource(Source.Name)
            .AddPiiGuardProcessor(o => o.Mask("customer.profile", PiiKind.Health))
            .AddInMemoryExporter(exported)
            .Build()!)
        {
            using Activity activity = Source.StartActivity("profile")!;
            activity.SetTag("customer.profile", new ThrowingToString());
            activity.SetTag("customer.email", "not-an-address");
        }

        Activity ended = Assert.Single(exported);
        Assert.Equal(PiiMask.Erased, ended.GetTagItem("customer.profile"));
        Assert.Equal(PiiMask.Erased, ended.GetTagItem("customer.email"));
    }

    [Fact]
    public void LogRecordProcessor_MasksAttributesAndTheirTextInTheFormattedMessage()
    {
        var exported = new List<LogRecord>();
        using (ILoggerFactory factory = LoggerFactory.Create(b => b.AddOpenTelemetry(o =>
        {
            o.IncludeFormattedMessage = true;
            o.AddPiiGuardProcessor();
            o.AddInMemoryExporter(exported);
        })))
        {
            factory.CreateLogger("Shop").LogInformation("Welcome {CustomerEmail} on order {OrderId}", Samples.Email, "SO-1001");
        }

        LogRecord record = Assert.Single(exported);
        string output = record.FormattedMessage + "\n" + string.Join("\n", record.Attributes!.Select(a => a.Key + "=" + a.Value));
        Samples.AssertNoSecret(output);
        Assert.Contains(PiiMask.Email(Samples.Email)!, record.FormattedMessage);
        Assert.Contains("SO-1001", output);
    }

    private sealed class ThrowingToString
    {
        public override string ToString() => throw new InvalidOperationException(Samples.Card);
    }
}
