using System.Collections.Immutable;

namespace PiiGuard.Analyzers.Flow.Catalog
{
    /// <summary>
    /// What carries no personal data, whatever it is given: parameters of these types are never sinks (an exception is
    /// reported where its message is built; an event id, a token, a logger), results of these types carry nothing
    /// (an Identity result says whether an operation succeeded), and the members of framework objects that describe
    /// rather than hold their value (a claim's type and issuer).
    /// </summary>
    internal static class NonCarriers
    {
        public static readonly ImmutableArray<TypeRow> Types = ImmutableArray.Create(
            new TypeRow("System.Exception", TypeRole.NotSinkParameter, inherit: true),
            new TypeRow("System.Threading.CancellationToken", TypeRole.NotSinkParameter),
            new TypeRow("Microsoft.Extensions.Logging.EventId", TypeRole.NotSinkParameter),
            new TypeRow("Microsoft.Extensions.Logging.ILogger", TypeRole.NotSinkParameter),
            new TypeRow("Microsoft.AspNetCore.Identity.IdentityResult", TypeRole.NotCarrier),
            new TypeRow("Microsoft.AspNetCore.Identity.IdentityError", TypeRole.NotCarrier),
            new TypeRow("Microsoft.AspNetCore.Identity.SignInResult", TypeRole.NotCarrier, inherit: true));

        public static readonly ImmutableArray<BarrierRow> Members = ImmutableArray.Create(
            new BarrierRow("System.Security.Claims.Claim", "Type|ValueType|Issuer|OriginalIssuer|Properties|Subject"));
    }
}
