using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PiiGuard.Analyzers.Tests.Infrastructure;

namespace PiiGuard.Analyzers.Tests;

/// <summary>PII001 for every log sink family: Microsoft.Extensions.Logging, Serilog, NLog, log4net, Console, Debug, Trace.</summary>
public class PII001LogSinkTests
{
    private static Task Verify(string body, params DiagnosticResult[] expected) => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync("""
        using System;
        using System.Diagnostics;
        using Microsoft.Extensions.Logging;
        using PiiGuard;

        partial class Service
        {
        """ + body + """

        }
        """ + LeakModels.Source, expected);

    [Fact]
    public Task Mel_ExtensionMethods() => Verify("""
        void Run(ILogger logger, Customer c, Exception ex)
        {
            logger.LogDebug("{Email}", {|PII001:c.Email|});
            logger.LogError(ex, "Failed for {Phone}", {|PII001:c.Phone|});
            logger.Log(LogLevel.Warning, "Customer {Id}", {|PII001:c.NationalId|});
            logger.LogCritical(new EventId(3), "Customer {Tier} {Id}", c.Tier, c.Id);
        }
        """);

    [Fact]
    public Task Mel_BeginScopeAndLogOfState() => Verify("""
        void Run(ILogger<Service> logger, Customer c)
        {
            using (logger.BeginScope("Customer {Email}", {|PII001:c.Email|}))
            {
            }

            using var scope = logger.BeginScope({|PII001:c.Phone|});
            logger.Log(LogLevel.Information, new EventId(1), {|PII001:c.NationalId|}, null, (state, error) => state);
            using var clean = logger.BeginScope(c.Tier);
        }
        """);

    [Fact]
    public Task Mel_LoggerMessageDefineDelegate() => Verify("""
        private static readonly Action<ILogger, string, Exception?> LogCustomer =
            LoggerMessage.Define<string>(LogLevel.Information, new EventId(1), "Customer {Email}");

        void Run(ILogger logger, Customer c)
        {
            LogCustomer(logger, {|PII001:c.Email|}, null);
            LogCustomer(logger, c.Tier, null);
        }
        """);

    [Fact]
    public Task Mel_LoggerMessageAttributeMethod_UnlessParameterIsClassified() => Verify("""
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Customer {Email}")]
        static partial void LogEmail(ILogger logger, string email);
        static partial void LogEmail(ILogger logger, string email) { }

        [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Customer {Email}")]
        static partial void LogRedacted(ILogger logger, [PrivateData] string email);
        static partial void LogRedacted(ILogger logger, [PrivateData] string email) { }

        void Run(ILogger logger, Customer c)
        {
            LogEmail(logger, {|PII001:c.Email|});
            LogRedacted(logger, c.Email);
        }
        }

        class PrivateDataAttribute : Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute
        {
            public PrivateDataAttribute() : base(new Microsoft.Extensions.Compliance.Classification.DataClassification("Tax", "Private")) { }
        """);

    [Fact]
    public Task Mel_Message_NamesTheSink() => Verify("""
        void Run(ILogger logger, Customer c) => logger.LogWarning("Customer {Id}", {|#0:c.NationalId|});
        """,
        DiagnosticResult.CompilerWarning("PII001").WithLocation(0).WithArguments("Customer.NationalId", "NationalId, sensitive", "ILogger.LogWarning"));

    [Fact]
    public Task Serilog_StaticAndInstanceLoggers() => Verify("""
        void Run(Serilog.ILogger log, Customer c, Exception ex)
        {
            Serilog.Log.Information("Customer {Email}", {|PII001:c.Email|});
            Serilog.Log.Error(ex, "Customer {Phone} {Tier}", {|PII001:c.Phone|}, c.Tier);
            log.Warning("Customer {Id}", {|PII001:c.NationalId|});
            log.Information($"Customer {{|PII001:c.Email|}}");
            log.Information("Customer {Tier}", c.Tier);
        }
        """);

