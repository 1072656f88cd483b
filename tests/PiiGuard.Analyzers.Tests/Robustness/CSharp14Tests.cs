using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PiiGuard.Analyzers.Core;
using PiiGuard.Analyzers.Tests.Generator;

namespace PiiGuard.Analyzers.Tests.Robustness;

/// <summary>
/// C# 13 and 14 forms (Corpus/CSharp14.cs.txt and its clean twin): they compile with the test compiler, the analyzers
/// run through them without an exception, report exactly the leaks written into them and nothing where nothing is
/// personal, and the masking generator handles partial and field-backed properties. The truncation, syntax-error
/// and concurrency tests of <see cref="RobustnessTests"/> take both files from the corpus as well.
/// </summary>
public class CSharp14Tests
{
    private static readonly string[] ExpectedLeaks =
    {
        "96: PII001 Patient.FullName (Name) reaches ILogger.LogInformation unmasked",
        "111: PII001 Patient.Email (Email) reaches ILogger.LogWarning unmasked",
        "138: PII001 Patient.FullName (Name) reaches ILogger.LogInformation unmasked",
        "139: PII001 Patient.Diagnosis (Health, sensitive) reaches ILogger.LogInformation unmasked",
        "145: PII001 Patient.Phone (Phone) reaches ILogger.LogDebug unmasked",
        "147: PII001 PatientExtensions.Display (Name) reaches ILogger.LogDebug unmasked",
        "148: PII001 Patient.FullName (Name) reaches ILogger.LogDebug unmasked",
        "166: PII001 Patient.FullName (Name) reaches WardService.LogMany -> ILogger.LogInformation unmasked",
        "177: PII001 Patient.FullName (Name) reaches ILogger.LogInformation unmasked",
        "211: PII001 Patient.Email (Email) reaches WardService.Note -> ILogger.LogInformation unmasked",
        "212: PII001 Visit.Doctor (Name) reaches ILogger.LogInformation unmasked",
        "212: PII001 Visit.Room (Location, sensitive) reaches ILogger.LogInformation unmasked",
    };

    [Fact]
    public void TestCompiler_ParsesCSharp14_AndTheCorpusHasTheNewForms()
    {
        var options = (CSharpParseOptions)RobustnessHarness.Parse("class C { }", "C.cs").Options;
        Assert.True(options.LanguageVersion >= LanguageVersion.CSharp14, $"the robustness corpus is parsed as {options.LanguageVersion}");
        var names = RobustnessHarness.CorpusFiles().Select(f => f.Path).ToList();
        Assert.Contains("CSharp14.cs.txt", names);
        Assert.Contains("CSharp14Clean.cs.txt", names);
    }

    [Fact]
    public void CSharp14Forms_CompileCleanly_AndExactlyTheWrittenLeaksAreReported()
    {
        var outcome = Run("CSharp14.cs.txt");
        Assert.Empty(outcome.Failures);
        Assert.Empty(outcome.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var reported = outcome.Diagnostics
            .Where(d => d.Severity > DiagnosticSeverity.Hidden)
            .Select(d => $"{d.Location.GetLineSpan().StartLinePosition.Line + 1}: {d.Id} {d.GetMessage()}")
            .OrderBy(s => int.Parse(s[..s.IndexOf(':')]))
            .ThenBy(s => s, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(ExpectedLeaks, reported);
    }

    [Fact]
    public void CSharp14Forms_WithoutPersonalData_GiveNoDiagnosticAtAll()
    {
        var outcome = Run("CSharp14Clean.cs.txt");
        Assert.Empty(outcome.Failures);
        Assert.Empty(outcome.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Empty(outcome.Diagnostics);
    }

    [Fact]
    public void PartialProperty_IsPersonal_WhicheverPartCarriesPii()
    {
        var outcome = Run("CSharp14.cs.txt");
        var symbols = PiiSymbols.Create(outcome.Output);
        INamedTypeSymbol patient = outcome.Output.GetTypeByMetadataName("Corpus.CSharp14.Patient")!;
        foreach (var (name, kind) in new[] { ("FullName", (int)PiiKind.Name), ("Diagnosis", (int)PiiKind.Health) })
        {
            var definition = patient.GetMembers(name).OfType<IPropertySymbol>().Single();
            Assert.NotNull(definition.PartialImplementationPart);
            foreach (IPropertySymbol part in new[] { definition, definition.PartialImplementationPart! })
            {
                Assert.Equal(kind, symbols.GetPii(part)?.Kind);
                Assert.Equal(kind, symbols.GetPii(part.GetMethod)?.Kind);
            }
        }

        IFieldSymbol backing = patient.GetMembers().OfType<IFieldSymbol>().Single(f => f.AssociatedSymbol is IPropertySymbol { Name: "Email" });
        Assert.Equal((int)PiiKind.Email, symbols.GetPii(backing)?.Kind); // the 'field' keyword's backing field
        Assert.Null(symbols.GetPii(patient.GetMembers("Ward").Single()));
    }

    [Fact]
    public void MaskingGenerator_PartialAndFieldBackedProperties_HidesTheirValues()
    {
        var run = GeneratorHarness.RunGenerator("""
            using System;
            using PiiGuard;

            namespace Gen14
            {
                [GenerateMasking]
                public partial class Patient
                {
                    [Pii(PiiKind.Name)] public partial string FullName { get; set; }
                    public partial string Diagnosis { get; set; }
                    [Pii(PiiKind.Email)] public string Email { get => field; set => field = value.Trim(); } = "";
                    public string Ward { get => field ?? "none"; set; }
                    public partial string this[int index] { get; }
                }

                public partial class Patient
                {
                    public partial string FullName { get => field ?? ""; set => field = value; }
                    [Pii(PiiKind.Health)] public partial string Diagnosis { get => field ?? ""; set => field = value; }
                    public partial string this[int index] => index == 0 ? FullName : Ward;
                }

                [GenerateMasking]
                public partial record struct Visit([Pii(PiiKind.Name)] string Doctor)
                {
                    [Pii(PiiKind.Location)] public string Room { get => field ?? ""; init => field = value; }
                    public int Floor { get => field; init => field = value; }
                }

                public static class Factory
                {
                    public static object Patient() => new Patient { FullName = "Johnathan Smith", Diagnosis = "Hypertension", Email = " john.smith@example.com ", Ward = "Cardiology" };
                    public static object Visit() => new Visit("Gregory House") { Room = "Room 221B", Floor = 7 };
                }
            }
            """).AssertCompilesClean();
        run.Execute(assembly =>
        {
            var factory = assembly.GetType("Gen14.Factory", throwOnError: true)!;
            string patient = GeneratorHarness.Masked(factory.GetMethod("Patient")!.Invoke(null, null)!);
            string visit = GeneratorHarness.Masked(factory.GetMethod("Visit")!.Invoke(null, null)!);
            foreach (string raw in new[] { "Johnathan Smith", "Hypertension", "john.smith@example.com" })
            {
                Assert.DoesNotContain(raw, patient);
            }

            Assert.Contains("Ward = Cardiology", patient);
            Assert.Contains("FullName = J*** S***", patient);
            Assert.DoesNotContain("Gregory House", visit);
            Assert.DoesNotContain("221B", visit);
            Assert.Contains("Floor = 7", visit);
        });
    }

    private static RobustnessHarness.Outcome Run(string name)
    {
        var file = RobustnessHarness.CorpusFiles().Single(f => f.Path == name);
        return RobustnessHarness.Run(RobustnessHarness.Compile(new[] { RobustnessHarness.Parse(file.Text, file.Path) }));
    }
}
