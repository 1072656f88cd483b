using System;
using System.Collections.Immutable;

namespace PiiGuard.Analyzers.Flow.Catalog
{
    /// <summary>
    /// The member names a catalogue row applies to: alternatives separated by <c>|</c>, each an exact name, a prefix
    /// (<c>Log*</c>), a suffix (<c>*Async</c>) or everything (<c>*</c>); an alternative starting with <c>!</c> excludes
    /// names (<c>!SendAsync|*Async</c>). <c>.ctor</c> names constructors and <c>this[]</c> indexers.
    /// </summary>
    internal sealed class MemberPattern
    {
        private readonly ImmutableArray<string> _include;
        private readonly ImmutableArray<string> _exclude;

        private MemberPattern(string text, ImmutableArray<string> include, ImmutableArray<string> exclude)
        {
            Text = text;
            _include = include;
            _exclude = exclude;
        }

        /// <summary>The pattern as written.</summary>
        public string Text { get; }

        public static MemberPattern Parse(string text)
        {
            var include = ImmutableArray.CreateBuilder<string>();
            var exclude = ImmutableArray.CreateBuilder<string>();
            foreach (string part in text.Split('|'))
            {
                string alternative = part.Trim();
                if (alternative.Length == 0)
                {
                    continue;
                }

                if (alternative[0] == '!')
                {
                    exclude.Add(alternative.Substring(1));
                }
                else
                {
                    include.Add(alternative);
                }
            }

            return new MemberPattern(text, include.ToImmutable(), exclude.ToImmutable());
        }

        public bool Matches(string name)
        {
            foreach (string alternative in _exclude)
            {
                if (MatchesOne(alternative, name))
                {
                    return false;
                }
            }

            foreach (string alternative in _include)
            {
                if (MatchesOne(alternative, name))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool MatchesOne(string alternative, string name)
        {
            if (alternative == "*")
            {
                return true;
            }

            if (alternative.Length > 1 && alternative[alternative.Length - 1] == '*')
            {
                return name.StartsWith(alternative.Substring(0, alternative.Length - 1), StringComparison.Ordinal);
            }

            if (alternative.Length > 1 && alternative[0] == '*')
            {
                return name.EndsWith(alternative.Substring(1), StringComparison.Ordinal);
            }

            return string.Equals(alternative, name, StringComparison.Ordinal);
        }

        /// <summary>The names the pattern includes when all are exact (no wildcard, no exclusion); otherwise empty.</summary>
        public ImmutableArray<string> ExactNames
        {
            get
            {
                if (!_exclude.IsEmpty)
                {
                    return ImmutableArray<string>.Empty;
                }

                foreach (string alternative in _include)
                {
                    if (alternative.IndexOf('*') >= 0)
                    {
                        return ImmutableArray<string>.Empty;
                    }
                }

                return _include;
            }
        }

        public override string ToString() => Text;
    }
}