    [Fact]
    public Task Serilog_ContextProperties() => Verify("""
        void Run(Serilog.ILogger log, Customer c)
        {
            log.ForContext("Email", {|PII001:c.Email|}).Information("Signed in");
            using (Serilog.Context.LogContext.PushProperty("Phone", {|PII001:c.Phone|}))
            {
            }

            log.ForContext("Tier", c.Tier).Information("Signed in");
        }
        """);

    [Fact]
    public Task Serilog_Message_NamesTheSink() => Verify("""
        void Run(Customer c) => Serilog.Log.Information("Customer {Email}", {|#0:c.Email|});
        """,
        DiagnosticResult.CompilerWarning("PII001").WithLocation(0).WithArguments("Customer.Email", "Email", "Log.Information"));

    [Fact]
    public Task NLog_LoggerAndContext() => Verify("""
        void Run(NLog.Logger logger, Customer c)
        {
            logger.Info("Customer {Email}", {|PII001:c.Email|});
            logger.Error({|PII001:c.Phone|});
            logger.WithProperty("Id", {|PII001:c.NationalId|}).Info("Signed in");
            using var scope = NLog.ScopeContext.PushProperty("Email", {|PII001:c.Email|});
            logger.Info("Customer {Tier}", c.Tier);
            new NLog.LogEventBuilder(logger, NLog.LogLevel.Info).Message("Customer {0}", {|PII001:c.Phone|}).Property("Email", {|PII001:c.Email|}).Property("Tier", c.Tier).Log();
        }
        """);

    [Fact]
    public Task Log4net_LogAndContextProperties() => Verify("""
        void Run(log4net.ILog log, Customer c)
        {
            log.Info({|PII001:c.Email|});
            log.WarnFormat("Customer {0}", {|PII001:c.Phone|});
            log4net.ThreadContext.Properties["id"] = {|PII001:c.NationalId|};
            log4net.LogicalThreadContext.Properties["email"] = {|PII001:c.Email|};
            log4net.ThreadContext.Properties["tier"] = c.Tier;
            log.Info(c.Tier);
        }
        """);

    [Fact]
    public Task Console_WriteAndOutAndError() => Verify("""
        void Run(Customer c)
        {
            Console.WriteLine({|PII001:c.Email|});
            Console.Write("Customer {0}", {|PII001:c.Phone|});
            Console.Out.WriteLine({|PII001:c.NationalId|});
            Console.Error.WriteLine($"Customer {{|PII001:c.Email|}}");
            Console.WriteLine(c.Tier);
            Console.WriteLine(c.Email.Length);
        }
        """);

    [Fact]
    public Task DebugAndTrace() => Verify("""
        void Run(Customer c, TraceSource source)
        {
            Debug.WriteLine({|PII001:c.Email|});
            Trace.TraceInformation("Customer {0}", {|PII001:c.Phone|});
            Trace.WriteLine({|PII001:c.NationalId|});
            source.TraceEvent(TraceEventType.Information, 1, {|PII001:c.Email|});
            Debug.WriteLine(c.Tier);
        }
        """);

    [Fact]
    public Task EventLog_WriteEntry() => Verify("""
        void Run(EventLog log, Customer c)
        {
        #pragma warning disable CA1416
            log.WriteEntry({|PII001:c.Email|});
            EventLog.WriteEntry("Shop", "Customer " + {|PII001:c.Phone|});
            log.WriteEntry("Started");
        }
        """);

    [Fact]
    public Task Fix_Property_IsMaskForStrings() => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync("""
        using Microsoft.Extensions.Logging;
        class Service
        {
            void Run(ILogger logger, Customer c) => logger.LogInformation("{Email}", {|#0:c.Email|});
        }
        """ + LeakModels.Source,
        DiagnosticResult.CompilerWarning("PII001").WithLocation(0).WithArguments("Customer.Email", "Email", "ILogger.LogInformation"));
}
