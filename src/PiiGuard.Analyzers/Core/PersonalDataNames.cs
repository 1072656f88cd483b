using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;

namespace PiiGuard.Analyzers.Core
{
    /// <summary>
    /// Recognises member names that say "personal data" (PII008), in English and in common pinyin spellings.
    /// A name is split into words (camelCase, PascalCase, ACRONYMS, underscores, digits); a known phrase must cover
    /// whole words (so Hotel is not Tel, Mailbox is not Mail), and the remaining words must not turn the name into
    /// metadata about the data (EmailTemplate, PhoneCount, EmailSentAt, IsEmailConfirmed, SupportEmail, AddressId).
    /// The member's type is checked separately (see <see cref="KindTypes"/>).
    /// </summary>
    internal static class PersonalDataNames
    {
        /// <summary>What values a kind is held in, beyond strings.</summary>
        [Flags]
        internal enum KindTypes
        {
            /// <summary>Strings only (string, char[], string collections).</summary>
            Text = 0,
            /// <summary>Also DateTime, DateTimeOffset, DateOnly.</summary>
            Date = 1,
            /// <summary>Also double, float, decimal.</summary>
            Coordinate = 2,
            /// <summary>Also System.Net.IPAddress.</summary>
            IpAddress = 4,
        }

        /// <summary>A recognised name: the kind name (PiiKind) and the types the kind may be held in.</summary>
        internal readonly struct Match
        {
            public Match(string kind, KindTypes types)
            {
                Kind = kind;
                Types = types;
            }

            public string Kind { get; }

            public KindTypes Types { get; }
        }

        // Phrases are written without separators, lower case; they match any split of the same letters into whole
        // words (IdCard, IDCard, Idcard, id_card; ShenFenZheng, Shenfenzheng).
        private static readonly ImmutableDictionary<string, string> Phrases = new Dictionary<string, string>
        {
            // Email
            ["email"] = "Email", ["emailaddress"] = "Email", ["mailaddress"] = "Email", ["youxiang"] = "Email", ["dianziyouxiang"] = "Email",
            // Phone
            ["phone"] = "Phone", ["phonenumber"] = "Phone", ["phoneno"] = "Phone", ["mobile"] = "Phone", ["mobilenumber"] = "Phone", ["mobilephone"] = "Phone",
            ["mobileno"] = "Phone", ["tel"] = "Phone", ["telephone"] = "Phone", ["telno"] = "Phone", ["cellphone"] = "Phone", ["cellnumber"] = "Phone",
            ["shouji"] = "Phone", ["shoujihao"] = "Phone", ["shoujihaoma"] = "Phone", ["dianhua"] = "Phone", ["dianhuahaoma"] = "Phone", ["lianxidianhua"] = "Phone",
            // National identity numbers
            ["ssn"] = "NationalId", ["socialsecuritynumber"] = "NationalId", ["socialsecurityno"] = "NationalId", ["nationalid"] = "NationalId",
            ["nationalidnumber"] = "NationalId", ["nationalidentitynumber"] = "NationalId", ["idcard"] = "NationalId", ["idcardno"] = "NationalId",
            ["idcardnumber"] = "NationalId", ["idnumber"] = "NationalId", ["idno"] = "NationalId", ["identitynumber"] = "NationalId",
            ["identitycard"] = "NationalId", ["residentid"] = "NationalId", ["citizenid"] = "NationalId", ["personalnumber"] = "NationalId",
            ["shenfenzheng"] = "NationalId", ["shenfenzhenghao"] = "NationalId", ["shenfenzhenghaoma"] = "NationalId", ["sfz"] = "NationalId",
            ["sfzh"] = "NationalId", ["sfzhm"] = "NationalId", ["zhengjianhao"] = "NationalId", ["zhengjianhaoma"] = "NationalId",
            // Passport, driving licence, tax id
            ["passport"] = "Passport", ["passportnumber"] = "Passport", ["passportno"] = "Passport", ["huzhao"] = "Passport", ["huzhaohao"] = "Passport",
            ["driverlicense"] = "DriverLicense", ["driverslicense"] = "DriverLicense", ["drivinglicence"] = "DriverLicense", ["drivinglicense"] = "DriverLicense",
            ["driverlicensenumber"] = "DriverLicense", ["jiazhao"] = "DriverLicense",
            ["taxid"] = "TaxId", ["taxnumber"] = "TaxId", ["taxidentificationnumber"] = "TaxId", ["taxpayerid"] = "TaxId",
            // Financial accounts and payment cards
            ["iban"] = "BankAccount", ["bankaccount"] = "BankAccount", ["bankaccountnumber"] = "BankAccount", ["bankaccountno"] = "BankAccount",
            ["bankcard"] = "BankAccount", ["bankcardnumber"] = "BankAccount", ["bankcardno"] = "BankAccount", ["yinhangka"] = "BankAccount", ["yinhangkahao"] = "BankAccount",
            ["yinhangzhanghao"] = "BankAccount",
            ["cardnumber"] = "PaymentCard", ["cardno"] = "PaymentCard", ["creditcard"] = "PaymentCard", ["creditcardnumber"] = "PaymentCard",
            ["debitcard"] = "PaymentCard", ["debitcardnumber"] = "PaymentCard", ["cvv"] = "PaymentCard", ["cvc"] = "PaymentCard", ["kahao"] = "PaymentCard",
            // Postal address
            ["address"] = "PostalAddress", ["streetaddress"] = "PostalAddress", ["street"] = "PostalAddress", ["postaladdress"] = "PostalAddress",
            ["addressline"] = "PostalAddress", ["zipcode"] = "PostalAddress", ["postalcode"] = "PostalAddress", ["postcode"] = "PostalAddress",
            ["dizhi"] = "PostalAddress", ["zhuzhi"] = "PostalAddress", ["jiatingzhuzhi"] = "PostalAddress", ["shouhuodizhi"] = "PostalAddress",
            // Date of birth
            ["dateofbirth"] = "DateOfBirth", ["dob"] = "DateOfBirth", ["birthday"] = "DateOfBirth", ["birthdate"] = "DateOfBirth", ["birthdt"] = "DateOfBirth",
            ["bornon"] = "DateOfBirth", ["shengri"] = "DateOfBirth", ["chushengriqi"] = "DateOfBirth",
            // IP address, device ids
            ["ipaddress"] = "IpAddress", ["ip"] = "IpAddress", ["ipaddr"] = "IpAddress", ["clientip"] = "IpAddress", ["remoteip"] = "IpAddress",
            ["macaddress"] = "DeviceId", ["imei"] = "DeviceId", ["deviceid"] = "DeviceId", ["advertisingid"] = "DeviceId", ["idfa"] = "DeviceId",
            // Whereabouts
            ["latitude"] = "Location", ["longitude"] = "Location", ["lat"] = "Location", ["lng"] = "Location", ["geolocation"] = "Location",
            ["gpslocation"] = "Location", ["coordinates"] = "Location", ["jingdu"] = "Location", ["weidu"] = "Location",
            // Names (a bare "Name" is too often a product's or a file's)
            ["fullname"] = "Name", ["firstname"] = "Name", ["lastname"] = "Name", ["surname"] = "Name", ["givenname"] = "Name", ["familyname"] = "Name",
            ["middlename"] = "Name", ["maidenname"] = "Name", ["legalname"] = "Name", ["forename"] = "Name", ["xingming"] = "Name",
            ["customername"] = "Name", ["contactname"] = "Name", ["patientname"] = "Name", ["personname"] = "Name", ["employeename"] = "Name",
            ["cardholdername"] = "Name", ["holdername"] = "Name", ["accountholdername"] = "Name", ["recipientname"] = "Name", ["realname"] = "Name",
            ["zhenshixingming"] = "Name",
            // Account names
            ["username"] = "Username", ["loginname"] = "Username",
        }.ToImmutableDictionary(StringComparer.Ordinal);

