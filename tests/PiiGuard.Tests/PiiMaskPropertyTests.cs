using System;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using CsCheck;

namespace PiiGuard.Tests;

/// <summary>
/// Property-based tests over random strings for every masking convention: the output never reveals more
/// than the convention allows, short or malformed input is erased, nothing throws, null gives null.
/// </summary>
public class PiiMaskPropertyTests
{
    private const long Iterations = 2_000;

    private static readonly Gen<string> Digits = Gen.Char["0123456789"].Array.Select(a => new string(a));

    private static Gen<string> DigitString(int min, int max) => Gen.Char["0123456789"].Array[min, max].Select(a => new string(a));

    /// <summary>Any text: ASCII, BMP, surrogate pairs, lone surrogates, combining marks, right-to-left, controls.</summary>
    private static readonly Gen<string> AnyText = Gen.OneOf(
        Gen.String,
        Gen.Char.Array[0, 40].Select(a => new string(a)),
        Gen.Char["abc@.-+ 0123456789()XxÉé\u0301\u05D0\u0627\u202E\uD83D\uDE00\uD800\u4E2D\u3000\t"].Array[0, 40].Select(a => new string(a)));

    private static readonly Func<string?, string?>[] Conventions =
    {
        PiiMask.Email, PiiMask.Phone, PiiMask.PaymentCard, PiiMask.NationalId, PiiMask.Identifier, PiiMask.BankAccount,
        PiiMask.IpAddress, PiiMask.Name, PiiMask.DateOfBirth, PiiMask.Erase, PiiMask.ShowFirst, PiiMask.ShowLastFour,
    };

    [Fact]
    public void EveryConvention_ReturnsNullForNull()
    {
        foreach (var convention in Conventions)
        {
            Assert.Null(convention(null));
        }

        foreach (PiiKind kind in Enum.GetValues<PiiKind>())
        {
            foreach (MaskStyle style in Enum.GetValues<MaskStyle>())
            {
                Assert.Null(PiiMask.Apply((string?)null, kind, style));
                Assert.Null(PiiMask.Apply((object?)null, kind, style));
            }
        }
    }

