using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PiiGuard.Inventory;

namespace PiiGuard.Tool
{
    /// <summary>SARIF, Markdown and HTML renderings of a scan.</summary>
    internal static class Reports
    {
        private static readonly string[] States = { "leaking", "masked", "pseudonymised" };

        private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

        // ------------------------------------------------------------------ JSON

        /// <summary>
        /// The inventory JSON (shared with the package's build task) with the tool's own field added last:
        /// <c>candidateSinks</c>, the log-like methods the catalogue does not name (docs/inventory.md). The other fields are
        /// written by <see cref="InventoryDocument.ToJson"/> unchanged.
        /// </summary>
        public static string InventoryJson(Report report)
        {
            string json = report.Inventory.ToJson();
            int end = json.LastIndexOf('}');
            var s = new StringBuilder(json.Substring(0, end).TrimEnd());
            s.Append(",\n  \"candidateSinks\": [");
            for (int i = 0; i < report.CandidateSinks.Count; i++)
            {
                s.Append(i == 0 ? "\n    " : ",\n    ");
                WriteCandidate(s, report.CandidateSinks[i]);
            }

            s.Append(report.CandidateSinks.Count == 0 ? "]\n}\n" : "\n  ]\n}\n");
            return s.ToString();
        }

        private static void WriteCandidate(StringBuilder s, SinkCandidate c)
        {
            static string Q(string value) => InventoryDocument.Quote(value);
            s.Append("{\"method\": ").Append(Q(c.Id))
                .Append(", \"display\": ").Append(Q(c.Display))
                .Append(", \"rule\": \"log\"")
                .Append(", \"parameters\": [").Append(string.Join(", ", c.Parameters.Select(p => p.ToString(CultureInfo.InvariantCulture)))).Append(']')
                .Append(", \"row\": ").Append(Q(c.Row))
                .Append(", \"declaredIn\": ").Append(Q(c.DeclaredIn))
                .Append(", \"calls\": ").Append(I(c.Calls))
                .Append(", \"callsWithData\": ").Append(I(c.CallsWithData))
                .Append(", \"firstCall\": ").Append(Q(c.FirstCall))
                .Append(", \"projects\": [").Append(string.Join(", ", c.Projects.Select(Q))).Append(']')
                .Append(", \"evidence\": [").Append(string.Join(", ", c.Evidence.Select(Q))).Append(']')
                .Append(", \"wrappers\": [");
            for (int i = 0; i < c.Wrappers.Count; i++)
            {
                s.Append(i == 0 ? "" : ", ");
                SinkCandidate w = c.Wrappers[i];
                s.Append("{\"method\": ").Append(Q(w.Id)).Append(", \"display\": ").Append(Q(w.Display))
                    .Append(", \"via\": ").Append(Q(w.Via)).Append(", \"calls\": ").Append(I(w.Calls)).Append(", \"callsWithData\": ").Append(I(w.CallsWithData)).Append('}');
            }

            s.Append("]}");
        }

        // ------------------------------------------------------------------ SARIF

