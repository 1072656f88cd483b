using System;
using System.Collections.Generic;
using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Trace;
using PiiGuard.Extensions.Compliance;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using MelILogger = Microsoft.Extensions.Logging.ILogger;

namespace PiiGuard.Benchmarks;

/// <summary>A [GenerateMasking] class (5 personal members of 10), destructured by Serilog.</summary>
[GenerateMasking]
public sealed partial class SerilogCustomer
{
    public Guid Id { get; set; }
    [Pii(PiiKind.Name)] public string Name { get; set; } = "";
    [Pii(PiiKind.Email)] public string Email { get; set; } = "";
    [Pii(PiiKind.Phone)] public string Phone { get; set; } = "";
    [Pii(PiiKind.NationalId)] public string NationalId { get; set; } = "";
    [Pii(PiiKind.PaymentCard)] public string Card { get; set; } = "";
    public string Tier { get; set; } = "";
    public int Score { get; set; }
    public string Country { get; set; } = "";
    public bool Active { get; set; }
}

/// <summary>The same five personal parameters classified with PiiGuard's taxonomy, for Microsoft's redaction.</summary>
public static partial class PiiGuardComplianceLog
{
    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Customer {Id} {Name} {Email} {Phone} {NationalId} {Card} {Tier} {Score} {Country} {Active}")]
    public static partial void Customer(
        MelILogger logger, Guid id, [NameData] string name, [EmailData] string email, [PhoneData] string phone, [NationalIdData] string nationalId,
        [PaymentCardData] string card, string tier, int score, string country, bool active);
}

