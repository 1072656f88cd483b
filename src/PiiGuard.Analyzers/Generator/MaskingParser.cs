using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PiiGuard.Analyzers.Core;

namespace PiiGuard.Analyzers.Generator
{
    /// <summary>
    /// Reads a [GenerateMasking] type into a <see cref="MaskingTypeModel"/>. Also answers, for the analyzers, which types
    /// the generator writes code for and how it prints each member, so that diagnostics and generated code agree.
    /// </summary>
    internal static class MaskingParser
    {
        private const string PrintMaskedMembersName = "PrintMaskedMembers";
        private const string ToMaskedStringName = "ToMaskedString";
        private const string WriteMaskedMembersName = "WriteMaskedMembers";

        /// <summary>The model of a type, or null when the generator skips it (the analyzers say why).</summary>
        public static MaskingTypeModel? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            if (context.TargetSymbol is not INamedTypeSymbol type || !IsFirstAttributedDeclaration(context, type))
            {
                return null;
            }

            var options = context.SemanticModel.SyntaxTree.Options as CSharpParseOptions;
            bool nullable = options == null || options.LanguageVersion >= LanguageVersion.CSharp8;
            return Parse(type, PiiSymbols.Create(context.SemanticModel.Compilation), nullable, cancellationToken);
        }

        /// <summary>The model of a type, or null when the generator skips it.</summary>
        public static MaskingTypeModel? Parse(INamedTypeSymbol type, PiiSymbols symbols, bool nullableAnnotations, CancellationToken cancellationToken)
        {
            if (!CanGenerate(type) || !HasWellFormedNames(type) || symbols.PiiMask is null || symbols.MaskableInterface is null || symbols.MaskedText is null)
            {
                // Without PiiGuard's runtime (PiiMask, IMaskable, MaskedText), or with one older than the generator, the
                // generated code could not compile.
                return null;
            }

            cancellationToken.ThrowIfCancellationRequested();

            var containing = new List<ContainingTypeModel>();
            for (INamedTypeSymbol? c = type.ContainingType; c != null; c = c.ContainingType)
            {
                containing.Insert(0, new ContainingTypeModel(Keyword(c), NameWithTypeParameters(c)));
            }

            BaseMasking baseMasking = GetBaseMasking(type, symbols);
            bool isSealed = type.IsSealed || type.IsValueType;

            string? toMaskedString;
            switch (baseMasking.ToMaskedString)
            {
                case BaseMethod.Overridable:
                    toMaskedString = "public override";
                    break;
                case BaseMethod.Hidden:
                    toMaskedString = isSealed ? "public new" : "public new virtual";
                    break;
                default:
                    toMaskedString = isSealed ? "public" : "public virtual";
                    break;
            }

            if (HasUserMethod(type, ToMaskedStringName, 0))
            {
                // The user wrote ToMaskedString: keep it (the generated ToString calls it).
                toMaskedString = null;
            }

            string printMasked = baseMasking.PrintsMembers ? "protected override" : isSealed ? "private" : "protected virtual";

            // The structured form (IMaskedMembers) needs a runtime that declares it; a base that prints its members but was
            // built without it (an older PiiGuard in metadata) contributes nothing to the structure, only to the text.
            string? writeMasked = null;
            if (symbols.MaskedMembersInterface != null)
            {
                writeMasked = baseMasking.WritesMembers ? "protected override" : isSealed ? "private" : "protected virtual";
            }

            string? printMembers = null;
            bool generateToString = false;
            if (type.IsRecord)
            {
                if (!HasUserMethod(type, "PrintMembers", 1))
                {
                    if (type.IsValueType)
                    {
                        printMembers = "private";
                    }
                    else if (type.BaseType is { IsRecord: true })
                    {
                        printMembers = "protected override";
                    }
                    else
                    {
                        printMembers = type.IsSealed ? "private" : "protected virtual";
                    }

                    // The compiler's ToString would allocate a second builder around the same PrintMembers: print
                    // through ToMaskedString instead (same text), unless the user wrote ToString or a base sealed it.
                    generateToString = !HasUserMethod(type, "ToString", 0) && !BaseToStringIsSealed(type);
                }
            }
            else
            {
                generateToString = !HasUserMethod(type, "ToString", 0) && !BaseToStringIsSealed(type);
            }

            var members = new List<MemberModel>();
            foreach (ISymbol member in GetPrintedMembers(type, baseMasking.PrintingBase))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!SyntaxFacts.IsValidIdentifier(member.Name))
                {
                    // Half-typed member (missing name): print nothing rather than emit broken code.
                    continue;
                }

