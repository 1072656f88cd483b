using System;
using OpenTelemetry.Logs;
using PiiGuard.OpenTelemetry;

namespace OpenTelemetry.Trace
{
    /// <summary>Registers PiiGuard's tag masking with OpenTelemetry tracing.</summary>
    public static class PiiGuardTracerProviderBuilderExtensions
    {
        /// <summary>
        /// Adds <see cref="PiiGuardActivityProcessor"/>: tag values that carry personal data are masked when an activity ends.
        /// Call it before the exporters (<c>.AddPiiGuardProcessor().AddOtlpExporter()</c>).
        /// </summary>
        /// <param name="builder">The tracer provider builder.</param>
        /// <param name="configure">Names the tags that carry personal data, beyond the defaults.</param>
        /// <returns>The builder, for chaining.</returns>
        public static TracerProviderBuilder AddPiiGuardProcessor(this TracerProviderBuilder builder, Action<PiiGuardTagOptions>? configure = null)
        {
            if (builder is null)
            {
                throw new ArgumentNullException(nameof(builder));
            }

            var options = new PiiGuardTagOptions();
            configure?.Invoke(options);
            return builder.AddProcessor(new PiiGuardActivityProcessor(options));
        }
    }
}

namespace OpenTelemetry.Logs
{
    /// <summary>Registers PiiGuard's attribute masking with OpenTelemetry logging.</summary>
    public static class PiiGuardOpenTelemetryLoggerOptionsExtensions
    {
        /// <summary>
        /// Adds <see cref="PiiGuardLogRecordProcessor"/>: log attributes that carry personal data are masked. Call it before
        /// the exporters.
        /// </summary>
        /// <param name="options">The OpenTelemetry logger options.</param>
        /// <param name="configure">Names the attributes that carry personal data, beyond the defaults.</param>
        /// <returns>The options, for chaining.</returns>
        public static OpenTelemetryLoggerOptions AddPiiGuardProcessor(this OpenTelemetryLoggerOptions options, Action<PiiGuardTagOptions>? configure = null)
        {
            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            var tagOptions = new PiiGuardTagOptions();
            configure?.Invoke(tagOptions);
            return options.AddProcessor(new PiiGuardLogRecordProcessor(tagOptions));
        }
    }
}
