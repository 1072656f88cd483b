using BenchmarkDotNet.Attributes;

namespace PiiGuard.Benchmarks;

/// <summary>PiiMask per kind, in ns/op with allocations.</summary>
[MemoryDiagnoser]
public class MaskBenchmarks
{
    [Benchmark] public string? Email() => PiiMask.Email("john.smith@example.com");
    [Benchmark] public string? Phone() => PiiMask.Phone("+86 138 1234 5678");
    [Benchmark] public string? PaymentCard() => PiiMask.PaymentCard("4111 1111 1111 1111");
    [Benchmark] public string? ChineseResidentId() => PiiMask.NationalId("11010519491231002X");
    [Benchmark] public string? Ssn() => PiiMask.NationalId("123-45-6789");
    [Benchmark] public string? Iban() => PiiMask.BankAccount("DE89370400440532013000");
    [Benchmark] public string? Ipv4() => PiiMask.IpAddress("192.168.10.23");
    [Benchmark] public string? Name() => PiiMask.Name("John Smith");
    [Benchmark] public string? DateOfBirth() => PiiMask.DateOfBirth("1990-05-17");
    [Benchmark] public string? Erase() => PiiMask.Erase("anything");
    [Benchmark] public string? ApplyByKind() => PiiMask.Apply("john.smith@example.com", PiiKind.Email);
}
