using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace PiiGuard.Analyzers.Flow.Catalog
{
    /// <summary>Which members of a type a source row names.</summary>
    internal enum SourceShape
    {
        /// <summary>A property's value (<c>IIdentity.Name</c>, <c>ConnectionInfo.RemoteIpAddress</c>).</summary>
        Property,

        /// <summary>A method's return value (<c>UserManager&lt;T&gt;.GetEmailAsync</c>, <c>FindFirstValue(type)</c>).</summary>
        Method,

        /// <summary>An indexer's value (<c>Request.Headers["X-Forwarded-For"]</c>).</summary>
        Indexer,
    }

    /// <summary>
    /// A value that is personal data because of the API it comes from (a framework source), with its kind. A keyed
    /// source (a claim by its type, a header by its name) is a source only when its key argument is a constant that
    /// <see cref="Keys"/> names; an unknown or computed key is not a source.
    /// </summary>
    internal sealed class SourceRow
    {
        public SourceRow(SourceShape shape, string type, string members, int kind, string display, string? keyParameter = null,
            ImmutableDictionary<string, int>? keys = null, bool pseudonymous = false, bool inherit = false, string? mentions = null)
        {
            Mentions = mentions != null ? MemberPattern.Parse(mentions).ExactNames : MemberPattern.Parse(members).ExactNames;
            Shape = shape;
            Type = type;
            Members = MemberPattern.Parse(members);
            Kind = kind;
            Display = display;
            KeyParameter = keyParameter;
            Keys = keys;
            Pseudonymous = pseudonymous;
            Inherit = inherit;
        }

        public SourceShape Shape { get; }

        /// <summary>
        /// The names a body must mention to read this source (BodyPrefilter skips the bodies that mention none): the member
        /// names by default; for a member with a common name (<c>IIdentity.Name</c>, <c>MailAddress.Address</c>) or an
        /// indexer, the names through which code reaches it (<c>Identity</c>, <c>Headers</c>). Empty when unknown: then
        /// every body is analysed.
        /// </summary>
        public ImmutableArray<string> Mentions { get; }

        /// <summary>The metadata name of the type that declares the member.</summary>
        public string Type { get; }

        public MemberPattern Members { get; }

        /// <summary>The PiiKind of the value (for a keyed source, of a key that <see cref="Keys"/> does not override).</summary>
        public int Kind { get; }

        /// <summary>How diagnostics name the source: <c>{member}</c> is the member's name, <c>{key}</c> the key argument.</summary>
        public string Display { get; }

        /// <summary>The name of the parameter holding the key (a claim type, a header name), or null for a source without key.</summary>
        public string? KeyParameter { get; }

        /// <summary>The keys that make the value personal data, each with its kind.</summary>
        public ImmutableDictionary<string, int>? Keys { get; }

        /// <summary>A user's own key: pseudonymous, reported only under the <c>strict</c> preset (DESIGN.md).</summary>
        public bool Pseudonymous { get; }

        /// <summary>The row also applies to members of types derived from <see cref="Type"/> (overrides and implementations).</summary>
        public bool Inherit { get; }

        public static SourceRow Property(string type, string members, int kind, string display, bool pseudonymous = false, bool inherit = false, string? mentions = null) =>
            new SourceRow(SourceShape.Property, type, members, kind, display, pseudonymous: pseudonymous, inherit: inherit, mentions: mentions);

        public static SourceRow Method(string type, string members, int kind, string display, bool pseudonymous = false) =>
            new SourceRow(SourceShape.Method, type, members, kind, display, pseudonymous: pseudonymous);

        public static SourceRow KeyedMethod(string type, string members, string keyParameter, ImmutableDictionary<string, int> keys, string display) =>
            new SourceRow(SourceShape.Method, type, members, 0, display, keyParameter, keys);

        public static SourceRow KeyedIndexer(string type, ImmutableDictionary<string, int> keys, string display, string mentions) =>
            new SourceRow(SourceShape.Indexer, type, "this[]", 0, display, "key", keys, mentions: mentions);

        /// <summary>Builds a key table: pairs of key and kind.</summary>
        public static ImmutableDictionary<string, int> KeyTable(StringComparer comparer, params (string Key, int Kind)[] entries)
        {
            var builder = ImmutableDictionary.CreateBuilder<string, int>(comparer);
            foreach ((string key, int kind) in entries)
            {
                builder[key] = kind;
            }

            return builder.ToImmutable();
        }

        /// <summary>The kind of a constant key, or -1 when the key is not personal.</summary>
        public int KindOf(string? key) => key != null && Keys != null && Keys.TryGetValue(key, out int kind) ? kind : -1;

        /// <summary>"ClaimsPrincipal.FindFirstValue(email)".</summary>
        public string DisplayFor(string member, string? key) => Display.Replace("{member}", member).Replace("{key}", key is null ? "" : ShortKey(key));

        /// <summary>A claim type URI names its last segment (<c>…/claims/emailaddress</c> is <c>emailaddress</c>).</summary>
        private static string ShortKey(string key)
        {
            int slash = key.LastIndexOf('/');
            return slash >= 0 && slash < key.Length - 1 ? key.Substring(slash + 1) : key;
        }
    }

    /// <summary>Members of a framework type that carry none of the personal data the object holds (a claim's type or issuer).</summary>
    internal sealed class BarrierRow
    {
        public BarrierRow(string type, string members)
        {
            Type = type;
            Members = MemberPattern.Parse(members);
        }

        public string Type { get; }

        public MemberPattern Members { get; }
    }
}
