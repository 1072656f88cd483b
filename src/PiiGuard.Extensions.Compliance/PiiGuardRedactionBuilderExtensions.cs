using System;
using Microsoft.Extensions.Compliance.Classification;
using PiiGuard;
using PiiGuard.Extensions.Compliance;

namespace Microsoft.Extensions.Compliance.Redaction
{
    /// <summary>Registers PiiGuard's masking conventions as Microsoft.Extensions.Compliance redactors.</summary>
    public static class PiiGuardRedactionBuilderExtensions
    {
        /// <summary>
        /// Maps every classification of <see cref="PiiGuardTaxonomy"/> to the redactor of its kind's convention:
        /// <c>services.AddRedaction(b => b.SetPiiGuardRedactors())</c>. Data classified with <see cref="PiiDataAttribute"/>
        /// then prints masked (<c>411111******1111</c>) where Microsoft's default erases it.
        /// </summary>
        /// <param name="builder">The redaction builder.</param>
        /// <returns>The builder, for chaining.</returns>
        public static IRedactionBuilder SetPiiGuardRedactors(this IRedactionBuilder builder)
        {
            if (builder is null)
            {
                throw new ArgumentNullException(nameof(builder));
            }

            foreach (PiiKind kind in PiiGuardTaxonomy.Kinds)
            {
                PiiGuardRedactors.Set(builder, kind, MaskStyle.Default, new DataClassificationSet[] { PiiGuardTaxonomy.ForKind(kind) });
            }

            return builder;
        }

        /// <summary>
        /// Masks data of your own classifications (an existing taxonomy's attributes) by a PiiGuard kind's convention:
        /// <c>b.SetPiiGuardRedactor(PiiKind.PaymentCard, MyTaxonomy.CardNumber)</c>.
        /// </summary>
        /// <param name="builder">The redaction builder.</param>
        /// <param name="kind">The kind whose convention applies.</param>
        /// <param name="classifications">The classifications (or sets) it applies to.</param>
        /// <returns>The builder, for chaining.</returns>
        public static IRedactionBuilder SetPiiGuardRedactor(this IRedactionBuilder builder, PiiKind kind, params DataClassificationSet[] classifications)
            => SetPiiGuardRedactor(builder, kind, MaskStyle.Default, classifications);

        /// <summary>Masks data of your own classifications by a PiiGuard kind's convention, or by a mask style that overrides it.</summary>
        /// <param name="builder">The redaction builder.</param>
        /// <param name="kind">The kind whose convention applies.</param>
        /// <param name="style">The mask style; <see cref="MaskStyle.Default"/> uses the kind's convention.</param>
        /// <param name="classifications">The classifications (or sets) it applies to.</param>
        /// <returns>The builder, for chaining.</returns>
        public static IRedactionBuilder SetPiiGuardRedactor(this IRedactionBuilder builder, PiiKind kind, MaskStyle style, params DataClassificationSet[] classifications)
        {
            if (builder is null)
            {
                throw new ArgumentNullException(nameof(builder));
            }

            if (classifications is null)
            {
                throw new ArgumentNullException(nameof(classifications));
            }

            return PiiGuardRedactors.Set(builder, kind, style, classifications);
        }
    }
}
