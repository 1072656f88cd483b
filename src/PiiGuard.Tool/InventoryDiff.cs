using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PiiGuard.Tool
{
    /// <summary>
    /// piiguard diff: what a change does to the personal data of a program, from the inventories of its base and its head
    /// (schema piiguard-inventory/1): personal members added and removed, flows (member → sink, by state) added and removed,
    /// findings new and fixed. Files and lines are not compared (moving code changes nothing). Markdown for a pull-request
    /// comment (stdout, or --md) and JSON (--json). Exit 0: nothing new; 3: new personal members, new flows or new findings,
    /// which a CI job can route to a privacy review (PIPL Art. 55, GDPR Art. 35); 2: an inventory cannot be read.
    /// </summary>
    internal static class InventoryDiff
    {
        /// <summary>The exit code when the head adds personal data, flows or findings.</summary>
        public const int NeedsReview = 3;

        public static int Run(Options options)
        {
            if (options.BaseRef != null)
            {
                return GitBase.Run(options);
            }

            JsonElement head;
            JsonElement @base;
            try
            {
                @base = Load(options.Path);
                head = Load(options.Head);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or FormatException)
            {
                Console.Error.WriteLine("piiguard: " + Program.OneLine(e));
                return 2;
            }

            return Report(@base, head, Path.GetFileName(options.Path), Path.GetFileName(options.Head), options);
        }

        /// <summary>Compares, prints the Markdown, writes --md and --json; the exit code.</summary>
        internal static int Report(JsonElement @base, JsonElement head, string baseName, string headName, Options options)
        {
            Result result = Compare(@base, head);
            string markdown = result.Markdown(baseName, headName);
            try
            {
                if (options.Markdown != null)
                {
                    File.WriteAllText(Path.GetFullPath(options.Markdown), markdown);
                }

                if (options.Json != null)
                {
                    File.WriteAllText(Path.GetFullPath(options.Json), result.Json());
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine("piiguard: cannot write the diff: " + Program.OneLine(e));
                return 2;
            }

            Console.Write(markdown);
            return result.NeedsReview ? NeedsReview : 0;
        }

        /// <summary>Compares two inventories.</summary>
        public static Result Compare(JsonElement @base, JsonElement head)
        {
            var result = new Result();
            Diff(Members(@base), Members(head), result.MembersAdded, result.MembersRemoved);
            Diff(Flows(@base), Flows(head), result.FlowsAdded, result.FlowsRemoved);
            Diff(Findings(@base), Findings(head), result.FindingsNew, result.FindingsFixed);
            return result;
        }

        internal static JsonElement Load(string file)
        {
            string path = Path.GetFullPath(file);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException("no such inventory: " + path);
            }

            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
            JsonElement root = document.RootElement.Clone();
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("schema", out JsonElement schema) || schema.GetString() != "piiguard-inventory/1")
            {
                throw new FormatException(path + " is not a piiguard inventory (schema piiguard-inventory/1; write one with piiguard --json)");
            }

            return root;
        }

        /// <summary>Multiset difference by key: what is in <paramref name="after"/> more often than in <paramref name="before"/>, and the reverse.</summary>
        private static void Diff(List<Item> before, List<Item> after, List<Item> added, List<Item> removed)
        {
            var left = before.GroupBy(i => i.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            var right = after.GroupBy(i => i.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            foreach (KeyValuePair<string, List<Item>> pair in right.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                int had = left.TryGetValue(pair.Key, out List<Item>? old) ? old.Count : 0;
                added.AddRange(pair.Value.Skip(had));
            }

            foreach (KeyValuePair<string, List<Item>> pair in left.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                int has = right.TryGetValue(pair.Key, out List<Item>? now) ? now.Count : 0;
                removed.AddRange(pair.Value.Skip(has));
            }
        }

        private static IEnumerable<JsonElement> Array(JsonElement root, string name) =>
            root.TryGetProperty(name, out JsonElement array) && array.ValueKind == JsonValueKind.Array ? array.EnumerateArray() : Enumerable.Empty<JsonElement>();

        private static string S(JsonElement e, string name) => e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";

        private static string Where(JsonElement e) =>
            S(e, "file") + (e.TryGetProperty("line", out JsonElement line) && line.ValueKind == JsonValueKind.Number ? ":" + line.GetInt32().ToString(CultureInfo.InvariantCulture) : "");

        private static List<Item> Members(JsonElement root) => Array(root, "members").Select(m => new Item(
            S(m, "type") + "." + S(m, "member"),
            new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["type"] = S(m, "type"), ["member"] = S(m, "member"), ["kind"] = S(m, "kind"),
                ["sensitive"] = m.TryGetProperty("sensitive", out JsonElement s) && s.ValueKind == JsonValueKind.True ? "yes" : "no",
                ["source"] = S(m, "source"), ["project"] = S(m, "project"), ["at"] = Where(m),
            })).ToList();

        private static List<Item> Flows(JsonElement root) => Array(root, "flows").Select(f => new Item(
            string.Join("|", S(f, "type"), S(f, "member"), S(f, "sink"), S(f, "state"), S(f, "project")),
            new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["type"] = S(f, "type"), ["member"] = S(f, "member"), ["kind"] = S(f, "kind"), ["sink"] = S(f, "sink"),
                ["state"] = S(f, "state"), ["rule"] = S(f, "rule"), ["project"] = S(f, "project"), ["at"] = Where(f),
            })).ToList();

        private static List<Item> Findings(JsonElement root) => Array(root, "findings").Select(f => new Item(
            string.Join("|", S(f, "rule"), S(f, "message"), S(f, "project")),
            new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["rule"] = S(f, "rule"), ["level"] = S(f, "level"), ["message"] = S(f, "message"), ["project"] = S(f, "project"), ["at"] = Where(f),
            })).ToList();

        /// <summary>One member, flow or finding: its identity (no file or line) and its fields.</summary>
        internal sealed record Item(string Key, SortedDictionary<string, string> Fields)
        {
            public string this[string name] => Fields.TryGetValue(name, out string? value) ? value : "";
        }

        /// <summary>The differences.</summary>
        internal sealed class Result
        {
            public List<Item> MembersAdded { get; } = new List<Item>();

            public List<Item> MembersRemoved { get; } = new List<Item>();

            public List<Item> FlowsAdded { get; } = new List<Item>();

            public List<Item> FlowsRemoved { get; } = new List<Item>();

            public List<Item> FindingsNew { get; } = new List<Item>();

            public List<Item> FindingsFixed { get; } = new List<Item>();

            /// <summary>New personal members, new flows of personal data (leaking, masked or pseudonymised) or new findings.</summary>
            public bool NeedsReview => MembersAdded.Count > 0 || FlowsAdded.Count > 0 || FindingsNew.Count > 0;

            public string Markdown(string baseName, string headName)
            {
                var w = new StringBuilder();
                w.Append("## PiiGuard: personal data in this change\n\n");
                w.Append(string.Format(CultureInfo.InvariantCulture,
                    "{0} personal member(s) added, {1} removed · {2} flow(s) added ({3} leaking), {4} removed · {5} finding(s) new, {6} fixed\n\n",
                    MembersAdded.Count, MembersRemoved.Count, FlowsAdded.Count, FlowsAdded.Count(f => f["state"] == "leaking"), FlowsRemoved.Count, FindingsNew.Count, FindingsFixed.Count));
                if (NeedsReview)
                {
                    w.Append("**Needs a privacy review:** this change adds personal data, flows of it, or findings.\n\n");
                }
                else
                {
                    w.Append("Nothing new: no personal member, flow or finding is added.\n\n");
                }

                Table(w, "Personal members added", MembersAdded, new[] { "type", "member", "kind", "sensitive", "source", "at" });
                Table(w, "Personal members removed", MembersRemoved, new[] { "type", "member", "kind", "sensitive", "source", "at" });
                Table(w, "Flows added", FlowsAdded, new[] { "type", "member", "sink", "state", "rule", "at" });
                Table(w, "Flows removed", FlowsRemoved, new[] { "type", "member", "sink", "state", "rule", "at" });
                Table(w, "Findings new", FindingsNew, new[] { "rule", "level", "message", "at" });
                Table(w, "Findings fixed", FindingsFixed, new[] { "rule", "level", "message", "at" });
                w.Append("<sub>").Append(Escape(baseName)).Append(" → ").Append(Escape(headName)).Append(" · piiguard diff</sub>\n");
                return w.ToString();
            }

            public string Json()
            {
                using var stream = new MemoryStream();
                using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                {
                    w.WriteStartObject();
                    w.WriteString("schema", "piiguard-diff/1");
                    w.WriteBoolean("needsReview", NeedsReview);
                    Write(w, "membersAdded", MembersAdded);
                    Write(w, "membersRemoved", MembersRemoved);
                    Write(w, "flowsAdded", FlowsAdded);
                    Write(w, "flowsRemoved", FlowsRemoved);
                    Write(w, "findingsNew", FindingsNew);
                    Write(w, "findingsFixed", FindingsFixed);
                    w.WriteEndObject();
                }

                return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
            }

            private static void Write(Utf8JsonWriter w, string name, List<Item> items)
            {
                w.WriteStartArray(name);
                foreach (Item item in items)
                {
                    w.WriteStartObject();
                    foreach (KeyValuePair<string, string> field in item.Fields)
                    {
                        if (field.Key == "sensitive")
                        {
                            w.WriteBoolean(field.Key, field.Value == "yes");
                        }
                        else
                        {
                            w.WriteString(field.Key, field.Value);
                        }
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            private static void Table(StringBuilder w, string title, List<Item> items, string[] columns)
            {
                if (items.Count == 0)
                {
                    return;
                }

                w.Append("### ").Append(title).Append(" (").Append(items.Count.ToString(CultureInfo.InvariantCulture)).Append(")\n\n");
                w.Append("| ").Append(string.Join(" | ", columns)).Append(" |\n");
                w.Append('|').Append(string.Concat(columns.Select(_ => "---|"))).Append('\n');
                foreach (Item item in items)
                {
                    w.Append("| ").Append(string.Join(" | ", columns.Select(c => c == "state" && item[c] == "leaking" ? "**leaking**" : Escape(item[c])))).Append(" |\n");
                }

                w.Append('\n');
            }

            private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
        }
    }
}
