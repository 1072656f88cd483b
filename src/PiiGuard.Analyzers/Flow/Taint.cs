using Microsoft.CodeAnalysis;
using PiiGuard.Analyzers.Core;

namespace PiiGuard.Analyzers.Flow
{
    /// <summary>
    /// The abstract value of an expression in the leak analysis: which personal datum it carries (the first, most
    /// significant one), whether it is a whole object's unmasked text form, whether it went through an unkeyed hash,
    /// and (while a method summary is computed) which parameters of the summarised method flow into it.
    /// Null stands for "carries no personal data". Instances are immutable.
    /// </summary>
    internal sealed class Taint
    {
        private Taint(string? display, PiiInfo info, bool whole, IOperation? hash, string? hashDisplay, ulong parameters, ulong hashedParameters, string? kinds = null, bool memberData = false, bool serialized = false, ISymbol? origin = null)
        {
            Origin = origin;
            IsSerialized = whole && serialized;
            Kinds = kinds;
            IsMemberData = memberData;
            Display = display;
            Info = info;
            IsWholeObject = whole;
            Hash = hash;
            HashDisplay = hashDisplay;
            Parameters = parameters;
            HashedParameters = hashedParameters;
        }

        /// <summary>The carrier's name ("Customer.Email", "email", "Customer"), null for a parameter-only taint.</summary>
        public string? Display { get; }

        /// <summary>
        /// The symbol the datum comes from: the [Pii] member, method or parameter, or the type of a whole object. Kept
        /// so that a diagnostic can name the carrier's type however the datum reached the sink (through locals, fields
        /// or helpers), for the inventory; not part of the value's identity.
        /// </summary>
        public ISymbol? Origin { get; }

        /// <summary>Kind and sensitivity of the carried datum (the first personal member for a whole object).</summary>
        public PiiInfo Info { get; }

        /// <summary>The value is a whole object (or its text form) holding personal data.</summary>
        public bool IsWholeObject { get; }

        /// <summary>The unkeyed hash that the datum went through, or null.</summary>
        public IOperation? Hash { get; }

        /// <summary>"SHA256.HashData".</summary>
        public string? HashDisplay { get; }

        /// <summary>Summary mode: bit i set when parameter i of the summarised method flows here unchanged.</summary>
        public ulong Parameters { get; }

        /// <summary>Summary mode: bit i set when parameter i flows here through an unkeyed hash.</summary>
        public ulong HashedParameters { get; }

        /// <summary>
        /// The value is an object of a user type (a DTO) whose members were given the datum: reflection-based readers
        /// (serializers, destructuring) see it, ToString does not unless the type prints its members.
        /// </summary>
        public bool IsMemberData { get; }

        /// <summary>
        /// A whole object as a serializer or another reflection-based reader sees it (JSON, XML, Serilog {@x}), rather
        /// than its ToString: sent out of the process, this is an egress leak (PII002), not a text-form one (PII005).
        /// </summary>
        public bool IsSerialized { get; }

        /// <summary>For a whole object, the kinds it holds ("Email, NationalId").</summary>
        public string? Kinds { get; }

        /// <summary>Whether the taint names a personal datum (rather than only summarised parameters).</summary>
        public bool HasSource => Display != null;

        public static Taint Source(string display, PiiInfo info, ISymbol? origin = null) => new Taint(display, info, false, null, null, 0, 0, origin: origin);

        public static Taint WholeObject(string display, PiiInfo info, string kinds, bool serialized = false, ISymbol? origin = null) => new Taint(display, info, true, null, null, 0, 0, kinds, serialized: serialized, origin: origin);

        /// <summary>
        /// A datum a method of a referenced assembly returns, read from the summaries that travel with it (SummaryFormat).
        /// A hashed one has a <see cref="HashDisplay"/> but no <see cref="Hash"/> yet: applying the summary places the hash at the call.
        /// </summary>
        public static Taint FromSummary(string display, PiiInfo info, bool whole, string? kinds, bool memberData, bool serialized, bool hashed, ISymbol? origin = null) =>
            new Taint(display, info, whole && !hashed, null, hashed ? display : null, 0, 0, whole ? kinds ?? info.KindName : null, memberData, serialized, origin);

