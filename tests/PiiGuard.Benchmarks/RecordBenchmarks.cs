using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PiiGuard.Benchmarks;

/// <summary>A 10-member record with 5 personal members, masked by PiiGuard's generated code.</summary>
[GenerateMasking]
public sealed partial record MaskedCustomer(
    Guid Id,
    [property: Pii(PiiKind.Name)] string Name,
    [property: Pii(PiiKind.Email)] string Email,
    [property: Pii(PiiKind.Phone)] string Phone,
    [property: Pii(PiiKind.NationalId)] string NationalId,
    [property: Pii(PiiKind.PaymentCard)] string Card,
    string Tier,
    int Score,
    string Country,
    bool Active);

/// <summary>The same record without masking: the compiler's ToString prints every member.</summary>
public sealed record PlainCustomer(Guid Id, string Name, string Email, string Phone, string NationalId, string Card, string Tier, int Score, string Country, bool Active);

/// <summary>Microsoft.Extensions.Compliance's taxonomy for the same five personal members.</summary>
public sealed class PersonalAttribute : DataClassificationAttribute
{
    public static readonly DataClassification PersonalClass = new("PiiGuardBench", "Personal");

    public PersonalAttribute() : base(PersonalClass)
    {
    }
}

/// <summary>The redaction-enabled logging path: [LoggerMessage] with classified parameters.</summary>
public static partial class ComplianceLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Customer {Id} {Name} {Email} {Phone} {NationalId} {Card} {Tier} {Score} {Country} {Active}")]
    public static partial void Customer(ILogger logger, Guid id, [Personal] string name, [Personal] string email, [Personal] string phone, [Personal] string nationalId, [Personal] string card, string tier, int score, string country, bool active);
}

/// <summary>
/// Generated masking against the compiler's unmasked record ToString and against Microsoft's redaction
/// (ErasingRedactor and HmacRedactor) through its redaction-enabled logging path, for the same data.
/// Logging benchmarks format the message in a provider, as a console or file logger would.
/// </summary>
[MemoryDiagnoser]
public class RecordBenchmarks
{
    private static readonly Guid Id = Guid.Parse("7d5f8a0e-2b1c-4e4f-9a55-3c2d1e0f9b8a");
    private readonly MaskedCustomer _masked = new(Id, "Zhang Wei", "zhang.wei@example.com", "+86 138 0013 8000", "11010519491231002X", "4111111111111111", "Gold", 742, "CN", true);
    private readonly PlainCustomer _plain = new(Id, "Zhang Wei", "zhang.wei@example.com", "+86 138 0013 8000", "11010519491231002X", "4111111111111111", "Gold", 742, "CN", true);
    private ILogger _plainLogger = null!;
    private ILogger _erasingLogger = null!;
    private ILogger _hmacLogger = null!;
    private ServiceProvider[] _providers = Array.Empty<ServiceProvider>();

    [GlobalSetup]
    public void Setup()
    {
        ServiceProvider plain = new ServiceCollection()
            .AddLogging(b => b.AddProvider(new FormattingProvider()))
            .BuildServiceProvider();
        ServiceProvider erasing = new ServiceCollection()
            .AddLogging(b => b.EnableRedaction().AddProvider(new FormattingProvider()))
            .AddRedaction(r => r.SetRedactor<ErasingRedactor>(new DataClassificationSet(PersonalAttribute.PersonalClass)))
            .BuildServiceProvider();
        ServiceProvider hmac = new ServiceCollection()
            .AddLogging(b => b.EnableRedaction().AddProvider(new FormattingProvider()))
            .AddRedaction(r => r.SetHmacRedactor(o =>
            {
                o.Key = Convert.ToBase64String(new byte[32] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32 });
                o.KeyId = 7;
            }, new DataClassificationSet(PersonalAttribute.PersonalClass)))
            .BuildServiceProvider();
        _providers = new[] { plain, erasing, hmac };
        _plainLogger = plain.GetRequiredService<ILoggerFactory>().CreateLogger("Bench");
        _erasingLogger = erasing.GetRequiredService<ILoggerFactory>().CreateLogger("Bench");
        _hmacLogger = hmac.GetRequiredService<ILoggerFactory>().CreateLogger("Bench");
        Console.WriteLine("// " + _masked);
        ComplianceLog.Customer(_erasingLogger, Id, _plain.Name, _plain.Email, _plain.Phone, _plain.NationalId, _plain.Card, _plain.Tier, _plain.Score, _plain.Country, _plain.Active);
        Console.WriteLine("// " + FormattingProvider.Last);
        ComplianceLog.Customer(_hmacLogger, Id, _plain.Name, _plain.Email, _plain.Phone, _plain.NationalId, _plain.Card, _plain.Tier, _plain.Score, _plain.Country, _plain.Active);
        Console.WriteLine("// " + FormattingProvider.Last);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (ServiceProvider provider in _providers)
        {
            provider.Dispose();
        }
    }

    [Benchmark(Baseline = true, Description = "compiler record ToString (unmasked)")]
    public string PlainToString() => _plain.ToString();

    [Benchmark(Description = "PiiGuard generated ToString")]
    public string GeneratedToString() => _masked.ToString();

    [Benchmark(Description = "PiiGuard generated ToMaskedString")]
    public string GeneratedToMaskedString() => _masked.ToMaskedString();

    [Benchmark(Description = "log: PiiGuard masked record")]
    public string LogGenerated()
    {
        _plainLogger.LogInformation("Customer {Customer}", _masked);
        return FormattingProvider.Last;
    }

    [Benchmark(Description = "log: MS ErasingRedactor")]
    public string LogErasingRedactor()
    {
        ComplianceLog.Customer(_erasingLogger, Id, _plain.Name, _plain.Email, _plain.Phone, _plain.NationalId, _plain.Card, _plain.Tier, _plain.Score, _plain.Country, _plain.Active);
        return FormattingProvider.Last;
    }

    [Benchmark(Description = "log: MS HmacRedactor")]
    public string LogHmacRedactor()
    {
        ComplianceLog.Customer(_hmacLogger, Id, _plain.Name, _plain.Email, _plain.Phone, _plain.NationalId, _plain.Card, _plain.Tier, _plain.Score, _plain.Country, _plain.Active);
        return FormattingProvider.Last;
    }

    /// <summary>A provider that formats every message, as a console or file logger would, and keeps the last one.</summary>
    private sealed class FormattingProvider : ILoggerProvider, ILogger
    {
        public static string Last { get; private set; } = "";

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            Last = formatter(state, exception);
        }

        public void Dispose()
        {
        }
    }
}
