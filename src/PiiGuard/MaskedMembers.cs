namespace PiiGuard
{
    /// <summary>
    /// A type that writes its members to a structured writer, personal ones already masked by their convention.
    /// PiiGuard's generator implements it for every <see cref="GenerateMaskingAttribute"/> type, so structured
    /// loggers (PiiGuard.Serilog) can build a masked structure without reflection.
    /// </summary>
    public interface IMaskedMembers : IMaskable
    {
        /// <summary>Writes every printed member of the object to <paramref name="writer"/>, in declaration order (inherited members first).</summary>
        /// <param name="writer">The receiver of the members.</param>
        void WriteMaskedMembers(IMaskedMemberWriter writer);
    }

    /// <summary>
    /// Receives the members of an <see cref="IMaskedMembers"/> object. Inside <see cref="BeginSequence"/> /
    /// <see cref="EndSequence"/> the values are the elements of one collection member and <c>name</c> is <see langword="null"/>.
    /// </summary>
    public interface IMaskedMemberWriter
    {
        /// <summary>A personal value, already masked by its kind's convention (<see langword="null"/> when the value is null).</summary>
        /// <param name="name">The member name, or <see langword="null"/> for an element of a sequence.</param>
        /// <param name="maskedValue">The masked text.</param>
        void WriteMasked(string? name, string? maskedValue);

        /// <summary>A value that is not personal data, as the member holds it.</summary>
        /// <param name="name">The member name, or <see langword="null"/> for an element of a sequence.</param>
        /// <param name="value">The value.</param>
        void WriteValue(string? name, object? value);

        /// <summary>A value whose type masks itself (a nested <see cref="IMaskable"/>, for instance a [GenerateMasking] type).</summary>
        /// <param name="name">The member name, or <see langword="null"/> for an element of a sequence.</param>
        /// <param name="value">The value.</param>
        void WriteMaskable(string? name, IMaskable? value);

        /// <summary>Starts a collection member: its elements follow, then <see cref="EndSequence"/>.</summary>
        /// <param name="name">The member name.</param>
        void BeginSequence(string name);

        /// <summary>Ends the collection member started by <see cref="BeginSequence"/>.</summary>
        void EndSequence();
    }
}
