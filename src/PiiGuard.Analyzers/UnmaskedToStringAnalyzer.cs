using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PiiGuard.Analyzers.Core;
using PiiGuard.Analyzers.Generator;

namespace PiiGuard.Analyzers
{
    /// <summary>
    /// Reports a type that prints its personal members in clear text (PII006): a record whose compiler-generated
    /// ToString/PrintMembers prints them, or a user-written ToString (or record PrintMembers) that reads a personal member
    /// without masking it. A plain class whose ToString is object's prints only its type name and is not reported.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UnmaskedToStringAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>The diagnostic property that names the fix.</summary>
        public const string FixProperty = DiagnosticPropertyNames.Fix;

        /// <summary>The fix: make the type (and its containing types) partial and add [GenerateMasking].</summary>
        public const string AddGenerateMaskingFix = "addGenerateMasking";

        /// <summary>The diagnostic property that names the PiiKind of the first personal member printed.</summary>
        public const string PiiKindProperty = DiagnosticPropertyNames.PiiKind;

        private const string CompilerToString = "the compiler-generated ToString";

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.UnmaskedToString);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                PiiSymbols symbols = PiiSymbols.Create(start.Compilation);
                if (!symbols.HasAnySource)
                {
                    return;
                }

                start.RegisterSymbolAction(ctx => AnalyzeRecord(ctx, symbols), SymbolKind.NamedType);
                // Only ToString and PrintMembers bodies are read: a syntax action on those declarations binds them alone,
                // where an operation-block action would make the driver build every body's operation tree (issue 18).
                start.RegisterSyntaxNodeAction(ctx => AnalyzeUserMethodSyntax(ctx, symbols), SyntaxKind.MethodDeclaration);
            });
        }

        private static void AnalyzeRecord(SymbolAnalysisContext context, PiiSymbols symbols)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            if (!type.IsRecord || IsMaskedByGenerator(type, symbols)
                || MaskingParser.GetUserMethod(type, "ToString", 0) != null
                || MaskingParser.GetUserMethod(type, "PrintMembers", 1) != null
                || ToStringIsSealedInBase(type))
            {
                return;
            }

            var personal = new Printed();
            AddPersonalMembers(type, symbols, personal);

            // A base record from another assembly prints its members through this record's ToString too, and is reported nowhere else.
            for (INamedTypeSymbol? b = type.BaseType; b is { IsRecord: true } && !IsInSource(b) && !IsMasked(b, symbols); b = b.BaseType)
            {
                AddPersonalMembers(b, symbols, personal);
            }

            if (personal.Names.Count == 0 || type.Locations.Length == 0 || !type.Locations[0].IsInSource)
            {
                return;
            }

            ImmutableDictionary<string, string?> properties = personal.Properties(type, "ToString");
            if (CanSimplyAddGenerateMasking(type))
            {
                properties = properties.Add(FixProperty, AddGenerateMaskingFix);
            }

            context.ReportDiagnostic(Diagnostic.Create(Rules.UnmaskedToString, type.Locations[0], properties, type.Name, string.Join(", ", personal.Names), CompilerToString));
        }

        /// <summary>Adds the printed personal members of <paramref name="type"/>.</summary>
        private static void AddPersonalMembers(INamedTypeSymbol type, PiiSymbols symbols, Printed personal)
        {
            foreach (ISymbol member in type.GetMembers())
            {
                if (MaskingParser.IsPrintable(member) && symbols.GetPii(member) is PiiInfo info)
                {
                    personal.Add(member, info);
                }
            }
        }

        /// <summary>The personal members a text form prints, in order, and the diagnostic properties that describe them.</summary>
        private sealed class Printed
        {
            private readonly List<string> _kinds = new List<string>();
            private ISymbol? _first;
            private PiiInfo _firstInfo;
            private bool _sensitive;

            public List<string> Names { get; } = new List<string>();

            public void Add(ISymbol member, PiiInfo info)
            {
                if (Names.Contains(member.Name))
                {
                    return;
                }

                Names.Add(member.Name);
                if (_first is null)
                {
                    _first = member;
                    _firstInfo = info;
                }

                if (!_kinds.Contains(info.KindName))
                {
                    _kinds.Add(info.KindName);
                }

                _sensitive |= info.Sensitive;
            }

            /// <summary>
            /// <c>member</c>, <c>type</c> and <c>name</c> name the first printed member (the type's, even when a base record
            /// declares it: that is the object printed); <c>sink</c> is "Type.ToString" or "Type.PrintMembers".
            /// </summary>
            public ImmutableDictionary<string, string?> Properties(INamedTypeSymbol type, string method)
            {
                var properties = ImmutableDictionary.CreateBuilder<string, string?>(System.StringComparer.Ordinal);
                properties[DiagnosticPropertyNames.Type] = type.ToDisplayString();
                properties[DiagnosticPropertyNames.Member] = type.Name + "." + _first?.Name;
                properties[DiagnosticPropertyNames.Name] = _first?.Name;
                properties[PiiKindProperty] = _firstInfo.KindName;
                properties[DiagnosticPropertyNames.PiiKinds] = string.Join(",", _kinds);
                properties[DiagnosticPropertyNames.Sensitivity] = DiagnosticPropertyNames.SensitivityOf(_sensitive);
                properties[DiagnosticPropertyNames.Sink] = type.Name + "." + method;
                return properties.ToImmutable();
            }
        }

        /// <summary>
        /// Whether the masking generator writes this type's text form: [GenerateMasking] on a type it can extend. A type with
        /// the attribute that is not partial (PII101, PII104) still prints through the compiler's or the user's ToString.
        /// </summary>
        private static bool IsMaskedByGenerator(INamedTypeSymbol type, PiiSymbols symbols)
            => MaskingParser.HasGenerateMasking(type, symbols) && MaskingParser.CanGenerate(type);

        private static bool IsInSource(INamedTypeSymbol type) => type.Locations.Length > 0 && type.Locations[0].IsInSource;

        /// <summary>Whether a base record prints its members masked (PiiGuard-generated in its assembly, or IMaskable).</summary>
        private static bool IsMasked(INamedTypeSymbol type, PiiSymbols symbols)
        {
            foreach (ISymbol member in type.GetMembers("PrintMaskedMembers"))
            {
                if (member is IMethodSymbol { IsStatic: false, Parameters.Length: 1 })
                {
                    return true;
                }
            }

            foreach (INamedTypeSymbol i in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(i, symbols.MaskableInterface))
                {
                    return true;
                }
            }

            return false;
        }

        private static void AnalyzeUserMethodSyntax(SyntaxNodeAnalysisContext context, PiiSymbols symbols)
        {
            var declaration = (MethodDeclarationSyntax)context.Node;
            if (declaration.Identifier.ValueText is not ("ToString" or "PrintMembers")
                || context.SemanticModel.GetDeclaredSymbol(declaration, context.CancellationToken) is not IMethodSymbol method
                || context.SemanticModel.GetOperation(declaration, context.CancellationToken) is not { } body)
            {
                return;
            }

            AnalyzeUserMethod(method, ImmutableArray.Create(body), context.ReportDiagnostic, context.CancellationToken, symbols);
        }

        private static void AnalyzeUserMethod(IMethodSymbol method, ImmutableArray<IOperation> blocks, System.Action<Diagnostic> report, System.Threading.CancellationToken cancellationToken, PiiSymbols symbols)
        {
            if (method is not { IsStatic: false, MethodKind: MethodKind.Ordinary }
                || (method.Name != "ToString" && method.Name != "PrintMembers")
                || method.ContainingType is not INamedTypeSymbol type
                || IsMaskedByGenerator(type, symbols)
                || MaskingParser.IsGeneratedByPiiGuard(method))
            {
                return;
            }

            string display;
            if (method.Name == "ToString" && method.Parameters.Length == 0 && method.IsOverride)
            {
                display = "its ToString";
            }
            else if (method.Name == "PrintMembers" && method.Parameters.Length == 1 && type.IsRecord && MaskingParser.GetUserMethod(type, "ToString", 0) is null)
            {
                display = "its PrintMembers";
            }
            else
            {
                return;
            }

            var personal = new Printed();
            foreach (IOperation block in blocks)
            {
                foreach (IOperation operation in block.Descendants())
                {
                    if (operation is IInvocationOperation { TargetMethod: { Name: "PrintMembers", IsImplicitlyDeclared: true } } printMembers)
                    {
                        // A ToString that calls the compiler's PrintMembers prints every member of the record.
                        AddPersonalMembers(printMembers.TargetMethod.ContainingType, symbols, personal);
                        continue;
                    }

                    ISymbol? member = operation switch
                    {
                        IPropertyReferenceOperation p => p.Property,
                        IFieldReferenceOperation f => f.Field,
                        _ => null,
                    };
                    if (member is null || symbols.GetPii(member) is not PiiInfo info || !CarriesData(operation, symbols))
                    {
                        continue;
                    }

                    personal.Add(member, info);
                }
            }

            if (personal.Names.Count == 0)
            {
                return;
            }

            Location location = method.Locations.Length > 0 ? method.Locations[0] : Location.None;
            if (method.DeclaringSyntaxReferences.Length > 0 && method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken).Parent is BaseTypeDeclarationSyntax declaration)
            {
                location = declaration.Identifier.GetLocation();
            }

            ImmutableDictionary<string, string?> properties = personal.Properties(type, method.Name);
            report(Diagnostic.Create(Rules.UnmaskedToString, location, properties, type.Name, string.Join(", ", personal.Names), display));
        }

        /// <summary>
        /// Whether the value read reaches the text: not when it is masked (PiiMask, a [PiiSanitizer], ToMaskedString), nor when
        /// only a flag or a count derived from it is used (Email.Length, Name == null).
        /// </summary>
        private static bool CarriesData(IOperation reference, PiiSymbols symbols)
        {
            IOperation current = reference;
            for (IOperation? parent = reference.Parent; parent != null; current = parent, parent = parent.Parent)
            {
                if (parent is IInvocationOperation invocation)
                {
                    IMethodSymbol target = invocation.TargetMethod;
                    if (SymbolEqualityComparer.Default.Equals(target.ContainingType, symbols.PiiMask) || target.Name == "ToMaskedString" || IsSanitizer(target, symbols))
                    {
                        return false;
                    }

                    if (invocation.Instance == current && IsFlagOrCount(invocation.Type))
                    {
                        return false;
                    }
                }
                else if (parent is IPropertyReferenceOperation property && property.Instance == current && IsFlagOrCount(property.Type))
                {
                    return false;
                }
                else if (parent is IBinaryOperation or IIsPatternOperation or IIsTypeOperation)
                {
                    if (parent.Type?.SpecialType == SpecialType.System_Boolean)
                    {
                        return false;
                    }
                }
                else if (parent is IConditionalOperation conditional && conditional.Condition == current)
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsSanitizer(IMethodSymbol method, PiiSymbols symbols)
        {
            if (symbols.PiiSanitizerAttribute is null)
            {
                return false;
            }

            foreach (AttributeData attribute in method.OriginalDefinition.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, symbols.PiiSanitizerAttribute))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsFlagOrCount(ITypeSymbol? type)
        {
            switch (type?.SpecialType)
            {
                case SpecialType.System_Boolean:
                case SpecialType.System_Int32:
                case SpecialType.System_Int64:
                    return true;
                default:
                    return false;
            }
        }

        private static bool ToStringIsSealedInBase(INamedTypeSymbol type)
        {
            for (INamedTypeSymbol? b = type.BaseType; b != null; b = b.BaseType)
            {
                foreach (ISymbol member in b.GetMembers("ToString"))
                {
                    if (member is IMethodSymbol { Parameters.Length: 0, IsStatic: false, IsSealed: true })
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// Whether making the type and its containing types partial and adding [GenerateMasking] is all it takes to mask it
        /// (the code fix does exactly that).
        /// </summary>
        private static bool CanSimplyAddGenerateMasking(INamedTypeSymbol type)
        {
            if (type.IsFileLocal || type.IsStatic || type.IsRefLikeType)
            {
                return false;
            }

            for (INamedTypeSymbol? c = type.ContainingType; c != null; c = c.ContainingType)
            {
                if (c.TypeKind != TypeKind.Class && c.TypeKind != TypeKind.Struct)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
