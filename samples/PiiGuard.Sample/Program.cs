using System;
using Microsoft.Extensions.Logging;
using PiiGuard;
using PiiGuard.Sample;

// Sample data only: the resident ID is the worked example of GB 11643, the card a well-known test number.
var applicant = new Applicant(
    ApplicationId: "APP-2026-0042",
    FullName: "Zhang Wei",
    Phone: "+86 138 0013 8000",
    ResidentId: "11010519491231002X",
    Email: "zhang.wei@example.com",
    Country: "CN");
var card = new PaymentCardOnFile(CardNumber: "4111 1111 1111 1111", CardHolder: "ZHANG WEI", Network: "Visa");

Console.WriteLine("== Onboarding log (Microsoft.Extensions.Logging, console) ==");
using (ILoggerFactory loggerFactory = LoggerFactory.Create(builder => builder
    .SetMinimumLevel(LogLevel.Information)
    .AddSimpleConsole(options => options.SingleLine = true)))
{
    var service = new OnboardingService(loggerFactory.CreateLogger<OnboardingService>());
    service.Onboard(applicant, card);
} // disposing the factory flushes the console logger before the next section
Console.WriteLine("  (the clear-text ID, phone and card above are the deliberate leaks; `dotnet build` reports each as PII001)");

Console.WriteLine();
Console.WriteLine("== PiiMask: each kind's convention ==");
Print("Name", PiiMask.Apply(applicant.FullName, PiiKind.Name));
Print("Phone", PiiMask.Apply(applicant.Phone, PiiKind.Phone));
Print("Resident ID", PiiMask.Apply(applicant.ResidentId, PiiKind.NationalId));
Print("Payment card", PiiMask.Apply(card.CardNumber, PiiKind.PaymentCard));
Print("E-mail", PiiMask.Apply(applicant.Email, PiiKind.Email));
Print("Too short", PiiMask.Apply("123", PiiKind.PaymentCard) + "   (fails closed: erased)");
Print("Erase", PiiMask.Apply(applicant.FullName, PiiKind.Name, MaskStyle.Erase));

Console.WriteLine();
Console.WriteLine("== Records with [GenerateMasking] ==");
// GENERATED MASKING: the generator makes these records IMaskable and replaces their compiler-generated
// ToString (PrintMembers) with the masked form, so plain ToString() and interpolation are safe too.
PrintRecord("Applicant", applicant);
PrintRecord("Card on file", card);

static void PrintRecord(string label, object record)
{
    if (record is IMaskable maskable)
    {
        Print(label, maskable.ToMaskedString()); // GENERATED MASKING: ToMaskedString() written by the generator
        Print("  ToString()", record.ToString()); // GENERATED MASKING: the generated, masked PrintMembers
    }
    else
    {
        // Without the generator a record's ToString prints every member in clear text (PII006): not shown here.
        Print(label, "(masking generator not in this build; " + record.GetType().Name + " is not printed)");
    }
}

static void Print(string label, string? text) => Console.WriteLine($"  {label,-14} {text}");
