using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PiiGuard.Analyzers.Tests.Infrastructure;

namespace PiiGuard.Analyzers.Tests.Engine;

/// <summary>
/// Events and their handlers, both in the compilation (issue 15, callbacks): raising an event calls each subscribed
/// handler with the raise's arguments, so an argument that a handler logs is a leak at the raise, named with the event
/// and the handler.
/// </summary>
public class EventTests
{
    private const string Model = """
        using System;
        using Microsoft.Extensions.Logging;
        using PiiGuard;

        public class Customer
        {
            [Pii(PiiKind.Email)] public string Email { get; set; } = "";
            [Pii(PiiKind.Phone)] public string Mobile { get; set; } = "";
            public string Sku { get; set; } = "";
        }

        """;

    [Fact]
    public Task LambdaHandlerThatLogs_TheRaiseIsReported() => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync(Model + """
        public class Shop
        {
            public event Action<string>? PhoneChanged;

            public void Update(Customer customer) => PhoneChanged?.Invoke({|#0:customer.Mobile|});
            public void Touch(Customer customer) => PhoneChanged?.Invoke(customer.Sku);
            public void Masked(Customer customer) => PhoneChanged?.Invoke(PiiMask.Phone(customer.Mobile));
        }

        public class Wiring(ILogger<Wiring> logger)
        {
            public void Wire(Shop shop) => shop.PhoneChanged += phone => logger.LogInformation("Phone now {Phone}", phone);
        }
        """,
        DiagnosticResult.CompilerWarning("PII001").WithLocation(0).WithArguments("Customer.Mobile", "Phone", "Shop.PhoneChanged -> ILogger.LogInformation"));

    [Fact]
    public Task MethodGroupHandler_NamesTheEventAndTheHandler_InEveryRaiseForm() => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync(Model + """
        public class Shop
        {
            public event EventHandler<string>? SignedUp;

            public void Register(Customer customer) => SignedUp?.Invoke(this, {|#0:customer.Email|});
            public void RegisterDirect(Customer customer) => SignedUp(this, {|#1:customer.Email|});
            public void RegisterInvoke(Customer customer) { if (SignedUp != null) SignedUp.Invoke(this, {|#2:customer.Email|}); }
        }

        public class Audit
        {
            private readonly ILogger<Audit> _log;

            public Audit(ILogger<Audit> log, Shop shop)
            {
                _log = log;
                shop.SignedUp += OnSignedUp;
            }

            private void OnSignedUp(object? sender, string email) => _log.LogInformation("Signed up {Email}", email);
        }
        """,
        DiagnosticResult.CompilerWarning("PII001").WithLocation(0).WithArguments("Customer.Email", "Email", "Shop.SignedUp -> Audit.OnSignedUp -> ILogger.LogInformation"),
        DiagnosticResult.CompilerWarning("PII001").WithLocation(1).WithArguments("Customer.Email", "Email", "Shop.SignedUp -> Audit.OnSignedUp -> ILogger.LogInformation"),
        DiagnosticResult.CompilerWarning("PII001").WithLocation(2).WithArguments("Customer.Email", "Email", "Shop.SignedUp -> Audit.OnSignedUp -> ILogger.LogInformation"));

    [Fact]
    public Task RaisedThroughAnOnMethod_TheCallerOfTheOnMethodIsReported() => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync(Model + """
        public class Shop(ILogger<Shop> logger)
        {
            public event EventHandler<string>? SignedUp;

            public Shop Wire()
            {
                SignedUp += (sender, email) => logger.LogWarning("New customer {Email}", email);
                return this;
            }

            protected virtual void OnSignedUp(string email) => SignedUp?.Invoke(this, email);

            public void Register(Customer customer) => OnSignedUp({|#0:customer.Email|});
        }
        """,
        DiagnosticResult.CompilerWarning("PII001").WithLocation(0).WithArguments("Customer.Email", "Email", "Shop.OnSignedUp -> Shop.SignedUp -> ILogger.LogWarning"));

    [Fact]
    public Task EventArgsWithAnAnnotatedMember_TheHandlerIsReportedWhereItLogsIt() => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync(Model + """
        public class SignupEventArgs(string email) : EventArgs
        {
            [Pii(PiiKind.Email)] public string Email { get; } = email;
            public string Plan { get; set; } = "";
        }

        public class Shop(ILogger<Shop> logger)
        {
            public event EventHandler<SignupEventArgs>? SignedUp;

            public void Wire()
            {
                SignedUp += (s, e) => logger.LogInformation("{E}", {|#0:e.Email|});
                SignedUp += (s, e) => logger.LogInformation("{P}", e.Plan);
            }

            public void Register(Customer customer) => SignedUp?.Invoke(this, new SignupEventArgs(customer.Email));
        }
        """,
        DiagnosticResult.CompilerWarning("PII001").WithLocation(0).WithArguments("SignupEventArgs.Email", "Email", "ILogger.LogInformation"));

    [Fact]
    public Task HandlersThatDoNotLog_UnsubscribedOnes_AndEventsWithoutHandlers_AreNotReported() => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync(Model + """
        public class Shop(ILogger<Shop> logger)
        {
            public event Action<string>? PhoneChanged;
            public event Action<string>? Unheard;
            public int Changes { get; private set; }

            public void Wire()
            {
                PhoneChanged += phone => Changes++;
                PhoneChanged += phone => logger.LogInformation("Phone changed ({Length} characters)", phone.Length);
                PhoneChanged -= Log;
            }

            private void Log(string phone) => logger.LogInformation("{Phone}", phone);

            public void Update(Customer customer)
            {
                PhoneChanged?.Invoke(customer.Mobile);
                Unheard?.Invoke(customer.Mobile);
            }
        }
        """);
}
