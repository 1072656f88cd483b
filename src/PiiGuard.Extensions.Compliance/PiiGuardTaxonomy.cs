using System;
using Microsoft.Extensions.Compliance.Classification;

namespace PiiGuard.Extensions.Compliance
{
    /// <summary>
    /// PiiGuard's data-classification taxonomy: one <see cref="DataClassification"/> per <see cref="PiiKind"/>, named after
    /// the kind (<c>PiiGuard:PaymentCard</c>). <c>SetPiiGuardRedactors()</c> maps each to the kind's masking convention.
    /// </summary>
    public static class PiiGuardTaxonomy
    {
        /// <summary>The taxonomy name of PiiGuard's classifications.</summary>
        public const string TaxonomyName = "PiiGuard";

        private static readonly DataClassification[] ByKind = CreateAll();

        /// <summary>Every <see cref="PiiKind"/> this version knows, in declaration order.</summary>
        public static PiiKind[] Kinds { get; } = (PiiKind[])Enum.GetValues(typeof(PiiKind));

        /// <summary>A name (<see cref="PiiKind.Name"/>).</summary>
        public static DataClassification Name => ForKind(PiiKind.Name);

        /// <summary>An e-mail address (<see cref="PiiKind.Email"/>).</summary>
        public static DataClassification Email => ForKind(PiiKind.Email);

        /// <summary>A phone number (<see cref="PiiKind.Phone"/>).</summary>
        public static DataClassification Phone => ForKind(PiiKind.Phone);

        /// <summary>A postal address (<see cref="PiiKind.PostalAddress"/>).</summary>
        public static DataClassification PostalAddress => ForKind(PiiKind.PostalAddress);

        /// <summary>A date of birth (<see cref="PiiKind.DateOfBirth"/>).</summary>
        public static DataClassification DateOfBirth => ForKind(PiiKind.DateOfBirth);

        /// <summary>A national identity number, such as a Chinese resident ID (<see cref="PiiKind.NationalId"/>).</summary>
        public static DataClassification NationalId => ForKind(PiiKind.NationalId);

        /// <summary>A bank account number or IBAN (<see cref="PiiKind.BankAccount"/>).</summary>
        public static DataClassification BankAccount => ForKind(PiiKind.BankAccount);

        /// <summary>A payment card number (<see cref="PiiKind.PaymentCard"/>).</summary>
        public static DataClassification PaymentCard => ForKind(PiiKind.PaymentCard);

        /// <summary>An IP address (<see cref="PiiKind.IpAddress"/>).</summary>
        public static DataClassification IpAddress => ForKind(PiiKind.IpAddress);

        /// <summary>Health data (<see cref="PiiKind.Health"/>).</summary>
        public static DataClassification Health => ForKind(PiiKind.Health);

        /// <summary>The classification of a kind.</summary>
        /// <param name="kind">The kind of personal data.</param>
        /// <returns><c>PiiGuard:&lt;kind name&gt;</c>; a kind this version does not name is <c>PiiGuard:&lt;number&gt;</c>.</returns>
        public static DataClassification ForKind(PiiKind kind)
        {
            int index = (int)kind;
            return index >= 0 && index < ByKind.Length && (int)Kinds[index] == index
                ? ByKind[index]
                : new DataClassification(TaxonomyName, ((int)kind).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        /// <summary>The kind of one of PiiGuard's classifications.</summary>
        /// <param name="classification">A classification.</param>
        /// <param name="kind">The kind, when <paramref name="classification"/> belongs to this taxonomy.</param>
        /// <returns>Whether it belongs to this taxonomy and names a kind.</returns>
        public static bool TryGetKind(DataClassification classification, out PiiKind kind)
        {
            kind = PiiKind.Other;
            if (!string.Equals(classification.TaxonomyName, TaxonomyName, StringComparison.Ordinal))
            {
                return false;
            }

            foreach (PiiKind k in Kinds)
            {
                if (ByKind[(int)k] == classification)
                {
                    kind = k;
                    return true;
                }
            }

            return false;
        }

        private static DataClassification[] CreateAll()
        {
            var kinds = (PiiKind[])Enum.GetValues(typeof(PiiKind));
            var all = new DataClassification[kinds.Length];
            foreach (PiiKind kind in kinds)
            {
                all[(int)kind] = new DataClassification(TaxonomyName, kind.ToString());
            }

            return all;
        }
    }
}