/// <summary>
/// The runtime companions side by side with the unmasked path and the nearest alternative:
/// Serilog <c>{@x}</c> (PiiGuard policy / Serilog's reflection, unmasked / Serilog's ByTransforming with PiiMask, which is
/// what a hand-written reflection-based masking costs), Microsoft's [LoggerMessage] redaction (PiiGuard redactors /
/// ErasingRedactor / no redaction) and an OpenTelemetry activity with 8 tags (PiiGuard processor / none).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class RuntimeCompanionBenchmarks
{
    private static readonly Guid Id = Guid.Parse("7d5f8a0e-2b1c-4e4f-9a55-3c2d1e0f9b8a");
    private static readonly ActivitySource Source = new("PiiGuard.Benchmarks.Runtime");

    private readonly SerilogCustomer _customer = new()
    {
        Id = Id, Name = "Zhang Wei", Email = "zhang.wei@example.com", Phone = "+86 138 0013 8000", NationalId = "11010519491231002X",
        Card = "4111111111111111", Tier = "Gold", Score = 742, Country = "CN", Active = true,
    };

    private Logger _serilogReflection = null!;
    private Logger _serilogTransform = null!;
    private Logger _serilogPiiGuard = null!;
    private MelILogger _melPlain = null!;
    private MelILogger _melErasing = null!;
    private MelILogger _melPiiGuard = null!;
    private ServiceProvider[] _services = Array.Empty<ServiceProvider>();
    private TracerProvider _tracerPlain = null!;
    private TracerProvider _tracerPiiGuard = null!;
    private ActivitySource _plainSource = null!;
    private ActivitySource _maskedSource = null!;

    [GlobalSetup]
    public void Setup()
    {
        _serilogReflection = new LoggerConfiguration().WriteTo.Sink(new LastEventSink()).CreateLogger();
        _serilogTransform = new LoggerConfiguration()
            .Destructure.ByTransforming<SerilogCustomer>(c => new
            {
                c.Id,
                Name = PiiMask.Name(c.Name),
                Email = PiiMask.Email(c.Email),
                Phone = PiiMask.Phone(c.Phone),
                NationalId = PiiMask.NationalId(c.NationalId),
                Card = PiiMask.PaymentCard(c.Card),
                c.Tier,
                c.Score,
                c.Country,
                c.Active,
            })
            .WriteTo.Sink(new LastEventSink())
            .CreateLogger();
        _serilogPiiGuard = new LoggerConfiguration().Destructure.WithPiiGuard().WriteTo.Sink(new LastEventSink()).CreateLogger();

        ServiceProvider plain = new ServiceCollection().AddLogging(b => b.AddProvider(new FormattingLoggerProvider())).BuildServiceProvider();
        var kinds = new DataClassificationSet[] { PiiGuardTaxonomy.Name, PiiGuardTaxonomy.Email, PiiGuardTaxonomy.Phone, PiiGuardTaxonomy.NationalId, PiiGuardTaxonomy.PaymentCard };
        ServiceProvider erasing = new ServiceCollection()
            .AddLogging(b => b.EnableRedaction().AddProvider(new FormattingLoggerProvider()))
            .AddRedaction(r => r.SetRedactor<ErasingRedactor>(kinds))
            .BuildServiceProvider();
        ServiceProvider piiGuard = new ServiceCollection()
            .AddLogging(b => b.EnableRedaction().AddProvider(new FormattingLoggerProvider()))
            .AddRedaction(r => r.SetPiiGuardRedactors())
            .BuildServiceProvider();
        _services = new[] { plain, erasing, piiGuard };
        _melPlain = plain.GetRequiredService<ILoggerFactory>().CreateLogger("Bench");
        _melErasing = erasing.GetRequiredService<ILoggerFactory>().CreateLogger("Bench");
        _melPiiGuard = piiGuard.GetRequiredService<ILoggerFactory>().CreateLogger("Bench");

        _plainSource = new ActivitySource("PiiGuard.Benchmarks.Plain");
        _maskedSource = new ActivitySource("PiiGuard.Benchmarks.Masked");
        _tracerPlain = Sdk.CreateTracerProviderBuilder().AddSource(_plainSource.Name).SetSampler(new AlwaysOnSampler()).Build()!;
        _tracerPiiGuard = Sdk.CreateTracerProviderBuilder().AddSource(_maskedSource.Name).SetSampler(new AlwaysOnSampler()).AddPiiGuardProcessor().Build()!;

        // What each path writes, once, in the benchmark log.
        _serilogPiiGuard.Information("{@Customer}", _customer);
        Console.WriteLine("// serilog PiiGuard: " + LastEventSink.Last?.RenderMessage());
        _serilogTransform.Information("{@Customer}", _customer);
        Console.WriteLine("// serilog ByTransforming: " + LastEventSink.Last?.RenderMessage());
        Log(_melPiiGuard);
        Console.WriteLine("// MEL PiiGuard redactors: " + FormattingLoggerProvider.Last);
        Log(_melErasing);
        Console.WriteLine("// MEL ErasingRedactor: " + FormattingLoggerProvider.Last);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _serilogReflection.Dispose();
        _serilogTransform.Dispose();
        _serilogPiiGuard.Dispose();
        foreach (ServiceProvider provider in _services)
        {
            provider.Dispose();
        }

        _tracerPlain.Dispose();
        _tracerPiiGuard.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Serilog {@x}: reflection (unmasked)")]
    [BenchmarkCategory("Serilog")]
    public LogEvent? SerilogReflection() => Write(_serilogReflection);

    [Benchmark(Description = "Serilog {@x}: ByTransforming + PiiMask")]
    [BenchmarkCategory("Serilog")]
    public LogEvent? SerilogTransform() => Write(_serilogTransform);

    [Benchmark(Description = "Serilog {@x}: PiiGuard policy")]
    [BenchmarkCategory("Serilog")]
    public LogEvent? SerilogPiiGuard() => Write(_serilogPiiGuard);

    [Benchmark(Baseline = true, Description = "[LoggerMessage]: no redaction (unmasked)")]
    [BenchmarkCategory("Compliance")]
    public string MelPlain() => Log(_melPlain);

    [Benchmark(Description = "[LoggerMessage]: MS ErasingRedactor")]
    [BenchmarkCategory("Compliance")]
    public string MelErasing() => Log(_melErasing);

    [Benchmark(Description = "[LoggerMessage]: PiiGuard redactors")]
    [BenchmarkCategory("Compliance")]
    public string MelPiiGuard() => Log(_melPiiGuard);

    [Benchmark(Baseline = true, Description = "Activity, 8 tags: no processor")]
    [BenchmarkCategory("OpenTelemetry")]
    public Activity? ActivityPlain() => Trace(_plainSource);

    [Benchmark(Description = "Activity, 8 tags: PiiGuard processor")]
    [BenchmarkCategory("OpenTelemetry")]
    public Activity? ActivityPiiGuard() => Trace(_maskedSource);

    private LogEvent? Write(Logger logger)
    {
        logger.Information("Onboarded {@Customer}", _customer);
        return LastEventSink.Last;
    }

    private string Log(MelILogger logger)
    {
        PiiGuardComplianceLog.Customer(logger, Id, _customer.Name, _customer.Email, _customer.Phone, _customer.NationalId, _customer.Card, _customer.Tier, _customer.Score, _customer.Country, _customer.Active);
        return FormattingLoggerProvider.Last;
    }

    private Activity? Trace(ActivitySource source)
    {
        Activity? activity = source.StartActivity("checkout");
        if (activity is null)
        {
            return null;
        }

        activity.SetTag("order.id", "SO-1001");
        activity.SetTag("order.total", 99.5);
        activity.SetTag("customer.tier", "Gold");
        activity.SetTag("customer.country", "CN");
        activity.SetTag("http.route", "/checkout");
        activity.SetTag("server.address", "shop.example.com");
        activity.SetTag("customer.email", _customer.Email);
        activity.SetTag("user.full_name", _customer.Name);
        activity.Stop();
        return activity;
    }

    private sealed class LastEventSink : ILogEventSink
    {
        public static LogEvent? Last { get; private set; }

        public void Emit(LogEvent logEvent) => Last = logEvent;
    }

    private sealed class FormattingLoggerProvider : ILoggerProvider, MelILogger
    {
        public static string Last { get; private set; } = "";

        public MelILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) => Last = formatter(state, exception);

        public void Dispose()
        {
        }
    }
}
