using System;
using System.Collections.Immutable;
using PiiGuard.Analyzers.Core;

namespace PiiGuard.Analyzers.Flow.Catalog
{
    /// <summary>
    /// Values that are personal data because of the API they come from, always on (DESIGN.md): the signed-in user's
    /// claims, ASP.NET Core Identity's lookups, the client's IP address and credentials headers, mail addresses. A user's
    /// own key (<c>GetUserId</c>, <c>IdentityUser.Id</c>) is pseudonymous: a source only under the <c>strict</c> preset.
    /// </summary>
    internal static class FrameworkSources
    {
        private const string ClaimsUri = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/";

        /// <summary>
        /// The personal claim types: System.Security.Claims.ClaimTypes and the OpenID Connect / JWT registered names.
        /// Claim types compare case-insensitively, as ClaimsPrincipal.FindFirst does.
        /// </summary>
        public static readonly ImmutableDictionary<string, int> PersonalClaimTypes = SourceRow.KeyTable(StringComparer.OrdinalIgnoreCase,
            (ClaimsUri + "emailaddress", PiiKindInfo.Email),
            (ClaimsUri + "name", PiiKindInfo.Username),
            (ClaimsUri + "givenname", PiiKindInfo.Name),
            (ClaimsUri + "surname", PiiKindInfo.Name),
            (ClaimsUri + "mobilephone", PiiKindInfo.Phone),
            (ClaimsUri + "homephone", PiiKindInfo.Phone),
            (ClaimsUri + "otherphone", PiiKindInfo.Phone),
            (ClaimsUri + "streetaddress", PiiKindInfo.PostalAddress),
            (ClaimsUri + "postalcode", PiiKindInfo.PostalAddress),
            (ClaimsUri + "dateofbirth", PiiKindInfo.DateOfBirth),
            (ClaimsUri + "upn", PiiKindInfo.Username),
            ("email", PiiKindInfo.Email),
            ("name", PiiKindInfo.Name),
            ("given_name", PiiKindInfo.Name),
            ("family_name", PiiKindInfo.Name),
            ("middle_name", PiiKindInfo.Name),
            ("nickname", PiiKindInfo.Name),
            ("phone_number", PiiKindInfo.Phone),
            ("birthdate", PiiKindInfo.DateOfBirth),
            ("address", PiiKindInfo.PostalAddress),
            ("preferred_username", PiiKindInfo.Username),
            ("unique_name", PiiKindInfo.Username),
            ("upn", PiiKindInfo.Username));

        /// <summary>
        /// Request headers that carry the client's address or credentials, by name and by the name of their
        /// Microsoft.Net.Http.Headers.HeaderNames field (those fields are static readonly, not constants).
        /// </summary>
        public static readonly ImmutableDictionary<string, int> PersonalHeaders = SourceRow.KeyTable(StringComparer.OrdinalIgnoreCase,
            ("X-Forwarded-For", PiiKindInfo.IpAddress),
            ("XForwardedFor", PiiKindInfo.IpAddress),
            ("X-Real-IP", PiiKindInfo.IpAddress),
            ("XRealIP", PiiKindInfo.IpAddress),
            ("Forwarded", PiiKindInfo.IpAddress),
            ("Cookie", PiiKindInfo.OnlineId),
            ("Authorization", PiiKindInfo.OnlineId));

        private const string Identity = "Microsoft.AspNetCore.Identity.";

