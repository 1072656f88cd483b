using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using PiiGuard.Analyzers.Core;

namespace PiiGuard.Analyzers.Flow.Catalog
{
    /// <summary>
    /// The catalogue as Markdown tables, for docs/configuration.md: a test compares the document with this rendering,
    /// so the tables cannot drift from the code.
    /// </summary>
    internal static class CatalogDocs
    {
        public const string Begin = "<!-- catalogue:begin (generated from src/PiiGuard.Analyzers/Flow/Catalog by CatalogDocs; do not edit) -->";
        public const string End = "<!-- catalogue:end -->";

        public static string Render()
        {
            var text = new StringBuilder();
            text.AppendLine(Begin);
            text.AppendLine();
            SinkTable(text, "Logs (PII001)", LoggingSinks.Rows);
            SinkTable(text, "Leaving the process (PII002)", EgressSinks.Rows);
            SinkTable(text, "Telemetry (PII003)", TelemetrySinks.Rows);
            SinkTable(text, "Exceptions (PII004)", ExceptionSinks.Rows);
            SourceTable(text);
            RoleTable(text);
            text.AppendLine(End);
            return text.ToString();
        }

        private static void SinkTable(StringBuilder text, string title, ImmutableArray<SinkRow> rows)
        {
            text.AppendLine("#### " + title);
            text.AppendLine();
            text.AppendLine("| type | members | reads | shown as |");
            text.AppendLine("|---|---|---|---|");
            foreach (SinkRow row in rows)
            {
                string members = row.Shape switch
                {
                    SinkShape.Constructor => "constructors",
                    SinkShape.Container => "`" + row.Members + "` entries (Add, TryAdd, indexer)",
                    SinkShape.Receiver => "`" + row.Members + "`." + "`" + row.ReceiverMethods + "`",
                    SinkShape.DelegateFirstParameter => "delegates taking it first (LoggerMessage.Define)",
                    SinkShape.Property => "`" + row.Members + "` (assigned)",
                    _ => "`" + row.Members + "`",
                };

                var reads = new List<string>();
                if (row.Parameters != null)
                {
                    reads.Add("parameters " + string.Join(", ", row.Parameters.OrderBy(p => p, System.StringComparer.Ordinal).Select(p => "`" + p + "`")));
                }

                if (row.SkipLeading > 0)
                {
                    reads.Add("all but the first " + row.SkipLeading);
                }

                if (row.Mode == SinkMode.Destructure)
                {
                    reads.Add("by reflection");
                }

                if (row.TemplateParameter != null)
                {
                    reads.Add("`{@x}` holes of `" + row.TemplateParameter + "` by reflection");
                }

                if (row.DestructureFlag != null)
                {
                    reads.Add("by reflection when `" + row.DestructureFlag + "` is true");
                }

                if (row.When != null)
                {
                    reads.Add("some overloads");
                }

                Row(text, "`" + row.Type + "`", members, reads.Count == 0 ? "every argument" : string.Join("; ", reads), row.Display);
            }

            text.AppendLine();
        }

        private static void SourceTable(StringBuilder text)
        {
            text.AppendLine("#### Framework sources (always on)");
            text.AppendLine();
            text.AppendLine("| type | member | kind | shown as |");
            text.AppendLine("|---|---|---|---|");
            foreach (SourceRow row in FrameworkSources.Rows)
            {
                string kind = row.Keys is null ? PiiKindInfo.GetName(row.Kind) : "by key: " + KeyKinds(row.Keys);
                string member = "`" + row.Members + "`" + (row.Shape == SourceShape.Method ? " (result)" : "");
                Row(text, "`" + row.Type + "`", member, kind + (row.Pseudonymous ? " (pseudonymous: `strict` only)" : ""), row.Display);
            }

            text.AppendLine();
        }

        /// <summary>A table row; a <c>|</c> inside a cell (member patterns) is escaped so that it does not end the cell.</summary>
        private static void Row(StringBuilder text, params string[] cells) =>
            text.AppendLine("| " + string.Join(" | ", cells.Select(c => c.Replace("|", "\\|"))) + " |");

        private static string KeyKinds(ImmutableDictionary<string, int> keys) =>
            string.Join("; ", keys.GroupBy(k => k.Value).OrderBy(g => g.Key).Select(g =>
                PiiKindInfo.GetName(g.Key) + " " + string.Join(", ", g.Select(k => "`" + k.Key + "`").OrderBy(k => k, System.StringComparer.Ordinal))));

        private static void RoleTable(StringBuilder text)
        {
            text.AppendLine("#### Sanitizers, hashes and serializers");
            text.AppendLine();
            text.AppendLine("| type | members | role |");
            text.AppendLine("|---|---|---|");
            foreach (RoleRow row in Sanitizers.Rows.AddRange(Serializers.Rows))
            {
                string role = row.Role switch
                {
                    MethodRole.Sanitizer => "masks (a sanitizer)",
                    MethodRole.UnkeyedHash => "unkeyed hash (PII007 for low-entropy kinds)",
                    _ => "serializes by reflection (PII005, or PII002 when sent out)",
                };

                Row(text, "`" + row.Type + "`" + (row.Inherit ? " and derived types" : ""), "`" + row.Members + "`", role);
            }

            text.AppendLine();
        }
    }
}
