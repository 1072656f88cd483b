using System;
using System.Collections.Generic;
using System.Diagnostics;
using OpenTelemetry;

namespace PiiGuard.OpenTelemetry
{
    /// <summary>
    /// A safety net for traces: when an <see cref="Activity"/> ends, the values of its tags that carry personal data (by tag
    /// name, see <see cref="PiiGuardTagOptions"/>) are replaced by their masked form before the exporters see them. The
    /// compiler's PII003 stays the main defence; this catches what it cannot see (tags set by libraries, by reflection, from
    /// configuration). Add it before the exporters: processors run in the order they are added.
    /// </summary>
    /// <remarks>
    /// Event tags, links, baggage and the status description are not rewritten: an ended activity's events are read-only,
    /// and baggage has already been propagated. Keep personal data out of them at compile time (PII003).
    /// </remarks>
    public sealed class PiiGuardActivityProcessor : BaseProcessor<Activity>
    {
        [ThreadStatic]
        private static List<KeyValuePair<string, object?>>? t_pending;

        private readonly TagMasker _masker;

        /// <summary>Creates the processor with the default options (OpenTelemetry user conventions and PiiGuard's naming rules).</summary>
        public PiiGuardActivityProcessor()
            : this(new PiiGuardTagOptions())
        {
        }

        /// <summary>Creates the processor.</summary>
        /// <param name="options">Which tag names carry personal data.</param>
        public PiiGuardActivityProcessor(PiiGuardTagOptions options)
        {
            _masker = new TagMasker(options);
        }

        /// <inheritdoc/>
        public override void OnEnd(Activity data)
        {
            if (data is null)
            {
                return;
            }

            List<KeyValuePair<string, object?>>? pending = null;
            try
            {
                foreach (ref readonly KeyValuePair<string, object?> tag in data.EnumerateTagObjects())
                {
                    if (tag.Value is null || _masker.RuleFor(tag.Key) is not TagRule rule)
                    {
                        continue;
                    }

                    pending ??= t_pending ?? new List<KeyValuePair<string, object?>>();
                    t_pending = null;
                    pending.Add(new KeyValuePair<string, object?>(tag.Key, TagMasker.Mask(tag.Value, rule)));
                }

                if (pending != null)
                {
                    // After the enumeration: SetTag replaces the value in place.
                    foreach (KeyValuePair<string, object?> masked in pending)
                    {
                        data.SetTag(masked.Key, masked.Value);
                    }
                }
            }
            finally
            {
                if (pending != null)
                {
                    pending.Clear();
                    t_pending = pending;
                }
            }
        }
    }
}