        /// <summary>The same datum, held in the members of an object.</summary>
        public Taint AsMemberData() => IsMemberData ? this : new Taint(Display, Info, IsWholeObject, Hash, HashDisplay, Parameters, HashedParameters, Kinds, memberData: true, IsSerialized, Origin);

        /// <summary>The same datum as a plain value (an object's members printed by its ToString).</summary>
        public Taint AsValue() => !IsMemberData ? this : new Taint(Display, Info, IsWholeObject, Hash, HashDisplay, Parameters, HashedParameters, Kinds, serialized: IsSerialized, origin: Origin);

        /// <summary>The hashed datum, reported at <paramref name="hash"/> (a call site of a summarised hashing helper).</summary>
        public Taint WithHashAt(IOperation hash, string hashDisplay) => new Taint(Display, Info, false, hash, hashDisplay, Parameters, HashedParameters, origin: Origin);

        public static Taint Parameter(int ordinal) => ordinal < 64 ? new Taint(null, default, false, null, null, 1UL << ordinal, 0) : new Taint(null, default, false, null, null, 0, 0);

        /// <summary>This taint after an unkeyed hash; null when the hash hides the datum well enough (a high-entropy kind).</summary>
        public Taint? Hashed(IOperation hash, string hashDisplay)
        {
            bool keep = HasSource && Hash is null && !IsWholeObject && PiiKindInfo.IsLowEntropy(Info.Kind);
            if (!keep && Parameters == 0 && HashedParameters == 0)
            {
                return HasSource && Hash != null ? this : null;
            }

            if (keep)
            {
                return new Taint(Display, Info, false, hash, hashDisplay, 0, HashedParameters | Parameters, origin: Origin);
            }

            if (HasSource && Hash != null)
            {
                return new Taint(Display, Info, false, Hash, HashDisplay, 0, HashedParameters | Parameters, origin: Origin);
            }

            return new Taint(null, default, false, null, null, 0, HashedParameters | Parameters);
        }

        /// <summary>The same datum without the summary bits.</summary>
        public Taint? WithoutParameters()
        {
            if (Parameters == 0 && HashedParameters == 0)
            {
                return this;
            }

            return HasSource ? new Taint(Display, Info, IsWholeObject, Hash, HashDisplay, 0, 0, Kinds, IsMemberData, IsSerialized, Origin) : null;
        }

        /// <summary>Joins two abstract values: the result carries what either carries.</summary>
        public static Taint? Union(Taint? a, Taint? b)
        {
            if (a is null || ReferenceEquals(a, b))
            {
                return b;
            }

            if (b is null)
            {
                return a;
            }

            Taint primary = Rank(a) >= Rank(b) ? a : b;
            ulong parameters = a.Parameters | b.Parameters;
            ulong hashed = a.HashedParameters | b.HashedParameters;
            if (primary.Parameters == parameters && primary.HashedParameters == hashed)
            {
                return primary;
            }

            return new Taint(primary.Display, primary.Info, primary.IsWholeObject, primary.Hash, primary.HashDisplay, parameters, hashed, primary.Kinds, primary.IsMemberData && a.IsMemberData && b.IsMemberData, primary.IsSerialized, primary.Origin);
        }

        /// <summary>Which of two data a diagnostic names: a clear member over a hashed one over a whole object; sensitive first.</summary>
        private static int Rank(Taint t)
        {
            if (!t.HasSource)
            {
                return 0;
            }

            int rank = t.IsWholeObject ? 1 : t.Hash != null ? 2 : t.IsMemberData ? 3 : 4;
            return rank * 2 + (t.Info.Sensitive ? 1 : 0);
        }

        /// <summary>Structural equality, used to detect a loop's fixed point.</summary>
        public static bool SameAs(Taint? a, Taint? b)
        {
            if (ReferenceEquals(a, b))
            {
                return true;
            }

            if (a is null || b is null)
            {
                return false;
            }

            return a.Display == b.Display && a.IsWholeObject == b.IsWholeObject && a.IsSerialized == b.IsSerialized && a.IsMemberData == b.IsMemberData && a.Parameters == b.Parameters
                && a.HashedParameters == b.HashedParameters && ReferenceEquals(a.Hash, b.Hash) && a.Info.Equals(b.Info);
        }
    }
}
