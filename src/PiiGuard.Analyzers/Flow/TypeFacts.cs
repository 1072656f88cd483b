using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PiiGuard.Analyzers.Core;

namespace PiiGuard.Analyzers.Flow
{
    /// <summary>How a type prints itself through ToString.</summary>
    internal enum TextForm
    {
        /// <summary>object's (or ValueType's) ToString: the type name; nothing personal.</summary>
        Plain,

        /// <summary>Generated masking, or IMaskable with its own ToString.</summary>
        Masked,

        /// <summary>A compiler-generated record ToString or a user ToString that is not known to mask.</summary>
        Unmasked,
    }

    /// <summary>What a type holds: its personal members (through nesting and collections) and how it prints. Cached per type.</summary>
    internal sealed class TypeFacts
    {
        private readonly PiiSymbols _pii;
        private readonly ConcurrentDictionary<ITypeSymbol, PersonalShape?> _shapes = SymbolCache.Create<ITypeSymbol, PersonalShape?>();
        private readonly ConcurrentDictionary<ITypeSymbol, TextForm> _forms = SymbolCache.Create<ITypeSymbol, TextForm>();
        private readonly Func<ITypeSymbol, TextForm> _computeTextForm;

        public TypeFacts(PiiSymbols pii)
        {
            _pii = pii;
            _computeTextForm = ComputeTextForm;
        }

        /// <summary>The personal data a value of the type holds, or null (strings and primitives hold none by type).</summary>
        public PersonalShape? GetShape(ITypeSymbol? type) => type is null ? null : GetShape(type, 0);

        /// <summary>Whether the type's ToString hides its personal members.</summary>
        public TextForm GetTextForm(ITypeSymbol type) => _forms.GetOrAdd(type, _computeTextForm);

        /// <summary>Whether the generated ToMaskedString is available (a [GenerateMasking] type or an IMaskable).</summary>
        public bool HasMaskedString(ITypeSymbol? type)
        {
            if (type is null)
            {
                return false;
            }

            if (_pii.GenerateMaskingAttribute != null && type is INamedTypeSymbol named && KnownSymbols.HasAttribute(named, _pii.GenerateMaskingAttribute))
            {
                return true;
            }

            return _pii.MaskableInterface != null && Implements(type, _pii.MaskableInterface);
        }

        private PersonalShape? GetShape(ITypeSymbol type, int depth)
        {
            if (depth > 3 || type.SpecialType != SpecialType.None || type.TypeKind == TypeKind.Enum || type.TypeKind == TypeKind.Delegate
                || type.TypeKind == TypeKind.TypeParameter || type.TypeKind == TypeKind.Error || type.TypeKind == TypeKind.Pointer)
            {
                return null;
            }

            if (_shapes.TryGetValue(type, out PersonalShape? cached))
            {
                return cached;
            }

            PersonalShape? shape = ComputeShape(type, depth);
            _shapes.TryAdd(type, shape);
            return shape;
        }

        private PersonalShape? ComputeShape(ITypeSymbol type, int depth)
        {
            if (type is IArrayTypeSymbol array)
            {
                return GetShape(array.ElementType, depth + 1);
            }

            if (type is not INamedTypeSymbol named)
            {
                return null;
            }

            // Collections hold what their elements hold.
            if (named.IsGenericType)
            {
                foreach (ITypeSymbol argument in named.TypeArguments)
                {
                    PersonalShape? inner = GetShape(argument, depth + 1);
                    if (inner != null && (IsEnumerable(named) || named.IsTupleType || named.Name == "KeyValuePair" || named.Name == "Nullable"))
                    {
                        return inner;
                    }
                }
            }

            if (named.ContainingAssembly is null || !IsUserOrLibraryModel(named))
            {
                return null;
            }

            PiiInfo? first = null;
            string? firstMember = null;
            var kinds = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (INamedTypeSymbol? t = named; t != null && t.SpecialType != SpecialType.System_Object; t = t.BaseType)
            {
                foreach (ISymbol member in t.GetMembers())
                {
                    if (member.IsStatic || member.IsImplicitlyDeclared && member is IFieldSymbol || !seen.Add(member.Name))
                    {
                        continue;
                    }

                    PiiInfo? info = null;
                    string? name = null;
                    if (member is IPropertySymbol { IsIndexer: false } property)
                    {
                        info = _pii.GetPii(property);
                        name = property.Name;
                        if (info is null && !ReferenceEquals(property.Type, named))
                        {
                            info = GetShape(property.Type, depth + 1)?.First;
                        }
                    }
                    else if (member is IFieldSymbol field && field.AssociatedSymbol is null)
                    {
                        info = _pii.GetPii(field);
                        name = field.Name;
                        if (info is null && !ReferenceEquals(field.Type, named))
                        {
                            info = GetShape(field.Type, depth + 1)?.First;
                        }
                    }

                    if (info is PiiInfo found)
                    {
                        if (first is null)
                        {
                            first = found;
                            firstMember = name;
                        }

                        if (!kinds.Contains(found.KindName))
                        {
                            kinds.Add(found.KindName);
                        }
                    }
                }
            }

            if (first is null)
            {
                return null;
            }

            var text = new StringBuilder();
            foreach (string kind in kinds)
            {
                if (text.Length > 0)
                {
                    text.Append(", ");
                }

                text.Append(kind);
            }

            return new PersonalShape(first.Value, text.ToString());
        }

