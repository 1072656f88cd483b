using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using PiiGuard.Analyzers.Core;

namespace PiiGuard.Analyzers.Flow
{
    /// <summary>
    /// The facts about one method that travel with its assembly (docs/summaries.md): which parameters reach which sink,
    /// what its return value carries, and whether it is clean (its return value carries nothing of its inputs: a
    /// masking method or a sanitizer). Plain data: no symbol, equatable by value.
    /// </summary>
    internal sealed class SummaryFacts : IEquatable<SummaryFacts>
    {
        public SummaryFacts(string docId, ImmutableArray<SinkFact> sinks, ulong parameters, ulong hashedParameters, ReturnFact? returned, bool clean)
        {
            DocId = docId;
            Sinks = sinks.IsDefault ? ImmutableArray<SinkFact>.Empty : sinks;
            Parameters = parameters;
            HashedParameters = hashedParameters;
            Returned = returned;
            Clean = clean;
        }

        /// <summary>The method's documentation-comment id: <c>M:Lib.Notifier.SmsSent(System.String)</c>.</summary>
        public string DocId { get; }

        public ImmutableArray<SinkFact> Sinks { get; }

        /// <summary>Bit i: parameter i flows to the return value.</summary>
        public ulong Parameters { get; }

        /// <summary>Bit i: parameter i flows to the return value through an unkeyed hash.</summary>
        public ulong HashedParameters { get; }

        /// <summary>Personal data the return value carries whatever the arguments.</summary>
        public ReturnFact? Returned { get; }

        /// <summary>The return value carries nothing of the arguments or the instance (a masking method, a sanitizer).</summary>
        public bool Clean { get; }

        public bool IsEmpty => Sinks.IsEmpty && Parameters == 0 && HashedParameters == 0 && Returned is null && !Clean;

        public bool Equals(SummaryFacts? other) => other != null && DocId == other.DocId && Parameters == other.Parameters && HashedParameters == other.HashedParameters
            && Clean == other.Clean && Equals(Returned, other.Returned) && SameSinks(Sinks, other.Sinks);

        public override bool Equals(object? obj) => Equals(obj as SummaryFacts);

