using System;
using System.Text;

namespace PiiGuard
{
    /// <summary>
    /// The allocation-free half of <see cref="PiiMask"/>: the conventions of the common kinds write straight into a
    /// <see cref="StringBuilder"/> (the generated ToString/ToMaskedString use it), and the string-returning methods
    /// render through the same code, so both give the same text by construction.
    /// </summary>
    public static partial class PiiMask
    {
        private delegate bool Convention(StringBuilder builder, string value);

        private static readonly Convention EmailConvention = AppendEmailCore;
        private static readonly Convention PhoneConvention = AppendPhoneCore;
        private static readonly Convention PaymentCardConvention = AppendPaymentCardCore;
        private static readonly Convention NationalIdConvention = AppendNationalIdCore;
        private static readonly Convention IdentifierConvention = AppendIdentifierCore;
        private static readonly Convention NameConvention = AppendNameCore;

        [ThreadStatic]
        private static StringBuilder? t_builder;

        /// <summary>
        /// Appends <paramref name="value"/> masked by <paramref name="style"/>, or by the convention of
        /// <paramref name="kind"/> when the style is <see cref="MaskStyle.Default"/>: the same text as
        /// <see cref="Apply(string?, PiiKind, MaskStyle)"/>, without allocating for the common kinds. Appends nothing
        /// for <see langword="null"/>; never throws for any value.
        /// </summary>
        /// <param name="builder">The builder to append to.</param>
        /// <param name="value">The personal value.</param>
        /// <param name="kind">Its kind.</param>
        /// <param name="style">The mask style.</param>
        /// <returns><paramref name="builder"/>.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
        public static StringBuilder Append(StringBuilder builder, string? value, PiiKind kind, MaskStyle style = MaskStyle.Default)
        {
            if (builder is null)
            {
                throw new ArgumentNullException(nameof(builder));
            }

            if (value is null)
            {
                return builder;
            }

            Convention? convention = style == MaskStyle.Default ? FastConvention(kind) : null;
            if (convention is null)
            {
                return builder.Append(Apply(value, kind, style));
            }

            AppendWith(builder, value, convention);
            return builder;
        }

        private static Convention? FastConvention(PiiKind kind)
        {
            switch (kind)
            {
                case PiiKind.Email: return EmailConvention;
                case PiiKind.Phone: return PhoneConvention;
                case PiiKind.PaymentCard: return PaymentCardConvention;
                case PiiKind.NationalId: return NationalIdConvention;
                case PiiKind.Passport:
                case PiiKind.DriverLicense:
                case PiiKind.TaxId:
                    return IdentifierConvention;
                case PiiKind.Name: return NameConvention;
                default: return null;
            }
        }

        /// <summary>Runs a convention; when it rejects the value (or fails) whatever it wrote is taken back and the value is erased.</summary>
        private static void AppendWith(StringBuilder builder, string value, Convention convention)
        {
            int mark = builder.Length;
            bool ok;
            try
            {
                ok = convention(builder, value);
            }
            catch (Exception)
            {
                ok = false;
            }

            if (!ok)
            {
                builder.Length = mark;
                builder.Append(Erased);
            }
        }

        /// <summary>The string form of a convention, rendered in a per-thread builder.</summary>
        private static string? Render(string? value, Convention convention)
        {
            if (value is null)
            {
                return null;
            }

            StringBuilder builder = t_builder ?? new StringBuilder(64);
            t_builder = null;
            builder.Clear();
            AppendWith(builder, value, convention);
            string result = builder.ToString();
            if (builder.Capacity <= 1024)
            {
                t_builder = builder;
            }

            return result;
        }

        private static void TrimRange(string v, out int start, out int end)
        {
            start = 0;
            end = v.Length;
            while (start < end && char.IsWhiteSpace(v[start]))
            {
                start++;
            }

            while (end > start && char.IsWhiteSpace(v[end - 1]))
            {
                end--;
            }
        }

        private static bool AppendEmailCore(StringBuilder builder, string value)
        {
            TrimRange(value, out int s, out int e);
            if (e - s == 0)
            {
                return false;
            }

            int at = value.IndexOf('@', s, e - s);
            if (at <= s || at == e - 1 || value.IndexOf('@', at + 1, e - at - 1) >= 0)
            {
                return false;
            }

            if (!IsDomain(value, at + 1, e) || HasControlOrSpace(value, s, at))
            {
                return false;
            }

            int local = at - s;
            int firstLength = char.IsHighSurrogate(value[s]) && local > 1 && char.IsLowSurrogate(value[s + 1]) ? 2 : 1;
            if (char.IsSurrogate(value[s]) && firstLength == 1)
            {
                return false;
            }

            // A one-character local part would be shown whole: show only the domain.
            if (local > firstLength)
            {
                builder.Append(value, s, firstLength);
            }

            builder.Append(Stars).Append('@').Append(value, at + 1, e - at - 1);
            return true;
        }

