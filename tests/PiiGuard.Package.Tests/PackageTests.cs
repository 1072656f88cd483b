using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit.Abstractions;

namespace PiiGuard.Package.Tests;

/// <summary>
/// What a consumer of the PiiGuard.Analyzers package sees: the package's layout, the PII001 warning in a build
/// that references it from a feed, a CI build failed by it, and the PiiGuardPreset switch. The tests of this class
/// share one packed package and one consumer project and run one after another.
/// </summary>
public sealed partial class PackageTests : IClassFixture<PackageFixture>
{
    private static readonly string[] ExpectedEntries =
    {
        "lib/netstandard2.0/PiiGuard.dll",
        "lib/netstandard2.0/PiiGuard.xml",
        "lib/net8.0/PiiGuard.dll",
        "lib/net8.0/PiiGuard.xml",
        "analyzers/dotnet/cs/PiiGuard.Analyzers.dll",
        "analyzers/dotnet/cs/PiiGuard.CodeFixes.dll",
        "readytorun/linux-x64/PiiGuard.Analyzers.dll",
        "readytorun/linux-arm64/PiiGuard.Analyzers.dll",
        "readytorun/win-x64/PiiGuard.Analyzers.dll",
        "readytorun/osx-x64/PiiGuard.Analyzers.dll",
        "readytorun/osx-arm64/PiiGuard.Analyzers.dll",
        "build/PiiGuard.Analyzers.props",
        "buildTransitive/PiiGuard.Analyzers.props",
        "buildTransitive/PiiGuard.Analyzers.targets",
        "presets/piiguard.recommended.globalconfig",
        "presets/piiguard.strict.globalconfig",
        "presets/piiguard.audit.globalconfig",
        "README.md",
    };

    private readonly PackageFixture _package;
    private readonly ITestOutputHelper _output;

    public PackageTests(PackageFixture package, ITestOutputHelper output)
    {
        _package = package;
        _output = output;
        _output.WriteLine($"PiiGuard.Analyzers {package.PackageVersion}: pack {package.PackTime.TotalSeconds:F1}s, consumer restore {package.RestoreTime.TotalSeconds:F1}s");
    }

