using System.Globalization;
using Cch.Criterion;
using Cch.Distillation;
using ScottPlot;

namespace Cch.Reports.Html;

/// <summary>
/// The plots of a <c>check</c>/<c>verify</c> page, each with its caption, description and table: Δ per teacher,
/// Δ under every estimator pair, both mutual informations, the verification's per-seed effects and the
/// self-check's surrogate recovery.
/// </summary>
internal static class CheckReportPlots
{
    /// <summary>Every plot the report has data for, in page order.</summary>
    public static IEnumerable<PlotFigure> All(CchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        yield return Delta(report);
        if (report.Teachers.Any(t => t.EstimatorDeltas is { Count: > 0 }))
            yield return EstimatorDeltas(report);
        yield return MutualInformations(report);
        for (var i = 0; i < report.Teachers.Count; i++)
            if (report.Teachers[i].Verification is not null)
                yield return Verification(report.Teachers[i], i);
        if (Surrogates(report).Count > 0)
            yield return SurrogateRecovery(report);
    }

    /// <summary>Δ with its interval per teacher, the exact Δ of a generated example, and the margin.</summary>
    public static PlotFigure Delta(CchReport report)
    {
        var teachers = report.Teachers;
        var xs = Positions(teachers.Count);
        var level = HtmlText.Percent(report.Interval.DeltaLevel ?? report.Interval.Level);
        var plot = PlotStyle.Create("teacher (ranked by Δ)", "Δ (nats)");
        PlotStyle.HorizontalReference(plot, report.Margin, $"margin {HtmlText.Short(report.Margin)} nats");
        PlotStyle.Intervals(plot, xs, teachers.Select(t => Interval(t.Delta)).ToList(), PlotStyle.Blue, $"Δ with its {level} interval");
        var exact = teachers.Any(t => t.ClosedForm is not null);
        if (exact) PlotStyle.Markers(plot, xs, teachers.Select(t => t.ClosedForm?.Delta).ToList(), PlotStyle.Orange, "exact Δ");
        PlotStyle.CategoryAxis(plot, teachers.Select(t => t.Name).ToList());

        var headers = new List<string> { "teacher", "Δ", "low", "high" };
        if (exact) headers.Add("exact Δ");
        headers.Add("verdict");
        var table = new HtmlTable($"Δ = I(H_t;H_s) − I(H_s;Y) in nats, {level} interval", [.. headers]);
        foreach (var t in teachers)
        {
            var cells = new List<HtmlCell> { t.Name, HtmlCell.Number(HtmlText.Nats(t.Delta.Estimate)), HtmlCell.Number(HtmlText.Nats(t.Delta.CiLow)), HtmlCell.Number(HtmlText.Nats(t.Delta.CiHigh)) };
            if (exact) cells.Add(HtmlCell.Number(t.ClosedForm is { } c ? HtmlText.Nats(c.Delta) : null));
            cells.Add(MarkdownReport.VerdictText(t));
            table.Add([.. cells]);
        }

        var description = $"Δ per teacher with its {level} interval; the teacher passes when the whole interval lies above the margin of {HtmlText.Short(report.Margin)} nats. "
            + HtmlText.Sentence(teachers.Select(t => $"{t.Name}: {MarkdownReport.Cell(t.Delta)}{(t.ClosedForm is { } c ? $", exact {HtmlText.Nats(c.Delta)}" : "")}, {MarkdownReport.VerdictText(t)}"));
        return SvgExport.Figure("fig-delta", $"Δ per teacher with its {level} interval", description, plot, table);
    }

