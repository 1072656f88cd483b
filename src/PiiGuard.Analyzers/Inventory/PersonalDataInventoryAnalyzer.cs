using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PiiGuard.Analyzers.Core;
using PiiGuard.Analyzers.Flow;
using PiiGuard.Analyzers.Flow.Catalog;

namespace PiiGuard.Analyzers.Inventory
{
    /// <summary>
    /// The personal-data inventory (docs/inventory.md). Silent unless the build property <c>PiiGuardInventory</c> is
    /// <c>true</c> (read as <c>build_property.PiiGuardInventory</c>, made compiler-visible by the package's props; the
    /// piiguard tool sets it for every project it scans). Then it reports, as info diagnostics that carry their data in
    /// properties (SARIF <c>customProperties</c>; keys in <see cref="DiagnosticPropertyNames"/>):
    /// PII201 for every personal-data member declared in the compilation, and
    /// PII202 for every masked or pseudonymised flow of a personal member into a known sink.
    /// Leaking flows are not reported here: they are the leak diagnostics PII001–PII007 themselves.
    /// </summary>
    /// <remarks>
    /// PII202 is a separate, lightweight pass and asks nothing of the leak engine: at each sink call (the engine's own
    /// sink table, <see cref="KnownSymbols.GetMethodSink"/>) it looks inside the arguments, and inside the initialisers of
    /// the locals they name, for a sanitizer call (<see cref="KnownSymbols.GetRole"/>: PiiMask, [PiiSanitizer],
    /// configured sanitizers, Redactor, keyed hashes, ToMaskedString) whose argument or receiver is a personal member.
    /// </remarks>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PersonalDataInventoryAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>The MSBuild property (compiler-visible) that switches the inventory on.</summary>
        public const string EnableOption = "build_property.PiiGuardInventory";

        /// <summary>Property: the containing type's full name ("Shop.Customer").</summary>
        public const string TypeProperty = DiagnosticPropertyNames.Type;

        /// <summary>Property: the member as the leak rules name it ("Customer.Email").</summary>
        public const string MemberProperty = DiagnosticPropertyNames.Member;

        /// <summary>Property: the member's own name ("Email").</summary>
        public const string NameProperty = DiagnosticPropertyNames.Name;

        /// <summary>Property: the PiiKind name.</summary>
        public const string KindProperty = DiagnosticPropertyNames.PiiKind;

        /// <summary>Property: "sensitive" or "normal".</summary>
        public const string SensitivityProperty = DiagnosticPropertyNames.Sensitivity;

        /// <summary>Property: what marks the member ("Pii", "PersonalData", "DataClassification").</summary>
        public const string SourceProperty = DiagnosticPropertyNames.Source;

        /// <summary>Property: the sink's display name.</summary>
        public const string SinkProperty = DiagnosticPropertyNames.Sink;

        /// <summary>Property: "masked" or "pseudonymised".</summary>
        public const string StateProperty = DiagnosticPropertyNames.State;

        /// <summary>Property: the sanitizer that protects the flow.</summary>
        public const string SanitizerProperty = DiagnosticPropertyNames.Sanitizer;

        /// <summary>PII201 (in the central registry, Rules.InventoryMember).</summary>
        public static readonly DiagnosticDescriptor Member = Rules.InventoryMember;