        /// <summary>Types whose members are worth inspecting: anything but the BCL's own types.</summary>
        private static bool IsUserOrLibraryModel(INamedTypeSymbol type)
        {
            string? assembly = type.ContainingAssembly?.Name;
            return assembly is not null && !assembly.StartsWith("System", StringComparison.Ordinal) && assembly != "mscorlib" && assembly != "netstandard";
        }

        private bool IsEnumerable(INamedTypeSymbol type)
        {
            if (type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
            {
                return true;
            }

            foreach (INamedTypeSymbol i in type.AllInterfaces)
            {
                if (i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
                {
                    return true;
                }
            }

            return false;
        }

        private TextForm ComputeTextForm(ITypeSymbol type)
        {
            IMethodSymbol? toString = FindToString(type);
            bool generateMasking = _pii.GenerateMaskingAttribute != null && type is INamedTypeSymbol n && KnownSymbols.HasAttribute(n, _pii.GenerateMaskingAttribute);
            if (generateMasking && IsPartial(type) && !DeclaresOwnTextMember(type))
            {
                return TextForm.Masked;
            }

            if (toString is null || toString.ContainingType.SpecialType is SpecialType.System_Object or SpecialType.System_ValueType or SpecialType.System_Enum)
            {
                return TextForm.Plain;
            }

            if (_pii.MaskableInterface != null && Implements(type, _pii.MaskableInterface))
            {
                return TextForm.Masked;
            }

            // A ToString the user wrote that reads no personal member prints nothing personal (Order.ToString => $"#{Id} {Sku}").
            if (!toString.IsImplicitlyDeclared && !IsGenerated(toString) && ReadsNoPersonalMember(toString))
            {
                return TextForm.Plain;
            }

            return TextForm.Unmasked;
        }

        /// <summary>
        /// Whether a ToString written in this compilation reads none of its type's personal members. Conservative: it must
        /// not call another method of the compilation (a helper may read them), nor pass the object itself on (base.ToString(),
        /// a serializer), and its body must be available.
        /// </summary>
        private bool ReadsNoPersonalMember(IMethodSymbol toString)
        {
            if (toString.DeclaringSyntaxReferences.Length == 0)
            {
                return false;
            }

            foreach (SyntaxReference reference in toString.DeclaringSyntaxReferences)
            {
                SyntaxNode node = reference.GetSyntax();
#pragma warning disable RS1030 // The ToString of a type met in another tree of the same compilation; computed once per type.
                IOperation? body = _pii.Compilation.GetSemanticModel(node.SyntaxTree).GetOperation(node);
#pragma warning restore RS1030
                if (body is null)
                {
                    return false;
                }

                foreach (IOperation operation in body.Descendants())
                {
                    switch (operation)
                    {
                        case IMemberReferenceOperation { Member: IPropertySymbol or IFieldSymbol } member when _pii.GetPii(member.Member) != null:
                            return false;
                        case IInvocationOperation call when call.TargetMethod.DeclaringSyntaxReferences.Length > 0:
                            return false;
                        case IInstanceReferenceOperation self when self.Parent is not IMemberReferenceOperation:
                            return false;
                    }
                }
            }

            return true;
        }

        private static IMethodSymbol? FindToString(ITypeSymbol type)
        {
            for (ITypeSymbol? t = type; t != null; t = t.BaseType)
            {
                foreach (ISymbol member in t.GetMembers("ToString"))
                {
                    if (member is IMethodSymbol { IsStatic: false, Parameters.Length: 0 } method && (method.IsOverride || t.SpecialType == SpecialType.System_Object))
                    {
                        return method;
                    }
                }
            }

            return null;
        }

        /// <summary>A ToString (or a record's PrintMembers) written by the user, not by a compiler or generator.</summary>
        private static bool DeclaresOwnTextMember(ITypeSymbol type)
        {
            foreach (ISymbol member in type.GetMembers())
            {
                if (member is IMethodSymbol { Name: "ToString" or "PrintMembers" } method && !method.IsImplicitlyDeclared && !IsGenerated(method))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsGenerated(ISymbol symbol)
        {
            foreach (SyntaxReference reference in symbol.DeclaringSyntaxReferences)
            {
                string path = reference.SyntaxTree.FilePath ?? string.Empty;
                if (!(path.EndsWith(".g.cs", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".generated.cs", StringComparison.OrdinalIgnoreCase)
                    || reference.SyntaxTree.GetRoot().GetLeadingTrivia().ToString().IndexOf("<auto-generated", StringComparison.OrdinalIgnoreCase) >= 0))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsPartial(ITypeSymbol type)
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

        private static bool Implements(ITypeSymbol type, INamedTypeSymbol @interface)
        {
            foreach (INamedTypeSymbol i in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(i, @interface))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The personal data a type holds: its first personal member's kind, and the list of kinds ("Email, NationalId").</summary>
    internal sealed class PersonalShape
    {
        public PersonalShape(PiiInfo first, string kinds)
        {
            First = first;
            Kinds = kinds;
        }

        public PiiInfo First { get; }

        public string Kinds { get; }
    }
}
