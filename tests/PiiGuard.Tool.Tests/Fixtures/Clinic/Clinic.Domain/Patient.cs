using Microsoft.AspNetCore.Identity;

namespace Clinic.Domain
{
    public class Patient
    {
        [PersonalData]
        public string Email { get; set; } = "";

        [PersonalData]
        public string PhoneNumber { get; set; } = "";

        public string Ssn { get; set; } = "";

        public string Ward { get; set; } = "";
    }
}
