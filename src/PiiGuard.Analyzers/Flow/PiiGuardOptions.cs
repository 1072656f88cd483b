using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PiiGuard.Analyzers.Flow
{
    /// <summary>
    /// The <c>piiguard.sinks</c> and <c>piiguard.sanitizers</c> keys of .editorconfig / .globalconfig, resolved against a
    /// compilation (documentation-comment ids, see docs/configuration.md). Never throws: malformed entries are collected
    /// in <see cref="Errors"/> and ignored; ids that name no method of this compilation are ignored silently.
    /// </summary>
    internal sealed class PiiGuardOptions
    {
        public const string SinksKey = "piiguard.sinks";
        public const string SanitizersKey = "piiguard.sanitizers";

        public static readonly PiiGuardOptions Empty = new PiiGuardOptions(
            ImmutableDictionary.Create<IMethodSymbol, SinkRule>(SymbolEqualityComparer.Default),
            ImmutableHashSet.Create<IMethodSymbol>(SymbolEqualityComparer.Default),
            ImmutableArray<(string Key, string Value, string Reason)>.Empty);

        private PiiGuardOptions(ImmutableDictionary<IMethodSymbol, SinkRule> sinks, ImmutableHashSet<IMethodSymbol> sanitizers, ImmutableArray<(string Key, string Value, string Reason)> errors)
        {
            Sinks = sinks;
            Sanitizers = sanitizers;
            Errors = errors;
        }

        public ImmutableDictionary<IMethodSymbol, SinkRule> Sinks { get; }

        public ImmutableHashSet<IMethodSymbol> Sanitizers { get; }

        /// <summary>Malformed entries: key, entry, reason (reported as PII106).</summary>
        public ImmutableArray<(string Key, string Value, string Reason)> Errors { get; }

        /// <summary>The global key that makes a user's own key (GetUserId, IdentityUser.Id) personal data; the strict preset sets it.</summary>
        public const string UserIdsKey = "piiguard.user_ids";

        /// <summary>Whether <c>piiguard.user_ids = personal</c> is set (the <c>strict</c> preset); any other value leaves user ids pseudonymous.</summary>
        public static bool UserIdsArePersonal(AnalyzerConfigOptions globalOptions) =>
            globalOptions.TryGetValue(UserIdsKey, out string? value) && string.Equals(value.Trim(), "personal", StringComparison.OrdinalIgnoreCase);

        /// <summary>Reads the global options (.globalconfig and global .editorconfig sections).</summary>
        public static PiiGuardOptions Read(AnalyzerConfigOptions options, Compilation compilation)
        {
            options.TryGetValue(SinksKey, out string? sinks);
            options.TryGetValue(SanitizersKey, out string? sanitizers);
            return Parse(sinks, sanitizers, compilation);
        }

        /// <summary>Parses the two keys' values; tolerant of anything.</summary>
        public static PiiGuardOptions Parse(string? sinksValue, string? sanitizersValue, Compilation compilation)
        {
            if (string.IsNullOrWhiteSpace(sinksValue) && string.IsNullOrWhiteSpace(sanitizersValue))
            {
                return Empty;
            }

            var sinks = ImmutableDictionary.CreateBuilder<IMethodSymbol, SinkRule>(SymbolEqualityComparer.Default);
            var sanitizers = ImmutableHashSet.CreateBuilder<IMethodSymbol>(SymbolEqualityComparer.Default);
            var errors = ImmutableArray.CreateBuilder<(string, string, string)>();

            foreach (string entry in Split(sinksValue))
            {
                string id = entry;
                SinkRule rule = SinkRule.Egress;
                int equals = entry.IndexOf('=');
                if (equals >= 0)
                {
                    id = entry.Substring(0, equals).Trim();
                    string category = entry.Substring(equals + 1).Trim();
                    if (!TryParseRule(category, out rule))
                    {
                        errors.Add((SinksKey, entry, "the category after '=' must be PII001, PII002, PII003 or PII004"));
                        continue;
                    }
                }

                foreach (IMethodSymbol method in Resolve(SinksKey, id, compilation, errors))
                {
                    sinks[method] = rule;
                }
            }

            foreach (string entry in Split(sanitizersValue))
            {
                foreach (IMethodSymbol method in Resolve(SanitizersKey, entry, compilation, errors))
                {
                    sanitizers.Add(method);
                }
            }

            return new PiiGuardOptions(sinks.ToImmutable(), sanitizers.ToImmutable(), errors.ToImmutable());
        }

        internal static bool TryParseRule(string category, out SinkRule rule)
        {
            switch (category.ToUpperInvariant())
            {
                case "PII001":
                case "LOG":
                    rule = SinkRule.Log;
                    return true;
                case "PII002":
                case "EGRESS":
                    rule = SinkRule.Egress;
                    return true;
                case "PII003":
                case "TELEMETRY":
                    rule = SinkRule.Telemetry;
                    return true;
                case "PII004":
                case "EXCEPTION":
                    rule = SinkRule.Exception;
                    return true;
                default:
                    rule = SinkRule.Egress;
                    return false;
            }
        }

        private static IEnumerable<IMethodSymbol> Resolve(string key, string id, Compilation compilation, ImmutableArray<(string, string, string)>.Builder errors)
        {
            if (!id.StartsWith("M:", StringComparison.Ordinal) || id.Length < 5 || id.IndexOf('.') < 0)
            {
                errors.Add((key, id, "expected a method's documentation-comment id such as M:MyCo.Audit.Write(System.String)"));
                yield break;
            }

            ImmutableArray<ISymbol> symbols;
            try
            {
                symbols = DocumentationCommentId.GetSymbolsForDeclarationId(id, compilation);
            }
            catch (Exception)
            {
                errors.Add((key, id, "the documentation-comment id could not be parsed"));
                yield break;
            }

            foreach (ISymbol symbol in symbols)
            {
                if (symbol is IMethodSymbol method)
                {
                    yield return method;
                }
            }
        }

        private static IEnumerable<string> Split(string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                yield break;
            }

            // Commas separate entries, but also appear inside parameter lists: split only at depth 0.
            int depth = 0;
            int start = 0;
            for (int i = 0; i <= value!.Length; i++)
            {
                char c = i < value.Length ? value[i] : ',';
                if (c == '(' || c == '{' || c == '[')
                {
                    depth++;
                }
                else if (c == ')' || c == '}' || c == ']')
                {
                    depth--;
                }
                else if ((c == ',' || c == ';') && depth <= 0)
                {
                    string entry = value.Substring(start, i - start).Trim();
                    if (entry.Length > 0)
                    {
                        yield return entry;
                    }

                    start = i + 1;
                    depth = 0;
                }
            }
        }
    }
}
