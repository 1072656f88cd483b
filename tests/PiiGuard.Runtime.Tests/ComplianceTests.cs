using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using ILogger = Microsoft.Extensions.Logging.ILogger;
using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PiiGuard.Extensions.Compliance;

namespace PiiGuard.Runtime.Tests;

/// <summary>A taxonomy of the application's own, mapped onto PiiGuard's conventions.</summary>
public sealed class CardNumberAttribute : DataClassificationAttribute
{
    public static readonly DataClassification Card = new("Shop", "CardNumber");

    public CardNumberAttribute()
        : base(Card)
    {
    }
}

public static partial class ShopLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Charged {Card} for {Email} ({Phone}, {ResidentId}) order {OrderId}")]
    public static partial void Charged(
        ILogger logger,
        [PaymentCardData] string card,
        [EmailData] string email,
        [PhoneData] string phone,
        [NationalIdData] string residentId,
        string orderId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Refunded {Card} order {OrderId}")]
    public static partial void Refunded(ILogger logger, [CardNumber] string card, string orderId);
}

/// <summary>Microsoft.Extensions.Logging with EnableRedaction and PiiGuard's redactors, through the extended [LoggerMessage] generator.</summary>
public class ComplianceTests
{
    [Fact]
    public void LoggerMessage_WithPiiGuardRedactors_MasksByKind_AndShowsTheRest()
    {
        var sink = new MemoryLoggerProvider();
        using ServiceProvider services = new ServiceCollection()
            .AddLogging(b => b.EnableRedaction().AddProvider(sink))
            .AddRedaction(b => b.SetPiiGuardRedactors())
            .BuildServiceProvider();

        ILogger logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Shop");
        ShopLog.Charged(logger, Samples.Card, Samples.Email, Samples.Phone, Samples.ResidentId, "SO-1001");

        string output = sink.Output();
        Samples.AssertNoSecret(output);
        Assert.Contains(Samples.MaskedCard, output);
        Assert.Contains(PiiMask.Email(Samples.Email)!, output);
        Assert.Contains(PiiMask.Phone(Samples.Phone)!, output);
        Assert.Contains(PiiMask.NationalId(Samples.ResidentId)!, output);
        Assert.Contains("SO-1001", output);
        Assert.Equal(Samples.MaskedCard, sink.Entries.Single().State["Card"]);
    }

    [Fact]
    public void WithoutPiiGuardRedactors_MicrosoftErases_SoTheMaskedFormComesFromPiiGuard()
    {
        var sink = new MemoryLoggerProvider();
        using ServiceProvider services = new ServiceCollection()
            .AddLogging(b => b.EnableRedaction().AddProvider(sink))
            .AddRedaction()
            .BuildServiceProvider();

        ShopLog.Charged(services.GetRequiredService<ILoggerFactory>().CreateLogger("Shop"), Samples.Card, Samples.Email, Samples.Phone, Samples.ResidentId, "SO-1001");

        string output = sink.Output();
        Samples.AssertNoSecret(output);
        Assert.DoesNotContain(Samples.MaskedCard, output);
        Assert.Contains("SO-1001", output);
    }

    [Fact]
    public void ExistingClassifications_MapOntoAKindsConvention()
    {
        var sink = new MemoryLoggerProvider();
        using ServiceProvider services = new ServiceCollection()
            .AddLogging(b => b.EnableRedaction().AddProvider(sink))
            .AddRedaction(b => b.SetPiiGuardRedactors().SetPiiGuardRedactor(PiiKind.PaymentCard, CardNumberAttribute.Card))
            .BuildServiceProvider();

        ShopLog.Refunded(services.GetRequiredService<ILoggerFactory>().CreateLogger("Shop"), Samples.Card, "SO-1002");

        Assert.Contains("Refunded " + Samples.MaskedCard + " order SO-1002", sink.Output());
    }

