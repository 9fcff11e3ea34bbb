using Cch.Criterion;
using Cch.Reproduction;

namespace Cch.Reports.Html;

/// <summary>
/// The plots of a <c>reproduce</c> page for one sweep, each with its caption, description and table: Δ against the
/// swept parameter (with the closed form where the model has one), the measured KD effect against the parameter,
/// and the KD effect against Δ.
/// </summary>
internal static class ReproductionPlots
{
    /// <summary>Every plot the sweep has data for, in page order; <paramref name="index"/> (0-based) makes the ids unique.</summary>
    public static IEnumerable<PlotFigure> All(ReproductionReport report, ReproductionSeries series, int index)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(series);
        yield return Delta(report, series, index);
        if (series.Points.Any(p => p.KdEffect is not null))
        {
            yield return Effect(report, series, index);
            yield return EffectAgainstDelta(report, series, index);
        }
    }

    /// <summary>Δ with its interval at each point of the sweep, the closed-form Δ, and zero.</summary>
    public static PlotFigure Delta(ReproductionReport report, ReproductionSeries series, int index)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(series);
        var points = series.Points;
        var xs = points.Select(p => p.Parameter).ToList();
        var exact = points.Any(p => p.ClosedForm is not null);
        var plot = PlotStyle.Create(report.Parameter, "Δ (nats)");
        PlotStyle.HorizontalReference(plot, 0, "Δ = 0");
        if (exact) PlotStyle.Line(plot, xs, points.Select(p => p.ClosedForm?.Delta).ToList(), PlotStyle.Orange, "exact Δ");
        PlotStyle.Intervals(plot, xs, points.Select(p => p.Delta).ToList(), PlotStyle.Blue, "estimated Δ with its interval", connect: true);

        var headers = new List<string> { report.Parameter };
        if (exact) headers.Add("exact Δ");
        headers.AddRange(["I(H_t;H_s)", "I(H_s;Y)", "Δ", "low", "high", "verdict"]);
        var table = new HtmlTable("Δ = I(H_t;H_s) − I(H_s;Y) in nats", [.. headers]);
        foreach (var p in points)
        {
            var cells = new List<HtmlCell> { HtmlCell.Number(HtmlText.Short(p.Parameter)) };
            if (exact) cells.Add(HtmlCell.Number(p.ClosedForm is { } c ? HtmlText.Nats(c.Delta) : null));
            cells.AddRange([
                HtmlCell.Number(HtmlText.Nats(p.TeacherStudent.Estimate)), HtmlCell.Number(HtmlText.Nats(p.StudentLabel.Estimate)),
                HtmlCell.Number(HtmlText.Nats(p.Delta.Estimate)), HtmlCell.Number(HtmlText.Nats(p.Delta.CiLow)), HtmlCell.Number(HtmlText.Nats(p.Delta.CiHigh)),
                ReproductionMarkdown.Verdict(p)]);
            table.Add([.. cells]);
        }

        var caption = $"{series.Name}: Δ against {report.Parameter}";
        var description = $"{caption}, estimated with its interval{(exact ? ", and the closed-form Δ as a dashed line" : "")}. "
            + HtmlText.Sentence(points.Select(p => $"{HtmlText.Short(p.Parameter)}: {ReproductionMarkdown.Interval(p.Delta)}{(p.ClosedForm is { } c ? $", exact {HtmlText.Nats(c.Delta)}" : "")}, {ReproductionMarkdown.Verdict(p)}"));
        return SvgExport.Figure($"fig-series-{index + 1}-delta", caption, description, plot, table);
    }

    /// <summary>The measured KD effect with its interval at each measured point, and zero.</summary>
    public static PlotFigure Effect(ReproductionReport report, ReproductionSeries series, int index)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(series);
        var measured = series.Points.Where(p => p.KdEffect is not null).ToList();
        var plot = PlotStyle.Create(report.Parameter, $"KD effect ({report.EffectMetric})");
        PlotStyle.HorizontalReference(plot, 0, "no effect");
        PlotStyle.Intervals(plot, measured.Select(p => p.Parameter).ToList(), measured.Select(p => p.KdEffect!).ToList(), PlotStyle.Vermillion, "KD effect with its interval", connect: true);

        var table = new HtmlTable($"KD effect: {report.EffectMetric} (positive = distillation helped)", report.Parameter, "KD effect", "low", "high", "measured", "seeds", "agreement");
        foreach (var p in measured)
        {
            table.Add(
                HtmlCell.Number(HtmlText.Short(p.Parameter)),
                HtmlCell.Number(HtmlText.Metric(p.KdEffect!.Estimate)), HtmlCell.Number(HtmlText.Metric(p.KdEffect.CiLow)), HtmlCell.Number(HtmlText.Metric(p.KdEffect.CiHigh)),
                p.Outcome is { } o ? MarkdownReport.OutcomeText(o) : string.Empty,
                HtmlCell.Number(p.Seeds?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                p.Agreement?.ToString().ToLowerInvariant() ?? string.Empty);
        }

        var caption = $"{series.Name}: measured KD effect against {report.Parameter}";
        var description = $"{caption} ({report.EffectMetric}; positive means distillation helped), with its interval over seeds. "
            + HtmlText.Sentence(measured.Select(p => $"{HtmlText.Short(p.Parameter)}: {ReproductionMarkdown.Interval(p.KdEffect!, "0.0000")}{(p.Outcome is { } o ? $", {MarkdownReport.OutcomeText(o)}" : "")}"));
        return SvgExport.Figure($"fig-series-{index + 1}-effect", caption, description, plot, table);
    }

    /// <summary>The KD effect against Δ, both with their intervals: the CCH predicts points in the upper-right and lower-left quadrants.</summary>
    public static PlotFigure EffectAgainstDelta(ReproductionReport report, ReproductionSeries series, int index)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(series);
        var measured = series.Points.Where(p => p.KdEffect is not null).ToList();
        var plot = PlotStyle.Create("Δ (nats)", $"KD effect ({report.EffectMetric})");
        PlotStyle.HorizontalReference(plot, 0);
        PlotStyle.VerticalReference(plot, 0);
        PlotStyle.Intervals2D(plot, measured.Select(p => p.Delta).ToList(), measured.Select(p => p.KdEffect!).ToList(), PlotStyle.Green, "one point of the sweep");

        var table = new HtmlTable("KD effect against Δ", report.Parameter, "Δ", "KD effect", "verdict", "measured", "agreement");
        foreach (var p in measured)
        {
            table.Add(
                HtmlCell.Number(HtmlText.Short(p.Parameter)), HtmlCell.Number(HtmlText.Nats(p.Delta.Estimate)), HtmlCell.Number(HtmlText.Metric(p.KdEffect!.Estimate)),
                ReproductionMarkdown.Verdict(p), p.Outcome is { } o ? MarkdownReport.OutcomeText(o) : string.Empty, p.Agreement?.ToString().ToLowerInvariant() ?? string.Empty);
        }

        var agree = measured.Count(p => p.Agreement == Agreement.Agree);
        var disagree = measured.Count(p => p.Agreement == Agreement.Disagree);
        var caption = $"{series.Name}: KD effect against Δ ({agree} agree, {disagree} disagree)";
        var description = $"{caption}. The CCH predicts that distillation helps where Δ > 0 (upper right) and does not where Δ < 0 (lower left). "
            + HtmlText.Sentence(measured.Select(p => $"{HtmlText.Short(p.Parameter)}: Δ {HtmlText.Nats(p.Delta.Estimate)}, effect {HtmlText.Metric(p.KdEffect!.Estimate)}"));
        return SvgExport.Figure($"fig-series-{index + 1}-effect-delta", caption, description, plot, table);
    }
}