        private static readonly int LongestPhraseWords = 6;

        // Words that, next to the phrase, make the name about the data rather than the data.
        private static readonly ImmutableHashSet<string> MetadataWords = ImmutableHashSet.Create(StringComparer.Ordinal,
            // flags and state
            "is", "has", "can", "should", "allow", "allows", "require", "requires", "enable", "enabled", "disabled", "confirmed", "confirmation",
            "verified", "verification", "validated", "validation", "valid", "invalid", "status", "state", "visible", "visibility", "required", "changed",
            "opt", "optin", "optout", "consent", "unsubscribed", "bounced", "sent", "delivered", "received", "changes",
            // counts and limits
            "count", "length", "max", "min", "limit", "size", "total", "of", "attempts", "retries", "retry",
            // time stamps
            "at", "on", "utc", "time", "timestamp", "date", "when", "expiry", "expires", "expiration", "updated", "created",
            // shape and handling
            "type", "kind", "format", "pattern", "regex", "mask", "masked", "hash", "hashed", "encrypted", "template", "subject", "body", "header",
            "footer", "label", "caption", "title", "description", "hint", "placeholder", "prompt", "message", "error", "errors", "field", "column",
            "property", "attribute", "key", "policy", "rule", "rules", "provider", "service", "client", "settings", "options", "config",
            "configuration", "queue", "topic", "channel", "prefix", "suffix", "separator", "domain", "version", "token", "url", "uri", "link",
            "path", "file", "source", "family", "space", "range", "book", "device", "app", "platform", "os", "browser", "view",
            "layout", "page", "screen", "model", "brand", "vendor", "manufacturer", "carrier", "operator", "plan", "tariff",
            // references to the data, not the data
            "id", "ids", "guid", "ref", "reference", "index", "idx",
            // not a person's: technical and organisational addresses
            "support", "noreply", "no", "reply", "system", "default", "sample", "example", "test", "fake", "dummy", "server", "host", "smtp",
            "base", "web", "endpoint", "listen", "bind", "proxy", "gateway", "memory", "wallet", "contract", "broker", "network", "net", "socket",
            "local", "loopback", "multicast", "broadcast", "subnet", "dns", "return", "ip", "mac", "email", "mail",
            // code and verification digits
            "code", "otp", "totp", "pin", "extension", "prefix", "country", "area", "region",
            // the message or its rendering, not the address (EmailContent, VerifyYourEmailHtmlCopy)
            "content", "text", "html", "copy", "action", "callback", "sso", "claim", "metadata", "event", "job",
            // a business's, not a person's (CompanyAddress, BusinessTaxNumber, VendorEmail)
            "business", "company", "corporate", "store", "shop", "merchant", "vendor", "supplier", "warehouse",
            // a place's, not a person's (MeetingLocationAddress, VenuePostalCode), and origins of shipments (AddressFrom)
            "location", "venue", "meeting", "facility", "site", "from", "origin");

