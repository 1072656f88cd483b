using System.Text;

namespace PiiGuard.Analyzers.Tests.Generator;

/// <summary>
/// Renders what a generated IMaskedMembers.WriteMaskedMembers writes, as <c>{A = …, B = […], C = {…}}</c>: masked values
/// quoted with <c>'</c>, plain values as their text, nested maskables structured again.
/// </summary>
internal sealed class StructuredWriter : IMaskedMemberWriter
{
    private readonly StringBuilder _text = new();
    private bool _first = true;

    public static string Render(object value)
    {
        var writer = new StructuredWriter();
        writer.Open(value);
        return writer._text.ToString();
    }

    private void Open(object value)
    {
        _text.Append('{');
        _first = true;
        ((IMaskedMembers)value).WriteMaskedMembers(this);
        _text.Append('}');
        _first = false;
    }

    private void Name(string? name)
    {
        if (!_first)
        {
            _text.Append(", ");
        }

        _first = false;
        if (name != null)
        {
            _text.Append(name).Append(" = ");
        }
    }

    public void WriteMasked(string? name, string? maskedValue)
    {
        Name(name);
        _text.Append(maskedValue is null ? "null" : "'" + maskedValue + "'");
    }

    public void WriteValue(string? name, object? value)
    {
        Name(name);
        _text.Append(value?.ToString() ?? "null");
    }

    public void WriteMaskable(string? name, IMaskable? value)
    {
        Name(name);
        switch (value)
        {
            case null:
                _text.Append("null");
                break;
            case IMaskedMembers:
                Open(value);
                break;
            default:
                _text.Append(value.ToMaskedString());
                break;
        }
    }

    public void BeginSequence(string name)
    {
        Name(name);
        _text.Append('[');
        _first = true;
    }

    public void EndSequence()
    {
        _text.Append(']');
        _first = false;
    }
}
