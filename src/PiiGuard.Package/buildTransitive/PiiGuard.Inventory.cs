// PiiGuard personal-data inventory: turns PiiGuard diagnostics into the inventory document (docs/inventory.md).
// One source, two users: the MSBuild task below (compiled by RoslynCodeTaskFactory from the package's
// buildTransitive folder when PiiGuardInventory=true; it reads the compiler's SARIF ErrorLog) and the piiguard
// tool (src/PiiGuard.Tool links this file and defines PIIGUARD_TOOL; it feeds the diagnostics it computed itself).
// Dependency-free C# (no System.Text.Json: the inline task compiles against netstandard only).
#nullable enable
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace PiiGuard.Inventory
{
    /// <summary>One PiiGuard diagnostic, as read from SARIF or from the compiler.</summary>
    public sealed class InventoryRecord
    {
        /// <summary>PII001…</summary>
        public string RuleId { get; set; } = "";

        /// <summary>error, warning, note (info), none.</summary>
        public string Level { get; set; } = "warning";

        /// <summary>The rendered message.</summary>
        public string Message { get; set; } = "";

        /// <summary>The source file (path or file URI).</summary>
        public string File { get; set; } = "";

        /// <summary>1-based line.</summary>
        public int Line { get; set; }

        /// <summary>1-based column.</summary>
        public int Column { get; set; }

        /// <summary>The project the diagnostic belongs to.</summary>
        public string Project { get; set; } = "";

        /// <summary>The diagnostic's properties (SARIF customProperties).</summary>
        public Dictionary<string, string> Properties { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>
        /// Empty when the finding is reported; otherwise what accepts it: "baseline" (piiguard.baseline.json), "exception"
        /// (a reviewed exception: [PiiAccepted] or a baseline entry with a reason) or "source" (#pragma, SuppressMessage).
        /// </summary>
        public string Suppression { get; set; } = "";

        /// <summary>For an exception: the reason, the reviewer and the expiry date, where the reader knows them (the tool).</summary>
        public string Reason { get; set; } = "";

        /// <summary>The reviewer of an exception.</summary>
        public string Reviewer { get; set; } = "";

        /// <summary>The expiry date of an exception (yyyy-MM-dd).</summary>
        public string Expires { get; set; } = "";
    }

    /// <summary>A personal-data member.</summary>
    public sealed class InventoryMember
    {
        /// <summary>Full name of the containing type.</summary>
        public string Type { get; set; } = "";

        /// <summary>Member name.</summary>
        public string Member { get; set; } = "";

        /// <summary>PiiKind name.</summary>
        public string Kind { get; set; } = "Other";

        /// <summary>Sensitive personal information.</summary>
        public bool Sensitive { get; set; }

        /// <summary>Pii, PersonalData, DataClassification, or Name (found by its name, PII008: not annotated).</summary>
        public string Source { get; set; } = "Pii";

        /// <summary>Project.</summary>
        public string Project { get; set; } = "";

        /// <summary>
        /// The referenced assembly that declares the member (IdentityUser's Email: "Microsoft.Extensions.Identity.Stores");
        /// empty for a member declared in the scanned code. For a referenced member, File and Line are its first use.
        /// </summary>
        public string Assembly { get; set; } = "";

        /// <summary>Declaration file.</summary>
        public string File { get; set; } = "";

        /// <summary>Declaration line.</summary>
        public int Line { get; set; }

        /// <summary>The regimes that name the kind.</summary>
        public IReadOnlyList<string> Regimes => InventoryRegimes.For(Kind);

        /// <summary>"Customer.Email" (short type name).</summary>
        public string ShortName => ShortType(Type) + "." + Member;

        internal static string ShortType(string type)
        {
            int generic = type.IndexOf('<');
            string head = generic < 0 ? type : type.Substring(0, generic);
            int dot = head.LastIndexOf('.');
            return dot < 0 ? type : type.Substring(dot + 1);
        }
    }

    /// <summary>Personal data reaching a sink.</summary>
    public sealed class InventoryFlow
    {
        /// <summary>Containing type of the member, when known.</summary>
        public string Type { get; set; } = "";

        /// <summary>The member, or the carrier as the diagnostic names it.</summary>
        public string Member { get; set; } = "";

        /// <summary>PiiKind name.</summary>
        public string Kind { get; set; } = "";

        /// <summary>The sink ("ILogger.LogInformation").</summary>
        public string Sink { get; set; } = "";

        /// <summary>leaking, masked or pseudonymised.</summary>
        public string State { get; set; } = "leaking";

        /// <summary>The diagnostic id that reports the flow.</summary>
        public string Rule { get; set; } = "";

        /// <summary>The sanitizer of a protected flow.</summary>
        public string Sanitizer { get; set; } = "";

        /// <summary>"name" when the kind was inferred from the carrier's name (name-based discovery), else empty.</summary>
        public string Inferred { get; set; } = "";

        /// <summary>Project.</summary>
        public string Project { get; set; } = "";

        /// <summary>File.</summary>
        public string File { get; set; } = "";

        /// <summary>Line.</summary>
        public int Line { get; set; }
    }

    /// <summary>Which regimes name a kind of personal data. The table with its sources is docs/inventory.md.</summary>
    public static class InventoryRegimes
    {
        /// <summary>PIPL Art. 28 sensitive personal information.</summary>
        public const string Pipl = "PIPL Art. 28 sensitive";

        /// <summary>GDPR Art. 9 special categories.</summary>
        public const string Gdpr9 = "GDPR Art. 9";

        /// <summary>GDPR Art. 10 criminal convictions and offences.</summary>
        public const string Gdpr10 = "GDPR Art. 10";

        /// <summary>CCPA/CPRA sensitive personal information.</summary>
        public const string Ccpa = "CCPA sensitive";

        /// <summary>HIPAA Safe Harbor identifier.</summary>
        public const string Hipaa = "HIPAA identifier";

        private static readonly Dictionary<string, string[]> Table = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["Name"] = new[] { Hipaa },
            ["Email"] = new[] { Hipaa },
            ["Phone"] = new[] { Hipaa },
            ["PostalAddress"] = new[] { Hipaa },
            ["DateOfBirth"] = new[] { Hipaa },
            ["NationalId"] = new[] { Pipl, Ccpa, Hipaa },
            ["Passport"] = new[] { Pipl, Ccpa, Hipaa },
            ["DriverLicense"] = new[] { Pipl, Ccpa, Hipaa },
            ["TaxId"] = new[] { Hipaa },
            ["BankAccount"] = new[] { Pipl, Ccpa, Hipaa },
            ["PaymentCard"] = new[] { Pipl, Ccpa, Hipaa },
            ["IpAddress"] = new[] { Hipaa },
            ["DeviceId"] = new[] { Hipaa },
            ["OnlineId"] = new[] { Hipaa },
            ["Location"] = new[] { Pipl, Ccpa, Hipaa },
            ["Biometric"] = new[] { Pipl, Gdpr9, Ccpa, Hipaa },
            ["Photo"] = new[] { Pipl, Hipaa },
            ["Genetic"] = new[] { Pipl, Gdpr9, Ccpa },
            ["Health"] = new[] { Pipl, Gdpr9, Ccpa },
            ["Religion"] = new[] { Pipl, Gdpr9, Ccpa },
            ["Ethnicity"] = new[] { Pipl, Gdpr9, Ccpa },
            ["SexualOrientation"] = new[] { Pipl, Gdpr9, Ccpa },
            ["PoliticalOpinion"] = new[] { Pipl, Gdpr9 },
            ["TradeUnion"] = new[] { Pipl, Gdpr9, Ccpa },
            ["CriminalRecord"] = new[] { Pipl, Gdpr10 },
            ["Immigration"] = new[] { Pipl, Ccpa },
            ["MessageContent"] = new[] { Ccpa },
            ["Username"] = new string[0],
            ["Other"] = new string[0],
        };

        /// <summary>The regimes that name a kind (every kind is personal data under GDPR Art. 4(1) and PIPL Art. 4).</summary>
        public static IReadOnlyList<string> For(string kind) => Table.TryGetValue(kind, out string[]? regimes) ? regimes : new string[0];
    }

    /// <summary>The inventory: personal members, the sinks they reach, and every PiiGuard finding.</summary>
    public sealed class InventoryDocument
    {
        private static readonly string[] LeakRules = { "PII001", "PII002", "PII003", "PII004", "PII005", "PII006", "PII007" };

        /// <summary>Personal-data members, sorted by type and member.</summary>
        public List<InventoryMember> Members { get; } = new List<InventoryMember>();

        /// <summary>Flows into sinks.</summary>
        public List<InventoryFlow> Flows { get; } = new List<InventoryFlow>();

        /// <summary>Every PiiGuard diagnostic other than the inventory's own (PII201/PII202).</summary>
        public List<InventoryRecord> Findings { get; } = new List<InventoryRecord>();

        /// <summary>The projects scanned.</summary>
        public List<string> Projects { get; } = new List<string>();

        /// <summary>Findings reported as suppressed: accepted by the baseline, a reviewed exception, or a suppression in source.</summary>
        public List<InventoryRecord> Accepted { get; } = new List<InventoryRecord>();

        /// <summary>
        /// Builds the inventory from PiiGuard diagnostics. Everything is read from the diagnostics' properties (SARIF
        /// <c>customProperties</c>; the keys are PiiGuard.Analyzers.DiagnosticPropertyNames, listed in docs/inventory.md),
        /// never from their messages, whose wording may change.
        /// </summary>
        public static InventoryDocument Build(IEnumerable<InventoryRecord> records, IEnumerable<string> projects)
        {
            var document = new InventoryDocument();
            document.Projects.AddRange(projects.Distinct(StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal));
            var members = new Dictionary<string, InventoryMember>(StringComparer.Ordinal);
            var flowKeys = new HashSet<string>(StringComparer.Ordinal);
            var pending = new List<InventoryRecord>();
            foreach (InventoryRecord record in records)
            {
                string id = record.RuleId;
                if (id == "PII201")
                {
                    var member = new InventoryMember
                    {
                        Type = Get(record, "type"),
                        Member = NameOf(record),
                        Kind = Get(record, "piiKind", "Other"),
                        Sensitive = Get(record, "sensitivity") == "sensitive",
                        Source = Get(record, "source", "Pii"),
                        Assembly = Get(record, "assembly"),
                        Project = record.Project,
                        File = record.File,
                        Line = record.Line,
                    };
                    members[member.Type + "." + member.Member] = member;
                }
                else if (id == "PII008")
                {
                    pending.Add(record);
                }
                else if (id == "PII202")
                {
                    AddFlow(document, flowKeys, new InventoryFlow
                    {
                        Type = Get(record, "type"),
                        Member = NameOf(record),
                        Kind = Get(record, "piiKind"),
                        Sink = Get(record, "sink"),
                        State = Get(record, "state", "masked"),
                        Sanitizer = Get(record, "sanitizer"),
                        Rule = id,
                        Project = record.Project,
                        File = record.File,
                        Line = record.Line,
                    });
                }
                else if (id == "PII110" && record.Suppression.Length > 0)
                {
                    // The build reports PII110 for every baseline entry of the project and suppresses it for those that match
                    // a finding: a suppressed PII110 is a live entry, not an accepted finding.
                }
                else if (id.StartsWith("PII", StringComparison.Ordinal))
                {
                    (record.Suppression.Length == 0 ? document.Findings : document.Accepted).Add(record);
                }
            }

            // PII008: members found by their names only (no annotation); kept unless the same member is annotated.
            foreach (InventoryRecord record in pending)
            {
                string kind = Get(record, "piiKind", "Other");
                var member = new InventoryMember
                {
                    Type = Get(record, "type"),
                    Member = NameOf(record),
                    Kind = kind,
                    Sensitive = record.Properties.ContainsKey("sensitivity") ? Get(record, "sensitivity") == "sensitive" : IsSensitiveKind(kind),
                    Source = "Name",
                    Project = record.Project,
                    File = record.File,
                    Line = record.Line,
                };
                string key = member.Type + "." + member.Member;
                if (!members.ContainsKey(key))
                {
                    members[key] = member;
                }
            }

            document.Members.AddRange(members.Values.OrderBy(m => m.Type, StringComparer.Ordinal).ThenBy(m => m.Member, StringComparer.Ordinal));

            // Accepted findings still are flows: the data goes there, and the inventory says so.
            foreach (InventoryRecord finding in document.Findings.Concat(document.Accepted))
            {
                if (Array.IndexOf(LeakRules, finding.RuleId) < 0)
                {
                    continue;
                }

                // "member" names the carrier as the rule does: "Customer.Email", "Customer" (a whole object), "email" (a parameter).
                string carrier = Get(finding, "member");
                string type = Get(finding, "type");
                string name = Get(finding, "name");
                InventoryMember? member = type.Length > 0
                    ? document.Members.FirstOrDefault(m => m.Type == type && (name.Length == 0 || m.Member == name)) // by symbol: exact
                    : document.Members.FirstOrDefault(m => m.ShortName == carrier) // by the short name the rule reports
                        ?? document.Members.FirstOrDefault(m => InventoryMember.ShortType(m.Type) == carrier);
                bool whole = finding.RuleId == "PII005" || finding.RuleId == "PII006";
                AddFlow(document, flowKeys, new InventoryFlow
                {
                    Type = member?.Type ?? "",
                    Member = member is null ? carrier : whole && member.ShortName != carrier ? "(whole object)" : member.Member,
                    Kind = Get(finding, "piiKind"),
                    Sink = Get(finding, "sink"),
                    State = "leaking",
                    Rule = finding.RuleId,
                    Inferred = Get(finding, "inferred"),
                    Project = finding.Project,
                    File = finding.File,
                    Line = finding.Line,
                });
            }

            document.Flows.Sort((a, b) =>
            {
                int c = string.CompareOrdinal(a.File, b.File);
                return c != 0 ? c : a.Line.CompareTo(b.Line) != 0 ? a.Line.CompareTo(b.Line) : string.CompareOrdinal(a.Member, b.Member);
            });
            return document;
        }

        private static void AddFlow(InventoryDocument document, HashSet<string> keys, InventoryFlow flow)
        {
            if (keys.Add(flow.Type + "|" + flow.Member + "|" + flow.Sink + "|" + flow.State + "|" + flow.File + "|" + flow.Line.ToString(CultureInfo.InvariantCulture)))
            {
                document.Flows.Add(flow);
            }
        }

        /// <summary>The member's own name: "name", or what follows the type in "member" ("Customer.Email" -> "Email").</summary>
        private static string NameOf(InventoryRecord record)
        {
            string name = Get(record, "name");
            if (name.Length > 0)
            {
                return name;
            }

            string member = Get(record, "member");
            int dot = member.LastIndexOf('.');
            return dot < 0 ? member : member.Substring(dot + 1);
        }

        private static string Get(InventoryRecord record, string key, string fallback = "") =>
            record.Properties.TryGetValue(key, out string? value) && value != null ? value : fallback;

        private static bool IsSensitiveKind(string kind) => Array.IndexOf(new[]
        {
            "NationalId", "Passport", "DriverLicense", "BankAccount", "PaymentCard", "Location", "Biometric", "Photo",
            "Genetic", "Health", "Religion", "Ethnicity", "SexualOrientation", "PoliticalOpinion", "TradeUnion",
            "CriminalRecord", "Immigration",
        }, kind) >= 0;

        /// <summary>The inventory as JSON (schema "piiguard-inventory/1", docs/inventory.md).</summary>
        public string ToJson()
        {
            var w = new StringBuilder();
            w.Append("{\n  \"schema\": \"piiguard-inventory/1\",\n");
            w.Append("  \"projects\": [").Append(string.Join(", ", Projects.Select(Quote))).Append("],\n");
            w.Append("  \"summary\": {")
                .Append("\"members\": ").Append(Members.Count.ToString(CultureInfo.InvariantCulture))
                .Append(", \"sensitiveMembers\": ").Append(Members.Count(m => m.Sensitive).ToString(CultureInfo.InvariantCulture))
                .Append(", \"flows\": ").Append(Flows.Count.ToString(CultureInfo.InvariantCulture))
                .Append(", \"leaking\": ").Append(Flows.Count(f => f.State == "leaking").ToString(CultureInfo.InvariantCulture))
                .Append(", \"masked\": ").Append(Flows.Count(f => f.State == "masked").ToString(CultureInfo.InvariantCulture))
                .Append(", \"pseudonymised\": ").Append(Flows.Count(f => f.State == "pseudonymised").ToString(CultureInfo.InvariantCulture))
                .Append(", \"findings\": ").Append(Findings.Count.ToString(CultureInfo.InvariantCulture))
                .Append("},\n");
            w.Append("  \"members\": [");
            for (int i = 0; i < Members.Count; i++)
            {
                InventoryMember m = Members[i];
                w.Append(i == 0 ? "\n" : ",\n").Append("    {")
                    .Append("\"type\": ").Append(Quote(m.Type))
                    .Append(", \"member\": ").Append(Quote(m.Member))
                    .Append(", \"kind\": ").Append(Quote(m.Kind))
                    .Append(", \"sensitive\": ").Append(m.Sensitive ? "true" : "false")
                    .Append(", \"source\": ").Append(Quote(m.Source))
                    .Append(", \"regimes\": [").Append(string.Join(", ", m.Regimes.Select(Quote))).Append(']')
                    .Append(", \"assembly\": ").Append(Quote(m.Assembly))
                    .Append(", \"project\": ").Append(Quote(m.Project))
                    .Append(", \"file\": ").Append(Quote(m.File))
                    .Append(", \"line\": ").Append(m.Line.ToString(CultureInfo.InvariantCulture))
                    .Append(", \"sinks\": [");
                var sinks = Flows.Where(f => f.Type == m.Type && f.Member == m.Member).ToList();
                for (int j = 0; j < sinks.Count; j++)
                {
                    InventoryFlow f = sinks[j];
                    w.Append(j == 0 ? "" : ", ").Append("{\"sink\": ").Append(Quote(f.Sink))
                        .Append(", \"state\": ").Append(Quote(f.State))
                        .Append(", \"rule\": ").Append(Quote(f.Rule))
                        .Append(", \"at\": ").Append(Quote(f.File + ":" + f.Line.ToString(CultureInfo.InvariantCulture))).Append('}');
                }

                w.Append("]}");
            }

            w.Append(Members.Count == 0 ? "],\n" : "\n  ],\n");
            w.Append("  \"flows\": [");
            for (int i = 0; i < Flows.Count; i++)
            {
                InventoryFlow f = Flows[i];
                w.Append(i == 0 ? "\n" : ",\n").Append("    {")
                    .Append("\"type\": ").Append(Quote(f.Type))
                    .Append(", \"member\": ").Append(Quote(f.Member))
                    .Append(", \"kind\": ").Append(Quote(f.Kind))
                    .Append(", \"sink\": ").Append(Quote(f.Sink))
                    .Append(", \"state\": ").Append(Quote(f.State))
                    .Append(", \"rule\": ").Append(Quote(f.Rule))
                    .Append(", \"sanitizer\": ").Append(Quote(f.Sanitizer))
                    .Append(", \"inferred\": ").Append(Quote(f.Inferred))
                    .Append(", \"project\": ").Append(Quote(f.Project))
                    .Append(", \"file\": ").Append(Quote(f.File))
                    .Append(", \"line\": ").Append(f.Line.ToString(CultureInfo.InvariantCulture))
                    .Append('}');
            }

            w.Append(Flows.Count == 0 ? "],\n" : "\n  ],\n");
            w.Append("  \"findings\": [");
            for (int i = 0; i < Findings.Count; i++)
            {
                InventoryRecord r = Findings[i];
                w.Append(i == 0 ? "\n" : ",\n").Append("    {")
                    .Append("\"rule\": ").Append(Quote(r.RuleId))
                    .Append(", \"level\": ").Append(Quote(r.Level))
                    .Append(", \"message\": ").Append(Quote(r.Message))
                    .Append(", \"inferred\": ").Append(Quote(Get(r, "inferred")))
                    .Append(", \"project\": ").Append(Quote(r.Project))
                    .Append(", \"file\": ").Append(Quote(r.File))
                    .Append(", \"line\": ").Append(r.Line.ToString(CultureInfo.InvariantCulture))
                    .Append('}');
            }

            w.Append(Findings.Count == 0 ? "],\n" : "\n  ],\n");
            w.Append("  \"accepted\": [");
            for (int i = 0; i < Accepted.Count; i++)
            {
                InventoryRecord r = Accepted[i];
                w.Append(i == 0 ? "\n" : ",\n").Append("    {")
                    .Append("\"rule\": ").Append(Quote(r.RuleId))
                    .Append(", \"by\": ").Append(Quote(r.Suppression))
                    .Append(", \"reason\": ").Append(Quote(r.Reason))
                    .Append(", \"reviewer\": ").Append(Quote(r.Reviewer))
                    .Append(", \"expires\": ").Append(Quote(r.Expires))
                    .Append(", \"member\": ").Append(Quote(Get(r, "member")))
                    .Append(", \"sink\": ").Append(Quote(Get(r, "sink")))
                    .Append(", \"message\": ").Append(Quote(r.Message))
                    .Append(", \"project\": ").Append(Quote(r.Project))
                    .Append(", \"file\": ").Append(Quote(r.File))
                    .Append(", \"line\": ").Append(r.Line.ToString(CultureInfo.InvariantCulture))
                    .Append('}');
            }

            w.Append(Accepted.Count == 0 ? "]\n}\n" : "\n  ]\n}\n");
            return w.ToString();
        }

        /// <summary>A JSON string literal.</summary>
        public static string Quote(string? value)
        {
            var s = new StringBuilder("\"");
            foreach (char c in value ?? "")
            {
                switch (c)
                {
                    case '"': s.Append("\\\""); break;
                    case '\\': s.Append("\\\\"); break;
                    case '\n': s.Append("\\n"); break;
                    case '\r': s.Append("\\r"); break;
                    case '\t': s.Append("\\t"); break;
                    default:
                        if (c < ' ' || c == '<' || c == '>' || c == '&')
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
    }

    /// <summary>A small JSON reader (objects, arrays, strings, numbers, literals) for SARIF logs.</summary>
    public static class SarifReader
    {
        /// <summary>The PiiGuard results of a SARIF 2.1 (or 1.0) log written by the C# compiler.</summary>
        public static List<InventoryRecord> Read(string text, string project)
        {
            var records = new List<InventoryRecord>();
            int position = 0;
            object? root = ParseValue(text, ref position);
            foreach (object? run in AsList(Field(root, "runs")))
            {
                foreach (object? result in AsList(Field(run, "results")))
                {
                    string id = Field(result, "ruleId") as string ?? "";
                    if (!id.StartsWith("PII", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var record = new InventoryRecord { RuleId = id, Project = project, Level = Field(result, "level") as string ?? "warning" };
                    object? message = Field(result, "message");
                    record.Message = message as string ?? Field(message, "text") as string ?? "";
                    object? location = AsList(Field(result, "locations")).FirstOrDefault();
                    object? physical = Field(location, "physicalLocation") ?? Field(location, "resultFile");
                    object? artifact = Field(physical, "artifactLocation") ?? physical;
                    record.File = LocalPath(Field(artifact, "uri") as string ?? "");
                    object? region = Field(physical, "region");
                    record.Line = (int)(Field(region, "startLine") as double? ?? 0);
                    record.Column = (int)(Field(region, "startColumn") as double? ?? 0);
                    foreach (object? suppression in AsList(Field(result, "suppressions")))
                    {
                        // The compiler writes a DiagnosticSuppressor's id in properties.suppressionType
                        // ("DiagnosticSuppressor { Suppression Id: PIIB001, … }"): PIIB… the baseline, PIIA… a reviewed exception.
                        string type = Field(Field(suppression, "properties"), "suppressionType") as string ?? "";
                        string justification = Field(suppression, "justification") as string ?? "";
                        record.Suppression = type.Contains("Suppression Id: PIIB") || justification.StartsWith("In the PiiGuard baseline", StringComparison.Ordinal) ? "baseline"
                            : type.Contains("Suppression Id: PIIA") || justification.StartsWith("A reviewed exception", StringComparison.Ordinal) ? "exception"
                            : "source";
                    }

                    object? bag = Field(Field(result, "properties"), "customProperties") ?? Field(result, "customProperties");
                    if (bag is Dictionary<string, object?> properties)
                    {
                        foreach (KeyValuePair<string, object?> pair in properties)
                        {
                            if (pair.Value is string value)
                            {
                                record.Properties[pair.Key] = value;
                            }
                        }
                    }

                    records.Add(record);
                }
            }

            return records;
        }

        private static string LocalPath(string uri)
        {
            if (uri.StartsWith("file:", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(uri, UriKind.Absolute, out Uri? parsed))
            {
                return parsed.LocalPath;
            }

            return Uri.UnescapeDataString(uri);
        }

        private static object? Field(object? node, string name) =>
            node is Dictionary<string, object?> map && map.TryGetValue(name, out object? value) ? value : null;

        private static IEnumerable<object?> AsList(object? node) => node as List<object?> ?? new List<object?>();

        private static object? ParseValue(string s, ref int i)
        {
            SkipSpace(s, ref i);
            if (i >= s.Length)
            {
                return null;
            }

            char c = s[i];
            if (c == '{')
            {
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                i++;
                SkipSpace(s, ref i);
                if (i < s.Length && s[i] == '}')
                {
                    i++;
                    return map;
                }

                while (i < s.Length)
                {
                    SkipSpace(s, ref i);
                    string key = ParseString(s, ref i);
                    SkipSpace(s, ref i);
                    i++; // ':'
                    map[key] = ParseValue(s, ref i);
                    SkipSpace(s, ref i);
                    if (i < s.Length && s[i++] == '}')
                    {
                        break;
                    }
                }

                return map;
            }

            if (c == '[')
            {
                var list = new List<object?>();
                i++;
                SkipSpace(s, ref i);
                if (i < s.Length && s[i] == ']')
                {
                    i++;
                    return list;
                }

                while (i < s.Length)
                {
                    list.Add(ParseValue(s, ref i));
                    SkipSpace(s, ref i);
                    if (i < s.Length && s[i++] == ']')
                    {
                        break;
                    }
                }

                return list;
            }

            if (c == '"')
            {
                return ParseString(s, ref i);
            }

            int start = i;
            while (i < s.Length && ",}] \t\r\n".IndexOf(s[i]) < 0)
            {
                i++;
            }

            string token = s.Substring(start, i - start);
            if (token == "true" || token == "false")
            {
                return token == "true";
            }

            if (token == "null")
            {
                return null;
            }

            return double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) ? number : (object)token;
        }

        private static string ParseString(string s, ref int i)
        {
            var b = new StringBuilder();
            i++; // opening quote
            while (i < s.Length && s[i] != '"')
            {
                char c = s[i++];
                if (c != '\\' || i >= s.Length)
                {
                    b.Append(c);
                    continue;
                }

                char e = s[i++];
                switch (e)
                {
                    case 'n': b.Append('\n'); break;
                    case 'r': b.Append('\r'); break;
                    case 't': b.Append('\t'); break;
                    case 'b': b.Append('\b'); break;
                    case 'f': b.Append('\f'); break;
                    case 'u':
                        if (i + 4 <= s.Length)
                        {
                            b.Append((char)int.Parse(s.Substring(i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                            i += 4;
                        }

                        break;
                    default: b.Append(e); break;
                }
            }

            i++; // closing quote
            return b.ToString();
        }

        private static void SkipSpace(string s, ref int i)
        {
            while (i < s.Length && char.IsWhiteSpace(s[i]))
            {
                i++;
            }
        }
    }

#if !PIIGUARD_TOOL
    /// <summary>MSBuild task: the compiler's SARIF ErrorLog in, the inventory JSON out.</summary>
    public sealed class PiiGuardWriteInventory : Microsoft.Build.Utilities.Task
    {
        /// <summary>The SARIF ErrorLog the compiler wrote.</summary>
        [Microsoft.Build.Framework.Required]
        public string ErrorLog { get; set; } = "";

        /// <summary>The inventory JSON to write.</summary>
        [Microsoft.Build.Framework.Required]
        public string OutputFile { get; set; } = "";

        /// <summary>The project's name.</summary>
        public string ProjectName { get; set; } = "";

        /// <summary>File paths in the inventory are relative to this folder (the project's), as the piiguard tool writes them for a project.</summary>
        public string BaseDirectory { get; set; } = "";

        /// <inheritdoc />
        public override bool Execute()
        {
            string log = ErrorLog;
            int comma = log.IndexOf(',');
            if (comma >= 0)
            {
                log = log.Substring(0, comma);
            }

            if (!System.IO.File.Exists(log))
            {
                Log.LogWarning(null, "PIIGUARD0002", null, null, 0, 0, 0, 0, "PiiGuardInventory: the compiler wrote no ErrorLog at '{0}'; no inventory written.", log);
                return true;
            }

            List<InventoryRecord> records = SarifReader.Read(System.IO.File.ReadAllText(log), ProjectName);
            if (BaseDirectory.Length > 0)
            {
                string baseUri = new Uri(Path.GetFullPath(BaseDirectory).TrimEnd('/', '\\') + Path.DirectorySeparatorChar).AbsoluteUri;
                foreach (InventoryRecord record in records)
                {
                    if (record.File.Length > 0 && Path.IsPathRooted(record.File))
                    {
                        string relative = Uri.UnescapeDataString(new Uri(baseUri).MakeRelativeUri(new Uri(record.File)).ToString());
                        record.File = relative.StartsWith("../", StringComparison.Ordinal) ? record.File : relative;
                    }
                }
            }

            InventoryDocument document = InventoryDocument.Build(records, new[] { ProjectName });
            string? directory = Path.GetDirectoryName(Path.GetFullPath(OutputFile));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            System.IO.File.WriteAllText(OutputFile, document.ToJson());
            Log.LogMessage(Microsoft.Build.Framework.MessageImportance.High, "PiiGuard inventory: {0} personal members, {1} flows ({2} leaking) -> {3}",
                document.Members.Count, document.Flows.Count, document.Flows.Count(f => f.State == "leaking"), OutputFile);
            return true;
        }
    }
#endif
}
