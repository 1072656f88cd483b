using System;
using System.Security.Cryptography;
using System.Text;
using Clinic.Domain;
using Microsoft.Extensions.Logging;

namespace Clinic.App
{
    public sealed class Admissions
    {
        private static readonly byte[] Key = new byte[32];
        private readonly ILogger<Admissions> _logger;

        public Admissions(ILogger<Admissions> logger) => _logger = logger;

        public void Admit(Patient patient)
        {
            _logger.LogInformation("Admitting {Email} to {Ward}", patient.Email, patient.Ward); // LEAK: PII001 Patient.Email

            string pseudonym = Convert.ToHexString(HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes(patient.Email)));
            _logger.LogInformation("Admitted {Patient}", pseudonym); // PSEUDONYMISED: keyed hash of Patient.Email

            if (patient.Ward.Length == 0)
            {
                throw new InvalidOperationException("No ward for " + patient.PhoneNumber); // LEAK: PII004 Patient.PhoneNumber
            }

            _logger.LogWarning("Identity check for {Ssn}", patient.Ssn); // LEAK found by name (not annotated): PII001 Patient.Ssn
        }
    }

    public static class Program
    {
        public static void Main()
        {
        }
    }
}
