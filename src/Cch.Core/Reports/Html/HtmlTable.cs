using System.Text;

namespace Cch.Reports.Html;

/// <summary>A table of text and numbers for an HTML page: a caption, a header row and body rows; every cell escaped when rendered.</summary>
internal sealed class HtmlTable
{
    private readonly List<IReadOnlyList<HtmlCell>> _rows = [];

    /// <summary>A table with <paramref name="caption"/> (empty for none) and these column headers.</summary>
    public HtmlTable(string caption, params string[] headers)
    {
        Caption = caption;
        Headers = headers;
    }

    /// <summary>The caption shown above the table.</summary>
    public string Caption { get; }

    /// <summary>Column headers.</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>The body rows.</summary>
    public IReadOnlyList<IReadOnlyList<HtmlCell>> Rows => _rows;

    /// <summary>Adds a row; it must have one cell per header.</summary>
    public HtmlTable Add(params HtmlCell[] cells)
    {
        if (cells.Length != Headers.Count) throw new ArgumentException($"The row has {cells.Length} cells for {Headers.Count} columns.", nameof(cells));
        _rows.Add(cells);
        return this;
    }

    /// <summary>The table as HTML; <paramref name="cssClass"/> is added to the <c>table</c> element when given.</summary>
    public string Render(string? cssClass = null)
    {
        var sb = new StringBuilder();
        sb.Append(cssClass is null ? "<table>" : $"<table class=\"{HtmlText.Escape(cssClass)}\">");
        if (Caption.Length > 0) sb.Append("<caption>").Append(HtmlText.Escape(Caption)).Append("</caption>");
        sb.Append("<thead><tr>");
        foreach (var h in Headers) sb.Append("<th scope=\"col\">").Append(HtmlText.Escape(h)).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var row in _rows)
        {
            sb.Append("<tr>");
            foreach (var cell in row)
                sb.Append(cell.Numeric ? "<td class=\"num\">" : "<td>").Append(HtmlText.Escape(cell.Text)).Append("</td>");
            sb.Append("</tr>");
        }

        sb.Append("</tbody></table>");
        return sb.ToString();
    }
}
