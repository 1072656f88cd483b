using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace PiiGuard.Analyzers.Flow.Catalog
{
    /// <summary>PII001: logs and the console, with their context properties (DESIGN.md: context properties are log sinks).</summary>
    internal static class LoggingSinks
    {
        /// <summary>The level-named methods of Serilog and NLog loggers (and log4net-style Write/Log).</summary>
        private const string Levels = "Verbose|Trace|Debug|Information|Info|Warning|Warn|Error|Fatal|Critical|Write|Log";

        /// <summary>[LoggerMessage] methods log their parameters, except those classified for redaction (DataClassificationAttribute).</summary>
        public const string LoggerMessageAttribute = "Microsoft.Extensions.Logging.LoggerMessageAttribute";

        public static readonly ImmutableArray<SinkRow> Rows = ImmutableArray.Create(
            // Microsoft.Extensions.Logging.
            SinkRow.Method("Microsoft.Extensions.Logging.LoggerExtensions", "Log*|BeginScope", SinkRule.Log, "ILogger.{member}"),
            SinkRow.Method("Microsoft.Extensions.Logging.ILogger", "Log|BeginScope", SinkRule.Log, "ILogger.{member}"),
            SinkRow.DelegateFirstParameter("Microsoft.Extensions.Logging.ILogger", SinkRule.Log, "LoggerMessage.Define delegate"),

            // Serilog: the message template decides, per hole, whether an argument is destructured; ForContext and
            // LogContext.PushProperty destructure their value when asked to.
            SinkRow.Method("Serilog.Log", Levels, SinkRule.Log, "{type}.{member}", templateParameter: "messageTemplate"),
            SinkRow.Method("Serilog.Log", "ForContext", SinkRule.Log, "{type}.ForContext", parameters: "value", destructureFlag: "destructureObjects", when: IsForContextWithValue),
            SinkRow.Method("Serilog.ILogger", Levels, SinkRule.Log, "{type}.{member}", templateParameter: "messageTemplate"),
            SinkRow.Method("Serilog.ILogger", "ForContext", SinkRule.Log, "{type}.ForContext", parameters: "value", destructureFlag: "destructureObjects", when: IsForContextWithValue),
            SinkRow.Method("Serilog.Core.Logger", Levels, SinkRule.Log, "{type}.{member}", templateParameter: "messageTemplate"),
            SinkRow.Method("Serilog.Core.Logger", "ForContext", SinkRule.Log, "{type}.ForContext", parameters: "value", destructureFlag: "destructureObjects", when: IsForContextWithValue),
            SinkRow.Method("Serilog.Context.LogContext", "PushProperty", SinkRule.Log, "LogContext.PushProperty", parameters: "value", destructureFlag: "destructureObjects"),

            // NLog: loggers, the fluent builder, and the scope and diagnostics contexts.
            SinkRow.Method("NLog.Logger", Levels + "|Conditional*|WithProperty|WithProperties|PushScopeProperty|PushScopeNested", SinkRule.Log, "{type}.{member}"),
            SinkRow.Method("NLog.ILogger", Levels + "|Conditional*|WithProperty|WithProperties|PushScopeProperty|PushScopeNested", SinkRule.Log, "{type}.{member}"),
            SinkRow.Method("NLog.ILoggerBase", Levels + "|Conditional*|WithProperty|WithProperties|PushScopeProperty|PushScopeNested", SinkRule.Log, "{type}.{member}"),
            SinkRow.Method("NLog.ILoggerExtensions", Levels + "|Conditional*|WithProperty|WithProperties|PushScopeProperty|PushScopeNested", SinkRule.Log, "{type}.{member}"),
            SinkRow.Method("NLog.ScopeContext", "Push*|Set", SinkRule.Log, "{type}.{member}"),
            SinkRow.Method("NLog.MappedDiagnosticsLogicalContext", "Push*|Set", SinkRule.Log, "{type}.{member}"),
            SinkRow.Method("NLog.MappedDiagnosticsContext", "Push*|Set", SinkRule.Log, "{type}.{member}"),
            SinkRow.Method("NLog.GlobalDiagnosticsContext", "Push*|Set", SinkRule.Log, "{type}.{member}"),
            SinkRow.Method("NLog.NestedDiagnosticsLogicalContext", "Push*|Set", SinkRule.Log, "{type}.{member}"),
            SinkRow.Method("NLog.LogEventBuilder", "Message|Property|Properties", SinkRule.Log, "LogEventBuilder.{member}"),

            // log4net: every ILog method, and the thread, logical-thread and global context properties and stacks.
            SinkRow.Method("log4net.ILog", "*", SinkRule.Log, "ILog.{member}"),
            SinkRow.Method("log4net.Util.ThreadContextStack", "Push", SinkRule.Log, "ThreadContext.Stacks.Push"),
            SinkRow.Method("log4net.Util.LogicalThreadContextStack", "Push", SinkRule.Log, "LogicalThreadContext.Stacks.Push"),
            SinkRow.Property("log4net.Util.ThreadContextProperties", "this[]", SinkRule.Log, "ThreadContext.Properties"),
            SinkRow.Property("log4net.Util.LogicalThreadContextProperties", "this[]", SinkRule.Log, "LogicalThreadContext.Properties"),
            SinkRow.Property("log4net.Util.GlobalContextProperties", "this[]", SinkRule.Log, "GlobalContext.Properties"),

            // The console, debug and trace output, the event log.
            SinkRow.Method("System.Console", "Write|WriteLine", SinkRule.Log, "Console.{member}"),
            SinkRow.Receiver("System.Console", "Out|Error", "Write*", SinkRule.Log, "Console.{receiver}.{member}"),
            SinkRow.Method("System.Diagnostics.Debug", "Write*|Trace*|Print|Fail|Assert", SinkRule.Log, "{type}.{member}"),
            SinkRow.Method("System.Diagnostics.Trace", "Write*|Trace*|Print|Fail|Assert", SinkRule.Log, "{type}.{member}"),
            SinkRow.Method("System.Diagnostics.TraceSource", "Write*|Trace*|Print|Fail|Assert", SinkRule.Log, "{type}.{member}"),
            SinkRow.Method("System.Diagnostics.EventLog", "WriteEntry|WriteEvent", SinkRule.Log, "EventLog.{member}"));

        /// <summary>Serilog's <c>ForContext(string propertyName, object value, bool destructureObjects)</c>, not the overloads that take a type or enrichers.</summary>
        private static bool IsForContextWithValue(IMethodSymbol method) => method.Parameters.Length >= 2 && method.Parameters[0].Type.SpecialType == SpecialType.System_String;
    }
}
