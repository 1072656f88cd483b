using PiiGuard;

namespace PiiGuard.Sample
{
    /// <summary>
    /// A person applying for an account. Every personal member is annotated, so PiiGuard follows it to the
    /// logs. [Pii] on a positional parameter marks the generated property as well.
    /// </summary>
    /// <remarks>
    /// GENERATED MASKING: with the PiiGuard masking generator in the build, [GenerateMasking] on this
    /// partial record makes it implement <see cref="IMaskable"/> (ToMaskedString) and replaces the
    /// compiler's PrintMembers, so ToString, interpolation and "{Applicant}" log arguments print
    /// "Zhang Wei" as "Z*** W***", the resident ID without its birth date and sex digits, and so on.
    /// </remarks>
    [GenerateMasking]
    public partial record Applicant(
        string ApplicationId,
        [Pii(PiiKind.Name)] string FullName,
        [Pii(PiiKind.Phone)] string Phone,
        [Pii(PiiKind.NationalId)] string ResidentId,
        [Pii(PiiKind.Email)] string Email,
        string Country);

    /// <summary>The card an applicant funds the account with.</summary>
    /// <remarks>GENERATED MASKING: ToString prints at most the first 6 and last 4 digits (PCI DSS).</remarks>
    [GenerateMasking]
    public partial record PaymentCardOnFile(
        [Pii(PiiKind.PaymentCard)] string CardNumber,
        [Pii(PiiKind.Name)] string CardHolder,
        string Network);

    /// <summary>The outcome of the KYC checks; holds no personal data.</summary>
    public sealed record KycResult(string ApplicationId, bool IdentityVerified, bool SanctionsHit, string RiskTier);
}