    /// <summary>Δ̂ under every pair of self-checked estimators per teacher, beside the reported interval.</summary>
    public static PlotFigure EstimatorDeltas(CchReport report)
    {
        var teachers = report.Teachers;
        var pairs = teachers.SelectMany(t => t.EstimatorDeltas ?? []).Select(PairName).Distinct(StringComparer.Ordinal).ToList();
        var plot = PlotStyle.Create("teacher (ranked by Δ)", "Δ (nats)");
        PlotStyle.HorizontalReference(plot, report.Margin, $"margin {HtmlText.Short(report.Margin)} nats");
        PlotStyle.Intervals(plot, Positions(teachers.Count), teachers.Select(t => Interval(t.Delta)).ToList(), PlotStyle.Reference, "reported Δ and interval");
        for (var p = 0; p < pairs.Count; p++)
        {
            // Each pair a little to the right of the reported value, in a colour of its own.
            var offset = 0.08 + 0.3 * (p + 1) / (pairs.Count + 1);
            var xs = teachers.Select((_, i) => i + offset).ToList();
            var ys = teachers.Select(t => t.EstimatorDeltas?.FirstOrDefault(d => PairName(d) == pairs[p])?.Delta).ToList();
            PlotStyle.Markers(plot, xs, ys, PlotStyle.Series[(p + 1) % PlotStyle.Series.Count], HtmlText.Clip(pairs[p], 40), MarkerShape.FilledCircle);
        }

        PlotStyle.CategoryAxis(plot, teachers.Select(t => t.Name).ToList());
        var table = new HtmlTable("Δ̂ in nats under each estimator pair that passed the self-check", "teacher", "I(H_t;H_s) by", "I(H_s;Y) by", "Δ̂");
        foreach (var t in teachers)
            foreach (var d in t.EstimatorDeltas ?? [])
                table.Add(t.Name, d.TeacherStudent, d.StudentLabel, HtmlCell.Number(HtmlText.Nats(d.Delta)));
        var description = "Δ̂ per teacher under each pair of estimators (one for I(H_t;H_s), one for I(H_s;Y)) that passed the self-check, beside the reported Δ and its interval in grey. "
            + HtmlText.Sentence(teachers.Where(t => t.EstimatorDeltas is { Count: > 0 }).Select(t =>
                $"{t.Name}: {string.Join(", ", t.EstimatorDeltas!.Select(d => $"{PairName(d)} {HtmlText.Nats(d.Delta)}"))}"));
        return SvgExport.Figure("fig-estimator-deltas", "Δ under each estimator pair that passed the self-check", description, plot, table, pairs.Count > 4 ? SvgExport.TallHeight : SvgExport.Height);
    }

