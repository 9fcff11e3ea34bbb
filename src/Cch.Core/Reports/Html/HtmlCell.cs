namespace Cch.Reports.Html;

/// <summary>One table cell: its text and whether it holds a number (right-aligned, tabular digits).</summary>
/// <param name="Text">The text, escaped when rendered.</param>
/// <param name="Numeric">Whether the cell holds a number.</param>
internal readonly record struct HtmlCell(string Text, bool Numeric = false)
{
    /// <summary>A text cell.</summary>
    public static implicit operator HtmlCell(string text) => new(text);

    /// <summary>A number cell, e.g. <c>HtmlCell.Number(HtmlText.Nats(x))</c>; empty when <paramref name="text"/> is <c>null</c>.</summary>
    public static HtmlCell Number(string? text) => new(text ?? string.Empty, Numeric: true);
}