    [Fact]
    public void EveryPublicStringConvention_IsCoveredByTheseTests()
    {
        var covered = Conventions.Select(c => c.Method.Name).ToHashSet();
        var methods = typeof(PiiMask).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.ReturnType == typeof(string) && m.GetParameters() is [{ ParameterType: var p }] && p == typeof(string))
            .Select(m => m.Name)
            .ToList();
        Assert.NotEmpty(methods);
        Assert.All(methods, name => Assert.Contains(name, covered));
    }

    [Fact]
    public void NothingThrows_OnAnyText_ForAnyKindAndStyle()
    {
        var kinds = Enum.GetValues<PiiKind>();
        var styles = Enum.GetValues<MaskStyle>();
        AnyText.Sample(s =>
        {
            foreach (var convention in Conventions)
            {
                Assert.NotNull(convention(s));
            }

            foreach (var kind in kinds)
            {
                foreach (var style in styles)
                {
                    Assert.NotNull(PiiMask.Apply(s, kind, style));
                }
            }
        }, iter: Iterations);
    }

    [Fact]
    public void VeryLongInputs_NeverThrow_AndAreNeverShownWhole()
    {
        // Up to 20,000 characters: pasted documents, base64 blobs, repeated digits.
        Gen.OneOf(Gen.Char.Array[1_000, 20_000].Select(a => new string(a)), DigitString(1_000, 20_000), Gen.Char.AlphaNumeric.Array[1_000, 20_000].Select(a => new string(a)))
            .Sample(s =>
            {
                foreach (var kind in Enum.GetValues<PiiKind>())
                {
                    foreach (var style in Enum.GetValues<MaskStyle>())
                    {
                        string masked = PiiMask.Apply(s, kind, style)!;
                        Assert.True(masked.Length < 1_000 || !masked.Contains(s[..1_000], StringComparison.Ordinal), $"{kind}/{style} kept the first 1,000 characters");
                    }
                }
            }, iter: 60);
    }

    [Fact]
    public void NoConvention_ShowsAValueWhole()
    {
        // A value of 2+ characters (without the mask character itself) never comes back unchanged, nor inside the output.
        AnyText.Select(s => "q" + s.Replace("*", "") + "7").Sample(s =>
        {
            foreach (var kind in Enum.GetValues<PiiKind>())
            {
                foreach (var style in Enum.GetValues<MaskStyle>())
                {
                    string masked = PiiMask.Apply(s, kind, style)!;
                    Assert.False(masked.Contains(s.Trim(), StringComparison.Ordinal), $"{kind}/{style} showed '{s}' whole as '{masked}'");
                }
            }
        }, iter: Iterations);
    }

    [Fact]
    public void PaymentCard_ShowsAtMostFirstSixAndLastFour()
    {
        DigitString(16, 19).Sample(pan =>
        {
            string masked = PiiMask.PaymentCard(pan)!;
            Assert.Equal(pan.Length, masked.Length);
            Assert.Equal(pan[..6], masked[..6]);
            Assert.Equal(pan[^4..], masked[^4..]);
            Assert.All(masked[6..^4], c => Assert.Equal('*', c));
        }, iter: Iterations);
    }

    [Fact]
    public void PaymentCard_ShorterNumbers_ShowLastFourOnly()
    {
        DigitString(12, 15).Sample(pan =>
        {
            string masked = PiiMask.PaymentCard(pan)!;
            Assert.Equal(4, masked.Count(char.IsDigit));
            Assert.EndsWith(pan[^4..], masked);
        }, iter: Iterations);
    }

    [Fact]
    public void PaymentCard_WithSeparators_StillHidesTheMiddle()
    {
        DigitString(16, 16).Sample(pan =>
        {
            string spaced = string.Join(" ", Enumerable.Range(0, 4).Select(i => pan.Substring(i * 4, 4)));
            Assert.Equal(PiiMask.PaymentCard(pan), PiiMask.PaymentCard(spaced));
        }, iter: Iterations);
    }

    [Fact]
    public void PaymentCard_TooShortTooLongOrMalformed_IsErased()
    {
        Gen.OneOf(DigitString(0, 11), DigitString(20, 40), AnyText.Select(s => s + "#"))
            .Sample(s => Assert.Equal(PiiMask.Erased, PiiMask.PaymentCard(s)), iter: Iterations);
    }

    [Fact]
    public void ChineseResidentId_NeverShowsBirthDateOrSexDigits()
    {
        Gen.Select(DigitString(17, 17), Gen.Char["0123456789X"]).Sample((body, check) =>
        {
            string id = body + check;
            string masked = PiiMask.NationalId(id)!;
            Assert.Equal(18, masked.Length);
            Assert.Equal(id[..2], masked[..2]);
            Assert.All(masked[2..17], c => Assert.Equal('*', c)); // region detail, birth date, sequence and sex digits
            Assert.Equal(check, masked[17]);
        }, iter: Iterations);
    }

    [Fact]
    public void Ssn_ShowsLastFourOnly()
    {
        Gen.Select(DigitString(3, 3), DigitString(2, 2), DigitString(4, 4)).Sample((a, b, c) =>
        {
            Assert.Equal("***-**-" + c, PiiMask.NationalId($"{a}-{b}-{c}"));
            Assert.Equal("***-**-" + c, PiiMask.NationalId(a + b + c));
        }, iter: Iterations);
    }

    [Fact]
    public void Identifiers_ShowAtMostTwoCharacters()
    {
        Gen.Char.AlphaNumeric.Array[8, 30].Select(a => new string(a)).Sample(id =>
        {
            string masked = PiiMask.Identifier(id)!;
            Assert.Equal("***" + id[^2..], masked);
        }, iter: Iterations);
        Gen.Char.AlphaNumeric.Array[0, 7].Select(a => new string(a)).Sample(id => Assert.Equal(PiiMask.Erased, PiiMask.Identifier(id)), iter: Iterations);
    }

    [Fact]
    public void Email_ShowsFirstCharacterOfLocalPartAndDomainOnly()
    {
        var local = Gen.Char.AlphaNumeric.Array[2, 20].Select(a => new string(a));
        var label = Gen.Char.AlphaNumeric.Array[1, 10].Select(a => new string(a));
        Gen.Select(local, label, Gen.Char.AlphaNumeric.Array[2, 5].Select(a => new string(a))).Sample((l, d, tld) =>
        {
            string domain = d + "." + tld;
            Assert.Equal(l[0] + "***@" + domain, PiiMask.Email(l + "@" + domain));
        }, iter: Iterations);
    }

    [Fact]
    public void Email_OneCharacterLocalPart_ShowsDomainOnly()
    {
        Assert.Equal("***@example.com", PiiMask.Email("j@example.com"));
    }

    [Fact]
    public void Email_Malformed_IsErased()
    {
        Gen.OneOf(AnyText.Select(s => s.Replace("@", "")), AnyText.Select(s => s + "@@")).Sample(s => Assert.Equal(PiiMask.Erased, PiiMask.Email(s)), iter: Iterations);
        foreach (string bad in new[] { "@example.com", "john@", "john@localhost", "jo hn@example.com", "john@exa mple.com", "john@@example.com", "john@.com", "john@example..com" })
        {
            Assert.Equal(PiiMask.Erased, PiiMask.Email(bad));
        }
    }

    [Fact]
    public void Phone_ShowsCountryCodeAndAtMostFourLastDigits()
    {
        Gen.Select(DigitString(1, 3), DigitString(10, 12)).Sample((cc, national) =>
        {
            string masked = PiiMask.Phone("+" + cc + " " + national)!;
            Assert.Equal("+" + cc + " ***" + national[^4..], masked);
        }, iter: Iterations);
        DigitString(7, 9).Sample(n => Assert.Equal("***" + n[^2..], PiiMask.Phone(n)), iter: Iterations);
    }

    [Fact]
    public void Phone_TooShortOrWithLetters_IsErased()
    {
        DigitString(0, 6).Sample(n => Assert.Equal(PiiMask.Erased, PiiMask.Phone(n)), iter: Iterations);
        AnyText.Select(s => s + "x").Sample(s => Assert.Equal(PiiMask.Erased, PiiMask.Phone(s)), iter: Iterations);
    }

    [Fact]
    public void Phone_RevealsAtMostFourNationalDigits_OnAnyText()
    {
        AnyText.Sample(s =>
        {
            string masked = PiiMask.Phone(s)!;
            string national = masked.StartsWith('+') ? masked[(masked.IndexOf(' ') + 1)..] : masked;
            Assert.True(national.Count(char.IsAsciiDigit) <= 4, masked);
        }, iter: Iterations);
    }

    [Fact]
    public void Ipv4_ZeroesTheHostOctet()
    {
        Gen.Select(Gen.Byte, Gen.Byte, Gen.Byte, Gen.Byte).Sample((a, b, c, d) =>
            Assert.Equal($"{a}.{b}.{c}.0", PiiMask.IpAddress($"{a}.{b}.{c}.{d}")), iter: Iterations);
    }

    [Fact]
    public void Ipv6_KeepsOnlyTheFirst48Bits()
    {
        Gen.Byte.Array[16].Sample(bytes =>
        {
            var ip = new System.Net.IPAddress(bytes);
            if (ip.IsIPv4MappedToIPv6)
            {
                return;
            }

            var masked = System.Net.IPAddress.Parse(PiiMask.IpAddress(ip.ToString())!).GetAddressBytes();
            Assert.Equal(bytes[..6], masked[..6]);
            Assert.All(masked[6..], x => Assert.Equal(0, x));
        }, iter: Iterations);
    }

    [Fact]
    public void IpAddress_Malformed_IsErased()
    {
        foreach (string bad in new[] { "1", "1.2", "999.1.1.1", "localhost", "", "1.2.3.4.5" })
        {
            Assert.Equal(PiiMask.Erased, PiiMask.IpAddress(bad));
        }
    }

    [Fact]
    public void Name_ShowsFirstCharacterOfEachPartOnly()
    {
        var part = Gen.Char.AlphaNumeric.Array[2, 12].Select(a => new string(a));
        part.Array[1, 4].Sample(parts =>
        {
            string masked = PiiMask.Name(string.Join(" ", parts))!;
            Assert.Equal(string.Join(" ", parts.Select(p => p[0] + "***")), masked);
        }, iter: Iterations);
        Assert.Equal("张**", PiiMask.Name("张三丰"));
    }

    [Fact]
    public void Name_RevealsAtMostOneCharacterPerPart_OnAnyText()
    {
        AnyText.Sample(s =>
        {
            string masked = PiiMask.Name(s)!;
            foreach (string part in masked.Split(' '))
            {
                Assert.True(part.Replace("*", "").Length <= 2, masked); // one code point: 1 or 2 UTF-16 units
            }
        }, iter: Iterations);
    }

    [Fact]
    public void DateOfBirth_KeepsTheYearOnly()
    {
        Gen.DateTime.Where(d => d.Year >= 1000).Sample(d =>
        {
            string expected = d.Year.ToString("D4") + "-**-**";
            Assert.Equal(expected, PiiMask.DateOfBirth(d));
            Assert.Equal(expected, PiiMask.DateOfBirth(d.ToString("yyyy-MM-dd")));
            Assert.Equal(expected, PiiMask.Apply((object)d, PiiKind.DateOfBirth));
        }, iter: Iterations);
        Assert.Equal(PiiMask.Erased, PiiMask.DateOfBirth("not a date at all"));
    }

    [Fact]
    public void BankAccount_IbanKeepsCountryAndLastFour()
    {
        Gen.Select(Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZ"].Array[2], DigitString(2, 2), Gen.Char.AlphaNumeric.Array[11, 30].Select(a => new string(a))).Sample((cc, check, bban) =>
        {
            string iban = new string(cc) + check + bban;
            string masked = PiiMask.BankAccount(iban)!;
            Assert.Equal(iban.Length, masked.Length);
            Assert.Equal(new string(cc), masked[..2]);
            Assert.Equal(iban[^4..], masked[^4..]);
            Assert.All(masked[2..^4], c => Assert.Equal('*', c));
        }, iter: Iterations);
        DigitString(8, 20).Sample(n => Assert.Equal("****" + n[^4..], PiiMask.BankAccount(n)), iter: Iterations);
    }

    [Fact]
    public void ShowFirstAndShowLastFour_FailClosedOnShortValues()
    {
        // Generated short directly (a Where filter over AnyText would skip too many samples).
        Gen.Char.Array[0, 3].Select(a => new string(a)).Sample(s => Assert.Equal(PiiMask.Erased, PiiMask.ShowFirst(s)), iter: Iterations);
        Gen.Char.Array[0, 7].Select(a => new string(a)).Sample(s => Assert.Equal(PiiMask.Erased, PiiMask.ShowLastFour(s)), iter: Iterations);
    }

    [Fact]
    public void Masks_NeverSplitASurrogatePair()
    {
        AnyText.Sample(s =>
        {
            foreach (var kind in Enum.GetValues<PiiKind>())
            {
                string masked = PiiMask.Apply(s, kind)!;
                for (int i = 0; i < masked.Length; i++)
                {
                    if (char.IsHighSurrogate(masked[i]) && (i + 1 >= masked.Length || !char.IsLowSurrogate(masked[i + 1])))
                    {
                        // Only a lone surrogate already present in the input may pass through, never one we created by cutting.
                        Assert.Contains(masked[i], s);
                    }
                }
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Pseudonymize_IsKeyedDeterministicAndHidesTheValue()
    {
        byte[] key1 = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        byte[] key2 = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        DigitString(11, 11).Sample(phone =>
        {
            string p1 = PiiMask.Pseudonymize(phone, key1)!;
            Assert.Equal(p1, PiiMask.Pseudonymize(phone, key1));
            Assert.NotEqual(p1, PiiMask.Pseudonymize(phone, key2));
            Assert.Matches(new Regex("^pii:[0-9a-f]{16}$"), p1);
        }, iter: 500);
        Assert.Null(PiiMask.Pseudonymize(null, key1));
        Assert.Throws<ArgumentException>(() => PiiMask.Pseudonymize("x", new byte[8]));
    }

    [Fact]
    public void Append_WritesExactlyWhatApplyReturns_AfterExistingText()
    {
        Gen.OneOf(AnyText, DigitString(7, 19), Gen.Const("john.smith@example.com"), Gen.Const("11010519491231002X"), Gen.Const("+86 138 0013 8000"), Gen.Const("Zhang Wei"))
            .Sample(s =>
            {
                var builder = new System.Text.StringBuilder(); // Sample runs on several threads: one builder each
                foreach (var kind in Enum.GetValues<PiiKind>())
                {
                    foreach (var style in Enum.GetValues<MaskStyle>())
                    {
                        builder.Clear().Append("prefix:");
                        PiiMask.Append(builder, s, kind, style);
                        Assert.Equal("prefix:" + PiiMask.Apply(s, kind, style), builder.ToString());
                    }
                }
            }, iter: Iterations);
        Assert.Equal("x", PiiMask.Append(new System.Text.StringBuilder("x"), null, PiiKind.Email).ToString());
        Assert.Throws<ArgumentNullException>(() => PiiMask.Append(null!, "a", PiiKind.Email));
    }

    [Fact]
    public void Apply_UsesTheStyleBeforeTheKind()
    {
        Assert.Equal(PiiMask.Erased, PiiMask.Apply("john@example.com", PiiKind.Email, MaskStyle.Erase));
        Assert.Equal("j***", PiiMask.Apply("john@example.com", PiiKind.Email, MaskStyle.ShowFirst));
        Assert.Equal("***.com", PiiMask.Apply("john@example.com", PiiKind.Email, MaskStyle.ShowLastFour));
        Assert.Equal("j***@example.com", PiiMask.Apply("john@example.com", PiiKind.Email));
    }

    [Fact]
    public void SensitiveKinds_MatchTheContract()
    {
        var sensitive = Enum.GetValues<PiiKind>().Where(PiiKinds.IsSensitiveByDefault).Select(k => k.ToString()).OrderBy(x => x);
        Assert.Equal(
            new[] { "BankAccount", "Biometric", "CriminalRecord", "DriverLicense", "Ethnicity", "Genetic", "Health", "Immigration", "Location", "NationalId", "Passport", "PaymentCard", "Photo", "PoliticalOpinion", "Religion", "SexualOrientation", "TradeUnion" },
            sensitive);
        Assert.Equal("a template name", new NotPiiAttribute("a template name").Reason);
        Assert.True(new PiiAttribute(PiiKind.Health).Sensitive);
        Assert.False(new PiiAttribute(PiiKind.Email).Sensitive);
        Assert.True(new PiiAttribute(PiiKind.Email) { Sensitive = true }.Sensitive);
    }
}
