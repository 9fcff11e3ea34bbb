using System.Globalization;
using System.Xml.Linq;
using ScottPlot;

namespace Cch.Reports.Html;

/// <summary>
/// Turns a ScottPlot plot into an SVG element to inline in an HTML page: accessible (<c>role="img"</c>,
/// <c>aria-label</c>, <c>title</c>, <c>desc</c>), scalable (<c>viewBox</c>), with ids prefixed so that several
/// plots in one page never share a clip path (and the same plot always gets the same ids), without XML namespace declarations (HTML puts <c>svg</c> in its
/// namespace by itself, and the page then names no URL at all) and with a generic font fallback.
/// </summary>
internal static class SvgExport
{
    /// <summary>The pixel size every plot is drawn at (scaled down by CSS on narrow screens).</summary>
    public const int Width = 640;

    /// <summary>The usual plot height in pixels.</summary>
    public const int Height = 360;

    /// <summary>The height of a plot whose legend has many entries, so that the data area keeps its size.</summary>
    public const int TallHeight = 460;

    /// <summary>Renders <paramref name="plot"/> at <see cref="Width"/> × <paramref name="height"/> and wraps it in a <see cref="PlotFigure"/>.</summary>
    public static PlotFigure Figure(string id, string caption, string description, Plot plot, HtmlTable table, int height = Height)
    {
        ArgumentNullException.ThrowIfNull(plot);
        return new PlotFigure(id, caption, description, Render(plot, id, caption, description, height), table);
    }

    /// <summary>The plot as an inline SVG element (see the class summary).</summary>
    public static string Render(Plot plot, string id, string title, string description, int height = Height)
    {
        ArgumentNullException.ThrowIfNull(plot);
        var root = XDocument.Parse(plot.GetSvgXml(Width, height)).Root ?? throw new InvalidOperationException("ScottPlot returned an empty SVG.");
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in root.DescendantsAndSelf().ToList())
        {
            element.Name = element.Name.LocalName;
            foreach (var attribute in element.Attributes().ToList())
            {
                if (attribute.IsNamespaceDeclaration)
                {
                    attribute.Remove();
                }
                else if (attribute.Name.Namespace != XNamespace.None)
                {
                    // xlink:href → href (SVG 2), the only namespaced attribute Skia writes.
                    attribute.Remove();
                    element.SetAttributeValue(attribute.Name.LocalName, attribute.Value);
                }
            }

            if (element.Attribute("id") is { } idAttribute)
            {
                // Numbered in document order: Skia's own ids come from a process-wide counter, so the same report would not give the same page.
                var renamed = string.Create(CultureInfo.InvariantCulture, $"{id}-{element.Name.LocalName}{ids.Count + 1}");
                ids[idAttribute.Value] = renamed;
                idAttribute.Value = renamed;
            }

            if (element.Attribute("font-family") is { } font && !font.Value.Contains(',', StringComparison.Ordinal))
                font.Value = $"{font.Value}, sans-serif";
            if (element.Name == "text")
                foreach (var node in element.Nodes().OfType<XText>())
                    node.Value = node.Value.Trim();
        }

        foreach (var attribute in root.DescendantsAndSelf().SelectMany(e => e.Attributes()).Where(a => a.Value.Contains('#', StringComparison.Ordinal)))
        {
            if (attribute.Name == "href" && ids.TryGetValue(attribute.Value.TrimStart('#'), out var target))
            {
                attribute.Value = "#" + target;
                continue;
            }

            foreach (var (from, to) in ids)
                attribute.Value = attribute.Value.Replace($"url(#{from})", $"url(#{to})", StringComparison.Ordinal);
        }

        root.SetAttributeValue("viewBox", string.Create(CultureInfo.InvariantCulture, $"0 0 {Width} {height}"));
        root.SetAttributeValue("role", "img");
        root.SetAttributeValue("aria-label", Clean(title));
        root.SetAttributeValue("class", "plot");
        root.AddFirst(new XElement("title", Clean(title)), new XElement("desc", Clean(description)));
        return root.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>Text without the characters XML cannot hold (XElement would throw on them).</summary>
    private static string Clean(string text) =>
        string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                var paired = (char.IsHighSurrogate(c) && i + 1 < source.Length && char.IsLowSurrogate(source[i + 1]))
                    || (char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(source[i - 1]));
                span[i] = paired || HtmlText.XmlAllowed(c) ? c : '\uFFFD';
            }
        });
}