    /// <summary>I(H_t;H_s) and I(H_s;Y) with their intervals per teacher, and the exact values of a generated example.</summary>
    public static PlotFigure MutualInformations(CchReport report)
    {
        var teachers = report.Teachers;
        var level = HtmlText.Percent(report.Interval.Level);
        var left = teachers.Select((_, i) => i - 0.12).ToList();
        var right = teachers.Select((_, i) => i + 0.12).ToList();
        var plot = PlotStyle.Create("teacher (ranked by Δ)", "mutual information (nats)");
        PlotStyle.Intervals(plot, left, teachers.Select(t => Interval(t.MiTeacherStudent)).ToList(), PlotStyle.Blue, "I(H_t;H_s)");
        PlotStyle.Intervals(plot, right, teachers.Select(t => Interval(t.MiStudentLabel)).ToList(), PlotStyle.Green, "I(H_s;Y)");
        var exact = teachers.Any(t => t.ClosedForm is not null);
        if (exact)
        {
            PlotStyle.Markers(plot, left, teachers.Select(t => t.ClosedForm?.MiTeacherStudent).ToList(), PlotStyle.Orange, "exact value");
            PlotStyle.Markers(plot, right, teachers.Select(t => t.ClosedForm?.MiStudentLabel).ToList(), PlotStyle.Orange, "exact value");
        }

        PlotStyle.CategoryAxis(plot, teachers.Select(t => t.Name).ToList());
        // One legend entry for the exact values.
        var legendTexts = plot.GetPlottables<ScottPlot.Plottables.Scatter>().Where(s => s.LegendText == "exact value").Skip(1);
        foreach (var s in legendTexts) s.LegendText = string.Empty;

        var headers = new List<string> { "teacher", "term", "estimate", "low", "high" };
        if (exact) headers.Add("exact");
        headers.Add("estimator");
        var table = new HtmlTable($"Mutual informations in nats, {level} intervals", [.. headers]);
        foreach (var t in teachers)
        {
            foreach (var (term, value, closed) in new[] { ("I(H_t;H_s)", t.MiTeacherStudent, t.ClosedForm?.MiTeacherStudent), ("I(H_s;Y)", t.MiStudentLabel, t.ClosedForm?.MiStudentLabel) })
            {
                var cells = new List<HtmlCell> { t.Name, term, HtmlCell.Number(HtmlText.Nats(value.Estimate)), HtmlCell.Number(HtmlText.Nats(value.CiLow)), HtmlCell.Number(HtmlText.Nats(value.CiHigh)) };
                if (exact) cells.Add(HtmlCell.Number(closed is { } c ? HtmlText.Nats(c) : null));
                cells.Add(value.Estimator ?? string.Empty);
                table.Add([.. cells]);
            }
        }

        var description = $"The two mutual informations per teacher with their {level} intervals: I(H_t;H_s) left, I(H_s;Y) right; Δ is their difference. "
            + HtmlText.Sentence(teachers.Select(t => $"{t.Name}: I(H_t;H_s) {MarkdownReport.Cell(t.MiTeacherStudent)}, I(H_s;Y) {MarkdownReport.Cell(t.MiStudentLabel)}"));
        return SvgExport.Figure("fig-mutual-information", $"I(H_t;H_s) and I(H_s;Y) per teacher with their {level} intervals", description, plot, table);
    }

    /// <summary>One verified teacher's paired differences KD − no KD per seed, their mean and interval, zero and ±δ.</summary>
    public static PlotFigure Verification(TeacherReport teacher, int index)
    {
        ArgumentNullException.ThrowIfNull(teacher);
        var v = teacher.Verification ?? throw new ArgumentException("The teacher was not verified.", nameof(teacher));
        var d = v.Differences.First(x => x.Metric == v.PrimaryMetric);
        var better = d.HigherIsBetter ? "above 0: KD helped" : "below 0: KD helped";
        var xs = d.PerSeed.Select((_, i) => (double)i).ToArray();
        var seeds = d.PerSeed.Select((_, i) => (i < v.Seeds.Count ? v.Seeds[i].Seed : i).ToString(CultureInfo.InvariantCulture)).ToList();
        var plot = PlotStyle.Create("seed", $"{v.PrimaryMetric}, KD − no KD");
        var band = plot.Add.VerticalSpan(d.CiLow, d.CiHigh, PlotStyle.Blue.WithAlpha(0.15));
        band.LegendText = "interval of the mean";
        PlotStyle.HorizontalReference(plot, 0, "no effect", LinePattern.Solid);
        if (v.Decision is { MinEffect: > 0 } decision)
        {
            PlotStyle.HorizontalReference(plot, decision.MinEffect, $"±δ = {HtmlText.Number(decision.MinEffect, "G3")}", LinePattern.Dotted);
            PlotStyle.HorizontalReference(plot, -decision.MinEffect, null, LinePattern.Dotted);
        }

        var mean = plot.Add.HorizontalLine(d.Mean, 2, PlotStyle.Blue);
        mean.LegendText = $"mean {HtmlText.Metric(d.Mean)}";
        var points = plot.Add.ScatterPoints(xs, d.PerSeed.ToArray(), PlotStyle.Orange);
        points.MarkerSize = 9;
        points.LegendText = "one seed";
        PlotStyle.CategoryAxis(plot, seeds);

        var table = new HtmlTable($"{v.PrimaryMetric} on held-out rows per seed ({(d.HigherIsBetter ? "higher" : "lower")} is better)", "seed", "no KD", "KD", "KD − no KD");
        for (var i = 0; i < d.PerSeed.Count; i++)
        {
            var seed = i < v.Seeds.Count ? v.Seeds[i] : null;
            table.Add(
                HtmlCell.Number(seeds[i]),
                HtmlCell.Number(seed is null ? null : Format(ArmMetric(seed.NoKd, v.PrimaryMetric))),
                HtmlCell.Number(seed is null ? null : Format(ArmMetric(seed.Kd, v.PrimaryMetric))),
                HtmlCell.Number(HtmlText.Metric(d.PerSeed[i])));
        }

        table.Add("mean", HtmlCell.Number(HtmlText.Metric(d.NoKdMean)), HtmlCell.Number(HtmlText.Metric(d.KdMean)), HtmlCell.Number(HtmlText.Metric(d.Mean)));
        table.Add("interval", string.Empty, string.Empty, HtmlCell.Number($"[{HtmlText.Metric(d.CiLow)}, {HtmlText.Metric(d.CiHigh)}]"));
        var caption = $"Verification of {teacher.Name}: {v.PrimaryMetric}, KD − no KD per seed ({better}); measured {MarkdownReport.MeasuredCell(v)}";
        var description = $"{caption}. Per seed: {string.Join(", ", d.PerSeed.Select(HtmlText.Metric))}. Mean {MarkdownReport.EffectCell(v)}.";
        return SvgExport.Figure($"fig-verification-{index + 1}", caption, description, plot, table);
    }

