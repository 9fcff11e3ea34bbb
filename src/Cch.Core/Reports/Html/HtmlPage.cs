using System.Text;

namespace Cch.Reports.Html;

/// <summary>
/// One self-contained HTML page: inline CSS, no scripts, no external resources, every text escaped. The markup is
/// also well-formed XML (void elements closed, only XML's own entities), so it can be checked with an XML parser.
/// </summary>
internal sealed class HtmlPage
{
    /// <summary>The page's whole style sheet: greys for everything but the plots, which carry the colours.</summary>
    private const string Style =
        """
        :root{color-scheme:light}
        body{margin:0;background:#fff;color:#1b1b1b;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;line-height:1.45}
        main{max-width:1280px;margin:0 auto;padding:16px 24px 32px}
        h1{font-size:1.55em;margin:.2em 0 .3em}
        h2{font-size:1.25em;border-bottom:1px solid #d0d0d0;padding-bottom:.15em;margin:1.5em 0 .5em}
        h3{font-size:1.05em;margin:1.2em 0 .4em}
        p,ul{margin:.4em 0}
        ul.settings{padding-left:1.2em;color:#333}
        .verdict{display:inline-block;padding:1px 10px;border:2px solid #1b1b1b;border-radius:4px;font-weight:700;text-transform:uppercase;letter-spacing:.04em}
        .gate{color:#333}
        table{border-collapse:collapse;font-size:.88em;margin:.4em 0}
        caption{caption-side:top;text-align:left;font-weight:600;padding:2px 0 4px}
        th,td{border:1px solid #c8c8c8;padding:2px 8px;text-align:left;vertical-align:top}
        th{background:#f2f2f2;font-weight:600}
        td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
        figure{display:flex;flex-wrap:wrap;gap:12px 20px;align-items:flex-start;margin:12px 0;padding:10px 12px;border:1px solid #dadada;border-radius:4px}
        figcaption{flex:1 1 100%;font-weight:600}
        svg.plot{flex:0 0 auto;width:640px;max-width:100%;height:auto}
        .warning{border-left:4px solid #777;background:#f4f4f4;padding:6px 10px;margin:6px 0}
        blockquote{border-left:4px solid #bbb;margin:6px 0;padding:4px 10px;color:#333}
        code{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.95em}
        footer{margin-top:2em;color:#555;font-size:.85em}
        """;

    private readonly string _title;
    private readonly StringBuilder _body = new();

    /// <summary>A page titled <paramref name="title"/> (the browser tab; the visible heading is added with <see cref="Heading"/>).</summary>
    public HtmlPage(string title) => _title = title;

    /// <summary>Adds a heading of <paramref name="level"/> (1–3).</summary>
    public HtmlPage Heading(int level, string text, string? id = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 3);
        _body.Append("<h").Append(level);
        if (id is not null) _body.Append(" id=\"").Append(HtmlText.Escape(id)).Append('"');
        _body.Append('>').Append(HtmlText.Escape(text)).Append("</h").Append(level).Append(">\n");
        return this;
    }

    /// <summary>Adds a paragraph, with a CSS class when given.</summary>
    public HtmlPage Paragraph(string text, string? cssClass = null)
    {
        _body.Append(cssClass is null ? "<p>" : $"<p class=\"{HtmlText.Escape(cssClass)}\">").Append(HtmlText.Escape(text)).Append("</p>\n");
        return this;
    }

    /// <summary>Adds the verdict line: a boxed verdict word followed by plain text.</summary>
    public HtmlPage Verdict(string verdict, string text)
    {
        _body.Append("<p><span class=\"verdict\">").Append(HtmlText.Escape(verdict)).Append("</span> <span class=\"gate\">")
            .Append(HtmlText.Escape(text)).Append("</span></p>\n");
        return this;
    }

    /// <summary>Adds a bulleted list (nothing when empty), with a CSS class when given.</summary>
    public HtmlPage List(IEnumerable<string> items, string? cssClass = null)
    {
        var list = items.ToList();
        if (list.Count == 0) return this;
        _body.Append(cssClass is null ? "<ul>" : $"<ul class=\"{HtmlText.Escape(cssClass)}\">");
        foreach (var item in list) _body.Append("<li>").Append(HtmlText.Escape(item)).Append("</li>");
        _body.Append("</ul>\n");
        return this;
    }

    /// <summary>Adds each text as a highlighted warning block.</summary>
    public HtmlPage Warnings(IEnumerable<string> warnings)
    {
        foreach (var w in warnings) _body.Append("<p class=\"warning\"><strong>Warning:</strong> ").Append(HtmlText.Escape(w)).Append("</p>\n");
        return this;
    }

    /// <summary>Adds each text as a quoted note.</summary>
    public HtmlPage Notes(IEnumerable<string> notes)
    {
        foreach (var n in notes) _body.Append("<blockquote>").Append(HtmlText.Escape(n)).Append("</blockquote>\n");
        return this;
    }

    /// <summary>Adds a table.</summary>
    public HtmlPage Table(HtmlTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        _body.Append(table.Render()).Append('\n');
        return this;
    }

    /// <summary>Adds a figure: its caption, the inline SVG and the table of its numbers beside it.</summary>
    public HtmlPage Figure(PlotFigure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        _body.Append("<figure id=\"").Append(HtmlText.Escape(figure.Id)).Append("\"><figcaption>").Append(HtmlText.Escape(figure.Caption)).Append("</figcaption>")
            .Append(figure.Svg).Append(figure.Table.Render("figure-data")).Append("</figure>\n");
        return this;
    }

    /// <summary>The whole document, ending with a footer line.</summary>
    public string Render(string footer)
    {
        var sb = new StringBuilder(_body.Length + Style.Length + 512);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
            .Append("<title>").Append(HtmlText.Escape(_title)).Append("</title>\n<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n<main>\n")
            .Append(_body)
            .Append("<footer>").Append(HtmlText.Escape(footer)).Append("</footer>\n</main>\n</body>\n</html>\n");
        return sb.ToString();
    }
}
