namespace PiiGuard.Analyzers.Generator
{
    /// <summary>How one value (a member, or an element of a collection member) is printed.</summary>
    internal enum ValueKind
    {
        /// <summary>Not personal: printed as it is, like the compiler's record ToString.</summary>
        Plain,

        /// <summary>A personal string: PiiMask.Apply(string?, kind, style).</summary>
        MaskedString,

        /// <summary>A personal non-string value (number, date, Guid, IP address…): PiiMask.Apply(object?, kind, style).</summary>
        MaskedObject,

        /// <summary>A DateTime date of birth with the default style: PiiMask.DateOfBirth.</summary>
        DateOfBirth,

        /// <summary>A value whose type masks itself: ((IMaskable)value).ToMaskedString().</summary>
        Maskable,

        /// <summary>A value whose type has a public ToMaskedString (a [GenerateMasking] type): value.ToMaskedString().</summary>
        MaskableDirect,

        /// <summary>Erased whatever it holds (MaskStyle.Erase, binary data, types the generator cannot mask).</summary>
        Erase,
    }

    /// <summary>What the generated code may assume about null.</summary>
    internal enum ValueShape
    {
        /// <summary>A reference type: may be null.</summary>
        Reference,

        /// <summary>A non-nullable value type: never null.</summary>
        Value,

        /// <summary>A Nullable&lt;T&gt;.</summary>
        NullableValue,

        /// <summary>A type parameter not known to be a value type.</summary>
        TypeParameter,

        /// <summary>An ImmutableArray&lt;T&gt; collection: a value type whose default value cannot be enumerated.</summary>
        ImmutableArray,
    }

    /// <summary>How one value is printed.</summary>
    /// <param name="Kind">How it is printed.</param>
    /// <param name="Shape">Its nullability shape.</param>
    /// <param name="PiiKind">The PiiKind value (for masked values).</param>
    /// <param name="MaskStyle">The MaskStyle value (for masked values).</param>
    internal sealed record ValueModel(ValueKind Kind, ValueShape Shape, int PiiKind, int MaskStyle);

    /// <summary>One printed member.</summary>
    /// <param name="Name">The member name as written in code (escaped when it is a keyword).</param>
    /// <param name="Label">The member name as printed.</param>
    /// <param name="Value">How the member, or each element when <paramref name="IsCollection"/>, is printed.</param>
    /// <param name="IsCollection">Whether the member is printed element by element.</param>
    /// <param name="CollectionShape">The nullability shape of the collection itself.</param>
    internal sealed record MemberModel(string Name, string Label, ValueModel Value, bool IsCollection, ValueShape CollectionShape);

    /// <summary>A type that contains the generated type.</summary>
    /// <param name="Keyword">class, struct, record, record struct or interface.</param>
    /// <param name="Name">The name with its type parameters.</param>
    internal sealed record ContainingTypeModel(string Keyword, string Name);

    /// <summary>Everything the emitter needs to write the masking code of one type; holds no symbol or syntax.</summary>
    internal sealed record MaskingTypeModel(
        string HintName,
        string? Namespace,
        EquatableArray<ContainingTypeModel> ContainingTypes,
        string Keyword,
        string Name,
        string DisplayName,
        string? ToMaskedStringModifiers,
        string PrintMaskedMembersModifiers,
        bool CallBasePrintMaskedMembers,
        string? PrintMembersModifiers,
        bool GenerateToString,
        bool NullableAnnotations,
        string? WriteMaskedMembersModifiers,
        bool CallBaseWriteMaskedMembers,
        EquatableArray<MemberModel> Members);

    /// <summary>The names of the tracked steps of the masking generator's pipeline.</summary>
    internal static class TrackingNames
    {
        /// <summary>The models read from [GenerateMasking] types (null for types the generator skips).</summary>
        public const string Parse = "PiiGuard.Masking.Parse";

        /// <summary>The models of the types that get generated code.</summary>
        public const string Models = "PiiGuard.Masking.Models";
    }
}