        /// <summary>PII202 (in the central registry, Rules.InventoryProtectedFlow).</summary>
        public static readonly DiagnosticDescriptor ProtectedFlow = Rules.InventoryProtectedFlow;

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Member, ProtectedFlow);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                if (!start.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(EnableOption, out string? enabled)
                    || !string.Equals(enabled?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
                {
                    return;
                }

                PiiSymbols pii = PiiSymbols.Create(start.Compilation);
                if (!pii.HasAnySource)
                {
                    return;
                }

                var options = start.Options.AnalyzerConfigOptionsProvider.GlobalOptions;
                options.TryGetValue(PiiGuardOptions.SinksKey, out string? sinks);
                options.TryGetValue(PiiGuardOptions.SanitizersKey, out string? sanitizers);
                var known = new KnownSymbols(start.Compilation, pii, PiiGuardOptions.Parse(sinks, sanitizers, start.Compilation));
                start.RegisterSymbolAction(ctx => AnalyzeMember(ctx, pii), SymbolKind.Property, SymbolKind.Field);
                start.RegisterOperationAction(ctx => AnalyzeSinkCall(ctx, known), OperationKind.Invocation, OperationKind.ObjectCreation);

                // Personal members of referenced types (IdentityUser's [PersonalData] Email, PhoneNumber, UserName...):
                // listed once per compilation, at their first use in the code (a read or write of the member, or a
                // source type deriving from the referenced one), so that the inventory of an Identity application
                // names where its users' data lives even though no member of its own is annotated.
                var referenced = new ReferencedMembers(start.Compilation.Assembly);
                start.RegisterOperationAction(ctx => referenced.OnReference(ctx, pii), OperationKind.PropertyReference, OperationKind.FieldReference);
                start.RegisterSymbolAction(ctx => referenced.OnType(ctx, pii), SymbolKind.NamedType);
                start.RegisterCompilationEndAction(ctx => referenced.Report(ctx, pii));
            });
        }

        private static void AnalyzeMember(SymbolAnalysisContext context, PiiSymbols pii)
        {
            ISymbol symbol = context.Symbol;
            if (symbol is IFieldSymbol { AssociatedSymbol: not null } || symbol is IPropertySymbol { IsOverride: true }
                || symbol.Locations.Length == 0 || !symbol.Locations[0].IsInSource || symbol.ContainingType is null)
            {
                return;
            }

            if (pii.GetPii(symbol) is not PiiInfo info)
            {
                return;
            }

            var properties = MemberProperties(symbol, info);
            properties[SourceProperty] = SourceOf(symbol, pii);
            Location location = symbol.Locations[0];
            context.ReportDiagnostic(Diagnostic.Create(Member, location, properties.ToImmutable(), symbol.ContainingType.Name + "." + symbol.Name, info.Describe()));
        }

        private static string SourceOf(ISymbol symbol, PiiSymbols pii)
        {
            IEnumerable<AttributeData> attributes = symbol.GetAttributes();
            if (symbol is IPropertySymbol property && property.ContainingType.IsRecord)
            {
                foreach (IMethodSymbol constructor in property.ContainingType.InstanceConstructors)
                {
                    foreach (IParameterSymbol parameter in constructor.Parameters)
                    {
                        if (parameter.Name == property.Name)
                        {
                            attributes = System.Linq.Enumerable.Concat(attributes, parameter.GetAttributes());
                        }
                    }
                }
            }

            foreach (AttributeData attribute in attributes)
            {
                for (INamedTypeSymbol? t = attribute.AttributeClass; t != null; t = t.BaseType)
                {
                    if (SymbolEqualityComparer.Default.Equals(t, pii.PiiAttribute))
                    {
                        return "Pii";
                    }

                    if (SymbolEqualityComparer.Default.Equals(t, pii.PersonalDataAttribute))
                    {
                        return "PersonalData";
                    }

                    if (SymbolEqualityComparer.Default.Equals(t, pii.DataClassificationAttribute))
                    {
                        return "DataClassification";
                    }
                }
            }

            return "Pii";
        }

        private static void AnalyzeSinkCall(OperationAnalysisContext context, KnownSymbols known)
        {
            IMethodSymbol? method;
            ImmutableArray<IArgumentOperation> arguments;
            switch (context.Operation)
            {
                case IInvocationOperation invocation:
                    method = invocation.TargetMethod;
                    arguments = invocation.Arguments;
                    break;
                case IObjectCreationOperation creation:
                    method = creation.Constructor;
                    arguments = creation.Arguments;
                    break;
                default:
                    return;
            }

            if (method is null || known.GetMethodSink(method) is not Sink sink)
            {
                return;
            }

            var reported = new HashSet<(ISymbol, string)>();
            foreach (IArgumentOperation argument in arguments)
            {
                if (argument.Parameter is { } parameter && sink.OnlyParameters != null && !sink.OnlyParameters.Contains(parameter.Name))
                {
                    continue;
                }

                Inspect(context, known, sink, argument.Value, reported, followLocals: true);
            }
        }

        private static void Inspect(OperationAnalysisContext context, KnownSymbols known, Sink sink, IOperation value, HashSet<(ISymbol, string)> reported, bool followLocals)
        {
            foreach (IOperation operation in value.DescendantsAndSelf())
            {
                if (operation is IInvocationOperation call && known.GetRole(call.TargetMethod) == MethodRole.Sanitizer)
                {
                    string sanitizer = call.TargetMethod.ContainingType.Name + "." + call.TargetMethod.Name;
                    string state = IsPseudonymiser(call.TargetMethod, known) ? "pseudonymised" : "masked";
                    if (call.TargetMethod.Name == "ToMaskedString" && call.Instance?.Type is INamedTypeSymbol type)
                    {
                        foreach (ISymbol member in PersonalMembers(type, known.Pii))
                        {
                            Report(context, known.Pii, sink, member, state, sanitizer, reported);
                        }

                        continue;
                    }

                    foreach (IOperation inner in call.DescendantsAndSelf())
                    {
                        if (inner is IMemberReferenceOperation reference && reference.Member is IPropertySymbol or IFieldSymbol && known.Pii.GetPii(reference.Member) != null)
                        {
                            Report(context, known.Pii, sink, reference.Member, state, sanitizer, reported);
                        }
                    }
                }
                else if (followLocals && operation is ILocalReferenceOperation local)
                {
                    foreach (IOperation initializer in LocalInitializers(context.Operation, local.Local, context.CancellationToken))
                    {
                        Inspect(context, known, sink, initializer, reported, followLocals: false);
                    }
                }
            }
        }

        private static bool IsPseudonymiser(IMethodSymbol method, KnownSymbols known) =>
            method.Name.IndexOf("Pseudonym", StringComparison.OrdinalIgnoreCase) >= 0
            || (known.KeyedHashAlgorithm != null && KnownSymbols.InheritsFrom(method.ContainingType, known.KeyedHashAlgorithm));

        private static IEnumerable<ISymbol> PersonalMembers(INamedTypeSymbol type, PiiSymbols pii)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (INamedTypeSymbol? t = type; t != null && t.SpecialType != SpecialType.System_Object; t = t.BaseType)
            {
                foreach (ISymbol member in t.GetMembers())
                {
                    if (member is IPropertySymbol or IFieldSymbol && !member.IsImplicitlyDeclared && !member.IsStatic && pii.GetPii(member) != null && seen.Add(member.Name))
                    {
                        yield return member;
                    }
                }
            }
        }

        private static IEnumerable<IOperation> LocalInitializers(IOperation site, ILocalSymbol local, System.Threading.CancellationToken cancellationToken)
        {
            foreach (SyntaxReference reference in local.DeclaringSyntaxReferences)
            {
                SyntaxNode node = reference.GetSyntax(cancellationToken);
                if (node is Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax { Initializer: { } initializer }
                    && node.SyntaxTree == site.Syntax.SyntaxTree
                    && site.SemanticModel?.GetOperation(initializer.Value, cancellationToken) is { } operation)
                {
                    yield return operation;
                }
            }
        }

        private static void Report(OperationAnalysisContext context, PiiSymbols pii, Sink sink, ISymbol member, string state, string sanitizer, HashSet<(ISymbol, string)> reported)
        {
            if (pii.GetPii(member) is not PiiInfo info || !reported.Add((member.OriginalDefinition, sanitizer)))
            {
                return;
            }

            var properties = MemberProperties(member, info);
            properties[SinkProperty] = sink.Display;
            properties[StateProperty] = state;
            properties[SanitizerProperty] = sanitizer;
            context.ReportDiagnostic(Diagnostic.Create(ProtectedFlow, context.Operation.Syntax.GetLocation(), properties.ToImmutable(),
                member.ContainingType.Name + "." + member.Name, info.Describe(), sink.Display, state, sanitizer));
        }

        /// <summary>First uses of personal members declared outside the compilation; reported at compilation end.</summary>
        private sealed class ReferencedMembers
        {
            private readonly IAssemblySymbol _assembly;
            private readonly System.Collections.Concurrent.ConcurrentDictionary<ISymbol, Location> _firstUse =
                new System.Collections.Concurrent.ConcurrentDictionary<ISymbol, Location>(SymbolEqualityComparer.Default);

            public ReferencedMembers(IAssemblySymbol assembly) => _assembly = assembly;

            public void OnReference(OperationAnalysisContext context, PiiSymbols pii)
            {
                ISymbol member = ((IMemberReferenceOperation)context.Operation).Member.OriginalDefinition;
                if (IsReferencedPersonal(member, pii))
                {
                    Record(member, context.Operation.Syntax.GetLocation());
                }
            }

            public void OnType(SymbolAnalysisContext context, PiiSymbols pii)
            {
                var type = (INamedTypeSymbol)context.Symbol;
                if (type.Locations.Length == 0 || !type.Locations[0].IsInSource)
                {
                    return;
                }

                for (INamedTypeSymbol? t = type.BaseType; t != null && t.SpecialType != SpecialType.System_Object; t = t.BaseType)
                {
                    foreach (ISymbol member in t.OriginalDefinition.GetMembers())
                    {
                        if (member is IPropertySymbol or IFieldSymbol && !member.IsStatic && IsReferencedPersonal(member, pii))
                        {
                            Record(member, type.Locations[0]);
                        }
                    }
                }
            }

            public void Report(CompilationAnalysisContext context, PiiSymbols pii)
            {
                foreach (KeyValuePair<ISymbol, Location> use in _firstUse)
                {
                    ISymbol member = use.Key;
                    if (pii.GetPii(member) is not PiiInfo info)
                    {
                        continue;
                    }

                    var properties = MemberProperties(member, info);
                    properties[SourceProperty] = SourceOf(member, pii);
                    properties[DiagnosticPropertyNames.Assembly] = member.ContainingAssembly?.Name;
                    context.ReportDiagnostic(Diagnostic.Create(Member, use.Value, properties.ToImmutable(), member.ContainingType.Name + "." + member.Name, info.Describe()));
                }
            }

            private bool IsReferencedPersonal(ISymbol member, PiiSymbols pii) =>
                member.ContainingType != null
                && !SymbolEqualityComparer.Default.Equals(member.ContainingAssembly, _assembly)
                && (member.Locations.Length == 0 || !member.Locations[0].IsInSource)
                && pii.GetPii(member) != null;

            // Keeps the earliest use (by file path, then position) so that the report does not depend on callback order.
            private void Record(ISymbol member, Location location) =>
                _firstUse.AddOrUpdate(member, location, (_, old) => Earlier(location, old) ? location : old);

            private static bool Earlier(Location a, Location b)
            {
                int byPath = string.CompareOrdinal(a.SourceTree?.FilePath, b.SourceTree?.FilePath);
                return byPath < 0 || (byPath == 0 && a.SourceSpan.Start < b.SourceSpan.Start);
            }
        }

        /// <summary>The properties that name a personal member: <c>type</c>, <c>member</c>, <c>name</c>, <c>piiKind</c>, <c>sensitivity</c>.</summary>
        private static ImmutableDictionary<string, string?>.Builder MemberProperties(ISymbol member, PiiInfo info)
        {
            var properties = ImmutableDictionary.CreateBuilder<string, string?>(StringComparer.Ordinal);
            properties[TypeProperty] = member.ContainingType.OriginalDefinition.ToDisplayString();
            properties[MemberProperty] = member.ContainingType.Name + "." + member.Name;
            properties[NameProperty] = member.Name;
            properties[KindProperty] = info.KindName;
            properties[SensitivityProperty] = DiagnosticPropertyNames.SensitivityOf(info.Sensitive);
            return properties;
        }
    }
}