    [Fact]
    public void Package_HasRuntimeAnalyzersBuildFilesAndPresets()
    {
        using ZipArchive zip = ZipFile.OpenRead(_package.PackagePath);
        string[] entries = zip.Entries.Select(e => e.FullName).ToArray();
        string listing = string.Join(Environment.NewLine, entries);

        foreach (string expected in ExpectedEntries)
        {
            Assert.True(entries.Contains(expected), $"{Path.GetFileName(_package.PackagePath)} lacks {expected}. Entries:{Environment.NewLine}{listing}");
        }

        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) && e.Contains("Analyzers", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Contains("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(entries, e => e.Contains("PiiGuard.Package", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Package_NuspecHasIdVersionDescriptionAndNoRoslynDependency()
    {
        using ZipArchive zip = ZipFile.OpenRead(_package.PackagePath);
        ZipArchiveEntry nuspecEntry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using Stream stream = nuspecEntry.Open();
        XDocument nuspec = XDocument.Load(stream);
        XNamespace ns = nuspec.Root!.Name.Namespace;
        XElement metadata = nuspec.Root.Element(ns + "metadata")!;

        Assert.Equal("PiiGuard.Analyzers", metadata.Element(ns + "id")?.Value);
        Assert.Equal(_package.PackageVersion, metadata.Element(ns + "version")?.Value);
        Assert.False(string.IsNullOrWhiteSpace(metadata.Element(ns + "description")?.Value));
        Assert.Contains("pii", metadata.Element(ns + "tags")?.Value ?? "", StringComparison.Ordinal);
        Assert.Equal("README.md", metadata.Element(ns + "readme")?.Value);

        string[] dependencies = metadata.Descendants(ns + "dependency").Select(d => (string)d.Attribute("id")!).ToArray();
        Assert.DoesNotContain(dependencies, d => d.StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(dependencies, d => d.StartsWith("PiiGuard", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Package_PresetsSetTheDocumentedSeverities()
    {
        using ZipArchive zip = ZipFile.OpenRead(_package.PackagePath);
        string recommended = ReadEntry(zip, "presets/piiguard.recommended.globalconfig");
        string strict = ReadEntry(zip, "presets/piiguard.strict.globalconfig");
        string audit = ReadEntry(zip, "presets/piiguard.audit.globalconfig");

        foreach (string preset in new[] { recommended, strict, audit })
        {
            Assert.Contains("is_global = true", preset, StringComparison.Ordinal);
        }

        // recommended = the defaults: it overrides nothing.
        Assert.DoesNotContain("dotnet_diagnostic.", recommended, StringComparison.Ordinal);

        foreach (string id in new[] { "PII001", "PII002", "PII003", "PII004", "PII005", "PII006", "PII007", "PII009" })
        {
            Assert.Contains($"dotnet_diagnostic.{id}.severity = error", strict, StringComparison.Ordinal);
        }

        Assert.Contains("dotnet_diagnostic.PII008.severity = suggestion", strict, StringComparison.Ordinal);

        string[] allIds = Enumerable.Range(1, 9).Select(i => $"PII00{i}").Concat(Enumerable.Range(1, 6).Select(i => $"PII10{i}")).ToArray();
        foreach (string id in allIds)
        {
            Assert.Contains($"dotnet_diagnostic.{id}.severity = warning", audit, StringComparison.Ordinal);
        }

        string props = ReadEntry(zip, "buildTransitive/PiiGuard.Analyzers.props");
        Assert.Contains("<CompilerVisibleProperty Include=\"PiiGuardPreset\" />", props, StringComparison.Ordinal);
        Assert.Contains("<CompilerVisibleProperty Include=\"PiiGuardDiscovery\" />", props, StringComparison.Ordinal);
        Assert.Contains("GlobalAnalyzerConfigFiles", props, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("linux-x64", Machine.Amd64, 0x7B79)] // a ReadyToRun image's machine is the architecture's, xor the target OS's value
    [InlineData("linux-arm64", Machine.Arm64, 0x7B79)]
    [InlineData("win-x64", Machine.Amd64, 0)]
    [InlineData("osx-x64", Machine.Amd64, 0x4644)]
    [InlineData("osx-arm64", Machine.Arm64, 0x4644)]
    public void Package_ReadyToRunAnalyzers_AreTheSameAssemblyCompiledAheadOfTime(string rid, Machine architecture, int operatingSystem)
    {
        using ZipArchive zip = ZipFile.OpenRead(_package.PackagePath);
        byte[] plain = ReadBytes(zip, "analyzers/dotnet/cs/PiiGuard.Analyzers.dll");
        string entry = "readytorun/" + rid + "/PiiGuard.Analyzers.dll";
        byte[] readyToRun = ReadBytes(zip, entry);

        using var plainReader = new PEReader(new MemoryStream(plain));
        using var readyToRunReader = new PEReader(new MemoryStream(readyToRun));
        Assert.Equal(0, plainReader.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size); // IL only: every host loads it
        Assert.True(readyToRunReader.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, entry + " has no ReadyToRun header.");

        // Compiled for that platform: csc elsewhere would only JIT-compile its IL.
        Assert.Equal((int)architecture ^ operatingSystem, (int)readyToRunReader.PEHeaders.CoffHeader.Machine);

        // Compiled from the very assembly beside it: same identity, same module version id.
        MetadataReader plainMetadata = plainReader.GetMetadataReader();
        MetadataReader readyToRunMetadata = readyToRunReader.GetMetadataReader();
        Assert.Equal(plainMetadata.GetAssemblyDefinition().GetAssemblyName().FullName, readyToRunMetadata.GetAssemblyDefinition().GetAssemblyName().FullName);
        Assert.Equal(plainMetadata.GetGuid(plainMetadata.GetModuleDefinition().Mvid), readyToRunMetadata.GetGuid(readyToRunMetadata.GetModuleDefinition().Mvid));
    }

    [Fact]
    public void ConsumerBuild_OnLinuxX64_GivesCscTheReadyToRunAnalyzers_UnlessSwitchedOff()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            // Elsewhere the plain assembly is the only one handed to csc; asserted by every other consumer test's findings.
            return;
        }

        string readyToRun = Path.Combine("readytorun", "linux-x64", "PiiGuard.Analyzers.dll");
        string plain = Path.Combine("analyzers", "dotnet", "cs", "PiiGuard.Analyzers.dll");

        DotnetResult build = _package.BuildConsumer("-v:n");
        Assert.True(build.ExitCode == 0, "The consumer must build. " + build.Describe());
        string csc = CscCommandLine(build);
        Assert.Contains(readyToRun, csc, StringComparison.Ordinal);
        Assert.DoesNotContain(plain, csc, StringComparison.Ordinal);
        Assert.Contains(DiagnosticLines(build, "warning", "PII001"), l => l.Contains("Customer.NationalId", StringComparison.Ordinal)); // and it works

        DotnetResult off = _package.BuildConsumer("-v:n", "-p:PiiGuardReadyToRun=false");
        Assert.True(off.ExitCode == 0, "The consumer must build. " + off.Describe());
        string cscOff = CscCommandLine(off);
        Assert.Contains(plain, cscOff, StringComparison.Ordinal);
        Assert.DoesNotContain(readyToRun, cscOff, StringComparison.Ordinal);
    }

    /// <summary>The csc command line of a normal-verbosity build (the line that runs csc with /analyzer: arguments).</summary>
    private static string CscCommandLine(DotnetResult build) =>
        build.Output.Split('\n').FirstOrDefault(l => l.Contains("/analyzer:", StringComparison.Ordinal) && l.Contains("PiiGuard.Analyzers.dll", StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException("No csc command line with PiiGuard's analyzers in the build output. " + build.Describe());

    private static byte[] ReadBytes(ZipArchive zip, string entry)
    {
        using Stream stream = zip.GetEntry(entry)?.Open() ?? throw new Xunit.Sdk.XunitException(entry + " is not in the package.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    [Fact]
    public void ConsumerBuild_ReportsPII001WithIdAndMember_AndSucceeds()
    {
        string sarif = Path.Combine(_package.ConsumerDirectory, "piiguard.sarif");
        DotnetResult build = _package.BuildConsumer("-p:ErrorLog=" + sarif + "%2Cversion=2.1");
        _output.WriteLine(build.Describe());

        Assert.True(build.ExitCode == 0, "A build with PII001 warnings must succeed. " + build.Describe());
        string[] pii001 = DiagnosticLines(build, "warning", "PII001");
        Assert.True(pii001.Length > 0, "No `warning PII001` in the consumer's build output. " + build.Describe());
        Assert.True(pii001.Any(l => l.Contains("Customer.NationalId", StringComparison.Ordinal)),
            "PII001 does not name the member Customer.NationalId. " + build.Describe());
        Assert.True(pii001.All(l => l.Contains($"Program.cs({LineOf("// LEAK")},", StringComparison.Ordinal)),
            $"PII001 must be reported on the leaking line {LineOf("// LEAK")} only, not on the masked one. " + build.Describe());

        Assert.True(File.Exists(sarif), "ErrorLog=...%2Cversion=2.1 wrote no SARIF file. " + build.Describe());
        string sarifText = File.ReadAllText(sarif);
        Assert.Contains("\"PII001\"", sarifText, StringComparison.Ordinal);
        Assert.Contains("2.1.0", sarifText, StringComparison.Ordinal);
    }

    [Fact]
    public void ConsumerRun_PrintsGeneratedMaskedText_WhenThePackageCarriesTheGenerator()
    {
        bool hasGenerator = PackageHasSourceGenerator();
        DotnetResult build = _package.BuildConsumer();
        Assert.True(build.ExitCode == 0, "The consumer must build. " + build.Describe());

        DotnetResult run = _package.RunConsumer();
        _output.WriteLine(run.Describe());
        Assert.True(run.ExitCode == 0, "The consumer must run. " + run.Describe());
        string generated = run.Output.Split('\n').Select(l => l.TrimEnd('\r')).SingleOrDefault(l => l.StartsWith("GENERATED: ", StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException("The consumer printed no GENERATED: line. " + run.Describe());

        if (!hasGenerator)
        {
            // No [Generator] in the packed analyzers yet: only the runtime path is checked.
            Assert.Equal("GENERATED: none", generated);
            return;
        }

        Assert.NotEqual("GENERATED: none", generated);
        Assert.Contains("Applicant", generated, StringComparison.Ordinal);
        Assert.Contains("gold", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("Zhang Wei", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("19491231", generated, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-warnaserror")]
    [InlineData("-p:TreatWarningsAsErrors=true")]
    public void ConsumerBuild_WithWarningsAsErrors_FailsOnPII001(string switchArgument)
    {
        DotnetResult build = _package.BuildConsumer(switchArgument);
        _output.WriteLine(build.Describe());

        Assert.True(build.ExitCode != 0, $"A CI build with {switchArgument} must fail on PII001. " + build.Describe());
        Assert.True(DiagnosticLines(build, "error", "PII001").Any(l => l.Contains("Customer.NationalId", StringComparison.Ordinal)),
            $"The {switchArgument} build failed, but not with `error PII001` on Customer.NationalId. " + build.Describe());
    }

    [Fact]
    public void ConsumerBuild_WithStrictPreset_MakesPII001AnError()
    {
        // The preset only changes severities of what the shipped analyzers report: first make sure they are there.
        string analyzers = Path.Combine(_package.InstalledPackageDirectory, "analyzers", "dotnet", "cs");
        Assert.True(File.Exists(Path.Combine(analyzers, "PiiGuard.Analyzers.dll")) && File.Exists(Path.Combine(analyzers, "PiiGuard.CodeFixes.dll")),
            $"The restored package has no analyzers in {analyzers}.");
        Assert.True(File.Exists(Path.Combine(_package.InstalledPackageDirectory, "presets", "piiguard.strict.globalconfig")),
            "The restored package has no presets/piiguard.strict.globalconfig.");

        DotnetResult build = _package.BuildConsumer("-p:PiiGuardPreset=strict");
        _output.WriteLine(build.Describe());

        Assert.True(build.ExitCode != 0, "PiiGuardPreset=strict must make PII001 an error and fail the build. " + build.Describe());
        Assert.True(DiagnosticLines(build, "error", "PII001").Any(l => l.Contains("Customer.NationalId", StringComparison.Ordinal)),
            "PiiGuardPreset=strict did not report `error PII001` on Customer.NationalId. " + build.Describe());
        Assert.DoesNotContain("PIIGUARD0001", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void AuditPreset_TurnsNameDiscoveryOn_UnlessTheProjectSaysOff()
    {
        // DESIGN: "The audit preset sets names; recommended and strict leave it off unless the project sets it."
        DotnetResult audit = _package.BuildConsumer("-p:PiiGuardPreset=audit");
        _output.WriteLine(audit.Describe());
        string[] discovered = DiagnosticLines(audit, "warning", "PII001").Where(l => l.Contains($"Program.cs({LineOf("// DISCOVERED")},", StringComparison.Ordinal)).ToArray();
        Assert.True(discovered.Length > 0 && discovered.All(l => l.Contains("Contact.Mobile (Phone, inferred from the name)", StringComparison.Ordinal)),
            "PiiGuardPreset=audit did not report the name-discovered leak of Contact.Mobile. " + audit.Describe());

        DotnetResult auditOff = _package.BuildConsumer("-p:PiiGuardPreset=audit", "-p:PiiGuardDiscovery=off");
        _output.WriteLine(auditOff.Describe());
        Assert.DoesNotContain(DiagnosticLines(auditOff, "warning", "PII001"), l => l.Contains($"Program.cs({LineOf("// DISCOVERED")},", StringComparison.Ordinal));
        Assert.Contains(DiagnosticLines(auditOff, "warning", "PII001"), l => l.Contains("Customer.NationalId", StringComparison.Ordinal));

        DotnetResult strictNames = _package.BuildConsumer("-p:PiiGuardPreset=strict", "-p:PiiGuardDiscovery=names");
        _output.WriteLine(strictNames.Describe());
        Assert.Contains(DiagnosticLines(strictNames, "error", "PII001"), l => l.Contains("Contact.Mobile (Phone, inferred from the name)", StringComparison.Ordinal));

        DotnetResult invalid = _package.BuildConsumer("-p:PiiGuardDiscovery=everything");
        _output.WriteLine(invalid.Describe());
        Assert.Contains("PIIGUARD0002", invalid.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(DiagnosticLines(invalid, "warning", "PII001"), l => l.Contains($"Program.cs({LineOf("// DISCOVERED")},", StringComparison.Ordinal));
    }

    [Fact]
    public void ConsumerEditorconfig_WinsOverThePreset()
    {
        // README: "any severity in your .editorconfig ... wins over" a preset (presets use global_level -1).
        string editorconfig = Path.Combine(_package.ConsumerDirectory, ".editorconfig");
        File.WriteAllText(editorconfig, "root = true\n\n[*.cs]\ndotnet_diagnostic.PII001.severity = warning\n");
        try
        {
            DotnetResult build = _package.BuildConsumer("-p:PiiGuardPreset=strict");
            _output.WriteLine(build.Describe());

            Assert.True(build.ExitCode == 0, "An .editorconfig severity of warning must override the strict preset's error. " + build.Describe());
            Assert.True(DiagnosticLines(build, "warning", "PII001").Any(l => l.Contains("Customer.NationalId", StringComparison.Ordinal)),
                "PII001 on Customer.NationalId is not reported as a warning under .editorconfig + strict preset. " + build.Describe());
        }
        finally
        {
            File.Delete(editorconfig);
        }
    }

    /// <summary>Whether a packed analyzer assembly declares a type with Roslyn's [Generator] attribute.</summary>
    private bool PackageHasSourceGenerator()
    {
        using ZipArchive zip = ZipFile.OpenRead(_package.PackagePath);
        foreach (ZipArchiveEntry entry in zip.Entries.Where(e => e.FullName.StartsWith("analyzers/", StringComparison.Ordinal) && e.FullName.EndsWith(".dll", StringComparison.Ordinal)))
        {
            using var buffer = new MemoryStream();
            using (Stream stream = entry.Open())
            {
                stream.CopyTo(buffer);
            }

            buffer.Position = 0;
            using var pe = new System.Reflection.PortableExecutable.PEReader(buffer);
            System.Reflection.Metadata.MetadataReader reader = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
            foreach (System.Reflection.Metadata.CustomAttributeHandle handle in reader.CustomAttributes)
            {
                System.Reflection.Metadata.CustomAttribute attribute = reader.GetCustomAttribute(handle);
                if (attribute.Constructor.Kind == System.Reflection.Metadata.HandleKind.MemberReference)
                {
                    var parent = reader.GetMemberReference((System.Reflection.Metadata.MemberReferenceHandle)attribute.Constructor).Parent;
                    if (parent.Kind == System.Reflection.Metadata.HandleKind.TypeReference)
                    {
                        var type = reader.GetTypeReference((System.Reflection.Metadata.TypeReferenceHandle)parent);
                        if (reader.GetString(type.Name) == "GeneratorAttribute" && reader.GetString(type.Namespace) == "Microsoft.CodeAnalysis")
                        {
                            return true;
                        }
                    }
                }
            }
        }

        return false;
    }

    private static string ReadEntry(ZipArchive zip, string name)
    {
        ZipArchiveEntry entry = zip.GetEntry(name) ?? throw new Xunit.Sdk.XunitException($"The package has no {name}.");
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    private static string[] DiagnosticLines(DotnetResult build, string severity, string id) =>
        build.Output.Split('\n')
            .Where(l => Regex.IsMatch(l, $@"\b{severity} {id}\b"))
            .Select(l => l.TrimEnd('\r'))
            .ToArray();

    private static int LineOf(string marker) =>
        Array.FindIndex(PackageFixture.ProgramSource.Split('\n'), l => l.Contains(marker, StringComparison.Ordinal)) + 1;
}
