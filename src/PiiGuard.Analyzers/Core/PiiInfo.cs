using System;

namespace PiiGuard.Analyzers.Core
{
    /// <summary>What PiiGuard knows of a personal-data source: its kind, sensitivity and mask style.</summary>
    internal readonly struct PiiInfo : IEquatable<PiiInfo>
    {
        public PiiInfo(int kind, bool sensitive, int mask)
        {
            Kind = kind;
            Sensitive = sensitive;
            Mask = mask;
        }

        /// <summary>The PiiKind value.</summary>
        public int Kind { get; }

        /// <summary>Whether the data is sensitive personal information.</summary>
        public bool Sensitive { get; }

        /// <summary>The MaskStyle value.</summary>
        public int Mask { get; }

        /// <summary>The kind's name.</summary>
        public string KindName => PiiKindInfo.GetName(Kind);

        /// <summary>"NationalId, sensitive" or "Email".</summary>
        public string Describe() => Sensitive ? KindName + ", sensitive" : KindName;

        public bool Equals(PiiInfo other) => Kind == other.Kind && Sensitive == other.Sensitive && Mask == other.Mask;

        public override bool Equals(object? obj) => obj is PiiInfo other && Equals(other);

        public override int GetHashCode() => (Kind * 397) ^ (Sensitive ? 1 : 0) ^ (Mask << 16);

        public override string ToString() => Describe();
    }
}
