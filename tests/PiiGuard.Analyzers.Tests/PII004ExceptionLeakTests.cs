using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PiiGuard.Analyzers.Tests.Infrastructure;

namespace PiiGuard.Analyzers.Tests;

/// <summary>PII004: personal data in exception messages and Exception.Data.</summary>
public class PII004ExceptionLeakTests
{
    private static Task Verify(string body, params DiagnosticResult[] expected) => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync("""
        using System;
        using PiiGuard;

        partial class Service
        {
        """ + body + """

        }

        class CustomerException : Exception
        {
            public CustomerException(string message) : base(message) { }
        }
        """ + LeakModels.Source, expected);

    [Fact]
    public Task ExceptionMessage_Interpolated() => Verify("""
        void Run(Customer c) => throw new InvalidOperationException($"Customer {{|PII004:c.Email|}} not found");
        """);

    [Fact]
    public Task ExceptionMessage_ThroughLocalAndCustomException() => Verify("""
        void Run(Customer c)
        {
            var message = "Unknown phone " + c.Phone;
            throw new CustomerException({|PII004:message|});
        }
        """);

    [Fact]
    public Task ExceptionMessage_Clean() => Verify("""
        void Run(Customer c)
        {
            if (c.Email.Length == 0) throw new ArgumentException("Email is required", nameof(c));
            throw new InvalidOperationException($"Customer {c.Id} of tier {c.Tier} not found");
        }
        """);

    [Fact]
    public Task ExceptionData_IndexerAndAdd() => Verify("""
        void Run(Customer c, Exception ex)
        {
            ex.Data["email"] = {|PII004:c.Email|};
            ex.Data.Add("phone", {|PII004:c.Phone|});
            ex.Data["tier"] = c.Tier;
        }
        """);

    [Fact]
    public Task ExceptionData_CollectionInitializer() => Verify("""
        void Run(Customer c)
        {
            throw new InvalidOperationException("Lookup failed") { Data = { ["email"] = {|PII004:c.Email|}, ["tier"] = c.Tier, ["masked"] = PiiMask.Phone(c.Phone) } };
        }
        """);

    [Fact]
    public Task Message_NamesTheException() => Verify("""
        void Run(Customer c) => throw new InvalidOperationException({|#0:c.NationalId|});
        """,
        DiagnosticResult.CompilerWarning("PII004").WithLocation(0).WithArguments("Customer.NationalId", "NationalId, sensitive", "new InvalidOperationException"));

    [Fact]
    public Task MaskedValue_IsClean() => Verify("""
        void Run(Customer c) => throw new InvalidOperationException("Customer " + PiiMask.Email(c.Email));
        """);
}