        public static readonly ImmutableArray<SourceRow> Rows = ImmutableArray.Create(
            // Claims: the signed-in user's name, and the claims whose type is personal.
            SourceRow.Property("System.Security.Principal.IIdentity", "Name", PiiKindInfo.Username, "ClaimsPrincipal.Identity.Name", inherit: true,
                mentions: "Identity|Identities|IIdentity|ClaimsIdentity|GenericIdentity|WindowsIdentity"),
            SourceRow.KeyedMethod("System.Security.Claims.ClaimsPrincipal", "FindFirst|FindAll", "type", PersonalClaimTypes, "ClaimsPrincipal.{member}({key})"),
            SourceRow.KeyedMethod("System.Security.Claims.ClaimsIdentity", "FindFirst|FindAll", "type", PersonalClaimTypes, "ClaimsIdentity.{member}({key})"),
            SourceRow.KeyedMethod("System.Security.Claims.PrincipalExtensions", "FindFirstValue", "claimType", PersonalClaimTypes, "ClaimsPrincipal.FindFirstValue({key})"),
            SourceRow.KeyedMethod("System.Security.Claims.ClaimsPrincipal", "FindFirstValue", "claimType", PersonalClaimTypes, "ClaimsPrincipal.FindFirstValue({key})"),

            // ASP.NET Core Identity: lookups of the user's name, e-mail and phone, external logins, authenticator keys.
            SourceRow.Method(Identity + "UserManager`1", "GetUserNameAsync|GetUserName", PiiKindInfo.Username, "UserManager.{member}"),
            SourceRow.Method(Identity + "UserManager`1", "GetEmailAsync", PiiKindInfo.Email, "UserManager.{member}"),
            SourceRow.Method(Identity + "UserManager`1", "GetPhoneNumberAsync", PiiKindInfo.Phone, "UserManager.{member}"),
            SourceRow.Method(Identity + "UserManager`1", "GetLoginsAsync|GetAuthenticatorKeyAsync", PiiKindInfo.OnlineId, "UserManager.{member}"),
            SourceRow.Property(Identity + "UserLoginInfo", "ProviderKey", PiiKindInfo.OnlineId, "UserLoginInfo.ProviderKey", inherit: true),
            SourceRow.Method(Identity + "UserManager`1", "GetUserId|GetUserIdAsync", PiiKindInfo.OnlineId, "UserManager.{member}", pseudonymous: true),
            SourceRow.Property(Identity + "IdentityUser`1", "Id", PiiKindInfo.OnlineId, "IdentityUser.Id", pseudonymous: true, inherit: true),


            // HTTP: the client's address, its forwarded-for and credentials headers.
            SourceRow.Property("Microsoft.AspNetCore.Http.ConnectionInfo", "RemoteIpAddress", PiiKindInfo.IpAddress, "HttpContext.Connection.RemoteIpAddress", inherit: true),
            SourceRow.Property("Microsoft.AspNetCore.Http.Features.IHttpConnectionFeature", "RemoteIpAddress", PiiKindInfo.IpAddress, "IHttpConnectionFeature.RemoteIpAddress", inherit: true),
            SourceRow.KeyedIndexer("Microsoft.AspNetCore.Http.IHeaderDictionary", PersonalHeaders, "Request.Headers[{key}]", mentions: "Headers|IHeaderDictionary|HeaderDictionary"),
            SourceRow.Property("Microsoft.AspNetCore.Http.IHeaderDictionary", "Authorization|Cookie", PiiKindInfo.OnlineId, "Request.Headers.{member}"),
            SourceRow.Property("Microsoft.AspNetCore.Http.IHeaderDictionary", "XForwardedFor", PiiKindInfo.IpAddress, "Request.Headers.{member}"),

            // Mail addresses, as data that reaches a log (delivery to the recipient is not a leak: DESIGN.md).
            SourceRow.Property("System.Net.Mail.MailAddress", "Address|User", PiiKindInfo.Email, "MailAddress.{member}",
                mentions: "MailAddress|MailAddressCollection|From|To|CC|Bcc|ReplyTo|ReplyToList|Sender"),
            SourceRow.Property("System.Net.Mail.MailAddress", "DisplayName", PiiKindInfo.Name, "MailAddress.{member}"),
            SourceRow.Property("MimeKit.MailboxAddress", "Address|LocalPart", PiiKindInfo.Email, "MailboxAddress.{member}",
                mentions: "MailboxAddress|InternetAddressList|Mailboxes|From|To|Cc|Bcc|ReplyTo|Sender|ResentFrom|ResentTo|LocalPart"),
            SourceRow.Property("MimeKit.InternetAddress", "Name", PiiKindInfo.Name, "MailboxAddress.{member}", inherit: true,
                mentions: "InternetAddress|MailboxAddress|GroupAddress|InternetAddressList|Mailboxes|From|To|Cc|Bcc|ReplyTo|Sender|ResentFrom|ResentTo"));
    }
}
