using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace PiiGuard.OpenTelemetry
{
    /// <summary>
    /// Which tag (attribute) names carry personal data, and of what kind. A name is looked up, in this order: the names given
    /// to <see cref="Mask"/> and <see cref="Ignore"/>; OpenTelemetry's user conventions (<see cref="UseSemanticConventions"/>);
    /// the members of a PiiGuard inventory (<see cref="AddInventory"/>), by the last dot-separated segment of the tag name;
    /// PiiGuard's personal-data naming rules (<see cref="InferKindFromName"/>, the rules of PII008).
    /// </summary>
    public sealed class PiiGuardTagOptions
    {
        // OpenTelemetry namespaces whose attributes describe the system, not a person: never inferred from their words
        // (server.address is a host, db.name a database). Explicit names and the inventory still apply to them.
        private static readonly string[] SystemNamespaces =
        {
            "http.", "url.", "server.", "network.", "net.", "db.", "rpc.", "messaging.", "otel.", "service.", "telemetry.",
            "host.", "process.", "os.", "k8s.", "container.", "cloud.", "faas.", "code.", "thread.", "error.", "exception.",
            "deployment.", "peer.", "aws.", "azure.", "gcp.", "system.", "signalr.", "dotnet.", "aspnetcore.", "kestrel.",
        };

        private readonly Dictionary<string, TagRule?> _explicit = new Dictionary<string, TagRule?>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, TagRule> _inventory = new Dictionary<string, TagRule>(StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// Whether OpenTelemetry's user attributes are masked: <c>user.email</c>, <c>user.full_name</c>, <c>user.name</c>,
        /// <c>user.phone</c>, and the client's IP address (<c>client.address</c>, <c>http.client_ip</c>). <c>user.id</c> and
        /// <c>enduser.id</c> (pseudonymous keys) are not. Default: true.
        /// </summary>
        public bool UseSemanticConventions { get; set; } = true;

        /// <summary>
        /// Whether a tag whose name says personal data (<c>customer.email</c>, <c>patient_phone</c>, <c>id_card</c>,
        /// <c>shenfenzheng</c>) is masked by the kind its name says, as PII008 recognises member names. Tags in
        /// OpenTelemetry's system namespaces (<c>http.*</c>, <c>server.*</c>, <c>db.*</c>…) are not inferred. Default: true.
        /// </summary>
        public bool InferKindFromName { get; set; } = true;

        /// <summary>Masks a tag by a kind's convention (or by a style that overrides it).</summary>
        /// <param name="tagName">The tag name, compared without case.</param>
        /// <param name="kind">The kind of personal data it carries.</param>
        /// <param name="style">The mask style.</param>
        /// <returns>These options, for chaining.</returns>
        public PiiGuardTagOptions Mask(string tagName, PiiKind kind, MaskStyle style = MaskStyle.Default)
        {
            _explicit[tagName ?? throw new ArgumentNullException(nameof(tagName))] = new TagRule(kind, style);
            return this;
        }

        /// <summary>Never masks a tag, whatever its name says.</summary>
        /// <param name="tagName">The tag name, compared without case.</param>
        /// <returns>These options, for chaining.</returns>
        public PiiGuardTagOptions Ignore(string tagName)
        {
            _explicit[tagName ?? throw new ArgumentNullException(nameof(tagName))] = null;
            return this;
        }

        /// <summary>
        /// Reads the personal members of a PiiGuard inventory (<c>piiguard-inventory.json</c>, schema
        /// <c>piiguard-inventory/1</c>): a tag whose last segment is a member's name (<c>order.ResidentId</c>,
        /// <c>resident_id</c>) is masked by that member's kind. A missing or unreadable file is an error, not silence.
        /// </summary>
        /// <param name="path">The inventory file.</param>
        /// <returns>These options, for chaining.</returns>
        public PiiGuardTagOptions AddInventory(string path)
        {
            using FileStream stream = File.OpenRead(path ?? throw new ArgumentNullException(nameof(path)));
            using JsonDocument document = JsonDocument.Parse(stream);
            if (!document.RootElement.TryGetProperty("members", out JsonElement members) || members.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException($"{path} is not a PiiGuard inventory (no \"members\" array).");
            }

            foreach (JsonElement member in members.EnumerateArray())
            {
                if (member.TryGetProperty("member", out JsonElement name) && name.GetString() is { Length: > 0 } memberName
                    && member.TryGetProperty("kind", out JsonElement kindName) && Enum.TryParse(kindName.GetString(), ignoreCase: false, out PiiKind kind))
                {
                    _inventory[Normalize(memberName)] = new TagRule(kind, MaskStyle.Default);
                }
            }

            return this;
        }

        /// <summary>The rule for a tag name, or null when the tag is not personal data.</summary>
        internal TagRule? Resolve(string tagName)
        {
            if (_explicit.TryGetValue(tagName, out TagRule? rule))
            {
                return rule;
            }

            if (UseSemanticConventions && SemanticConvention(tagName) is TagRule convention)
            {
                return convention;
            }

            if (_inventory.Count > 0)
            {
                int dot = tagName.LastIndexOf('.');
                if (_inventory.TryGetValue(Normalize(dot < 0 ? tagName : tagName.Substring(dot + 1)), out TagRule fromInventory))
                {
                    return fromInventory;
                }
            }

            if (InferKindFromName && !IsSystemNamespace(tagName)
                && PiiGuard.Analyzers.Core.PersonalDataNames.Recognise(tagName.Replace('.', '_')) is { } match
                && Enum.TryParse(match.Kind, ignoreCase: false, out PiiKind inferred))
            {
                return new TagRule(inferred, MaskStyle.Default);
            }

            return null;
        }

        private static TagRule? SemanticConvention(string tagName)
        {
            switch (tagName.ToLowerInvariant())
            {
                case "user.email":
                case "enduser.email":
                    return new TagRule(PiiKind.Email, MaskStyle.Default);
                case "user.full_name":
                    return new TagRule(PiiKind.Name, MaskStyle.Default);
                case "user.name":
                    return new TagRule(PiiKind.Username, MaskStyle.Default);
                case "user.phone":
                case "user.phone_number":
                    return new TagRule(PiiKind.Phone, MaskStyle.Default);
                case "client.address":
                case "client.socket.address":
                case "http.client_ip":
                    return new TagRule(PiiKind.IpAddress, MaskStyle.Default);
                default:
                    return null;
            }
        }

        private static bool IsSystemNamespace(string tagName)
        {
            foreach (string ns in SystemNamespaces)
            {
                if (tagName.StartsWith(ns, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private static string Normalize(string name) => name.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
    }

    /// <summary>How one tag is masked.</summary>
    internal readonly record struct TagRule(PiiKind Kind, MaskStyle Style);
}
