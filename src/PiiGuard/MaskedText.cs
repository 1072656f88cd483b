using System;
using System.ComponentModel;
using System.Text;

namespace PiiGuard
{
    /// <summary>
    /// The building blocks of the code that PiiGuard's generator writes for <see cref="GenerateMaskingAttribute"/> types:
    /// one call per member instead of several <see cref="StringBuilder.Append(string)"/> calls, so that the generated
    /// code is small and cheap to compile (each method has a single overload). Not meant to be called by hand.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class MaskedText
    {
        private const int MaxCachedCapacity = 1024;

        [ThreadStatic]
        private static StringBuilder? t_cachedBuilder;

        /// <summary>
        /// A builder for one text form, holding <paramref name="prefix"/> (<c>"Customer { "</c>): the thread's cached one
        /// when it is free, so nested and recursive calls each get their own.
        /// </summary>
        /// <param name="prefix">The type's name and the opening brace.</param>
        /// <returns>The builder, to pass to <see cref="End"/>.</returns>
        public static StringBuilder Begin(string prefix)
        {
            StringBuilder builder = t_cachedBuilder ?? new StringBuilder(128);
            t_cachedBuilder = null;
            return builder.Append(prefix);
        }

        /// <summary>Closes the text form begun by <see cref="Begin"/> and returns it; the builder goes back to the thread's cache.</summary>
        /// <param name="builder">The builder <see cref="Begin"/> returned.</param>
        /// <param name="anyMember">Whether any member was appended (then a space precedes the closing brace).</param>
        /// <returns>The text form.</returns>
        public static string End(StringBuilder builder, bool anyMember)
        {
            if (builder is null)
            {
                throw new ArgumentNullException(nameof(builder));
            }

            string result = builder.Append(anyMember ? " }" : "}").ToString();
            if (builder.Capacity <= MaxCachedCapacity)
            {
                builder.Clear();
                t_cachedBuilder = builder;
            }

            return result;
        }

        /// <summary>Appends <paramref name="label"/> (<c>", Email = "</c>) and the personal <paramref name="value"/>, masked as <see cref="PiiMask.Append(StringBuilder, string?, PiiKind, MaskStyle)"/> does.</summary>
        /// <param name="builder">The builder of the text form.</param>
        /// <param name="label">The separator and the member's name.</param>
        /// <param name="value">The personal value.</param>
        /// <param name="kind">Its kind.</param>
        /// <param name="style">The mask style.</param>
        public static void Masked(StringBuilder builder, string label, string? value, PiiKind kind, MaskStyle style)
        {
            if (builder is null)
            {
                throw new ArgumentNullException(nameof(builder));
            }

            PiiMask.Append(builder.Append(label), value, kind, style);
        }

        /// <summary>Appends <paramref name="label"/> and a text that is already safe to print (a masked or non-personal value).</summary>
        /// <param name="builder">The builder of the text form.</param>
        /// <param name="label">The separator and the member's name.</param>
        /// <param name="text">The text.</param>
        public static void Text(StringBuilder builder, string label, string? text)
        {
            if (builder is null)
            {
                throw new ArgumentNullException(nameof(builder));
            }

            builder.Append(label).Append(text);
        }

        /// <summary>Appends <paramref name="label"/> and a non-personal object's text form, as <see cref="StringBuilder.Append(object)"/> does.</summary>
        /// <param name="builder">The builder of the text form.</param>
        /// <param name="label">The separator and the member's name.</param>
        /// <param name="value">The object.</param>
        public static void Value(StringBuilder builder, string label, object? value)
        {
            if (builder is null)
            {
                throw new ArgumentNullException(nameof(builder));
            }

            builder.Append(label).Append(value);
        }

        /// <summary>The masked form of a personal string, as <see cref="PiiMask.Apply(string?, PiiKind, MaskStyle)"/> gives it.</summary>
        /// <param name="value">The personal value.</param>
        /// <param name="kind">Its kind.</param>
        /// <param name="style">The mask style.</param>
        /// <returns>The masked value; <see langword="null"/> for <see langword="null"/>.</returns>
        public static string? Mask(string? value, PiiKind kind, MaskStyle style) => PiiMask.Apply(value, kind, style);
    }
}
