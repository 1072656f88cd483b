using System;
using Microsoft.Extensions.Compliance.Redaction;

namespace PiiGuard.Extensions.Compliance
{
    /// <summary>
    /// A <see cref="Redactor"/> that masks by one of PiiGuard's conventions (<see cref="PiiMask.Apply(string, PiiKind, MaskStyle)"/>):
    /// at most the first 6 and last 4 digits of a card, the first character and the domain of an e-mail, a resident ID without
    /// its birth date and sex digit… It fails closed: a malformed value, or any failure while masking, gives <see cref="PiiMask.Erased"/>.
    /// </summary>
    /// <remarks>
    /// Microsoft's logging redaction appends a discriminator to each value before redacting it (<c>value:TagName</c>,
    /// <c>LoggerRedactionOptions.ApplyDiscriminator</c>, on by default), so that hashes of one value differ between tags.
    /// A masking convention has no use for it and would erase the whole value as malformed, so a trailing
    /// <c>:Name</c> (a letter, then letters, digits, <c>_</c>, <c>.</c> or <c>-</c>) is dropped before masking. At worst
    /// that shows less of a value that really ends so, never more.
    /// </remarks>
    public abstract class PiiGuardRedactor : Redactor
    {
        [ThreadStatic]
        private static string? t_lastSource;

        [ThreadStatic]
        private static string? t_lastMasked;

        [ThreadStatic]
        private static PiiGuardRedactor? t_lastRedactor;

        /// <summary>Creates a redactor for a kind's convention, or for a style that overrides it.</summary>
        /// <param name="kind">The kind of personal data.</param>
        /// <param name="style">The mask style; <see cref="MaskStyle.Default"/> uses the kind's convention.</param>
        protected PiiGuardRedactor(PiiKind kind, MaskStyle style)
        {
            Kind = kind;
            Style = style;
        }

        /// <summary>The kind whose convention this redactor applies.</summary>
        public PiiKind Kind { get; }

        /// <summary>The mask style (<see cref="MaskStyle.Default"/>: the kind's convention).</summary>
        public MaskStyle Style { get; }

        /// <summary>The redactor of a kind's convention (one shared instance per convention).</summary>
        /// <param name="kind">The kind of personal data.</param>
        /// <param name="style">The mask style; <see cref="MaskStyle.Default"/> uses the kind's convention.</param>
        /// <returns>The redactor.</returns>
        public static PiiGuardRedactor For(PiiKind kind, MaskStyle style = MaskStyle.Default) => PiiGuardRedactors.For(kind, style);

        /// <inheritdoc/>
        public override string Redact(string? source)
        {
            if (source is null)
            {
                return string.Empty;
            }

            return Mask(source);
        }

        /// <inheritdoc/>
        public override int GetRedactedLength(ReadOnlySpan<char> input) => Masked(input).Length;

        /// <inheritdoc/>
        public override int Redact(ReadOnlySpan<char> source, Span<char> destination)
        {
            string masked = Masked(source);
            if (masked.Length > destination.Length)
            {
                throw new ArgumentException("The destination is shorter than GetRedactedLength.", nameof(destination));
            }

            masked.AsSpan().CopyTo(destination);

            // The pair GetRedactedLength/Redact is done: drop the cached personal value.
            t_lastSource = null;
            t_lastMasked = null;
            t_lastRedactor = null;
            return masked.Length;
        }

        private string Masked(ReadOnlySpan<char> source)
        {
            // Callers ask GetRedactedLength and then Redact for the same value: mask it once.
            if (ReferenceEquals(t_lastRedactor, this) && t_lastSource is { } last && t_lastMasked is { } lastMasked && source.SequenceEqual(last.AsSpan()))
            {
                return lastMasked;
            }

            string text = source.ToString();
            string masked = Mask(text);
            t_lastSource = text;
            t_lastMasked = masked;
            t_lastRedactor = this;
            return masked;
        }

        /// <summary>The value without a trailing <c>:TagName</c> logging discriminator.</summary>
        private static string WithoutDiscriminator(string source)
        {
            int colon = source.LastIndexOf(':');
            if (colon <= 0 || colon == source.Length - 1 || !char.IsLetter(source[colon + 1]))
            {
                return source;
            }

            for (int i = colon + 2; i < source.Length; i++)
            {
                char c = source[i];
                if (!char.IsLetterOrDigit(c) && c != '_' && c != '.' && c != '-')
                {
                    return source;
                }
            }

            return source.Substring(0, colon);
        }

        private string Mask(string source)
        {
            if (source.Length == 0)
            {
                return string.Empty;
            }

            try
            {
                return PiiMask.Apply(WithoutDiscriminator(source), Kind, Style) ?? PiiMask.Erased;
            }
            catch (Exception)
            {
                // Fail closed: never the raw value.
                return PiiMask.Erased;
            }
        }
    }
}