        private static bool AppendPhoneCore(StringBuilder builder, string value)
        {
            TrimRange(value, out int s, out int e);
            int start = s;
            int countryCodeEnd = -1;
            if (e > s && value[s] == '+')
            {
                int i = s + 1;
                while (i < e && IsAsciiDigit(value[i]))
                {
                    i++;
                }

                int ccLength = i - s - 1;
                bool separated = i < e && IsPhoneSeparator(value[i]);
                if (ccLength >= 1 && ccLength <= 3 && separated)
                {
                    countryCodeEnd = i;
                    start = i;
                }
                else
                {
                    start = s + 1;
                }
            }

            int n = 0;
            for (int i = start; i < e; i++)
            {
                char c = value[i];
                if (IsAsciiDigit(c))
                {
                    n++;
                }
                else if (!IsPhoneSeparator(c))
                {
                    return false;
                }
            }

            if (n < 7 || n > 15)
            {
                return false;
            }

            if (countryCodeEnd > 0)
            {
                builder.Append(value, s, countryCodeEnd - s).Append(' ');
            }

            builder.Append(Stars);
            AppendLastDigits(builder, value, start, e, n >= 10 ? 4 : 2, digitsOnly: true);
            return true;
        }

        private static bool AppendPaymentCardCore(StringBuilder builder, string value)
        {
            int n = CountChars(value, 0, value.Length, allowLetters: false);
            if (n < 12 || n > 19)
            {
                return false;
            }

            int head = n >= 16 ? 6 : 0;
            int k = 0;
            foreach (char c in value)
            {
                if (!IsAsciiDigit(c))
                {
                    continue;
                }

                builder.Append(k < head || k >= n - 4 ? c : '*');
                k++;
            }

            return true;
        }

        private static bool AppendNationalIdCore(StringBuilder builder, string value)
        {
            TrimRange(value, out int s, out int e);
            int length = e - s;
            if (length == 18 && IsChineseResidentId18(value, s))
            {
                builder.Append(value, s, 2).Append('*', 15).Append(char.ToUpperInvariant(value[s + 17]));
                return true;
            }

            if (length == 15 && AllAsciiDigits(value, s, e))
            {
                builder.Append(value, s, 2).Append('*', 13);
                return true;
            }

            if (IsSsn(value, s, e))
            {
                builder.Append("***-**-").Append(value, e - 4, 4);
                return true;
            }

            return AppendIdentifierRange(builder, value, s, e);
        }

        private static bool AppendIdentifierCore(StringBuilder builder, string value) => AppendIdentifierRange(builder, value, 0, value.Length);

        private static bool AppendIdentifierRange(StringBuilder builder, string value, int s, int e)
        {
            int n = CountChars(value, s, e, allowLetters: true);
            if (n < 8 || n > 64)
            {
                return false;
            }

            builder.Append(Stars);
            AppendLastDigits(builder, value, s, e, 2, digitsOnly: false);
            return true;
        }

        private static bool AppendNameCore(StringBuilder builder, string value)
        {
            int parts = 0;
            for (int i = 0; i < value.Length;)
            {
                int start = SkipNameSeparators(value, i);
                if (start >= value.Length)
                {
                    break;
                }

                parts++;
                i = NextNameSeparator(value, start);
            }

            if (parts == 0 || parts > 12)
            {
                return false;
            }

            bool firstPart = true;
            for (int i = 0; i < value.Length;)
            {
                int start = SkipNameSeparators(value, i);
                if (start >= value.Length)
                {
                    break;
                }

                int end = NextNameSeparator(value, start);
                if (!firstPart)
                {
                    builder.Append(' ');
                }

                firstPart = false;
                int first = FirstCodePointLength(value, start, end);
                if (first == 0 || end - start <= first || HasControlOrSpace(value, start, end))
                {
                    builder.Append(Stars);
                }
                else
                {
                    builder.Append(value, start, first).Append(IsCjk(value[start]) ? "**" : Stars);
                }

                i = end;
            }

            return true;
        }

        private static bool IsNameSeparator(char c) => c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\u3000';

        private static int SkipNameSeparators(string value, int i)
        {
            while (i < value.Length && IsNameSeparator(value[i]))
            {
                i++;
            }

            return i;
        }

        private static int NextNameSeparator(string value, int i)
        {
            while (i < value.Length && !IsNameSeparator(value[i]))
            {
                i++;
            }

            return i;
        }

        /// <summary>Appends the last <paramref name="count"/> ASCII digits (or letters and digits) of a range, in order.</summary>
        private static void AppendLastDigits(StringBuilder builder, string value, int s, int e, int count, bool digitsOnly)
        {
            int from = e;
            int found = 0;
            while (from > s && found < count)
            {
                from--;
                char c = value[from];
                if (IsAsciiDigit(c) || (!digitsOnly && IsAsciiLetter(c)))
                {
                    found++;
                }
            }

            for (int i = from; i < e; i++)
            {
                char c = value[i];
                if (IsAsciiDigit(c) || (!digitsOnly && IsAsciiLetter(c)))
                {
                    builder.Append(c);
                }
            }
        }

        /// <summary>The number of ASCII digits (and letters when allowed) in a range that holds only those, spaces and dashes; -1 otherwise.</summary>
        private static int CountChars(string value, int s, int e, bool allowLetters)
        {
            int n = 0;
            for (int i = s; i < e; i++)
            {
                char c = value[i];
                if (IsAsciiDigit(c) || (allowLetters && IsAsciiLetter(c)))
                {
                    n++;
                }
                else if (c != ' ' && c != '-')
                {
                    return -1;
                }
            }

            return n;
        }
    }
}