    [Fact]
    public void RedactorProvider_ResolvesEveryKind_ToItsConvention()
    {
        using ServiceProvider services = new ServiceCollection().AddRedaction(b => b.SetPiiGuardRedactors()).BuildServiceProvider();
        var provider = services.GetRequiredService<IRedactorProvider>();
        foreach (PiiKind kind in PiiGuardTaxonomy.Kinds)
        {
            Redactor redactor = provider.GetRedactor(PiiGuardTaxonomy.ForKind(kind));
            Assert.IsAssignableFrom<PiiGuardRedactor>(redactor);
            Assert.Equal(PiiMask.Apply(Samples.Card, kind) ?? "", redactor.Redact(Samples.Card));
            Assert.Equal(PiiMask.Apply(Samples.Email, kind) ?? "", redactor.Redact(Samples.Email));
        }
    }

    [Fact]
    public void Taxonomy_RoundTripsEveryKind()
    {
        foreach (PiiKind kind in PiiGuardTaxonomy.Kinds)
        {
            DataClassification classification = PiiGuardTaxonomy.ForKind(kind);
            Assert.Equal("PiiGuard", classification.TaxonomyName);
            Assert.Equal(kind.ToString(), classification.Value);
            Assert.True(PiiGuardTaxonomy.TryGetKind(classification, out PiiKind back));
            Assert.Equal(kind, back);
        }

        Assert.False(PiiGuardTaxonomy.TryGetKind(CardNumberAttribute.Card, out _));
        Assert.Equal(PiiGuardTaxonomy.PaymentCard, new PaymentCardDataAttribute().Classification);
    }

    [Fact]
    public void SpanAndStringPaths_Agree_AndFailClosed()
    {
        PiiGuardRedactor card = PiiGuardRedactor.For(PiiKind.PaymentCard);
        Assert.Equal(Samples.MaskedCard, card.Redact(Samples.Card));
        Assert.Equal(Samples.MaskedCard.Length, card.GetRedactedLength(Samples.Card.AsSpan()));
        Span<char> buffer = stackalloc char[64];
        int written = card.Redact(Samples.Card.AsSpan(), buffer);
        Assert.Equal(Samples.MaskedCard, buffer[..written].ToString());

        // Microsoft's logging discriminator (value:TagName) is dropped before masking.
        Assert.Equal(Samples.MaskedCard, card.Redact(Samples.Card + ":Card"));
        Assert.Equal(PiiMask.Email(Samples.Email), PiiGuardRedactor.For(PiiKind.Email).Redact(Samples.Email + ":customer.email"));
        Assert.Equal(PiiMask.Erased, card.Redact(Samples.Card + ":x y"));

        // Too short or malformed for the convention: erased, never shown.
        Assert.Equal(PiiMask.Erased, card.Redact("4111"));
        Assert.Equal(PiiMask.Erased, PiiGuardRedactor.For(PiiKind.Email).Redact("not an address"));
        Assert.Equal(PiiMask.Erased, PiiGuardRedactor.For(PiiKind.Health).Redact("Diabetes type 2"));
        Assert.Equal(PiiMask.Erased, PiiGuardRedactor.For(PiiKind.Name, MaskStyle.Erase).Redact(Samples.FullName));
        Assert.Throws<ArgumentException>(() => card.Redact(Samples.Card.AsSpan(), new char[4]));
    }

    [Fact]
    public void Redactors_NeverReturnTheirInput_ForAnyKind()
    {
        Gen.Select(Gen.Enum<PiiKind>(), Gen.String[Gen.Char.AlphaNumeric, 6, 40])
            .Sample((kind, value) =>
            {
                PiiGuardRedactor redactor = PiiGuardRedactor.For(kind);
                string viaString = redactor.Redact(value);
                char[] buffer = new char[redactor.GetRedactedLength(value.AsSpan())];
                string viaSpan = new(buffer, 0, redactor.Redact(value.AsSpan(), buffer));
                return viaString == viaSpan && viaString != value && viaString == (PiiMask.Apply(value, kind) ?? "");
            });
    }

    internal sealed class MemoryLoggerProvider : ILoggerProvider, ILogger
    {
        public List<(string Message, Dictionary<string, object?> State)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;

        public void Dispose()
        {
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = new Dictionary<string, object?>();
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (KeyValuePair<string, object?> pair in pairs)
                {
                    values[pair.Key] = pair.Value?.ToString();
                }
            }

            Entries.Add((formatter(state, exception), values));
        }

        public string Output() => string.Join("\n", Entries.Select(e => e.Message + " | " + string.Join(", ", e.State.Select(kv => kv.Key + "=" + kv.Value))));
    }
}