                ITypeSymbol memberType = member is IPropertySymbol p ? p.Type : ((IFieldSymbol)member).Type;
                PiiInfo? pii = symbols.GetPii(member);
                MemberPrint print = Classify(memberType, pii, symbols);
                members.Add(new MemberModel(EscapeIdentifier(member.Name), member.Name, print.Value, print.IsCollection, print.CollectionShape));
            }

            return new MaskingTypeModel(
                HintName(type),
                type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null,
                new EquatableArray<ContainingTypeModel>(containing),
                Keyword(type),
                NameWithTypeParameters(type),
                type.Name,
                toMaskedString,
                printMasked,
                baseMasking.PrintsMembers,
                printMembers,
                generateToString,
                nullableAnnotations,
                writeMasked,
                writeMasked != null && baseMasking.WritesMembers,
                new EquatableArray<MemberModel>(members));
        }

        /// <summary>
        /// Whether the type, its type parameters, containing types and namespace all have names (half-typed code
        /// has missing identifiers): the generator skips the type until they do, so it never emits broken code.
        /// </summary>
        private static bool HasWellFormedNames(INamedTypeSymbol type)
        {
            for (INamedTypeSymbol? t = type; t != null; t = t.ContainingType)
            {
                if (!SyntaxFacts.IsValidIdentifier(t.Name) || t.TypeParameters.Any(p => !SyntaxFacts.IsValidIdentifier(p.Name)))
                {
                    return false;
                }
            }

            for (INamespaceSymbol? ns = type.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
            {
                if (!SyntaxFacts.IsValidIdentifier(ns.Name))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Whether the generator writes code for a type: the analyzers report every type it skips.</summary>
        public static bool CanGenerate(INamedTypeSymbol type)
        {
            if ((type.TypeKind != TypeKind.Class && type.TypeKind != TypeKind.Struct) || type.IsStatic || type.IsRefLikeType
                || type.IsFileLocal || type.IsImplicitlyDeclared || !IsPartial(type))
            {
                return false;
            }

            for (INamedTypeSymbol? c = type.ContainingType; c != null; c = c.ContainingType)
            {
                if (!IsPartial(c) || (c.TypeKind != TypeKind.Class && c.TypeKind != TypeKind.Struct && c.TypeKind != TypeKind.Interface))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Whether a source type is declared partial.</summary>
        public static bool IsPartial(INamedTypeSymbol type)
        {
            foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is TypeDeclarationSyntax declaration && declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The first containing type that is not partial, if any.</summary>
        public static INamedTypeSymbol? FirstNonPartialContainingType(INamedTypeSymbol type)
        {
            for (INamedTypeSymbol? c = type.ContainingType; c != null; c = c.ContainingType)
            {
                if (!IsPartial(c))
                {
                    return c;
                }
            }

            return null;
        }

        /// <summary>Whether a type carries [GenerateMasking].</summary>
        public static bool HasGenerateMasking(INamedTypeSymbol type, PiiSymbols symbols)
        {
            if (symbols.GenerateMaskingAttribute is null)
            {
                return false;
            }

            foreach (AttributeData attribute in type.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, symbols.GenerateMaskingAttribute))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A ToString (<paramref name="parameterCount"/> 0) or PrintMembers (1) that the user wrote, not the compiler's
        /// nor PiiGuard's generated one.
        /// </summary>
        public static IMethodSymbol? GetUserMethod(INamedTypeSymbol type, string name, int parameterCount)
        {
            foreach (ISymbol member in type.GetMembers(name))
            {
                if (member is IMethodSymbol { IsStatic: false, IsImplicitlyDeclared: false } method && method.Parameters.Length == parameterCount
                    && method.MethodKind == MethodKind.Ordinary && !IsGeneratedByPiiGuard(method))
                {
                    return method;
                }
            }

            return null;
        }

        /// <summary>Whether a member was declared by this generator (the analyzers see generated code too).</summary>
        public static bool IsGeneratedByPiiGuard(ISymbol symbol)
        {
            foreach (SyntaxReference reference in symbol.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree.FilePath.IndexOf(typeof(MaskingGenerator).FullName, StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The members the generated code prints, in the order it prints them: public instance fields and readable
        /// properties of the type and, when no base type prints its own masked members, of its base types (root first).
        /// </summary>
        public static IReadOnlyList<ISymbol> GetPrintedMembers(INamedTypeSymbol type, PiiSymbols symbols)
            => GetPrintedMembers(type, GetBaseMasking(type, symbols).PrintingBase);

        /// <summary>How a member (or each of its elements) is printed.</summary>
        public static MemberPrint Classify(ITypeSymbol type, PiiInfo? pii, PiiSymbols symbols)
        {
            ValueShape shape = ShapeOf(type);
            ValueShape collectionShape = type is INamedTypeSymbol { Name: "ImmutableArray", Arity: 1, ContainingNamespace: { Name: "Immutable", ContainingNamespace: { Name: "Collections", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } }
                ? ValueShape.ImmutableArray
                : shape;
            if (pii is PiiInfo info)
            {
                if (info.Mask == 1)
                {
                    return new MemberPrint(new ValueModel(ValueKind.Erase, shape, info.Kind, info.Mask), false, shape, false);
                }

                ValueKind? single = ClassifyPersonalScalar(type, info, symbols);
                if (single is ValueKind kind)
                {
                    return new MemberPrint(new ValueModel(kind, shape, info.Kind, info.Mask), false, shape, false);
                }

                if (IsBinary(type))
                {
                    // Binary data (photos, biometric templates) has no masked form: erased, and PII102 says so.
                    return new MemberPrint(new ValueModel(ValueKind.Erase, shape, info.Kind, info.Mask), false, shape, true);
                }

                if (GetElementType(type) is ITypeSymbol element && ClassifyPersonalScalar(element, info, symbols) is ValueKind elementKind)
                {
                    return new MemberPrint(new ValueModel(elementKind, ShapeOf(element), info.Kind, info.Mask), true, collectionShape, false);
                }

                return new MemberPrint(new ValueModel(ValueKind.Erase, shape, info.Kind, info.Mask), false, shape, true);
            }

            ValueKind? maskable = MaskableKind(type, symbols);
            if (maskable is ValueKind m)
            {
                return new MemberPrint(new ValueModel(m, shape, 0, 0), false, shape, false);
            }

            if (GetElementType(type) is ITypeSymbol item && MaskableKind(item, symbols) is ValueKind itemKind)
            {
                return new MemberPrint(new ValueModel(itemKind, ShapeOf(item), 0, 0), true, collectionShape, false);
            }

            return new MemberPrint(new ValueModel(ValueKind.Plain, shape, 0, 0), false, shape, false);
        }

        private static ValueKind? ClassifyPersonalScalar(ITypeSymbol type, PiiInfo info, PiiSymbols symbols)
        {
            if (MaskableKind(type, symbols) is ValueKind maskable)
            {
                return maskable;
            }

            if (type.SpecialType == SpecialType.System_String)
            {
                return ValueKind.MaskedString;
            }

            if (type is ITypeParameterSymbol)
            {
                return ValueKind.MaskedObject;
            }

            ITypeSymbol underlying = type;
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            {
                underlying = nullable.TypeArguments[0];
            }

            if (underlying.SpecialType == SpecialType.System_DateTime && info.Kind == 5 && info.Mask == 0)
            {
                return ValueKind.DateOfBirth;
            }

            if (IsMaskableScalar(underlying))
            {
                return ValueKind.MaskedObject;
            }

            return null;
        }

        private static bool IsMaskableScalar(ITypeSymbol type)
        {
            if (type.TypeKind == TypeKind.Enum)
            {
                return true;
            }

            switch (type.SpecialType)
            {
                case SpecialType.System_Char:
                case SpecialType.System_SByte:
                case SpecialType.System_Byte:
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                case SpecialType.System_Int32:
                case SpecialType.System_UInt32:
                case SpecialType.System_Int64:
                case SpecialType.System_UInt64:
                case SpecialType.System_Single:
                case SpecialType.System_Double:
                case SpecialType.System_Decimal:
                case SpecialType.System_IntPtr:
                case SpecialType.System_UIntPtr:
                case SpecialType.System_DateTime:
                    return true;
            }

            string name = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            switch (name)
            {
                case "global::System.DateTimeOffset":
                case "global::System.DateOnly":
                case "global::System.TimeOnly":
                case "global::System.TimeSpan":
                case "global::System.Guid":
                case "global::System.Numerics.BigInteger":
                case "global::System.Net.IPAddress":
                case "global::System.Uri":
                    return true;
                default:
                    return false;
            }
        }

        private static bool IsBinary(ITypeSymbol type)
        {
            if (type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte })
            {
                return true;
            }

            return GetElementType(type) is { SpecialType: SpecialType.System_Byte };
        }

        private static ValueKind? MaskableKind(ITypeSymbol type, PiiSymbols symbols)
        {
            ITypeSymbol underlying = type;
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            {
                underlying = nullable.TypeArguments[0];
            }

            if (underlying is INamedTypeSymbol named && HasGenerateMasking(named.OriginalDefinition, symbols) && CanGenerate(named.OriginalDefinition))
            {
                return ValueKind.MaskableDirect;
            }

            if (symbols.MaskableInterface is null)
            {
                return null;
            }

            if (SymbolEqualityComparer.Default.Equals(underlying, symbols.MaskableInterface)
                || underlying.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i, symbols.MaskableInterface)))
            {
                return ValueKind.Maskable;
            }

            return null;
        }

        /// <summary>The element type of a collection (not a string), or null.</summary>
        private static ITypeSymbol? GetElementType(ITypeSymbol type)
        {
            if (type.SpecialType == SpecialType.System_String)
            {
                return null;
            }

            if (type is IArrayTypeSymbol array)
            {
                return array.Rank == 1 ? array.ElementType : null;
            }

            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Collections_Generic_IEnumerable_T } enumerable)
            {
                return enumerable.TypeArguments[0];
            }

            if (type.TypeKind == TypeKind.TypeParameter)
            {
                return null;
            }

            ITypeSymbol? found = null;
            foreach (INamedTypeSymbol i in type.AllInterfaces)
            {
                if (i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
                {
                    if (found != null)
                    {
                        return null;
                    }

                    found = i.TypeArguments[0];
                }
            }

            return found;
        }

        private static ValueShape ShapeOf(ITypeSymbol type)
        {
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T })
            {
                return ValueShape.NullableValue;
            }

            if (type is ITypeParameterSymbol parameter)
            {
                return parameter.HasValueTypeConstraint ? ValueShape.Value : parameter.HasReferenceTypeConstraint ? ValueShape.Reference : ValueShape.TypeParameter;
            }

            return type.IsValueType ? ValueShape.Value : ValueShape.Reference;
        }

        private static IReadOnlyList<ISymbol> GetPrintedMembers(INamedTypeSymbol type, INamedTypeSymbol? printingBase)
        {
            var levels = new List<INamedTypeSymbol> { type };
            for (INamedTypeSymbol? b = type.BaseType; b != null && b.SpecialType != SpecialType.System_Object && b.SpecialType != SpecialType.System_ValueType; b = b.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(b, printingBase))
                {
                    break;
                }

                levels.Add(b);
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            var perLevel = new List<List<ISymbol>>();
            foreach (INamedTypeSymbol level in levels)
            {
                var printed = new List<ISymbol>();
                foreach (ISymbol member in level.GetMembers())
                {
                    if (!IsPrintable(member) || (printingBase != null && OverridesMemberOf(member, printingBase)))
                    {
                        continue;
                    }

                    if (seen.Add(member.Name))
                    {
                        printed.Add(member);
                    }
                }

                perLevel.Add(printed);
            }

            var result = new List<ISymbol>();
            for (int i = perLevel.Count - 1; i >= 0; i--)
            {
                result.AddRange(perLevel[i]);
            }

            return result;
        }

        private static bool OverridesMemberOf(ISymbol member, INamedTypeSymbol printingBase)
        {
            for (IPropertySymbol? p = (member as IPropertySymbol)?.OverriddenProperty; p != null; p = p.OverriddenProperty)
            {
                for (INamedTypeSymbol? t = printingBase; t != null; t = t.BaseType)
                {
                    if (SymbolEqualityComparer.Default.Equals(p.ContainingType, t))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>Whether a member is printed by the compiler's record PrintMembers and by the generated code: public instance fields and readable properties.</summary>
        public static bool IsPrintable(ISymbol member)
        {
            if (member.IsStatic || member.DeclaredAccessibility != Accessibility.Public || (member.IsImplicitlyDeclared && member is IFieldSymbol))
            {
                return false;
            }

            switch (member)
            {
                case IFieldSymbol field:
                    return !field.IsConst && IsPrintableType(field.Type);
                case IPropertySymbol property:
                    return !property.IsIndexer && property.GetMethod is { DeclaredAccessibility: Accessibility.Public }
                        && property.Name != "EqualityContract" && IsPrintableType(property.Type);
                default:
                    return false;
            }
        }

        private static bool IsPrintableType(ITypeSymbol type)
            => !type.IsRefLikeType && type.TypeKind != TypeKind.Pointer && type.TypeKind != TypeKind.FunctionPointer;

        private enum BaseMethod
        {
            None,
            Overridable,
            Hidden,
        }

        private readonly struct BaseMasking
        {
            public BaseMasking(BaseMethod toMaskedString, INamedTypeSymbol? printingBase, bool writesMembers)
            {
                ToMaskedString = toMaskedString;
                PrintingBase = printingBase;
                WritesMembers = writesMembers;
            }

            /// <summary>Whether the printing base also has a (generated) overridable WriteMaskedMembers.</summary>
            public bool WritesMembers { get; }

            public BaseMethod ToMaskedString { get; }

            /// <summary>The nearest base type whose (generated) PrintMaskedMembers prints its members and those of its bases.</summary>
            public INamedTypeSymbol? PrintingBase { get; }

            public bool PrintsMembers => PrintingBase != null;
        }

        private static BaseMasking GetBaseMasking(INamedTypeSymbol type, PiiSymbols symbols)
        {
            BaseMethod toMaskedString = BaseMethod.None;
            for (INamedTypeSymbol? b = type.BaseType; b != null && b.SpecialType != SpecialType.System_Object; b = b.BaseType)
            {
                if (HasGenerateMasking(b.OriginalDefinition, symbols) && CanGenerate(b.OriginalDefinition))
                {
                    // Its generated members are not visible yet: they will be virtual (the type is not sealed, it has a derived
                    // type), unless its author wrote its ToMaskedString, which the generator keeps as it is.
                    if (toMaskedString == BaseMethod.None)
                    {
                        IMethodSymbol? user = GetUserMethod(b, ToMaskedStringName, 0);
                        toMaskedString = user is null || ((user.IsVirtual || user.IsOverride || user.IsAbstract) && !user.IsSealed) ? BaseMethod.Overridable : BaseMethod.Hidden;
                    }

                    return new BaseMasking(toMaskedString, b, symbols.MaskedMembersInterface != null);
                }

                bool prints = false;
                bool writes = false;
                foreach (ISymbol member in b.GetMembers())
                {
                    if (member is not IMethodSymbol { IsStatic: false } method || method.DeclaredAccessibility == Accessibility.Private)
                    {
                        continue;
                    }

                    if (toMaskedString == BaseMethod.None && method.Name == ToMaskedStringName && method.Parameters.Length == 0)
                    {
                        toMaskedString = (method.IsVirtual || method.IsOverride || method.IsAbstract) && !method.IsSealed ? BaseMethod.Overridable : BaseMethod.Hidden;
                    }
                    else if (method.Name == PrintMaskedMembersName && method.Parameters.Length == 1
                        && (method.IsVirtual || method.IsOverride || method.IsAbstract) && !method.IsSealed
                        && method.Parameters[0].Type.ToDisplayString() == "System.Text.StringBuilder")
                    {
                        prints = true;
                    }
                    else if (method.Name == WriteMaskedMembersName && method.Parameters.Length == 1
                        && (method.IsVirtual || method.IsOverride || method.IsAbstract) && !method.IsSealed
                        && method.Parameters[0].Type.ToDisplayString() == "PiiGuard.IMaskedMemberWriter")
                    {
                        writes = true;
                    }
                }

                if (prints)
                {
                    return new BaseMasking(toMaskedString == BaseMethod.None ? BaseMethod.Hidden : toMaskedString, b, writes && symbols.MaskedMembersInterface != null);
                }
            }

            return new BaseMasking(toMaskedString, null, false);
        }

        private static bool HasUserMethod(INamedTypeSymbol type, string name, int parameterCount) => GetUserMethod(type, name, parameterCount) != null;

        private static bool BaseToStringIsSealed(INamedTypeSymbol type)
        {
            for (INamedTypeSymbol? b = type.BaseType; b != null; b = b.BaseType)
            {
                foreach (ISymbol member in b.GetMembers("ToString"))
                {
                    if (member is IMethodSymbol { Parameters.Length: 0, IsStatic: false } method && method.IsOverride)
                    {
                        return method.IsSealed;
                    }
                }
            }

            return false;
        }

        private static bool IsFirstAttributedDeclaration(GeneratorAttributeSyntaxContext context, INamedTypeSymbol type)
        {
            // [GenerateMasking] is AllowMultiple = false; when it is (wrongly) repeated on several parts, generate once.
            foreach (AttributeData attribute in type.GetAttributes())
            {
                if (attribute.AttributeClass?.ToDisplayString() == PiiSymbols.GenerateMaskingAttributeName && attribute.ApplicationSyntaxReference is { } reference)
                {
                    return reference.SyntaxTree == context.TargetNode.SyntaxTree && context.TargetNode.Span.Contains(reference.Span);
                }
            }

            return true;
        }

        private static string Keyword(INamedTypeSymbol type)
        {
            if (type.IsRecord)
            {
                return type.IsValueType ? "record struct" : "record";
            }

            switch (type.TypeKind)
            {
                case TypeKind.Struct:
                    return "struct";
                case TypeKind.Interface:
                    return "interface";
                default:
                    return "class";
            }
        }

        private static string NameWithTypeParameters(INamedTypeSymbol type)
        {
            string name = EscapeIdentifier(type.Name);
            if (type.TypeParameters.Length == 0)
            {
                return name;
            }

            return name + "<" + string.Join(", ", type.TypeParameters.Select(p => EscapeIdentifier(p.Name))) + ">";
        }

        private static string EscapeIdentifier(string name)
            => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) == SyntaxKind.RecordKeyword ? "@" + name : name;

        private static string HintName(INamedTypeSymbol type)
        {
            var builder = new StringBuilder();
            string full = type.ToDisplayString(new SymbolDisplayFormat(
                globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
                typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
                genericsOptions: SymbolDisplayGenericsOptions.None));
            foreach (char c in full)
            {
                builder.Append(char.IsLetterOrDigit(c) || c == '.' || c == '_' ? c : '_');
            }

            for (INamedTypeSymbol? t = type; t != null; t = t.ContainingType)
            {
                if (t.Arity > 0)
                {
                    builder.Append('_').Append(t.Arity.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            return builder.Append(".Masking.g.cs").ToString();
        }
    }

    /// <summary>How a member is printed, and whether the generator can mask it by its convention.</summary>
    internal readonly struct MemberPrint
    {
        public MemberPrint(ValueModel value, bool isCollection, ValueShape collectionShape, bool unsupported)
        {
            Value = value;
            IsCollection = isCollection;
            CollectionShape = collectionShape;
            Unsupported = unsupported;
        }

        public ValueModel Value { get; }

        public bool IsCollection { get; }

        public ValueShape CollectionShape { get; }

        /// <summary>A personal member the generator erases because it cannot mask its type (PII102).</summary>
        public bool Unsupported { get; }
    }
}
