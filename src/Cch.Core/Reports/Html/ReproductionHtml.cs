using System.Globalization;
using Cch.Reproduction;

namespace Cch.Reports.Html;

/// <summary>
/// Renders a <c>reproduce</c> report as one self-contained HTML page (<c>--html</c>, <c>--format html</c>): per
/// sweep, Δ against the swept parameter, the measured KD effect against the parameter and against Δ (inline SVG,
/// each with a caption, a text description and its numbers in a table) and where the signs change; then the
/// paper's claims and the notes. No scripts, no external resources; the same report gives the same page.
/// </summary>
public static class ReproductionHtml
{
    /// <summary>The report as an HTML document.</summary>
    public static string Render(ReproductionReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var page = new HtmlPage($"Reproduction: {report.Title}");
        page.Heading(1, $"Reproduction: {report.Title}")
            .Paragraph(report.Description)
            .List([
                string.Create(CultureInfo.InvariantCulture, $"experiment {report.Experiment} · seed {report.Seed}{(report.Quick ? " · --quick" : "")} · {report.ElapsedSeconds:0} s"),
                $"swept: {report.Parameter}",
                $"KD effect: {report.EffectMetric} (positive = distillation helped)",
            ], "settings");

        for (var i = 0; i < report.Series.Count; i++)
        {
            var series = report.Series[i];
            page.Heading(2, series.Name, $"series-{i + 1}")
                .Paragraph(ReproductionMarkdown.BoundaryLine(report, series.Boundary));
            foreach (var figure in ReproductionPlots.All(report, series, i)) page.Figure(figure);
        }

        if (report.PaperClaims.Count > 0) page.Heading(2, "The paper states", "paper-claims").List(report.PaperClaims);
        if (report.Notes.Count > 0) page.Heading(2, "Notes", "notes").Notes(report.Notes);
        return page.Render($"Cch {report.ToolVersion} · reproduce report schema {report.SchemaVersion} · Δ and mutual informations in nats");
    }
}
