using System;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace PiiGuard
{
    /// <summary>
    /// Masks personal data by the convention of its kind. Every method returns <see langword="null"/> for
    /// <see langword="null"/>, never throws, never shows more than its convention allows, and fails closed:
    /// a value too short for its convention, or malformed, is erased (<see cref="Erased"/>), never shown whole.
    /// </summary>
    public static partial class PiiMask
    {
        /// <summary>The text that replaces an erased value.</summary>
        public const string Erased = "***";

        private const string Stars = "***";

        /// <summary>Masks <paramref name="value"/> by the convention of <paramref name="kind"/>.</summary>
        /// <param name="value">The personal value.</param>
        /// <param name="kind">Its kind.</param>
        /// <returns>The masked value, or <see langword="null"/> when <paramref name="value"/> is null.</returns>
        public static string? Apply(string? value, PiiKind kind) => Apply(value, kind, MaskStyle.Default);

        /// <summary>Masks <paramref name="value"/> by <paramref name="style"/>, or by the convention of <paramref name="kind"/> when the style is <see cref="MaskStyle.Default"/>.</summary>
        /// <param name="value">The personal value.</param>
        /// <param name="kind">Its kind.</param>
        /// <param name="style">The mask style.</param>
        /// <returns>The masked value, or <see langword="null"/> when <paramref name="value"/> is null.</returns>
        public static string? Apply(string? value, PiiKind kind, MaskStyle style)
        {
            if (value is null)
            {
                return null;
            }

            try
            {
                switch (style)
                {
                    case MaskStyle.Erase:
                        return Erased;
                    case MaskStyle.ShowFirst:
                        return ShowFirst(value);
                    case MaskStyle.ShowLastFour:
                        return ShowLastFour(value);
                }

                switch (kind)
                {
                    case PiiKind.Name: return Name(value);
                    case PiiKind.Email: return Email(value);
                    case PiiKind.Phone: return Phone(value);
                    case PiiKind.DateOfBirth: return DateOfBirth(value);
                    case PiiKind.NationalId: return NationalId(value);
                    case PiiKind.Passport:
                    case PiiKind.DriverLicense:
                    case PiiKind.TaxId:
                        return Identifier(value);
                    case PiiKind.BankAccount: return BankAccount(value);
                    case PiiKind.PaymentCard: return PaymentCard(value);
                    case PiiKind.IpAddress: return IpAddress(value);
                    case PiiKind.Username:
                    case PiiKind.OnlineId:
                        return ShowFirst(value);
                    case PiiKind.DeviceId:
                        return ShowLastFour(value);
                    default:
                        return Erased;
                }
            }
            catch (Exception)
            {
                // Fail closed: a masking convention must never throw nor show the value.
                return Erased;
            }
        }

        /// <summary>Masks a value of any type by the convention of <paramref name="kind"/>, through its invariant text form.</summary>
        /// <param name="value">The personal value.</param>
        /// <param name="kind">Its kind.</param>
        /// <param name="style">The mask style.</param>
        /// <returns>The masked text, or <see langword="null"/> when <paramref name="value"/> is null.</returns>
        public static string? Apply(object? value, PiiKind kind, MaskStyle style = MaskStyle.Default)
        {
            switch (value)
            {
                case null:
                    return null;
                case string s:
                    return Apply(s, kind, style);
                case DateTime dt when style == MaskStyle.Default && kind == PiiKind.DateOfBirth:
                    return DateOfBirth(dt);
#if NET6_0_OR_GREATER
                case DateOnly d when style == MaskStyle.Default && kind == PiiKind.DateOfBirth:
                    return DateOfBirth(d.ToDateTime(TimeOnly.MinValue));
#endif
                case DateTimeOffset dto when style == MaskStyle.Default && kind == PiiKind.DateOfBirth:
                    return DateOfBirth(dto.DateTime);
                case IPAddress ip when style == MaskStyle.Default:
                    return IpAddress(ip);
                default:
                    string? text;
                    try
                    {
                        text = value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value.ToString();
                    }
                    catch (Exception)
                    {
                        return Erased;
                    }

                    return text is null ? Erased : Apply(text, kind, style);
            }
        }

        /// <summary>Erases a value: <see cref="Erased"/>, or <see langword="null"/> for null.</summary>
        /// <param name="value">The value.</param>
        /// <returns><see cref="Erased"/>, or <see langword="null"/> when <paramref name="value"/> is null.</returns>
        public static string? Erase(string? value) => value is null ? null : Erased;

        /// <summary>
        /// Masks an e-mail address to the first character of its local part and its domain
        /// (<c>j***@example.com</c>). Anything that is not one local part, one <c>@</c> and a dotted domain is erased.
        /// </summary>
        /// <param name="value">The address.</param>
        /// <returns>The masked address.</returns>
        public static string? Email(string? value) => Render(value, EmailConvention);

        /// <summary>
        /// Masks a telephone number to its country code (when written with a leading <c>+</c>) and its last
        /// digits: the last 4 of 10 or more national digits, the last 2 of 7 to 9 (<c>+86 ***5678</c>).
        /// Fewer than 7 digits, letters or other symbols: erased.
        /// </summary>
        /// <param name="value">The number.</param>
        /// <returns>The masked number.</returns>
        public static string? Phone(string? value) => Render(value, PhoneConvention);

        /// <summary>
        /// Masks a payment card number (PAN) by PCI DSS: at most the first 6 and last 4 digits of a 16 to 19
        /// digit number, the last 4 of a 12 to 15 digit number (<c>411111******1111</c>). Spaces and dashes are
        /// allowed; anything else, or another length, is erased.
        /// </summary>
        /// <param name="value">The card number.</param>
        /// <returns>The masked number.</returns>
        public static string? PaymentCard(string? value) => Render(value, PaymentCardConvention);

        /// <summary>
        /// Masks a national identity number. An 18-character Chinese resident ID keeps its province (first 2)
        /// and check character only, never the birth date or sex digits (<c>11***************X</c>); a 15-digit
        /// one keeps its province only; a US SSN keeps its last 4 (<c>***-**-6789</c>); any other identifier of
        /// 8 or more letters and digits keeps its last 2; the rest is erased.
        /// </summary>
        /// <param name="value">The identity number.</param>
        /// <returns>The masked number.</returns>
        public static string? NationalId(string? value) => Render(value, NationalIdConvention);

        /// <summary>
        /// Masks an identifier (passport, driver's licence, tax id): an identifier of 8 or more letters and
        /// digits (with optional spaces or dashes) keeps its last 2 (<c>***67</c>); anything else is erased.
        /// </summary>
        /// <param name="value">The identifier.</param>
        /// <returns>The masked identifier.</returns>
        public static string? Identifier(string? value) => Render(value, IdentifierConvention);

        /// <summary>
        /// Masks a bank account: an IBAN keeps its country code and last 4 characters (<c>DE******************3000</c>);
        /// an account number of 8 to 34 digits its last 4 (<c>****1234</c>); anything else is erased.
        /// </summary>
        /// <param name="value">The IBAN or account number.</param>
        /// <returns>The masked account.</returns>
        public static string? BankAccount(string? value)
        {
            if (value is null)
            {
                return null;
            }

            string? chars = DigitsOnly(value, allowLetters: true);
            if (chars is null || chars.Length < 8 || chars.Length > 34)
            {
                return Erased;
            }

            if (IsAsciiLetter(chars[0]) && IsAsciiLetter(chars[1]) && IsAsciiDigit(chars[2]) && IsAsciiDigit(chars[3]) && chars.Length >= 15)
            {
                return char.ToUpperInvariant(chars[0]).ToString() + char.ToUpperInvariant(chars[1]) + new string('*', chars.Length - 6) + chars.Substring(chars.Length - 4);
            }

            if (!AllAsciiDigits(chars))
            {
                return Erased;
            }

            return new string('*', 4) + chars.Substring(chars.Length - 4);
        }

        /// <summary>
        /// Masks an IP address by zeroing its host part: the last octet of IPv4 (<c>192.168.1.0</c>), all but
        /// the first 48 bits of IPv6 (<c>2001:db8:85a3::</c>). Anything that is not an address is erased.
        /// </summary>
        /// <param name="value">The address.</param>
        /// <returns>The masked address.</returns>
        public static string? IpAddress(string? value)
        {
            if (value is null)
            {
                return null;
            }

            string v = value.Trim();
            if (v.Length == 0 || v.Length > 64 || !IPAddress.TryParse(v, out IPAddress? ip) || ip is null)
            {
                return Erased;
            }

            // IPAddress.TryParse accepts "1" or "1.2" as IPv4 shorthands: require the dotted quad.
            if (ip.AddressFamily == AddressFamily.InterNetwork && CountChar(v, '.') != 3)
            {
                return Erased;
            }

            return IpAddress(ip);
        }

        /// <summary>Masks an IP address by zeroing its host part.</summary>
        /// <param name="address">The address.</param>
        /// <returns>The masked address.</returns>
        public static string? IpAddress(IPAddress? address)
        {
            if (address is null)
            {
                return null;
            }

            try
            {
                if (address.IsIPv4MappedToIPv6)
                {
                    address = address.MapToIPv4();
                }

                byte[] bytes = address.GetAddressBytes();
                if (address.AddressFamily == AddressFamily.InterNetwork && bytes.Length == 4)
                {
                    return bytes[0].ToString(CultureInfo.InvariantCulture) + "." + bytes[1].ToString(CultureInfo.InvariantCulture) + "." + bytes[2].ToString(CultureInfo.InvariantCulture) + ".0";
                }

                if (address.AddressFamily == AddressFamily.InterNetworkV6 && bytes.Length == 16)
                {
                    for (int i = 6; i < 16; i++)
                    {
                        bytes[i] = 0;
                    }

                    return new IPAddress(bytes).ToString();
                }
            }
            catch (Exception)
            {
                // fall through: fail closed
            }

            return Erased;
        }

        /// <summary>
        /// Masks a person's name to the first character of each part (<c>J*** S***</c>); a name written
        /// without spaces in CJK script keeps its first character, the surname (<c>张**</c>).
        /// A part of one character is erased.
        /// </summary>
        /// <param name="value">The name.</param>
        /// <returns>The masked name.</returns>
        public static string? Name(string? value) => Render(value, NameConvention);

        /// <summary>
        /// Masks a date of birth to its year (<c>1990-**-**</c>). A text that is not a date is erased.
        /// </summary>
        /// <param name="value">The date, in ISO 8601 or the invariant culture's format.</param>
        /// <returns>The masked date.</returns>
        public static string? DateOfBirth(string? value)
        {
            if (value is null)
            {
                return null;
            }

            string v = value.Trim();
            if (v.Length < 8 || v.Length > 40)
            {
                return Erased;
            }

            if (DateTime.TryParseExact(v, new[] { "yyyy-MM-dd", "yyyyMMdd", "yyyy/MM/dd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssK", "o" }, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out DateTime dt)
                || DateTime.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out dt))
            {
                return DateOfBirth(dt);
            }

            return Erased;
        }

        /// <summary>Masks a date of birth to its year (<c>1990-**-**</c>).</summary>
        /// <param name="value">The date.</param>
        /// <returns>The masked date.</returns>
        public static string DateOfBirth(DateTime value) => value.Year.ToString("D4", CultureInfo.InvariantCulture) + "-**-**";

        /// <summary>Masks a date of birth to its year (<c>1990-**-**</c>), or <see langword="null"/> for null.</summary>
        /// <param name="value">The date.</param>
        /// <returns>The masked date.</returns>
        public static string? DateOfBirth(DateTime? value) => value is null ? null : DateOfBirth(value.Value);

        /// <summary>Shows the first character only (<c>J***</c>); values shorter than 4 characters are erased.</summary>
        /// <param name="value">The value.</param>
        /// <returns>The masked value.</returns>
        public static string? ShowFirst(string? value)
        {
            if (value is null)
            {
                return null;
            }

            string v = value.Trim();
            int first = FirstCodePointLength(v);
            if (v.Length < 4 || first == 0)
            {
                return Erased;
            }

            return v.Substring(0, first) + Stars;
        }

        /// <summary>Shows the last four characters only (<c>***6789</c>); values shorter than 8 characters are erased.</summary>
        /// <param name="value">The value.</param>
        /// <returns>The masked value.</returns>
        public static string? ShowLastFour(string? value)
        {
            if (value is null)
            {
                return null;
            }

            string v = value.Trim();
            if (v.Length < 8)
            {
                return Erased;
            }

            int start = v.Length - 4;
            if (char.IsLowSurrogate(v[start]))
            {
                start++;
            }

            if (char.IsHighSurrogate(v[v.Length - 1]))
            {
                return Erased;
            }

            return Stars + v.Substring(start);
        }

        /// <summary>
        /// Keyed pseudonymisation: an HMAC-SHA256 of the value under a secret key, as <c>pii:</c> and 16 hex
        /// digits. The same value and key give the same pseudonym, so records can be correlated without
        /// disclosing the value; without the key it cannot be reversed by enumeration, unlike an unkeyed hash.
        /// </summary>
        /// <param name="value">The personal value.</param>
        /// <param name="key">The secret key, at least 16 bytes.</param>
        /// <returns>The pseudonym, or <see langword="null"/> when <paramref name="value"/> is null.</returns>
        /// <exception cref="ArgumentException">The key is missing or shorter than 16 bytes.</exception>
        public static string? Pseudonymize(string? value, byte[] key)
        {
            if (key is null || key.Length < 16)
            {
                throw new ArgumentException("A pseudonymisation key must be at least 16 bytes.", nameof(key));
            }

            if (value is null)
            {
                return null;
            }

            byte[] data = Encoding.UTF8.GetBytes(value);
#if NET6_0_OR_GREATER
            Span<byte> mac = stackalloc byte[32];
            HMACSHA256.HashData(key, data, mac);
            return "pii:" + Convert.ToHexString(mac.Slice(0, 8)).ToLowerInvariant();
#else
            using (var hmac = new HMACSHA256(key))
            {
                byte[] mac = hmac.ComputeHash(data);
                var sb = new StringBuilder(20);
                sb.Append("pii:");
                for (int i = 0; i < 8; i++)
                {
                    sb.Append(mac[i].ToString("x2", CultureInfo.InvariantCulture));
                }

                return sb.ToString();
            }
#endif
        }

        private static bool IsAsciiDigit(char c) => c >= '0' && c <= '9';

        private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

        private static bool IsPhoneSeparator(char c) => c == ' ' || c == '-' || c == '.' || c == '(' || c == ')';

        private static bool IsCjk(char c) => (c >= '\u4E00' && c <= '\u9FFF') || (c >= '\u3400' && c <= '\u4DBF') || (c >= '\uAC00' && c <= '\uD7AF') || (c >= '\u3040' && c <= '\u30FF');

        private static bool AllAsciiDigits(string value, int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                if (!IsAsciiDigit(value[i]))
                {
                    return false;
                }
            }

            return end > start;
        }

        private static bool AllAsciiDigits(string s)
        {
            foreach (char c in s)
            {
                if (!IsAsciiDigit(c))
                {
                    return false;
                }
            }

            return s.Length > 0;
        }

        private static int CountChar(string s, char c)
        {
            int n = 0;
            foreach (char x in s)
            {
                if (x == c)
                {
                    n++;
                }
            }

            return n;
        }

        private static bool HasControlOrSpace(string s, int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                if (char.IsControl(s[i]) || char.IsWhiteSpace(s[i]))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Length in UTF-16 units of the first code point, or 0 when it is a lone surrogate or a mark.</summary>
        private static int FirstCodePointLength(string s) => FirstCodePointLength(s, 0, s.Length);

        /// <summary>Length in UTF-16 units of the first code point of value[start..end), or 0 when it is a lone surrogate or a mark.</summary>
        private static int FirstCodePointLength(string value, int start, int end)
        {
            if (end <= start)
            {
                return 0;
            }

            char c = value[start];
            if (char.IsHighSurrogate(c))
            {
                return end - start > 1 && char.IsLowSurrogate(value[start + 1]) ? 2 : 0;
            }

            if (char.IsLowSurrogate(c) || char.IsControl(c))
            {
                return 0;
            }

            UnicodeCategory cat = CharUnicodeInfo.GetUnicodeCategory(c);
            if (cat == UnicodeCategory.NonSpacingMark || cat == UnicodeCategory.EnclosingMark || cat == UnicodeCategory.SpacingCombiningMark || cat == UnicodeCategory.Format)
            {
                return 0;
            }

            return 1;
        }

        /// <summary>The ASCII digits (and, when allowed, letters) of a value, skipping spaces and dashes; null when anything else occurs.</summary>
        private static string? DigitsOnly(string value, bool allowLetters)
        {
            var sb = new StringBuilder(value.Length);
            foreach (char c in value)
            {
                if (IsAsciiDigit(c) || (allowLetters && IsAsciiLetter(c)))
                {
                    sb.Append(c);
                }
                else if (c != ' ' && c != '-')
                {
                    return null;
                }
            }

            return sb.ToString();
        }

        private static bool IsChineseResidentId18(string v, int s)
        {
            for (int i = s; i < s + 17; i++)
            {
                if (!IsAsciiDigit(v[i]))
                {
                    return false;
                }
            }

            char check = v[s + 17];
            return IsAsciiDigit(check) || check == 'X' || check == 'x';
        }

        private static bool IsSsn(string v, int s, int e)
        {
            if (e - s == 11 && v[s + 3] == '-' && v[s + 6] == '-')
            {
                return AllAsciiDigits(v, s, s + 3) && AllAsciiDigits(v, s + 4, s + 6) && AllAsciiDigits(v, s + 7, s + 11);
            }

            return e - s == 9 && AllAsciiDigits(v, s, e);
        }

        /// <summary>Whether value[start..end) is a dotted domain name.</summary>
        private static bool IsDomain(string value, int start, int end)
        {
            int length = end - start;
            if (length < 3 || length > 253 || value[start] == '.' || value[end - 1] == '.')
            {
                return false;
            }

            bool dotted = false;
            for (int i = start; i < end; i++)
            {
                char c = value[i];
                if (c == '.')
                {
                    if (value[i - 1] == '.')
                    {
                        return false;
                    }

                    dotted = true;
                }
                else if (!(IsAsciiLetter(c) || IsAsciiDigit(c) || c == '-' || (c > 127 && char.IsLetterOrDigit(c))))
                {
                    return false;
                }
            }

            return dotted;
        }
    }
}
