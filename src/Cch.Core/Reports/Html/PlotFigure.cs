namespace Cch.Reports.Html;

/// <summary>
/// One plot of an HTML page with everything a reader without the picture needs: a visible caption, a
/// longer text description (the SVG's <c>desc</c>) and the plotted numbers as a table beside it.
/// </summary>
/// <param name="Id">The figure's element id, unique in the page (also the prefix of the ids inside its SVG).</param>
/// <param name="Caption">Visible caption; also the SVG's <c>title</c> and <c>aria-label</c>.</param>
/// <param name="Description">What the plot shows, in words and numbers (the SVG's <c>desc</c>).</param>
/// <param name="Svg">The inline SVG element (from <see cref="SvgExport"/>).</param>
/// <param name="Table">The plotted numbers.</param>
internal sealed record PlotFigure(string Id, string Caption, string Description, string Svg, HtmlTable Table);
