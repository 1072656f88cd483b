using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace PiiGuard.Tool.Tests;

/// <summary>
/// piiguard annotate (issue 16, part 5): PII008's fix applied to a whole project from the command line, with PII008 switched
/// off in the project's .editorconfig (the tool forces it to warning for its run), idempotent, --dry-run writes nothing, the
/// result builds; bad arguments, projects that have not adopted PiiGuard and projects that do not compile exit 2.
/// </summary>
public sealed class AnnotateTests
{
    private static readonly string Fixture = Path.Combine(Run.RepositoryRoot, "tests", "PiiGuard.Tool.Tests", "Fixtures", "Adoption");

    [Fact]
    public void Annotates_the_members_named_like_personal_data_once_and_the_project_still_builds()
    {
        string root = Run.NewTempDirectory("annotate");
        try
        {
            CopyFixture(root);
            string customer = Path.Combine(root, "Customer.cs");
            string payments = Path.Combine(root, "Payments.cs");
            byte[] customerBefore = File.ReadAllBytes(customer);
            byte[] paymentsBefore = File.ReadAllBytes(payments);

            // --dry-run: the list, nothing written.
            ProcessResult dry = Run.Tool(root, "annotate", "Adoption.csproj", "--dry-run");
            Assert.True(dry.ExitCode == 0, dry.Describe());
            Assert.Contains("Adoption: 4 member(s) to annotate in 2 file(s)", dry.Output);
            Assert.Contains("Customer.cs(11,19): PII008 Customer.Email looks like personal data (Email)", dry.Output);
            Assert.Contains("Payments.cs(5,42): PII008 Shipment.RecipientName looks like personal data (Name)", dry.Output);
            Assert.Contains("--dry-run: 2 file(s) would change; nothing written", dry.Output);
            Assert.Equal(customerBefore, File.ReadAllBytes(customer));
            Assert.Equal(paymentsBefore, File.ReadAllBytes(payments));

            ProcessResult annotate = Run.Tool(root, "annotate", "Adoption.csproj", "--no-restore");
            Assert.True(annotate.ExitCode == 0, annotate.Describe());
            Assert.Contains("Adoption: 4 member(s) annotated in 2 file(s)", annotate.Output);
            Assert.Contains("wrote 2 file(s): 4 member(s) annotated", annotate.Output);

            string customerText = Text(customer);
            // using PiiGuard; added after the System usings, below the file header; each attribute below the doc comment.
            Assert.Contains("// Customer records of the shop.\n\nusing System;\nusing PiiGuard;\n\nnamespace Adoption;", customerText);
            Assert.Contains("    /// <summary>Where receipts go.</summary>\n    [Pii(PiiKind.Email)]\n    public string Email { get; set; } = \"\";", customerText);
            Assert.Contains("    [Pii(PiiKind.Phone)]\n    public string PhoneNumber { get; set; } = \"\";", customerText);
            Assert.Equal(2, Count(customerText, "[Pii("));

            string paymentsText = Text(payments);
            Assert.Contains("public sealed record Shipment([Pii(PiiKind.Name)] string RecipientName, string City, int Parcels);", paymentsText);
            Assert.Contains("        [Pii(PiiKind.BankAccount)]\n        public string Iban { get; set; } = \"\";", paymentsText);
            // Already annotated, declared not personal, suppressed in source, or not personal by name: untouched.
            Assert.Contains("        [Pii(PiiKind.PaymentCard)]\n        public string CardNumber", paymentsText);
            Assert.Contains("        [NotPii(\"the merchant's own account, printed on every invoice\")]\n        public string MerchantIban", paymentsText);
            Assert.Contains("#pragma warning disable PII008 // the payment provider's token, reviewed\n        public string PassportNumber", paymentsText);
            Assert.Equal(3, Count(paymentsText, "[Pii("));
            Assert.Equal(1, Count(paymentsText, "using PiiGuard;"));

            // A second run finds nothing and changes nothing.
            byte[] customerAfter = File.ReadAllBytes(customer);
            byte[] paymentsAfter = File.ReadAllBytes(payments);
            ProcessResult again = Run.Tool(root, "annotate", "Adoption.csproj", "--no-restore");
            Assert.True(again.ExitCode == 0, again.Describe());
            Assert.Contains("Adoption: 0 member(s) annotated in 0 file(s)", again.Output);
            Assert.Contains("nothing to change: no PII008 finding that a fix applies to", again.Output);
            Assert.Equal(customerAfter, File.ReadAllBytes(customer));
            Assert.Equal(paymentsAfter, File.ReadAllBytes(payments));

            // The annotated project compiles (warnings as errors).
            ProcessResult build = Run.DotnetCli(root, TimeSpan.FromMinutes(3), "build", "Adoption.csproj", "--no-restore", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-nologo");
            Assert.True(build.ExitCode == 0, build.Describe());
        }
        finally
        {
            Run.TryDelete(root);
        }
    }

    [Fact]
    public void Several_rules_are_fixed_in_order_each_pass_seeing_the_previous_one()
    {
        string root = Run.NewTempDirectory("annotate-rules");
        try
        {
            CopyFixture(root);
            File.WriteAllText(Path.Combine(root, "Report.cs"), """
                using System;

                namespace Adoption
                {
                    public static class Report
                    {
                        public static void Print(Customer customer, Payment payment)
                        {
                            Console.WriteLine("Customer " + customer.Email);
                            Console.WriteLine($"Card {payment.CardNumber}");
                        }
                    }
                }
                """);

            // PII008 first annotates Customer.Email; the PII001 pass then finds its leak as well as the card number's.
            ProcessResult result = Run.Tool(root, "annotate", "Adoption.csproj", "--diagnostics", "PII008,PII001");
            Assert.True(result.ExitCode == 0, result.Describe());
            Assert.Contains("Adoption: 6 finding(s) fixed in 3 file(s)", result.Output);
            Assert.Contains("Report.cs(9,45): PII001 Customer.Email (Email) reaches Console.WriteLine unmasked", result.Output);
            string report = Text(Path.Combine(root, "Report.cs"));
            Assert.Contains("Console.WriteLine(\"Customer \" + PiiMask.Apply(customer.Email, PiiKind.Email));", report);
            Assert.Contains("Console.WriteLine($\"Card {PiiMask.Apply(payment.CardNumber, PiiKind.PaymentCard)}\");", report);
            Assert.Contains("using System;\nusing PiiGuard;\n", report);
            Assert.Contains("    [Pii(PiiKind.Email)]\n    public string Email", Text(Path.Combine(root, "Customer.cs")));
        }
        finally
        {
            Run.TryDelete(root);
        }
    }

    [Fact]
    public void Bad_arguments_give_one_line_and_exit_2()
    {
        string root = Run.NewTempDirectory("annotate-args");
        try
        {
            CopyFixture(root);
            (string[] Args, string Message)[] cases =
            {
                (new[] { "annotate" }, "piiguard: give a .sln, .slnx or .csproj"),
                (new[] { "annotate", "Missing.csproj" }, "piiguard: no such file: "),
                (new[] { "annotate", "Adoption.csproj", "--diagnostics", "PII999" }, "piiguard: PII999 has no code fix; the rules with one: PII001, PII002"),
                (new[] { "annotate", "Adoption.csproj", "--diagnostics", "email" }, "piiguard: --diagnostics takes PiiGuard rule ids"),
                (new[] { "annotate", "Adoption.csproj", "--diagnostics" }, "piiguard: --diagnostics needs a value"),
                (new[] { "annotate", "Adoption.csproj", "--preset", "lenient" }, "piiguard: --preset takes recommended, strict or audit, not 'lenient'"),
                (new[] { "annotate", "Adoption.csproj", "--fix-everything" }, "piiguard: unknown option --fix-everything"),
            };
            foreach ((string[] args, string message) in cases)
            {
                ProcessResult result = Run.Tool(root, args);
                Assert.True(result.ExitCode == 2, result.Describe());
                Assert.Single(result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
                Assert.StartsWith(message, result.Output);
                FailClosedTests.AssertNoStackTrace(result);
            }

            ProcessResult help = Run.Tool(root, "annotate", "--help");
            Assert.True(help.ExitCode == 0, help.Describe());
            Assert.Contains("usage: piiguard annotate", help.Output);
        }
        finally
        {
            Run.TryDelete(root);
        }
    }

    [Fact]
    public void A_project_that_does_not_compile_or_has_not_adopted_PiiGuard_exits_2_and_nothing_is_written()
    {
        string root = Run.NewTempDirectory("annotate-fail");
        try
        {
            // Compiler errors: fail closed, nothing written (a fix on code that does not bind could be wrong).
            string adoption = Path.Combine(root, "adoption");
            Directory.CreateDirectory(adoption);
            CopyFixture(adoption);
            File.WriteAllText(Path.Combine(adoption, "Broken.cs"), "namespace Adoption { public class Broken { public int Count => ; } }\n");
            byte[] before = File.ReadAllBytes(Path.Combine(adoption, "Customer.cs"));
            ProcessResult broken = Run.Tool(adoption, "annotate", "Adoption.csproj");
            Assert.True(broken.ExitCode == 2, broken.Describe());
            Assert.Contains("piiguard: 1 project(s) not loaded, restored or compiled:", broken.Output);
            Assert.Matches(new Regex(@"Adoption: \d+ compiler error\(s\), first: Broken\.cs"), broken.Output);
            Assert.Contains("piiguard: nothing written", broken.Output);
            Assert.Equal(before, File.ReadAllBytes(Path.Combine(adoption, "Customer.cs")));
            FailClosedTests.AssertNoStackTrace(broken);

            // The Clinic solution has not adopted PiiGuard: no [Pii] to add.
            string clinic = Path.Combine(root, "clinic");
            Run.CopyDirectory(Path.Combine(Run.RepositoryRoot, "tests", "PiiGuard.Tool.Tests", "Fixtures", "Clinic"), clinic);
            byte[] patient = File.ReadAllBytes(Path.Combine(clinic, "Clinic.Domain", "Patient.cs"));
            ProcessResult stranger = Run.Tool(clinic, "annotate", "Clinic.sln");
            Assert.True(stranger.ExitCode == 2, stranger.Describe());
            Assert.Contains("note: Clinic.Domain does not reference PiiGuard (add the PiiGuard.Analyzers package first): skipped", stranger.Output);
            Assert.Contains("piiguard: no project in Clinic.sln references PiiGuard and compiles: add the PiiGuard.Analyzers package, then annotate", stranger.Output);
            Assert.Equal(patient, File.ReadAllBytes(Path.Combine(clinic, "Clinic.Domain", "Patient.cs")));
            FailClosedTests.AssertNoStackTrace(stranger);
        }
        finally
        {
            Run.TryDelete(root);
        }
    }

    /// <summary>
    /// End to end on the packed PiiGuard.Analyzers package under the audit preset, where PII008 is a warning from the
    /// package's .globalconfig (the set-up in which 'dotnet format analyzers --diagnostics PII008' was found to change
    /// nothing): the build fails on PII008 (warnings as errors), piiguard annotate --preset audit annotates, the build passes.
    /// The tool itself runs from its build output (LocalToolTests covers installing the packed tool).
    /// </summary>
    [Fact]
    public void Under_the_audit_preset_of_the_packed_package_annotate_makes_the_build_pass()
    {
        using var packed = new PackedConsumer("annotate-e2e", "an");
        string consumer = packed.Directory;
        packed.WriteProject("""
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            <PiiGuardPreset>audit</PiiGuardPreset>
            """);
        File.WriteAllText(Path.Combine(consumer, "Customer.cs"), """
            namespace Shop
            {
                public class Customer
                {
                    public string Email { get; set; } = "";

                    public string IdCard { get; set; } = "";

                    public string Tier { get; set; } = "";
                }
            }
            """);
        ProcessResult Build() => packed.Build("--no-incremental");

        ProcessResult before = Build();
        Assert.True(before.ExitCode != 0, before.Describe());
        Assert.Contains("error PII008: Customer.Email looks like personal data (Email)", before.Output);
        Assert.Contains("error PII008: Customer.IdCard looks like personal data (NationalId)", before.Output);

        ProcessResult annotate = Run.Tool(consumer, "annotate", "Consumer.csproj", "--preset", "audit", "--no-restore");
        Assert.True(annotate.ExitCode == 0, annotate.Describe());
        Assert.Contains("Consumer: 2 member(s) annotated in 1 file(s)", annotate.Output);
        string text = Text(Path.Combine(consumer, "Customer.cs"));
        Assert.StartsWith("using PiiGuard;\n", text);
        Assert.Contains("        [Pii(PiiKind.Email)]\n        public string Email", text);
        Assert.Contains("        [Pii(PiiKind.NationalId)]\n        public string IdCard", text);

        ProcessResult after = Build();
        Assert.True(after.ExitCode == 0, after.Describe());
        Assert.DoesNotContain("PII008", after.Output);
    }

    /// <summary>Copies the Adoption fixture and points it at the PiiGuard runtime these tests are built with.</summary>
    internal static void CopyFixture(string target)
    {
        Run.CopyDirectory(Fixture, target);
        string runtime = typeof(PiiGuard.PiiAttribute).Assembly.Location;
        File.WriteAllText(Path.Combine(target, "PiiGuardRuntime.props"), $"""
            <Project>
              <PropertyGroup>
                <PiiGuardRuntimeAssembly>{runtime}</PiiGuardRuntimeAssembly>
              </PropertyGroup>
            </Project>
            """);
    }

    private static string Text(string file) => File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal);

    private static int Count(string text, string value)
    {
        int count = 0;
        for (int at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