    /// <summary>The self-check: each estimator's value on its matched Gaussian surrogate against the surrogate's known value.</summary>
    public static PlotFigure SurrogateRecovery(CchReport report)
    {
        var terms = Surrogates(report);
        var plot = PlotStyle.Create("known mutual information of the surrogate (nats)", "estimate on the surrogate (nats)");
        var top = Math.Max(0.1, terms.SelectMany(t => new[] { t.Surrogate.Known, t.Surrogate.Estimate }.Concat(t.Surrogate.Components?.Select(c => c.Estimate) ?? [])).Where(double.IsFinite).DefaultIfEmpty(1).Max() * 1.1);
        foreach (var (ratio, legend, pattern) in new[] { (1.0, "estimate = known", LinePattern.Solid), (0.85, "0.85 and 1.15 × known", LinePattern.Dotted), (1.15, (string?)null, LinePattern.Dotted) })
        {
            var line = plot.Add.Line(0, 0, top, top * ratio);
            line.LineColor = PlotStyle.Reference;
            line.LineWidth = 1.5f;
            line.LinePattern = pattern;
            line.LegendText = legend ?? string.Empty;
        }

        var components = terms.SelectMany(t => t.Surrogate.Components ?? []).Select(c => c.Estimator).Distinct(StringComparer.Ordinal).ToList();
        for (var c = 0; c < components.Count; c++)
        {
            var xs = terms.Where(t => t.Surrogate.Components?.Any(x => x.Estimator == components[c]) == true).Select(t => t.Surrogate.Known).ToList();
            var ys = terms.SelectMany(t => t.Surrogate.Components?.Where(x => x.Estimator == components[c]) ?? []).Select(x => (double?)x.Estimate).ToList();
            PlotStyle.Markers(plot, xs, ys, PlotStyle.Series[(c + 2) % PlotStyle.Series.Count], $"component {HtmlText.Clip(components[c], 30)}", MarkerShape.OpenCircle);
        }

        PlotStyle.Markers(plot, terms.Where(t => t.Term == "I(H_t;H_s)").Select(t => t.Surrogate.Known).ToList(),
            terms.Where(t => t.Term == "I(H_t;H_s)").Select(t => (double?)t.Surrogate.Estimate).ToList(), PlotStyle.Blue, "I(H_t;H_s) estimator", MarkerShape.FilledCircle);
        PlotStyle.Markers(plot, terms.Where(t => t.Term == "I(H_s;Y)").Select(t => t.Surrogate.Known).ToList(),
            terms.Where(t => t.Term == "I(H_s;Y)").Select(t => (double?)t.Surrogate.Estimate).ToList(), PlotStyle.Green, "I(H_s;Y) estimator", MarkerShape.FilledSquare);
        plot.Axes.SetLimits(0, top, 0, top);

        var table = new HtmlTable("Self-check on matched Gaussian surrogates, nats (recovery = estimate / known; 0.85–1.15 is fine)", "term", "estimator", "known", "estimate", "recovery", "passed");
        foreach (var t in terms)
        {
            table.Add(t.Name, t.Estimator, HtmlCell.Number(HtmlText.Nats(t.Surrogate.Known)), HtmlCell.Number(HtmlText.Nats(t.Surrogate.Estimate)), HtmlCell.Number(Recovery(t.Surrogate.Recovery)), string.Empty);
            foreach (var c in t.Surrogate.Components ?? [])
                table.Add($"{t.Name}, component", c.Estimator, HtmlCell.Number(HtmlText.Nats(t.Surrogate.Known)), HtmlCell.Number(HtmlText.Nats(c.Estimate)), HtmlCell.Number(Recovery(c.Recovery)), c.Valid ? "yes" : "no");
        }

        var description = "Each estimator run on a Gaussian surrogate matched to the data, whose mutual information is known: points on the diagonal recover it exactly, the dotted lines bound 0.85–1.15 × known. "
            + HtmlText.Sentence(terms.Select(t => $"{t.Name} ({t.Estimator}): known {HtmlText.Nats(t.Surrogate.Known)}, estimate {HtmlText.Nats(t.Surrogate.Estimate)}"));
        return SvgExport.Figure("fig-surrogate", "Self-check: estimate on a matched surrogate against its known value", description, plot, table, components.Count > 2 ? SvgExport.TallHeight : SvgExport.Height);
    }

