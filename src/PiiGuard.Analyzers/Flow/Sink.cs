using System.Collections.Immutable;

namespace PiiGuard.Analyzers.Flow
{
    /// <summary>Which rule a sink belongs to.</summary>
    internal enum SinkRule
    {
        /// <summary>PII001.</summary>
        Log,

        /// <summary>PII002.</summary>
        Egress,

        /// <summary>PII003.</summary>
        Telemetry,

        /// <summary>PII004.</summary>
        Exception,
    }

    /// <summary>How a sink reads an object it is given.</summary>
    internal enum SinkMode
    {
        /// <summary>Through ToString (interpolation, message arguments, Console).</summary>
        Text,

        /// <summary>Through reflection: Serilog {@x}, JSON/XML serialisation. Masked ToString does not protect.</summary>
        Destructure,
    }

    /// <summary>A method, constructor or property setter through which data leaves the program.</summary>
    internal sealed class Sink
    {
        public Sink(SinkRule rule, string display, ImmutableHashSet<string>? onlyParameters = null, SinkMode mode = SinkMode.Text, string? templateParameter = null, int skipLeading = 0, string? destructureFlag = null)
        {
            Rule = rule;
            Display = display;
            OnlyParameters = onlyParameters;
            Mode = mode;
            TemplateParameter = templateParameter;
            SkipLeading = skipLeading;
            DestructureFlag = destructureFlag;
        }

        public SinkRule Rule { get; }

        /// <summary>"ILogger.LogInformation", "new StringContent", "MailMessage.Subject".</summary>
        public string Display { get; }

        /// <summary>When set, only the parameters of these names are sinks.</summary>
        public ImmutableHashSet<string>? OnlyParameters { get; }

        public SinkMode Mode { get; }

        /// <summary>
        /// The parameter holding a message template (Serilog's <c>messageTemplate</c>): the template decides, per hole, whether
        /// the argument that fills it is destructured (<c>{@x}</c>).
        /// </summary>
        public string? TemplateParameter { get; }

        /// <summary>Parameters before this ordinal are not sinks (a metric's measurement).</summary>
        public int SkipLeading { get; }

        /// <summary>The name of a bool parameter that, when true, destructures the value (Serilog ForContext/PushProperty).</summary>
        public string? DestructureFlag { get; }
    }
}