        private static bool SameSinks(ImmutableArray<SinkFact> a, ImmutableArray<SinkFact> b)
        {
            if (a.Length != b.Length)
            {
                return false;
            }

            for (int i = 0; i < a.Length; i++)
            {
                if (!a[i].Equals(b[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(DocId) ^ Parameters.GetHashCode() ^ Sinks.Length;

        /// <summary>The summary the walker applies at a call: the same shape as one computed from a body in source.</summary>
        public MethodSummary ToSummary(Func<string, ISymbol?>? resolveOrigin = null)
        {
            if (Clean && Sinks.IsEmpty && Returned is null && Parameters == 0 && HashedParameters == 0)
            {
                return MethodSummary.Empty;
            }

            ImmutableArray<ParameterSink>.Builder sinks = ImmutableArray.CreateBuilder<ParameterSink>(Sinks.Length);
            foreach (SinkFact sink in Sinks)
            {
                sinks.Add(new ParameterSink(sink.Ordinal, new Sink(sink.Rule, sink.Display), sink.Display));
            }

            return new MethodSummary(Returned?.ToTaint(resolveOrigin), Parameters, HashedParameters, sinks.MoveToImmutable(), isComplete: true);
        }
    }

    /// <summary>Parameter <see cref="Ordinal"/> reaches a sink of rule <see cref="Rule"/> named <see cref="Display"/> inside the method.</summary>
    internal readonly struct SinkFact : IEquatable<SinkFact>
    {
        public SinkFact(int ordinal, SinkRule rule, string display)
        {
            Ordinal = ordinal;
            Rule = rule;
            Display = display;
        }

        public int Ordinal { get; }

        public SinkRule Rule { get; }

        /// <summary>"ILogger.LogInformation", or a path through further helpers ("Audit.Write -> ILogger.LogWarning").</summary>
        public string Display { get; }

        public bool Equals(SinkFact other) => Ordinal == other.Ordinal && Rule == other.Rule && Display == other.Display;

        public override bool Equals(object? obj) => obj is SinkFact other && Equals(other);

        public override int GetHashCode() => (Ordinal * 31) ^ (int)Rule ^ StringComparer.Ordinal.GetHashCode(Display ?? string.Empty);
    }

    /// <summary>Personal data a return value carries: the datum's name, kind, sensitivity and mask style, and its shape.</summary>
    internal sealed class ReturnFact : IEquatable<ReturnFact>
    {
        public ReturnFact(string display, string kind, bool sensitive, int mask, bool whole, bool memberData, bool serialized, bool hashed, string? kinds, string? origin = null)
        {
            Origin = origin;
            Display = display;
            Kind = kind;
            Sensitive = sensitive;
            Mask = mask;
            Whole = whole;
            MemberData = memberData;
            Serialized = serialized;
            Hashed = hashed;
            Kinds = kinds;
        }

        /// <summary>"Customer.Email".</summary>
        public string Display { get; }

        /// <summary>The PiiKind name ("Email"), kept by name so that a renumbering of the enum cannot change a fact.</summary>
        public string Kind { get; }

        public bool Sensitive { get; }

        public int Mask { get; }

        public bool Whole { get; }

        public bool MemberData { get; }

        public bool Serialized { get; }

        /// <summary>The datum went through an unkeyed hash inside the method (reported as PII007 at the call).</summary>
        public bool Hashed { get; }

        /// <summary>For a whole object, the kinds it holds ("Email, NationalId").</summary>
        public string? Kinds { get; }

        /// <summary>
        /// The documentation-comment id of the member (or type, for a whole object) the datum comes from
        /// (<c>P:Lib.Member.Email</c>), written as its own fact <c>O</c> so that readers of an earlier version skip it: a leak
        /// found through the summary carries the same <c>type</c> and <c>name</c> properties as one found in source.
        /// </summary>
        public string? Origin { get; }

        public Taint? ToTaint(Func<string, ISymbol?>? resolveOrigin = null)
        {
            int kind = PiiKindInfo.FromName(Kind);
            if (kind < 0)
            {
                return null;
            }

            ISymbol? origin = Origin != null && resolveOrigin != null ? resolveOrigin(Origin) : null;
            return Taint.FromSummary(Display, new PiiInfo(kind, Sensitive, Mask), Whole, Kinds, MemberData, Serialized, Hashed, origin);
        }

        public ReturnFact WithOrigin(string? origin) => new ReturnFact(Display, Kind, Sensitive, Mask, Whole, MemberData, Serialized, Hashed, Kinds, origin);

        public bool Equals(ReturnFact? other) => other != null && Display == other.Display && Kind == other.Kind && Sensitive == other.Sensitive && Mask == other.Mask
            && Whole == other.Whole && MemberData == other.MemberData && Serialized == other.Serialized && Hashed == other.Hashed && Kinds == other.Kinds && Origin == other.Origin;

        public override bool Equals(object? obj) => Equals(obj as ReturnFact);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Display) ^ StringComparer.Ordinal.GetHashCode(Kind);
    }

    /// <summary>
    /// The text of the <c>[assembly: AssemblyMetadata("PiiGuard.Summaries", "…")]</c> attribute (docs/summaries.md):
    /// <code>
    /// 1                                        the format version (anything else: the whole payload is ignored)
    /// T:Lib.Notifier                           a type (its documentation-comment id): the methods below are its own
    /// SmsSent(System.String)|S1L:ILogger.LogInformation
    /// Mask(System.String)|Z
    /// Wrap(System.String)|P1                  (bit 0: parameter 0)
    /// Contact|RPhone,0,0,,Customer.Mobile
    /// </code>
    /// A method line is its documentation-comment id without "M:" and the type's name, then its facts separated by '|':
    /// <c>S&lt;hex bits&gt;&lt;L|E|T|X&gt;:&lt;sink&gt;</c> (the parameters of those bits reach a log, egress, telemetry or exception sink),
    /// <c>P&lt;hex&gt;</c> / <c>H&lt;hex&gt;</c> (parameters that flow, or flow hashed, into the return value),
    /// <c>R&lt;kind&gt;,&lt;sensitive 0|1&gt;,&lt;mask&gt;,&lt;flags w m s h&gt;,&lt;display&gt;[,&lt;kinds&gt;]</c> (personal data the return value
    /// carries), <c>Z</c> (the return value carries nothing of the inputs). Readers skip facts they do not know, so
    /// facts can be added within a version; a change in the meaning of a fact is a new version.
    /// </summary>
    internal static class SummaryFormat
    {
        /// <summary>The key of the AssemblyMetadataAttribute.</summary>
        public const string MetadataKey = "PiiGuard.Summaries";

        /// <summary>The version this build writes and reads.</summary>
        public const string Version = "1";

        public const string AttributeTypeName = "System.Reflection.AssemblyMetadataAttribute";

        /// <summary>Writes the payload; facts are sorted by documentation-comment id so that the output is deterministic.</summary>
        public static string Write(IEnumerable<SummaryFacts> facts)
        {
            var sorted = new List<SummaryFacts>();
            foreach (SummaryFacts fact in facts)
            {
                if (!fact.IsEmpty && fact.DocId.StartsWith("M:", StringComparison.Ordinal))
                {
                    sorted.Add(fact);
                }
            }

            sorted.Sort((a, b) => string.CompareOrdinal(TypeOf(a.DocId), TypeOf(b.DocId)) is int byType and not 0 ? byType : string.CompareOrdinal(a.DocId, b.DocId));
            var text = new StringBuilder(Version.Length + (sorted.Count * 48));
            text.Append(Version);
            string? currentType = null;
            foreach (SummaryFacts fact in sorted)
            {
                string type = TypeOf(fact.DocId);
                if (type != currentType)
                {
                    text.Append('\n').Append("T:").Append(type);
                    currentType = type;
                }

                text.Append('\n').Append(fact.DocId, type.Length + 3, fact.DocId.Length - type.Length - 3);
                // One fact per sink, with the set of parameters that reach it: S3L:ILogger.LogError is parameters 0 and 1.
                var sinks = new SortedDictionary<(SinkRule Rule, string Display), ulong>(SinkKeyComparer.Instance);
                foreach (SinkFact sink in fact.Sinks)
                {
                    var key = (sink.Rule, Clean(sink.Display, comma: false));
                    sinks.TryGetValue(key, out ulong bits);
                    sinks[key] = bits | (1UL << sink.Ordinal);
                }

                foreach (KeyValuePair<(SinkRule Rule, string Display), ulong> sink in sinks)
                {
                    text.Append("|S").Append(sink.Value.ToString("x", CultureInfo.InvariantCulture)).Append(RuleLetter(sink.Key.Rule)).Append(':').Append(sink.Key.Display);
                }

                if (fact.Parameters != 0)
                {
                    text.Append("|P").Append(fact.Parameters.ToString("x", CultureInfo.InvariantCulture));
                }

                if (fact.HashedParameters != 0)
                {
                    text.Append("|H").Append(fact.HashedParameters.ToString("x", CultureInfo.InvariantCulture));
                }

                if (fact.Returned is { } r)
                {
                    text.Append("|R").Append(r.Kind).Append(',').Append(r.Sensitive ? '1' : '0').Append(',').Append(r.Mask.ToString(CultureInfo.InvariantCulture)).Append(',');
                    text.Append(r.Whole ? "w" : string.Empty).Append(r.MemberData ? "m" : string.Empty).Append(r.Serialized ? "s" : string.Empty).Append(r.Hashed ? "h" : string.Empty);
                    text.Append(',').Append(Clean(r.Display, comma: true));
                    if (r.Kinds != null)
                    {
                        text.Append(',').Append(Clean(r.Kinds, comma: false));
                    }

                    if (r.Origin != null)
                    {
                        text.Append("|O").Append(Clean(r.Origin, comma: false));
                    }
                }

                if (fact.Clean)
                {
                    text.Append("|Z");
                }
            }

            return text.ToString();
        }

        /// <summary>
        /// Reads a payload into facts by documentation-comment id; null when the payload is of another version (or not
        /// a payload at all). Never throws: a malformed line or fact is skipped.
        /// </summary>
        public static Dictionary<string, SummaryFacts>? Read(string? payload)
        {
            if (payload is null)
            {
                return null;
            }

            string[] lines = payload.Split('\n');
            if (lines.Length == 0 || lines[0].Trim() != Version)
            {
                return null;
            }

            var result = new Dictionary<string, SummaryFacts>(StringComparer.Ordinal);
            string? type = null;
            for (int i = 1; i < lines.Length; i++)
            {
                string line = lines[i].TrimEnd('\r');
                if (line.Length == 0)
                {
                    continue;
                }

                if (line.StartsWith("T:", StringComparison.Ordinal))
                {
                    type = line.Substring(2);
                    continue;
                }

                if (type is null)
                {
                    continue;
                }

                if (ReadMethod(type, line) is { } facts && !facts.IsEmpty)
                {
                    result[facts.DocId] = facts;
                }
            }

            return result;
        }

        private static SummaryFacts? ReadMethod(string type, string line)
        {
            string[] parts = line.Split('|');
            if (parts[0].Length == 0)
            {
                return null;
            }

            string docId = "M:" + type + "." + parts[0];
            ImmutableArray<SinkFact>.Builder? sinks = null;
            ulong parameters = 0;
            ulong hashed = 0;
            ReturnFact? returned = null;
            string? origin = null;
            bool clean = false;
            for (int i = 1; i < parts.Length; i++)
            {
                string part = parts[i];
                if (part.Length == 0)
                {
                    continue;
                }

                switch (part[0])
                {
                    case 'S':
                        ReadSinks(part, sinks ??= ImmutableArray.CreateBuilder<SinkFact>());
                        break;
                    case 'P':
                        ulong.TryParse(part.Substring(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out parameters);
                        break;
                    case 'H':
                        ulong.TryParse(part.Substring(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out hashed);
                        break;
                    case 'R':
                        returned = ReadReturn(part);
                        break;
                    case 'Z':
                        clean = part.Length == 1;
                        break;
                    case 'O':
                        origin = part.Length > 3 && part[2] == ':' ? part.Substring(1) : null;
                        break;
                }
            }

            if (returned != null && origin != null)
            {
                returned = returned.WithOrigin(origin);
            }

            return new SummaryFacts(docId, sinks?.ToImmutable() ?? ImmutableArray<SinkFact>.Empty, parameters, hashed, returned, clean);
        }

        private static void ReadSinks(string part, ImmutableArray<SinkFact>.Builder sinks)
        {
            int colon = part.IndexOf(':');
            if (colon < 3 || colon == part.Length - 1
                || !ulong.TryParse(part.Substring(1, colon - 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong ordinals)
                || !TryRule(part[colon - 1], out SinkRule rule))
            {
                return;
            }

            string display = part.Substring(colon + 1);
            for (int i = 0; i < 64; i++)
            {
                if ((ordinals & (1UL << i)) != 0)
                {
                    sinks.Add(new SinkFact(i, rule, display));
                }
            }
        }

        private static ReturnFact? ReadReturn(string part)
        {
            string[] fields = part.Substring(1).Split(new[] { ',' }, 6);
            if (fields.Length < 5 || fields[0].Length == 0 || fields[4].Length == 0
                || !int.TryParse(fields[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int mask))
            {
                return null;
            }

            string flags = fields[3];
            return new ReturnFact(fields[4], fields[0], fields[1] == "1", mask, flags.IndexOf('w') >= 0, flags.IndexOf('m') >= 0, flags.IndexOf('s') >= 0, flags.IndexOf('h') >= 0,
                fields.Length > 5 && fields[5].Length > 0 ? fields[5] : null);
        }

        /// <summary>"T:Lib.Notifier" of "M:Lib.Notifier.SmsSent(System.String)", without "T:": the id up to the last '.' before the parameters.</summary>
        public static string TypeOf(string docId)
        {
            int end = docId.IndexOf('(');
            if (end < 0)
            {
                end = docId.Length;
            }

            int dot = docId.LastIndexOf('.', end - 1);
            return dot > 2 ? docId.Substring(2, dot - 2) : string.Empty;
        }

        public static char RuleLetter(SinkRule rule) => rule switch
        {
            SinkRule.Egress => 'E',
            SinkRule.Telemetry => 'T',
            SinkRule.Exception => 'X',
            _ => 'L',
        };

        public static string RuleId(SinkRule rule) => rule switch
        {
            SinkRule.Egress => "PII002",
            SinkRule.Telemetry => "PII003",
            SinkRule.Exception => "PII004",
            _ => "PII001",
        };

        private sealed class SinkKeyComparer : IComparer<(SinkRule Rule, string Display)>
        {
            public static readonly SinkKeyComparer Instance = new SinkKeyComparer();

            public int Compare((SinkRule Rule, string Display) x, (SinkRule Rule, string Display) y) =>
                x.Rule != y.Rule ? x.Rule.CompareTo(y.Rule) : string.CompareOrdinal(x.Display, y.Display);
        }

        private static bool TryRule(char letter, out SinkRule rule)
        {
            switch (letter)
            {
                case 'L':
                    rule = SinkRule.Log;
                    return true;
                case 'E':
                    rule = SinkRule.Egress;
                    return true;
                case 'T':
                    rule = SinkRule.Telemetry;
                    return true;
                case 'X':
                    rule = SinkRule.Exception;
                    return true;
                default:
                    rule = SinkRule.Log;
                    return false;
            }
        }

        /// <summary>A display name with the separators of the format replaced (they do not occur in the names PiiGuard builds).</summary>
        private static string Clean(string value, bool comma)
        {
            if (value.IndexOfAny(comma ? new[] { '|', '\n', '\r', ',' } : new[] { '|', '\n', '\r' }) < 0)
            {
                return value;
            }

            var builder = new StringBuilder(value.Length);
            foreach (char c in value)
            {
                builder.Append(c is '|' or '\n' or '\r' || (comma && c == ',') ? ' ' : c);
            }

            return builder.ToString();
        }
    }
}
