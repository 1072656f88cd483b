using System;
using System.Collections.Generic;
using OpenTelemetry;
using OpenTelemetry.Logs;

namespace PiiGuard.OpenTelemetry
{
    /// <summary>
    /// A safety net for OpenTelemetry logs: the attributes of a <see cref="LogRecord"/> that carry personal data (by name, see
    /// <see cref="PiiGuardTagOptions"/>) are replaced by their masked form, and so is their text in the formatted message when
    /// <c>IncludeFormattedMessage</c> is on. Add it before the exporters. The compiler's PII001 stays the main defence.
    /// </summary>
    public sealed class PiiGuardLogRecordProcessor : BaseProcessor<LogRecord>
    {
        private readonly TagMasker _masker;

        /// <summary>Creates the processor with the default options.</summary>
        public PiiGuardLogRecordProcessor()
            : this(new PiiGuardTagOptions())
        {
        }

        /// <summary>Creates the processor.</summary>
        /// <param name="options">Which attribute names carry personal data.</param>
        public PiiGuardLogRecordProcessor(PiiGuardTagOptions options)
        {
            _masker = new TagMasker(options);
        }

        /// <inheritdoc/>
        public override void OnEnd(LogRecord data)
        {
            if (data?.Attributes is not { Count: > 0 } attributes)
            {
                return;
            }

            KeyValuePair<string, object?>[]? copy = null;
            string? message = data.FormattedMessage;
            for (int i = 0; i < attributes.Count; i++)
            {
                KeyValuePair<string, object?> attribute = attributes[i];
                if (attribute.Value is null || _masker.RuleFor(attribute.Key) is not TagRule rule)
                {
                    continue;
                }

                if (copy is null)
                {
                    copy = new KeyValuePair<string, object?>[attributes.Count];
                    for (int j = 0; j < attributes.Count; j++)
                    {
                        copy[j] = attributes[j];
                    }
                }

                object? masked = TagMasker.Mask(attribute.Value, rule);
                copy[i] = new KeyValuePair<string, object?>(attribute.Key, masked);
                if (message != null)
                {
                    message = Scrub(message, attribute.Value, masked);
                }
            }

            if (copy != null)
            {
                data.Attributes = copy;
                data.FormattedMessage = message;
            }
        }

        private static string? Scrub(string message, object raw, object? masked)
        {
            string? text;
            try
            {
                text = raw is IFormattable f ? f.ToString(null, System.Globalization.CultureInfo.CurrentCulture) : raw.ToString();
            }
            catch (Exception)
            {
                // Fail closed: without the raw text we cannot find it in the message, so the message goes.
                return null;
            }

            if (string.IsNullOrEmpty(text))
            {
                return message;
            }

            return message.Replace(text, masked as string ?? PiiMask.Erased, StringComparison.Ordinal);
        }
    }
}