    /// <summary>The terms that ran the self-check: each teacher's I(H_t;H_s), then I(H_s;Y) (the same for every teacher).</summary>
    internal static IReadOnlyList<(string Name, string Term, string Estimator, SurrogateReport Surrogate)> Surrogates(CchReport report)
    {
        var list = report.Teachers.Where(t => t.MiTeacherStudent.Surrogate is not null)
            .Select(t => ($"I(H_t;H_s), {t.Name}", "I(H_t;H_s)", t.MiTeacherStudent.Estimator ?? string.Empty, t.MiTeacherStudent.Surrogate!)).ToList();
        if (report.Teachers.Count > 0 && report.Teachers[0].MiStudentLabel is { Surrogate: { } label } studentLabel)
            list.Add(("I(H_s;Y)", "I(H_s;Y)", studentLabel.Estimator ?? string.Empty, label));
        return list;
    }

    /// <summary>A metric of one arm by its report name (accuracy, weightedF1, macroAuc, logLoss, mse).</summary>
    internal static double? ArmMetric(ArmMetrics metrics, string metric) => metric switch
    {
        "accuracy" => metrics.Accuracy,
        "weightedF1" => metrics.WeightedF1,
        "macroAuc" => metrics.MacroAuc,
        "logLoss" => metrics.LogLoss,
        "mse" => metrics.Mse,
        _ => null,
    };

    private static string PairName(EstimatorDelta d) => $"{d.TeacherStudent} / {d.StudentLabel}";

    private static IntervalEstimate Interval(MiValue v) => new(v.Estimate, v.CiLow, v.CiHigh);

    private static double[] Positions(int count) => Enumerable.Range(0, count).Select(i => (double)i).ToArray();

    private static string? Format(double? value) => value is { } v ? HtmlText.Metric(v) : null;

    private static string Recovery(double? recovery) => recovery is { } r ? HtmlText.Number(r, "0.00") : "–";
}
