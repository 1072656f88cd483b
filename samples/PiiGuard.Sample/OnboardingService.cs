using System;
using System.Text;
using Microsoft.Extensions.Logging;
using PiiGuard;

namespace PiiGuard.Sample
{
    /// <summary>
    /// Onboards an applicant: verifies the resident ID, calls the phone number, charges the card. Each step logs;
    /// the lines marked LEAK are what PiiGuard reports (PII001), the lines marked FIXED are their safe forms.
    /// </summary>
    public sealed class OnboardingService
    {
        // In production the key comes from a secret store; a pseudonym is only as safe as its key.
        private static readonly byte[] PseudonymKey = Encoding.UTF8.GetBytes("sample-only-key-not-a-secret-000");

        private readonly ILogger<OnboardingService> _logger;

        /// <summary>Creates the service.</summary>
        public OnboardingService(ILogger<OnboardingService> logger) => _logger = logger;

        /// <summary>Runs the KYC checks and opens the account.</summary>
        public KycResult Onboard(Applicant applicant, PaymentCardOnFile card)
        {
            _logger.LogInformation("Application {ApplicationId} received from {Country}", applicant.ApplicationId, applicant.Country);

            // LEAK (PII001): the whole resident ID, birth date and sex digits included, lands in the log.
            _logger.LogInformation("Verifying resident ID {ResidentId}", applicant.ResidentId);
            // FIXED: the ID's own convention hides the birth date and the sex digit.
            _logger.LogInformation("Verifying resident ID {ResidentId}", PiiMask.NationalId(applicant.ResidentId));
            bool identityVerified = HasValidChecksum(applicant.ResidentId);

            // LEAK (PII001): a phone number in clear text.
            _logger.LogInformation("Sending verification SMS to {Phone}", applicant.Phone);
            // FIXED: country code and last digits only.
            _logger.LogInformation("Sending verification SMS to {Phone}", PiiMask.Phone(applicant.Phone));

            // LEAK (PII001): a full card number (PCI DSS forbids storing it in logs).
            _logger.LogWarning("Card {CardNumber} needs 3-D Secure", card.CardNumber);
            // FIXED: at most the first 6 and last 4 digits.
            _logger.LogWarning("Card {CardNumber} needs 3-D Secure", PiiMask.PaymentCard(card.CardNumber));

            // FIXED: correlate log lines about one person without disclosing the e-mail (keyed, not a plain hash).
            _logger.LogInformation("Welcome mail queued for {Recipient} ({Pseudonym})",
                PiiMask.Email(applicant.Email), PiiMask.Pseudonymize(applicant.Email, PseudonymKey));

            var result = new KycResult(applicant.ApplicationId, identityVerified, SanctionsHit: false, RiskTier: "standard");
            _logger.LogInformation("KYC result {Result}", result); // no personal data: nothing to report
            return result;
        }

        /// <summary>GB 11643-1999 check digit of an 18-character Chinese resident identity number.</summary>
        private static bool HasValidChecksum(string residentId)
        {
            if (residentId.Length != 18)
            {
                return false;
            }

            int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
            const string checkDigits = "10X98765432";
            int sum = 0;
            for (int i = 0; i < 17; i++)
            {
                if (residentId[i] < '0' || residentId[i] > '9')
                {
                    return false;
                }

                sum += (residentId[i] - '0') * weights[i];
            }

            return char.ToUpperInvariant(residentId[17]) == checkDigits[sum % 11];
        }
    }
}
