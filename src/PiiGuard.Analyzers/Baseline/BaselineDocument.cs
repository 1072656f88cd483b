using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace PiiGuard.Analyzers.Baseline
{
    /// <summary>
    /// One entry of <c>piiguard.baseline.json</c>: a finding as what it is (rule, carrier, sink, containing member: never a
    /// file or a line), how many of them, and for a reviewed exception the reason, the reviewer and the expiry date.
    /// </summary>
    public sealed class BaselineEntry
    {
        /// <summary>The rule (PII001…PII009).</summary>
        public string Rule { get; set; } = "";

        /// <summary>The carrier: <c>Shop.Customer.NationalId</c> (full type name and member), or the rule's member name.</summary>
        public string Carrier { get; set; } = "";

        /// <summary>The sink (<c>ILogger.LogInformation</c>), empty for rules without one (PII008).</summary>
        public string Sink { get; set; } = "";

        /// <summary>The member the finding is in, as a documentation-comment id (<c>M:Shop.Onboarding.Run(Shop.Customer)</c>).</summary>
        public string In { get; set; } = "";

        /// <summary>How many findings with this fingerprint the entry accepts.</summary>
        public int Count { get; set; } = 1;

        /// <summary>Why the findings are accepted (a reviewed exception); null for a plain baseline entry.</summary>
        public string? Reason { get; set; }

        /// <summary>Who reviewed the exception.</summary>
        public string? Reviewer { get; set; }

        /// <summary>The last day the entry holds, yyyy-MM-dd, or null.</summary>
        public string? Expires { get; set; }

        /// <summary>The 1-based line of the entry in the file (for diagnostics), 0 when built in memory.</summary>
        public int Line { get; set; }

        /// <summary>The fingerprint key: rule, carrier, sink and containing member.</summary>
        public string Key => BaselineFingerprint.Key(Rule, Carrier, Sink, In);

        /// <summary>Whether the entry has expired on <paramref name="today"/> (an unreadable date counts as expired: fail closed).</summary>
        public bool IsExpired(DateTime today) => Expires != null && (!BaselineDocument.TryParseDate(Expires, out DateTime last) || today.Date > last);
    }

    /// <summary>
    /// <c>piiguard.baseline.json</c> (schema <c>piiguard-baseline/1</c>, docs/baseline.md): read by the baseline suppressor in
    /// the build and by the piiguard tool, written by <c>piiguard baseline</c>. Dependency-free (analyzers cannot bring
    /// System.Text.Json); malformed text throws <see cref="FormatException"/> with the line, which becomes PII111.
    /// </summary>
    public sealed class BaselineDocument
    {
        /// <summary>The schema name the file carries.</summary>
        public const string Schema = "piiguard-baseline/1";

        /// <summary>The default file name, beside the solution or the project.</summary>
        public const string DefaultFileName = "piiguard.baseline.json";

        /// <summary>The entries.</summary>
        public List<BaselineEntry> Entries { get; } = new List<BaselineEntry>();

        /// <summary>Reads the file's text.</summary>
        /// <exception cref="FormatException">The text is not a baseline; the message names the line.</exception>
        public static BaselineDocument Parse(string text)
        {
            var reader = new JsonReader(text);
            object? root = reader.ReadDocument();
            if (root is not Dictionary<string, object?> map)
            {
                throw new FormatException("line 1: the baseline must be a JSON object with \"schema\" and \"entries\"");
            }

            if (!map.TryGetValue("schema", out object? schema) || schema is not string name || name != Schema)
            {
                throw new FormatException("line 1: \"schema\" must be \"" + Schema + "\"");
            }

            var document = new BaselineDocument();
            if (!map.TryGetValue("entries", out object? entries) || entries is not List<object?> list)
            {
                throw new FormatException("line 1: \"entries\" must be an array");
            }

            foreach (object? item in list)
            {
                if (item is not Dictionary<string, object?> fields)
                {
                    throw new FormatException("an entry is not an object");
                }

                int line = fields.TryGetValue("\u0000line", out object? l) && l is int n ? n : 0;
                string Text(string key, bool required)
                {
                    if (fields.TryGetValue(key, out object? value) && value is string s)
                    {
                        return s;
                    }

                    if (required || (value != null && fields.ContainsKey(key)))
                    {
                        throw new FormatException("line " + line.ToString(CultureInfo.InvariantCulture) + ": \"" + key + "\" must be a string");
                    }

                    return "";
                }

                var entry = new BaselineEntry
                {
                    Rule = Text("rule", required: true),
                    Carrier = Text("carrier", required: false),
                    Sink = Text("sink", required: false),
                    In = Text("in", required: false),
                    Line = line,
                };
                if (fields.TryGetValue("count", out object? count) && count != null)
                {
                    if (count is not double d || d < 1 || d != Math.Floor(d) || d > int.MaxValue)
                    {
                        throw new FormatException("line " + line.ToString(CultureInfo.InvariantCulture) + ": \"count\" must be a whole number of at least 1");
                    }

                    entry.Count = (int)d;
                }

                string reason = Text("reason", required: false);
                entry.Reason = reason.Length == 0 ? null : reason;
                string reviewer = Text("reviewer", required: false);
                entry.Reviewer = reviewer.Length == 0 ? null : reviewer;
                string expires = Text("expires", required: false);
                if (expires.Length > 0 && !TryParseDate(expires, out _))
                {
                    throw new FormatException("line " + line.ToString(CultureInfo.InvariantCulture) + ": \"expires\" must be a date yyyy-MM-dd, not '" + expires + "'");
                }

                entry.Expires = expires.Length == 0 ? null : expires;
                document.Entries.Add(entry);
            }

            return document;
        }

        /// <summary>A yyyy-MM-dd date.</summary>
        public static bool TryParseDate(string text, out DateTime date) =>
            DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

        /// <summary>The file's text: entries sorted by fingerprint, one per line, so that diffs of the file are readable.</summary>
        public string ToJson()
        {
            var w = new StringBuilder();
            w.Append("{\n  \"schema\": ").Append(Quote(Schema)).Append(",\n  \"entries\": [");
            List<BaselineEntry> sorted = Entries.OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
            for (int i = 0; i < sorted.Count; i++)
            {
                BaselineEntry e = sorted[i];
                w.Append(i == 0 ? "\n" : ",\n").Append("    {\"rule\": ").Append(Quote(e.Rule))
                    .Append(", \"carrier\": ").Append(Quote(e.Carrier))
                    .Append(", \"sink\": ").Append(Quote(e.Sink))
                    .Append(", \"in\": ").Append(Quote(e.In))
                    .Append(", \"count\": ").Append(e.Count.ToString(CultureInfo.InvariantCulture));
                if (e.Reason != null)
                {
                    w.Append(", \"reason\": ").Append(Quote(e.Reason));
                }

                if (e.Reviewer != null)
                {
                    w.Append(", \"reviewer\": ").Append(Quote(e.Reviewer));
                }

                if (e.Expires != null)
                {
                    w.Append(", \"expires\": ").Append(Quote(e.Expires));
                }

                w.Append('}');
            }

            w.Append(sorted.Count == 0 ? "]\n}\n" : "\n  ]\n}\n");
            return w.ToString();
        }

        private static string Quote(string value)
        {
            var s = new StringBuilder("\"");
            foreach (char c in value)
            {
                switch (c)
                {
                    case '"': s.Append("\\\""); break;
                    case '\\': s.Append("\\\\"); break;
                    case '\n': s.Append("\\n"); break;
                    case '\r': s.Append("\\r"); break;
                    case '\t': s.Append("\\t"); break;
                    default:
                        if (c < ' ')
                        {
                            s.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            s.Append(c);
                        }

                        break;
                }
            }

            return s.Append('"').ToString();
        }

        /// <summary>A strict JSON reader that records the line of each object (key "\0line").</summary>
        private sealed class JsonReader
        {
            private readonly string _s;
            private int _i;
            private int _line = 1;

            public JsonReader(string text) => _s = text;

            public object? ReadDocument()
            {
                object? value = ReadValue();
                Space();
                if (_i < _s.Length)
                {
                    throw Error("unexpected text after the end of the document");
                }

                return value;
            }

            private object? ReadValue()
            {
                Space();
                if (_i >= _s.Length)
                {
                    throw Error("unexpected end of the file");
                }

                char c = _s[_i];
                switch (c)
                {
                    case '{':
                        return ReadObject();
                    case '[':
                        return ReadArray();
                    case '"':
                        return ReadString();
                    case 't':
                        Literal("true");
                        return true;
                    case 'f':
                        Literal("false");
                        return false;
                    case 'n':
                        Literal("null");
                        return null;
                    default:
                        if (c == '-' || (c >= '0' && c <= '9'))
                        {
                            int start = _i;
                            while (_i < _s.Length && "+-.eE0123456789".IndexOf(_s[_i]) >= 0)
                            {
                                _i++;
                            }

                            if (double.TryParse(_s.Substring(start, _i - start), NumberStyles.Float, CultureInfo.InvariantCulture, out double number))
                            {
                                return number;
                            }
                        }

                        throw Error("unexpected character '" + c + "'");
                }
            }

            private Dictionary<string, object?> ReadObject()
            {
                var map = new Dictionary<string, object?>(StringComparer.Ordinal) { ["\u0000line"] = _line };
                _i++;
                Space();
                if (Peek() == '}')
                {
                    _i++;
                    return map;
                }

                while (true)
                {
                    Space();
                    if (Peek() != '"')
                    {
                        throw Error("expected a property name in quotes");
                    }

                    string key = ReadString();
                    Space();
                    Expect(':');
                    map[key] = ReadValue();
                    Space();
                    char next = Peek();
                    _i++;
                    if (next == '}')
                    {
                        return map;
                    }

                    if (next != ',')
                    {
                        throw Error("expected ',' or '}'");
                    }
                }
            }

            private List<object?> ReadArray()
            {
                var list = new List<object?>();
                _i++;
                Space();
                if (Peek() == ']')
                {
                    _i++;
                    return list;
                }

                while (true)
                {
                    list.Add(ReadValue());
                    Space();
                    char next = Peek();
                    _i++;
                    if (next == ']')
                    {
                        return list;
                    }

                    if (next != ',')
                    {
                        throw Error("expected ',' or ']'");
                    }
                }
            }

            private string ReadString()
            {
                var b = new StringBuilder();
                _i++;
                while (true)
                {
                    if (_i >= _s.Length || _s[_i] == '\n')
                    {
                        throw Error("unterminated string");
                    }

                    char c = _s[_i++];
                    if (c == '"')
                    {
                        return b.ToString();
                    }

                    if (c != '\\')
                    {
                        b.Append(c);
                        continue;
                    }

                    if (_i >= _s.Length)
                    {
                        throw Error("unterminated string");
                    }

                    char e = _s[_i++];
                    switch (e)
                    {
                        case '"': b.Append('"'); break;
                        case '\\': b.Append('\\'); break;
                        case '/': b.Append('/'); break;
                        case 'n': b.Append('\n'); break;
                        case 'r': b.Append('\r'); break;
                        case 't': b.Append('\t'); break;
                        case 'b': b.Append('\b'); break;
                        case 'f': b.Append('\f'); break;
                        case 'u':
                            if (_i + 4 > _s.Length || !int.TryParse(_s.Substring(_i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int code))
                            {
                                throw Error("bad \\u escape");
                            }

                            b.Append((char)code);
                            _i += 4;
                            break;
                        default:
                            throw Error("bad escape \\" + e);
                    }
                }
            }

            private void Literal(string word)
            {
                if (string.CompareOrdinal(_s, _i, word, 0, word.Length) != 0)
                {
                    throw Error("unexpected text");
                }

                _i += word.Length;
            }

            private void Expect(char c)
            {
                if (Peek() != c)
                {
                    throw Error("expected '" + c + "'");
                }

                _i++;
            }

            private char Peek() => _i < _s.Length ? _s[_i] : '\0';

            private void Space()
            {
                while (_i < _s.Length && char.IsWhiteSpace(_s[_i]))
                {
                    if (_s[_i] == '\n')
                    {
                        _line++;
                    }

                    _i++;
                }
            }

            private FormatException Error(string message) =>
                new FormatException("line " + _line.ToString(CultureInfo.InvariantCulture) + ": " + message);
        }
    }
}