        /// <summary>Recognises a member name; null when it does not say personal data.</summary>
        public static Match? Recognise(string name)
        {
            List<string> words = SplitWords(name);
            if (words.Count == 0)
            {
                return null;
            }

            // The longest phrase wins; on a tie the first.
            int bestStart = -1, bestEnd = -1;
            string? bestKind = null;
            for (int start = 0; start < words.Count; start++)
            {
                var sb = new StringBuilder();
                for (int end = start; end < words.Count && end - start < LongestPhraseWords; end++)
                {
                    sb.Append(words[end]);
                    if (TryPhrase(sb.ToString(), end == words.Count - 1, out string? kind) && (bestKind is null || end - start > bestEnd - bestStart))
                    {
                        bestStart = start;
                        bestEnd = end;
                        bestKind = kind;
                    }
                }
            }

            if (bestKind is null)
            {
                return null;
            }

            for (int i = 0; i < words.Count; i++)
            {
                if (i >= bestStart && i <= bestEnd)
                {
                    continue;
                }

                string word = words[i];
                if (MetadataWords.Contains(word) || (word.Length > 3 && word.EndsWith("s", StringComparison.Ordinal) && MetadataWords.Contains(word.Substring(0, word.Length - 1))))
                {
                    return null;
                }
            }

            return new Match(bestKind, TypesOf(bestKind));
        }

        private static bool TryPhrase(string text, bool isLast, out string? kind)
        {
            if (Phrases.TryGetValue(text, out kind))
            {
                return true;
            }

            // Plurals of the last word: Emails, PhoneNumbers, Addresses.
            if (isLast && text.Length > 3)
            {
                if (text.EndsWith("es", StringComparison.Ordinal) && Phrases.TryGetValue(text.Substring(0, text.Length - 2), out kind) && kind == "PostalAddress")
                {
                    return true;
                }

                if (text.EndsWith("s", StringComparison.Ordinal) && !text.EndsWith("ss", StringComparison.Ordinal) && Phrases.TryGetValue(text.Substring(0, text.Length - 1), out kind))
                {
                    return true;
                }
            }

            kind = null;
            return false;
        }

        private static KindTypes TypesOf(string kind) => kind switch
        {
            "DateOfBirth" => KindTypes.Date,
            "Location" => KindTypes.Coordinate,
            "IpAddress" => KindTypes.IpAddress,
            _ => KindTypes.Text,
        };

        /// <summary>
        /// Splits an identifier into lower-case words: <c>m_homeIPAddress2</c> gives home, ip, address, 2;
        /// <c>SHEN_FEN_ZHENG</c> gives shen, fen, zheng.
        /// </summary>
        public static List<string> SplitWords(string name)
        {
            var words = new List<string>();
            if (name.StartsWith("m_", StringComparison.Ordinal) || name.StartsWith("s_", StringComparison.Ordinal) || name.StartsWith("t_", StringComparison.Ordinal))
            {
                name = name.Substring(2);
            }

            var current = new StringBuilder();
            void Flush()
            {
                if (current.Length > 0)
                {
                    words.Add(current.ToString().ToLowerInvariant());
                    current.Clear();
                }
            }

            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                if (c == '_' || c == '@' || c == '-')
                {
                    Flush();
                    continue;
                }

                if (current.Length > 0)
                {
                    char previous = name[i - 1];
                    bool boundary =
                        (char.IsUpper(c) && char.IsLower(previous))
                        || (char.IsUpper(c) && char.IsUpper(previous) && i + 1 < name.Length && char.IsLower(name[i + 1]))
                        || (char.IsDigit(c) != char.IsDigit(previous));
                    if (boundary)
                    {
                        Flush();
                    }
                }

                current.Append(c);
            }

            Flush();
            return words;
        }
    }
}
