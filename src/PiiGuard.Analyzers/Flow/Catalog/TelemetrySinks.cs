using System.Collections.Immutable;

namespace PiiGuard.Analyzers.Flow.Catalog
{
    /// <summary>PII003: telemetry: Activity tags, baggage, events and status, metric tags, OpenTelemetry spans, Application Insights.</summary>
    internal static class TelemetrySinks
    {
        private const string AppInsights = "Microsoft.ApplicationInsights.DataContracts.";

        public static readonly ImmutableArray<SinkRow> Rows = ImmutableArray.Create(
            SinkRow.Method("System.Diagnostics.Activity", "SetTag|AddTag|SetBaggage|AddBaggage|SetStatus|AddEvent|SetCustomProperty|AddLink|AddException", SinkRule.Telemetry, "Activity.{member}"),
            SinkRow.Method("System.Diagnostics.ActivitySource", "StartActivity|CreateActivity", SinkRule.Telemetry, "ActivitySource.{member}", parameters: "tags,links"),
            SinkRow.Constructor("System.Diagnostics.TagList", SinkRule.Telemetry, "TagList.ctor"),
            SinkRow.Method("System.Diagnostics.TagList", "Add", SinkRule.Telemetry, "TagList.Add"),

            // A metric's measurement (the first parameter) is a number; its tags are the sink.
            SinkRow.Method("System.Diagnostics.Metrics.Counter`1", "Add|Record", SinkRule.Telemetry, "{type}.{member}", skipLeading: 1),
            SinkRow.Method("System.Diagnostics.Metrics.UpDownCounter`1", "Add|Record", SinkRule.Telemetry, "{type}.{member}", skipLeading: 1),
            SinkRow.Method("System.Diagnostics.Metrics.Histogram`1", "Add|Record", SinkRule.Telemetry, "{type}.{member}", skipLeading: 1),
            SinkRow.Method("System.Diagnostics.Metrics.Gauge`1", "Add|Record", SinkRule.Telemetry, "{type}.{member}", skipLeading: 1),

            SinkRow.Method("OpenTelemetry.Trace.TelemetrySpan", "SetAttribute|AddEvent|UpdateName", SinkRule.Telemetry, "TelemetrySpan.{member}"),
            SinkRow.Method("OpenTelemetry.Trace.SpanAttributes", "Add", SinkRule.Telemetry, "SpanAttributes.Add"),

            // Application Insights.
            SinkRow.Method("Microsoft.ApplicationInsights.TelemetryClient", "Track*", SinkRule.Telemetry, "TelemetryClient.{member}"),
            SinkRow.Constructor(AppInsights + "TraceTelemetry", SinkRule.Telemetry, "new TraceTelemetry", "message"),
            SinkRow.Property(AppInsights + "TraceTelemetry", "Message", SinkRule.Telemetry, "TraceTelemetry.Message"),
            SinkRow.Constructor(AppInsights + "EventTelemetry", SinkRule.Telemetry, "new EventTelemetry", "name"),
            SinkRow.Property(AppInsights + "EventTelemetry", "Name", SinkRule.Telemetry, "EventTelemetry.Name"),
            SinkRow.Property(AppInsights + "ExceptionTelemetry", "Message", SinkRule.Telemetry, "ExceptionTelemetry.Message"),
            SinkRow.Property("Microsoft.ApplicationInsights.Extensibility.Implementation.UserContext", "Id|AuthenticatedUserId|AccountId", SinkRule.Telemetry, "UserContext.{member}"),
            SinkRow.Container(AppInsights + "EventTelemetry", "Properties", SinkRule.Telemetry, "EventTelemetry.Properties"),
            SinkRow.Container(AppInsights + "TraceTelemetry", "Properties", SinkRule.Telemetry, "TraceTelemetry.Properties"),
            SinkRow.Container(AppInsights + "RequestTelemetry", "Properties", SinkRule.Telemetry, "RequestTelemetry.Properties"),
            SinkRow.Container(AppInsights + "DependencyTelemetry", "Properties", SinkRule.Telemetry, "DependencyTelemetry.Properties"),
            SinkRow.Container(AppInsights + "ExceptionTelemetry", "Properties", SinkRule.Telemetry, "ExceptionTelemetry.Properties"),
            SinkRow.Container(AppInsights + "PageViewTelemetry", "Properties", SinkRule.Telemetry, "PageViewTelemetry.Properties"),
            SinkRow.Container(AppInsights + "AvailabilityTelemetry", "Properties", SinkRule.Telemetry, "AvailabilityTelemetry.Properties"),
            SinkRow.Container(AppInsights + "MetricTelemetry", "Properties", SinkRule.Telemetry, "MetricTelemetry.Properties"),
            SinkRow.Container(AppInsights + "TelemetryContext", "GlobalProperties", SinkRule.Telemetry, "TelemetryContext.GlobalProperties"));
    }
}
