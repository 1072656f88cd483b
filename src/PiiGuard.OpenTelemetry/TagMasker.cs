using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace PiiGuard.OpenTelemetry
{
    /// <summary>Decides which tag names are personal (cached per name) and masks their values, failing closed.</summary>
    internal sealed class TagMasker
    {
        // Tag names have low cardinality; a bounded cache keeps a misbehaving producer from growing it without end.
        private const int MaxCachedNames = 4096;

        private readonly PiiGuardTagOptions _options;
        private readonly ConcurrentDictionary<string, TagRule?> _rules = new ConcurrentDictionary<string, TagRule?>(StringComparer.Ordinal);

        public TagMasker(PiiGuardTagOptions options) => _options = options ?? throw new ArgumentNullException(nameof(options));

        public TagRule? RuleFor(string name)
        {
            if (_rules.TryGetValue(name, out TagRule? rule))
            {
                return rule;
            }

            try
            {
                rule = _options.Resolve(name);
            }
            catch (Exception)
            {
                // Fail closed: a name we could not judge is treated as personal and erased.
                rule = new TagRule(PiiKind.Other, MaskStyle.Erase);
            }

            if (_rules.Count < MaxCachedNames)
            {
                _rules.TryAdd(name, rule);
            }

            return rule;
        }

        /// <summary>The masked form of a tag value: a string (or a string array for an array value); never the raw value.</summary>
        public static object? Mask(object? value, TagRule rule)
        {
            try
            {
                switch (value)
                {
                    case null:
                        return null;
                    case string s:
                        return PiiMask.Apply(s, rule.Kind, rule.Style);
                    case IEnumerable items:
                        var masked = new List<string?>();
                        foreach (object? item in items)
                        {
                            masked.Add(item is null ? null : PiiMask.Apply(item, rule.Kind, rule.Style));
                        }

                        return masked.ToArray();
                    default:
                        return PiiMask.Apply(value, rule.Kind, rule.Style);
                }
            }
            catch (Exception)
            {
                return PiiMask.Erased;
            }
        }
    }
}
