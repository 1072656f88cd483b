using System;

namespace PiiGuard.Analyzers.Core
{
    /// <summary>What PiiGuard knows of a personal-data source: its kind, sensitivity and mask style.</summary>
    internal readonly struct PiiInfo : IEquatable<PiiInfo>
    {
        public PiiInfo(int kind, bool sensitive, int mask, bool inferred = false)
        {
            Kind = kind;
            Sensitive = sensitive;
            Mask = mask;
            Inferred = inferred;
        }

        /// <summary>The PiiKind value.</summary>
        public int Kind { get; }

        /// <summary>Whether the data is sensitive personal information.</summary>
        public bool Sensitive { get; }

        /// <summary>The MaskStyle value.</summary>
        public int Mask { get; }

        /// <summary>
        /// Whether the kind was inferred from the name of an unannotated member or parameter (name-based discovery,
        /// <c>PiiGuardDiscovery=names</c>) rather than declared by an annotation.
        /// </summary>
        public bool Inferred { get; }

        /// <summary>The kind's name.</summary>
        public string KindName => PiiKindInfo.GetName(Kind);

        /// <summary>"NationalId, sensitive", "Email", or "Email, inferred from the name".</summary>
        public string Describe() => (Sensitive ? KindName + ", sensitive" : KindName) + (Inferred ? ", inferred from the name" : string.Empty);

        public bool Equals(PiiInfo other) => Kind == other.Kind && Sensitive == other.Sensitive && Mask == other.Mask && Inferred == other.Inferred;

        public override bool Equals(object? obj) => obj is PiiInfo other && Equals(other);

        public override int GetHashCode() => (Kind * 397) ^ (Sensitive ? 1 : 0) ^ (Inferred ? 2 : 0) ^ (Mask << 16);

        public override string ToString() => Describe();
    }
}
