using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PiiGuard.Analyzers.Tests.Infrastructure;

namespace PiiGuard.Analyzers.Tests;

/// <summary>PII003: personal data recorded as telemetry (Activity, metrics, OpenTelemetry spans).</summary>
public class PII003TelemetryLeakTests
{
    private static Task Verify(string body, params DiagnosticResult[] expected) => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using System.Diagnostics;
        using System.Diagnostics.Metrics;
        using PiiGuard;

        partial class Service
        {
        """ + body + """

        }
        """ + LeakModels.Source, expected);

    [Fact]
    public Task Activity_TagsBaggageStatusEvents() => Verify("""
        void Run(Activity? activity, Customer c)
        {
            activity?.SetTag("email", {|PII003:c.Email|});
            activity?.AddTag("phone", {|PII003:c.Phone|});
            Activity.Current?.AddBaggage("id", {|PII003:c.NationalId|});
            activity?.SetStatus(ActivityStatusCode.Error, $"Failed for {{|PII003:c.Email|}}");
            activity?.AddEvent({|PII003:new ActivityEvent("lookup", tags: new ActivityTagsCollection { { "phone", c.Phone } })|});
            activity?.SetTag("tier", c.Tier);
            activity?.SetTag("id", c.Id);
        }
        """);

    [Fact]
    public Task Metrics_TagListAndMeasurementTags() => Verify("""
        void Run(Counter<int> counter, Histogram<double> histogram, Customer c)
        {
            var tags = new TagList { { "email", {|PII003:c.Email|} } };
            counter.Add(1, tags);
            counter.Add(1, {|PII003:new KeyValuePair<string, object?>("phone", c.Phone)|});
            histogram.Record(2.5, {|PII003:new KeyValuePair<string, object?>("id", c.NationalId)|});
            counter.Add(1, new KeyValuePair<string, object?>("tier", c.Tier));
        }
        """);

    [Fact]
    public Task ActivitySource_StartActivityTags() => Verify("""
        void Run(ActivitySource source, Customer c)
        {
            using var activity = source.StartActivity("lookup", ActivityKind.Internal, default(ActivityContext), {|PII003:new[] { new KeyValuePair<string, object?>("email", c.Email) }|});
        }
        """);

    [Fact]
    public Task OpenTelemetry_SpanAttributes() => Verify("""
        void Run(OpenTelemetry.Trace.TelemetrySpan span, Customer c)
        {
            span.SetAttribute("email", {|PII003:c.Email|});
            span.SetAttribute("tier", c.Tier);
            var attributes = new OpenTelemetry.Trace.SpanAttributes();
            attributes.Add("phone", {|PII003:c.Phone|});
        }
        """);

    [Fact]
    public Task ApplicationInsights_TrackEventAndTrace() => Verify("""
        void Run(Microsoft.ApplicationInsights.TelemetryClient telemetry, Customer c)
        {
            telemetry.TrackEvent("SignedIn", {|PII003:new Dictionary<string, string> { ["email"] = c.Email }|});
            telemetry.TrackTrace($"Signed in {{|PII003:c.Phone|}}");
            telemetry.TrackEvent("SignedIn", new Dictionary<string, string> { ["tier"] = c.Tier });
            var evt = new Microsoft.ApplicationInsights.DataContracts.EventTelemetry("SignedIn");
            evt.Properties["id"] = {|PII003:c.NationalId|};
        }
        """);

    [Fact]
    public Task ApplicationInsights_InitializersAndTelemetryItems() => Verify("""
        void Run(Microsoft.ApplicationInsights.TelemetryClient client, Customer c)
        {
            var email = c.Email;
            var signedIn = new Microsoft.ApplicationInsights.DataContracts.EventTelemetry("SignedIn") { Properties = { ["email"] = {|PII003:c.Email|}, ["tier"] = c.Tier } };
            client.TrackEvent(signedIn);
            client.TrackTrace(new Microsoft.ApplicationInsights.DataContracts.TraceTelemetry("Signed in " + {|PII003:email|}));
            client.TrackTrace(new Microsoft.ApplicationInsights.DataContracts.TraceTelemetry("Signed in") { Message = {|PII003:c.NationalId|} });
            var trace = new Microsoft.ApplicationInsights.DataContracts.TraceTelemetry("Signed in");
            trace.Properties["email"] = {|PII003:email|};
            client.TrackTrace(trace);
            client.TrackEvent("SignedIn", {|PII003:new Dictionary<string, string> { ["email"] = email }|});
            client.Context.GlobalProperties["user"] = {|PII003:email|};
            client.Context.User.AuthenticatedUserId = {|PII003:email|};
            client.Context.User.AccountId = c.Tier;
            client.TrackException(new Microsoft.ApplicationInsights.DataContracts.ExceptionTelemetry(new InvalidOperationException("x")) { Properties = { { "phone", {|PII003:c.Phone|} }, { "tier", c.Tier } } });
        }
        """);

    [Fact]
    public Task ApplicationInsights_MaskedOrNotPersonal() => Verify("""
        void Run(Microsoft.ApplicationInsights.TelemetryClient client, Customer c, byte[] key)
        {
            var email = c.Email;
            client.TrackEvent(new Microsoft.ApplicationInsights.DataContracts.EventTelemetry("SignedIn") { Properties = { ["email"] = PiiMask.Email(email), ["tier"] = c.Tier } });
            client.TrackTrace(new Microsoft.ApplicationInsights.DataContracts.TraceTelemetry("Signed in " + PiiMask.Pseudonymize(email, key)));
            var trace = new Microsoft.ApplicationInsights.DataContracts.TraceTelemetry("Signed in") { Message = "tier " + c.Tier };
            trace.Properties["id"] = c.Id.ToString();
            client.TrackTrace(trace);
            client.TrackEvent("SignedIn", new Dictionary<string, string> { ["email"] = PiiMask.Email(email)! });
        }
        """);

    [Fact]
    public Task ApplicationInsights_InitializerMessageNamesTheProperties() => Verify("""
        void Run(Microsoft.ApplicationInsights.TelemetryClient client, Customer c) =>
            client.TrackEvent(new Microsoft.ApplicationInsights.DataContracts.EventTelemetry("SignedIn") { Properties = { ["id"] = {|#0:c.NationalId|} } });
        """,
        DiagnosticResult.CompilerWarning("PII003").WithLocation(0).WithArguments("Customer.NationalId", "NationalId, sensitive", "EventTelemetry.Properties"));

    [Fact]
    public Task Message_NamesTheSink() => Verify("""
        void Run(Activity activity, Customer c) => activity.SetTag("email", {|#0:c.Email|});
        """,
        DiagnosticResult.CompilerWarning("PII003").WithLocation(0).WithArguments("Customer.Email", "Email", "Activity.SetTag"));
}
