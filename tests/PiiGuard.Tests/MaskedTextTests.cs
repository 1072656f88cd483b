using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace PiiGuard.Tests;

/// <summary>
/// The runtime helper the generated masking code calls: the text it builds, its per-thread builder cache (nested and
/// recursive text forms each get their own builder), and argument checks.
/// </summary>
public class MaskedTextTests
{
    [Fact]
    public void BuildsTheSameTextAsAppendingByHand()
    {
        StringBuilder builder = MaskedText.Begin("Customer { ");
        MaskedText.Masked(builder, "Email = ", "jane.doe@example.com", PiiKind.Email, MaskStyle.Default);
        MaskedText.Text(builder, ", Orders = ", "3");
        MaskedText.Value(builder, ", Tier = ", DayOfWeek.Friday);
        MaskedText.Value(builder, ", Note = ", null);
        string text = MaskedText.End(builder, anyMember: true);

        string expected = "Customer { Email = " + PiiMask.Apply("jane.doe@example.com", PiiKind.Email, MaskStyle.Default)
            + ", Orders = 3, Tier = Friday, Note =  }";
        Assert.Equal(expected, text);
        Assert.DoesNotContain("jane.doe", text);
    }

    [Fact]
    public void NoMember_ClosesWithoutASpace()
    {
        Assert.Equal("Empty { }", MaskedText.End(MaskedText.Begin("Empty { "), anyMember: false));
    }

    [Fact]
    public void NestedTextForms_UseTheirOwnBuilders()
    {
        StringBuilder outer = MaskedText.Begin("Outer { ");
        StringBuilder inner = MaskedText.Begin("Inner { ");
        Assert.NotSame(outer, inner);
        MaskedText.Masked(inner, "Phone = ", "+86 138 0013 8000", PiiKind.Phone, MaskStyle.Default);
        string innerText = MaskedText.End(inner, anyMember: true);
        MaskedText.Text(outer, "Inner = ", innerText);
        string outerText = MaskedText.End(outer, anyMember: true);

        Assert.StartsWith("Inner { Phone = ", innerText);
        Assert.Equal("Outer { Inner = " + innerText + " }", outerText);
    }

    [Fact]
    public void AFinishedBuilder_IsReusedEmptyOnTheSameThread()
    {
        StringBuilder first = MaskedText.Begin("A { ");
        MaskedText.End(first, anyMember: false);
        StringBuilder second = MaskedText.Begin("B { ");
        Assert.Same(first, second);
        Assert.Equal("B { }", MaskedText.End(second, anyMember: false));
    }

    [Fact]
    public void ALargeBuilder_IsNotKept()
    {
        StringBuilder large = MaskedText.Begin("Big { ");
        MaskedText.Text(large, "Text = ", new string('x', 4096));
        MaskedText.End(large, anyMember: true);
        Assert.NotSame(large, MaskedText.Begin("Next { "));
    }

    [Fact]
    public async Task ThreadsDoNotShareBuilders()
    {
        string[] texts = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
        {
            string result = string.Empty;
            for (int n = 0; n < 200; n++)
            {
                StringBuilder builder = MaskedText.Begin("T { ");
                MaskedText.Text(builder, "I = ", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                result = MaskedText.End(builder, anyMember: true);
            }

            return result;
        })));

        for (int i = 0; i < texts.Length; i++)
        {
            Assert.Equal("T { I = " + i + " }", texts[i]);
        }
    }

    [Fact]
    public void MaskGivesApplysText_AndNullForNull()
    {
        Assert.Equal(PiiMask.Apply("110105199001011234", PiiKind.NationalId, MaskStyle.Default), MaskedText.Mask("110105199001011234", PiiKind.NationalId, MaskStyle.Default));
        Assert.Null(MaskedText.Mask(null, PiiKind.Email, MaskStyle.Default));
    }

    [Fact]
    public void ANullBuilder_IsAnArgumentError()
    {
        Assert.Throws<ArgumentNullException>(() => MaskedText.Masked(null!, "E = ", "x", PiiKind.Email, MaskStyle.Default));
        Assert.Throws<ArgumentNullException>(() => MaskedText.Text(null!, "E = ", "x"));
        Assert.Throws<ArgumentNullException>(() => MaskedText.Value(null!, "E = ", 1));
        Assert.Throws<ArgumentNullException>(() => MaskedText.End(null!, anyMember: false));
    }
}
