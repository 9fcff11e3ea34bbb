using System.Globalization;

namespace Cch.Reports.Html;

/// <summary>
/// Renders a <c>check</c>/<c>verify</c> report as one self-contained HTML page (<c>--html</c>, <c>--format html</c>):
/// the verdict and gate, the settings, the teachers' table, plots of Δ, the mutual informations, the verification's
/// per-seed effects and the self-check (inline SVG, each with a caption, a text description and its numbers in a
/// table), and the warnings. No scripts, no external resources; the same report gives the same page.
/// </summary>
public static class HtmlReport
{
    /// <summary>The report as an HTML document.</summary>
    public static string Render(CchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var verdict = report.Verdict.ToString().ToLowerInvariant();
        var page = new HtmlPage($"CCH check: {verdict} ({report.BestTeacher})");
        page.Heading(1, "CCH check")
            .Verdict(verdict, $"best teacher {report.BestTeacher} · {MarkdownReport.GateLine(report)}")
            .List(MarkdownReport.SettingsLines(report), "settings");
        if (MarkdownReport.EstimatorRangeLine(report) is { } range) page.Paragraph(range);
        if (report.Warnings.Count > 0) page.Warnings(report.Warnings);

        page.Heading(2, "Teachers", "teachers").Table(Teachers(report));
        if (report.Teachers.Any(t => t.Verification is not null))
            page.Heading(2, "Verification", "verification").Table(Verification(report));

        page.Heading(2, "Plots", "plots");
        foreach (var figure in CheckReportPlots.All(report)) page.Figure(figure);

        return page.Render(string.Create(CultureInfo.InvariantCulture,
            $"Cch {report.ToolVersion} · report schema {report.SchemaVersion} · seed {report.Seed} · {report.Timings.TotalSeconds:0.#} s · all mutual informations in nats"));
    }

    private static HtmlTable Teachers(CchReport report)
    {
        var several = report.Teachers.Count > 1;
        var closed = report.Teachers.Any(t => t.ClosedForm is not null);
        var headers = new List<string> { "rank", "teacher", "d", "I(H_t;H_s)", "I(H_s;Y)", "Δ", "verdict", "P(wrong sign)" };
        if (several) headers.Add("P(best)");
        if (closed) headers.Add("exact Δ");
        var table = new HtmlTable("Estimates with their intervals, in nats; ranked by Δ", [.. headers]);
        foreach (var t in report.Teachers)
        {
            var cells = new List<HtmlCell>
            {
                HtmlCell.Number(t.Rank.ToString(CultureInfo.InvariantCulture)), t.Name, HtmlCell.Number(t.Dimensions.ToString(CultureInfo.InvariantCulture)),
                HtmlCell.Number(MarkdownReport.Cell(t.MiTeacherStudent)), HtmlCell.Number(MarkdownReport.Cell(t.MiStudentLabel)), HtmlCell.Number(MarkdownReport.Cell(t.Delta)),
                MarkdownReport.VerdictText(t), HtmlCell.Number(MarkdownReport.Probability(t.WrongSignProbability)),
            };
            if (several) cells.Add(HtmlCell.Number(MarkdownReport.Probability(t.BestProbability)));
            if (closed) cells.Add(HtmlCell.Number(t.ClosedForm is { } c ? HtmlText.Nats(c.Delta) : null));
            table.Add([.. cells]);
        }

        return table;
    }

    private static HtmlTable Verification(CchReport report)
    {
        var table = new HtmlTable("Distillation measured on held-out rows", "teacher", "no KD → KD", "KD − no KD", "measured", "agreement", "T", "λ", "train / test rows");
        foreach (var t in report.Teachers)
        {
            if (t.Verification is not { } v) continue;
            table.Add(
                t.Name, MarkdownReport.ArmsCell(v), HtmlCell.Number(MarkdownReport.EffectCell(v)), MarkdownReport.MeasuredCell(v), t.Agreement?.ToString().ToLowerInvariant() ?? string.Empty,
                HtmlCell.Number(HtmlText.Short(v.Temperature)), HtmlCell.Number(HtmlText.Short(v.Lambda)),
                HtmlCell.Number(string.Create(CultureInfo.InvariantCulture, $"{v.TrainRows} / {v.TestRows}")));
        }

        return table;
    }
}
