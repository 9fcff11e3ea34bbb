using System.Globalization;
using System.Text;

namespace Cch.Reports.Html;

/// <summary>Escaping and number formatting shared by the HTML pages, their tables and their plots.</summary>
internal static class HtmlText
{
    /// <summary>
    /// <paramref name="text"/> safe inside an element or a quoted attribute of HTML and XML alike: <c>&amp; &lt; &gt; " '</c>
    /// become entities and characters XML does not allow (controls other than tab and line breaks, lone surrogates)
    /// become U+FFFD, so the page also parses as XML.
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var sb = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        sb.Append(c).Append(text[++i]);
                    }
                    else
                    {
                        sb.Append(XmlAllowed(c) ? c : '\uFFFD');
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>Whether <paramref name="c"/> (not part of a surrogate pair) may appear in an XML document.</summary>
    public static bool XmlAllowed(char c) =>
        c is '\t' or '\n' or '\r' || (c >= ' ' && c <= '\uD7FF') || (c >= '\uE000' && c <= '\uFFFD');

    /// <summary>A value in nats as the tables show it: three decimals, invariant culture (e.g. <c>0.412</c>, <c>-0.051</c>).</summary>
    public static string Nats(double value) => Number(value, "0.000");

    /// <summary>A metric or KD effect as the tables show it: four decimals (e.g. <c>0.0125</c>).</summary>
    public static string Metric(double value) => Number(value, "0.0000");

    /// <summary>A swept parameter or a count: up to three decimals, no trailing zeros (e.g. <c>0.5</c>, <c>2</c>).</summary>
    public static string Short(double value) => Number(value, "0.###");

    /// <summary><paramref name="value"/> in <paramref name="format"/>, invariant culture; <c>NaN</c> and infinities spelled out.</summary>
    public static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>A label cut to <paramref name="max"/> characters with an ellipsis, for plot ticks and legends (the tables keep the full text).</summary>
    public static string Clip(string text, int max = 28) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    /// <summary>A confidence level as a percentage, e.g. <c>95 %</c> or <c>98.33 %</c>.</summary>
    public static string Percent(double level) => $"{Number(level * 100, "0.##")} %";

    /// <summary>Items joined with semicolons into one sentence for a plot's description: the first twelve, then a count of the rest.</summary>
    public static string Sentence(IEnumerable<string> items)
    {
        var list = items.ToList();
        var shown = string.Join("; ", list.Take(12));
        return list.Count > 12 ? $"{shown}; and {list.Count - 12} more." : shown + ".";
    }
}