        /// <summary>SARIF 2.1.0: every PiiGuard finding (the inventory entries PII201/PII202 are in the JSON, not here).</summary>
        public static string Sarif(Report report)
        {
            using var stream = new MemoryStream();
            using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                w.WriteStartObject();
                w.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
                w.WriteString("version", "2.1.0");
                w.WriteStartArray("runs");
                w.WriteStartObject();
                w.WriteStartObject("tool");
                w.WriteStartObject("driver");
                w.WriteString("name", "PiiGuard");
                w.WriteString("informationUri", "https://github.com/piiguard/piiguard");
                w.WriteString("version", typeof(Reports).Assembly.GetName().Version?.ToString(3) ?? "0.1.0");
                w.WriteStartArray("rules");
                var descriptors = report.Scans.SelectMany(s => s.Diagnostics).Select(d => d.Descriptor)
                    .GroupBy(d => d.Id).Select(g => g.First()).Where(d => report.Inventory.Findings.Any(f => f.RuleId == d.Id)).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
                foreach (var d in descriptors)
                {
                    w.WriteStartObject();
                    w.WriteString("id", d.Id);
                    w.WriteStartObject("shortDescription");
                    w.WriteString("text", d.Title.ToString(CultureInfo.InvariantCulture));
                    w.WriteEndObject();
                    w.WriteStartObject("fullDescription");
                    w.WriteString("text", d.Description.ToString(CultureInfo.InvariantCulture));
                    w.WriteEndObject();
                    if (!string.IsNullOrEmpty(d.HelpLinkUri))
                    {
                        w.WriteString("helpUri", d.HelpLinkUri);
                    }

                    w.WriteStartObject("properties");
                    w.WriteString("category", d.Category);
                    w.WriteEndObject();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteStartArray("results");
                foreach (InventoryRecord f in report.Inventory.Findings)
                {
                    w.WriteStartObject();
                    w.WriteString("ruleId", f.RuleId);
                    w.WriteString("level", f.Level);
                    w.WriteStartObject("message");
                    w.WriteString("text", f.Message);
                    w.WriteEndObject();
                    w.WriteStartArray("locations");
                    w.WriteStartObject();
                    w.WriteStartObject("physicalLocation");
                    w.WriteStartObject("artifactLocation");
                    w.WriteString("uri", f.File.Replace('\\', '/'));
                    w.WriteString("uriBaseId", "SRCROOT");
                    w.WriteEndObject();
                    w.WriteStartObject("region");
                    w.WriteNumber("startLine", Math.Max(1, f.Line));
                    w.WriteNumber("startColumn", Math.Max(1, f.Column));
                    w.WriteEndObject();
                    w.WriteEndObject();
                    w.WriteEndObject();
                    w.WriteEndArray();
                    // The diagnostic's properties where the C# compiler's own SARIF log puts them (properties.customProperties),
                    // so one reader serves both logs.
                    w.WriteStartObject("properties");
                    w.WriteString("project", f.Project);
                    w.WriteStartObject("customProperties");
                    foreach (var p in f.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
                    {
                        w.WriteString(p.Key, p.Value);
                    }

                    w.WriteEndObject();
                    w.WriteEndObject();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
            }

            return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
        }

        // ------------------------------------------------------------------ Markdown

        /// <summary>The report as Markdown (GitHub flavour).</summary>
        public static string Markdown(Report report)
        {
            InventoryDocument inv = report.Inventory;
            var s = new StringBuilder();
            s.Append("# Personal-data inventory: ").Append(Md(report.Input)).Append("\n\n");
            s.Append("Generated by piiguard (PiiGuard analyzers). Projects: ").Append(string.Join(", ", inv.Projects.Select(Md))).Append(".\n\n");
            s.Append("| personal members | sensitive | leaking flows | masked | pseudonymised | findings |\n|---|---|---|---|---|---|\n");
            s.Append("| ").Append(I(inv.Members.Count)).Append(" | ").Append(I(inv.Members.Count(m => m.Sensitive)))
                .Append(" | ").Append(I(Count(inv, "leaking"))).Append(" | ").Append(I(Count(inv, "masked")))
                .Append(" | ").Append(I(Count(inv, "pseudonymised"))).Append(" | ").Append(I(inv.Findings.Count)).Append(" |\n\n");

            s.Append("## Personal data held\n\n| type | member | kind | sensitive | regimes | found by | declared at |\n|---|---|---|---|---|---|---|\n");
            foreach (InventoryMember m in inv.Members)
            {
                s.Append("| ").Append(Md(m.Type)).Append(" | ").Append(Md(m.Member)).Append(" | ").Append(Md(m.Kind))
                    .Append(" | ").Append(m.Sensitive ? "yes" : "no").Append(" | ").Append(Md(string.Join(", ", m.Regimes)))
                    .Append(" | ").Append(Md(FoundBy(m, "name only (PII008, not annotated)")))
                    .Append(" | ").Append(Md(DeclaredAt(m))).Append(" |\n");
            }

            s.Append("\n## Where it goes\n\n| data | sink | state | rule | at |\n|---|---|---|---|---|\n");
            foreach (InventoryFlow f in inv.Flows)
            {
                s.Append("| ").Append(Md(FlowName(f))).Append(" | ").Append(Md(f.Sink)).Append(" | ")
                    .Append(f.State == "leaking" ? "**leaking**" : f.State + (f.Sanitizer.Length > 0 ? " (" + Md(f.Sanitizer) + ")" : ""))
                    .Append(" | ").Append(f.Rule).Append(" | ").Append(Md(f.File + ":" + I(f.Line))).Append(" |\n");
            }

            s.Append("\n## Findings\n\n| rule | severity | message | at |\n|---|---|---|---|\n");
            foreach (InventoryRecord f in inv.Findings)
            {
                s.Append("| ").Append(f.RuleId).Append(" | ").Append(Severity.Display(f.Level)).Append(" | ").Append(Md(f.Message))
                    .Append(" | ").Append(Md(f.File + ":" + I(f.Line))).Append(" |\n");
            }

            s.Append("\nRegimes: see docs/inventory.md for the mapping of kinds to PIPL Art. 28, GDPR Art. 9/10, CCPA sensitive personal information and HIPAA identifiers.\n");
            return s.ToString();
        }

        private static int Count(InventoryDocument inv, string state) => inv.Flows.Count(f => f.State == state);

        private static string FlowName(InventoryFlow f) => f.Type.Length > 0 ? ShortType(f.Type) + "." + f.Member : f.Member;

        private static string ShortType(string type)
        {
            int dot = type.LastIndexOf('.');
            return dot < 0 ? type : type.Substring(dot + 1);
        }

        // A member of a referenced framework type (IdentityUser.Email) is declared in that assembly: the file and line are its first use.
        private static string FoundBy(InventoryMember m, string byName) =>
            m.Source == "Name" ? byName : m.Assembly.Length > 0 ? m.Source + " (" + m.Assembly + ")" : m.Source;

        private static string DeclaredAt(InventoryMember m) =>
            m.Assembly.Length > 0 ? m.Assembly + ", first used at " + m.File + ":" + I(m.Line) : m.File + ":" + I(m.Line);

        private static string Md(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

        // ------------------------------------------------------------------ HTML

        /// <summary>A self-contained page: summary, a flow diagram (inline SVG) and the tables. No scripts, no external resources.</summary>
        public static string Html(Report report)
        {
            InventoryDocument inv = report.Inventory;
            var s = new StringBuilder();
            s.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>PiiGuard inventory: ").Append(H(report.Input)).Append("</title>\n");
            s.Append("""
                <style>
                body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem;color:#1f2328;background:#fff}
                h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}
                table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}
                th,td{border:1px solid #d0d7de;padding:.3rem .6rem;text-align:left;vertical-align:top}
                th{background:#f6f8fa}
                .cards{display:flex;gap:1rem;flex-wrap:wrap}
                .card{border:1px solid #d0d7de;border-radius:8px;padding:.6rem 1rem;min-width:8rem}
                .card b{display:block;font-size:1.6rem}
                .leaking{color:#cf222e}.masked{color:#1a7f37}.pseudonymised{color:#0969da}
                .chip{display:inline-block;border-radius:10px;padding:0 .5rem;margin:0 .2rem .2rem 0;background:#eef;font-size:.8rem}
                .sensitive{background:#ffebe9}
                svg text{font-size:12px;font-family:inherit}
                .legend span{margin-right:1rem}
                </style>
                </head>
                <body>
                """);
            s.Append("\n<h1>Personal-data inventory: ").Append(H(report.Input)).Append("</h1>\n");
            s.Append("<p>Generated by piiguard from the PiiGuard analyzers. Projects: ").Append(H(string.Join(", ", inv.Projects))).Append(".</p>\n");
            s.Append("<section id=\"summary\" class=\"cards\">\n");
            Card(s, "members", "personal members", inv.Members.Count, "");
            Card(s, "sensitive", "sensitive members", inv.Members.Count(m => m.Sensitive), "");
            Card(s, "leaking", "leaking flows", Count(inv, "leaking"), "leaking");
            Card(s, "masked", "masked flows", Count(inv, "masked"), "masked");
            Card(s, "pseudonymised", "pseudonymised flows", Count(inv, "pseudonymised"), "pseudonymised");
            Card(s, "findings", "findings", inv.Findings.Count, "");
            s.Append("</section>\n");

            s.Append("<h2>How personal data flows</h2>\n");
            s.Append("<p class=\"legend\"><span class=\"leaking\">&#9632; leaking</span><span class=\"masked\">&#9632; masked</span><span class=\"pseudonymised\">&#9632; pseudonymised</span></p>\n");
            Diagram(s, inv);

            s.Append("<h2>Personal data held</h2>\n<table id=\"members\">\n<thead><tr><th>Type</th><th>Member</th><th>Kind</th><th>Sensitive</th><th>Regimes</th><th>Found by</th><th>Declared at</th></tr></thead>\n<tbody>\n");
            foreach (InventoryMember m in inv.Members)
            {
                s.Append("<tr").Append(m.Sensitive ? " class=\"sensitive\"" : "").Append("><td>").Append(H(m.Type)).Append("</td><td>").Append(H(m.Member))
                    .Append("</td><td>").Append(H(m.Kind)).Append("</td><td>").Append(m.Sensitive ? "yes" : "no").Append("</td><td>");
                foreach (string regime in m.Regimes)
                {
                    s.Append("<span class=\"chip\">").Append(H(regime)).Append("</span>");
                }

                s.Append("</td><td>").Append(H(FoundBy(m, "name only (PII008)"))).Append("</td><td>").Append(H(DeclaredAt(m))).Append("</td></tr>\n");
            }

            s.Append("</tbody>\n</table>\n");

            s.Append("<h2>Where it goes</h2>\n<table id=\"flows\">\n<thead><tr><th>Data</th><th>Kind</th><th>Sink</th><th>State</th><th>Rule</th><th>At</th></tr></thead>\n<tbody>\n");
            foreach (InventoryFlow f in inv.Flows)
            {
                s.Append("<tr data-state=\"").Append(H(f.State)).Append("\"><td>").Append(H(FlowName(f))).Append("</td><td>").Append(H(f.Kind)).Append("</td><td>").Append(H(f.Sink))
                    .Append("</td><td class=\"").Append(H(f.State)).Append("\">").Append(H(f.State)).Append(f.Sanitizer.Length > 0 ? " (" + H(f.Sanitizer) + ")" : "")
                    .Append("</td><td>").Append(H(f.Rule)).Append("</td><td>").Append(H(f.File + ":" + I(f.Line))).Append("</td></tr>\n");
            }

            s.Append("</tbody>\n</table>\n");

            s.Append("<h2>Findings</h2>\n<table id=\"findings\">\n<thead><tr><th>Rule</th><th>Severity</th><th>Message</th><th>At</th></tr></thead>\n<tbody>\n");
            foreach (InventoryRecord f in inv.Findings)
            {
                s.Append("<tr><td>").Append(H(f.RuleId)).Append("</td><td>").Append(H(Severity.Display(f.Level))).Append("</td><td>").Append(H(f.Message))
                    .Append("</td><td>").Append(H(f.File + ":" + I(f.Line))).Append("</td></tr>\n");
            }

            s.Append("</tbody>\n</table>\n");
            s.Append("<p>Regimes: PIPL Art. 28 sensitive personal information, GDPR Art. 9 special categories (Art. 10 criminal data), CCPA/CPRA sensitive personal information, HIPAA Safe Harbor identifiers; the mapping and its sources are in docs/inventory.md.</p>\n");
            s.Append("</body>\n</html>\n");
            return s.ToString();
        }

        private static void Card(StringBuilder s, string id, string label, int value, string cssClass)
        {
            s.Append("<div class=\"card\" id=\"card-").Append(id).Append("\"><b class=\"").Append(cssClass).Append("\">").Append(I(value)).Append("</b>").Append(H(label)).Append("</div>\n");
        }

        /// <summary>Three columns (types, members, sinks) joined by curves; member-to-sink curves coloured by state.</summary>
        private static void Diagram(StringBuilder s, InventoryDocument inv)
        {
            const int row = 26;
            const int top = 30;
            const int typeX = 10;
            const int memberX = 300;
            const int sinkX = 640;
            const int boxWidth = 230;

            // Members: the inventory's, plus the carriers of flows that name no inventory member.
            var members = inv.Members.Select(m => (Type: m.Type, Member: m.Member, Sensitive: m.Sensitive)).ToList();
            foreach (InventoryFlow f in inv.Flows)
            {
                if (!members.Any(m => m.Type == f.Type && m.Member == f.Member))
                {
                    members.Add((f.Type, f.Member, false));
                }
            }

            members = members.OrderBy(m => m.Type, StringComparer.Ordinal).ThenBy(m => m.Member, StringComparer.Ordinal).ToList();
            var types = members.Select(m => m.Type).Distinct().ToList();
            var sinks = inv.Flows.Select(f => f.Sink).Where(x => x.Length > 0).Distinct().OrderBy(x => x, StringComparer.Ordinal).ToList();
            int rows = Math.Max(1, Math.Max(members.Count, sinks.Count));
            int height = top + rows * row + 20;
            int width = sinkX + boxWidth + 20;

            double MemberY(int i) => top + i * row + row / 2.0;
            double SinkY(int i) => sinks.Count >= members.Count || sinks.Count <= 1 ? top + i * row + row / 2.0 : top + (i + 0.5) * (members.Count * row) / sinks.Count;
            double TypeY(string type)
            {
                var ys = members.Select((m, i) => (m, i)).Where(x => x.m.Type == type).Select(x => MemberY(x.i)).ToList();
                return ys.Average();
            }

            s.Append("<svg id=\"flow-diagram\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").Append(I(width)).Append("\" height=\"").Append(I(height))
                .Append("\" viewBox=\"0 0 ").Append(I(width)).Append(' ').Append(I(height)).Append("\" role=\"img\" aria-label=\"Personal data flowing from types and members to sinks\">\n");
            s.Append("<text x=\"").Append(I(typeX)).Append("\" y=\"16\" font-weight=\"bold\">Types</text>");
            s.Append("<text x=\"").Append(I(memberX)).Append("\" y=\"16\" font-weight=\"bold\">Personal members</text>");
            s.Append("<text x=\"").Append(I(sinkX)).Append("\" y=\"16\" font-weight=\"bold\">Sinks</text>\n");

            // Edges first, nodes on top.
            for (int i = 0; i < members.Count; i++)
            {
                double y1 = TypeY(members[i].Type);
                double y2 = MemberY(i);
                Curve(s, typeX + boxWidth, y1, memberX, y2, "#8c959f", 1, "type-edge", null);
            }

            // Leaking curves are drawn last (on top); the states of one member-sink pair are drawn side by side.
            foreach (var group in inv.Flows.Where(f => f.Sink.Length > 0).GroupBy(f => (f.Type, f.Member, f.Sink, f.State))
                .OrderBy(g => g.Key.State == "leaking" ? 1 : 0))
            {
                int m = members.FindIndex(x => x.Type == group.Key.Type && x.Member == group.Key.Member);
                int k = sinks.IndexOf(group.Key.Sink);
                string colour = group.Key.State switch { "leaking" => "#cf222e", "masked" => "#1a7f37", _ => "#0969da" };
                string title = FlowTitle(group.Key.Type, group.Key.Member) + " \u2192 " + group.Key.Sink + ": " + group.Key.State + " (" + I(group.Count()) + ")";
                double offset = group.Key.State switch { "leaking" => -4, "masked" => 0, _ => 4 };
                Curve(s, memberX + boxWidth, MemberY(m) + offset, sinkX, SinkY(k) + offset, colour, 1.5 + Math.Min(4, group.Count() - 1), "flow " + group.Key.State, title, group.Key.State);
            }

            foreach (string type in types)
            {
                Node(s, typeX, TypeY(type), boxWidth, type.Length == 0 ? "(local values)" : ShortType(type), "type", "#f6f8fa", type);
            }

            for (int i = 0; i < members.Count; i++)
            {
                Node(s, memberX, MemberY(i), boxWidth, members[i].Member, "member", members[i].Sensitive ? "#ffebe9" : "#ddf4ff", FlowTitle(members[i].Type, members[i].Member));
            }

            for (int k = 0; k < sinks.Count; k++)
            {
                bool leaking = inv.Flows.Any(f => f.Sink == sinks[k] && f.State == "leaking");
                Node(s, sinkX, SinkY(k), boxWidth, sinks[k], "sink", leaking ? "#ffebe9" : "#dafbe1", sinks[k]);
            }

            s.Append("</svg>\n");
        }

        private static string FlowTitle(string type, string member) => type.Length > 0 ? ShortType(type) + "." + member : member;

        private static void Curve(StringBuilder s, double x1, double y1, double x2, double y2, string colour, double width, string cssClass, string? title, string? state = null)
        {
            double mid = (x1 + x2) / 2;
            s.Append("<path class=\"").Append(cssClass).Append('"');
            if (state != null)
            {
                s.Append(" data-state=\"").Append(state).Append('"');
            }

            s.Append(" d=\"M").Append(F(x1)).Append(',').Append(F(y1)).Append(" C").Append(F(mid)).Append(',').Append(F(y1)).Append(' ')
                .Append(F(mid)).Append(',').Append(F(y2)).Append(' ').Append(F(x2)).Append(',').Append(F(y2))
                .Append("\" fill=\"none\" stroke=\"").Append(colour).Append("\" stroke-width=\"").Append(F(width)).Append("\" stroke-opacity=\"0.8\">");
            if (title != null)
            {
                s.Append("<title>").Append(H(title)).Append("</title>");
            }

            s.Append("</path>\n");
        }

        private static void Node(StringBuilder s, double x, double y, int width, string label, string cssClass, string fill, string title)
        {
            string shown = label.Length > 34 ? label.Substring(0, 33) + "\u2026" : label;
            s.Append("<g class=\"node ").Append(cssClass).Append("\"><title>").Append(H(title)).Append("</title><rect x=\"").Append(F(x)).Append("\" y=\"").Append(F(y - 10))
                .Append("\" width=\"").Append(I(width)).Append("\" height=\"20\" rx=\"4\" fill=\"").Append(fill).Append("\" stroke=\"#8c959f\"/><text x=\"").Append(F(x + 6))
                .Append("\" y=\"").Append(F(y + 4)).Append("\">").Append(H(shown)).Append("</text></g>\n");
        }

        private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

        private static string H(string text) => WebUtility.HtmlEncode(text);
    }
}
