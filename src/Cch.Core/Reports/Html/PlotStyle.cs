using Cch.Criterion;
using ScottPlot;
using ScottPlot.Plottables;

namespace Cch.Reports.Html;

/// <summary>
/// The look every plot of the HTML pages shares and the few drawing steps they all use: estimates with their
/// interval bars, reference lines, category axes. Colours are the Okabe–Ito palette (distinguishable with the
/// common colour-vision deficiencies); reference lines are grey.
/// </summary>
internal static class PlotStyle
{
    /// <summary>The main series (estimates).</summary>
    public static readonly Color Blue = Color.FromHex("#0072B2");

    /// <summary>The second series and closed-form values.</summary>
    public static readonly Color Orange = Color.FromHex("#E69F00");

    /// <summary>A third series.</summary>
    public static readonly Color Green = Color.FromHex("#009E73");

    /// <summary>A fourth series.</summary>
    public static readonly Color Vermillion = Color.FromHex("#D55E00");

    /// <summary>Reference lines (zero, margin, y = x).</summary>
    public static readonly Color Reference = Color.FromHex("#555555");

    /// <summary>Series colours in order, for plots with a series per estimator or component.</summary>
    public static IReadOnlyList<Color> Series { get; } =
        [Blue, Orange, Green, Vermillion, Color.FromHex("#CC79A7"), Color.FromHex("#56B4E9"), Color.FromHex("#7F6A00")];

    /// <summary>A plot with the shared font and axis labels, its legend below the data area.</summary>
    public static Plot Create(string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        plot.XLabel(xLabel, 13);
        plot.YLabel(yLabel, 13);
        // A 2-pixel frame stays dark wherever it falls between pixel rows (the browser test finds the plots by it).
        plot.Axes.FrameWidth(2);
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.ShadowColor = Colors.Transparent;
        plot.Legend.OutlineColor = Color.FromHex("#BBBBBB");
        plot.Legend.FontSize = 12;
        return plot;
    }

    /// <summary>
    /// Estimates at <paramref name="xs"/> with vertical interval bars from each <see cref="IntervalEstimate.CiLow"/>
    /// to <see cref="IntervalEstimate.CiHigh"/>; points that are not finite are left out.
    /// </summary>
    /// <param name="plot">The plot.</param>
    /// <param name="xs">Horizontal positions.</param>
    /// <param name="values">The estimates with their intervals, one per position.</param>
    /// <param name="color">Marker and bar colour.</param>
    /// <param name="legend">Legend text.</param>
    /// <param name="connect">Whether to join the estimates with a line (sweeps), or show markers only (categories).</param>
    public static void Intervals(Plot plot, IReadOnlyList<double> xs, IReadOnlyList<IntervalEstimate> values, Color color, string legend, bool connect = false)
    {
        var kept = Enumerable.Range(0, xs.Count).Where(i => Finite(xs[i], values[i].Estimate, values[i].CiLow, values[i].CiHigh)).ToList();
        if (kept.Count == 0) return;
        var x = kept.Select(i => xs[i]).ToArray();
        var y = kept.Select(i => values[i].Estimate).ToArray();
        var bars = plot.Add.ErrorBar(x, y, kept.Select(i => values[i].Estimate - values[i].CiLow).ToArray());
        bars.YErrorPositive = kept.Select(i => values[i].CiHigh - values[i].Estimate).ToArray();
        bars.Color = color;
        bars.LineWidth = 1.5f;
        bars.CapSize = 6;
        var points = connect ? plot.Add.Scatter(x, y, color) : plot.Add.ScatterPoints(x, y, color);
        points.MarkerSize = 8;
        points.LineWidth = connect ? 1.5f : 0;
        points.LegendText = legend;
    }

    /// <summary>
    /// Points with interval bars in both directions (e.g. the KD effect against Δ); points that are not finite are left out.
    /// </summary>
    public static void Intervals2D(Plot plot, IReadOnlyList<IntervalEstimate> xs, IReadOnlyList<IntervalEstimate> ys, Color color, string legend)
    {
        var kept = Enumerable.Range(0, xs.Count)
            .Where(i => Finite(xs[i].Estimate, xs[i].CiLow, xs[i].CiHigh, ys[i].Estimate, ys[i].CiLow, ys[i].CiHigh)).ToList();
        if (kept.Count == 0) return;
        var x = kept.Select(i => xs[i].Estimate).ToArray();
        var y = kept.Select(i => ys[i].Estimate).ToArray();
        var bars = new ErrorBar(
            x, y,
            kept.Select(i => xs[i].Estimate - xs[i].CiLow).ToArray(),
            kept.Select(i => xs[i].CiHigh - xs[i].Estimate).ToArray(),
            kept.Select(i => ys[i].Estimate - ys[i].CiLow).ToArray(),
            kept.Select(i => ys[i].CiHigh - ys[i].Estimate).ToArray())
        {
            Color = color,
            LineWidth = 1.5f,
            CapSize = 6,
        };
        plot.PlottableList.Add(bars);
        var points = plot.Add.ScatterPoints(x, y, color);
        points.MarkerSize = 8;
        points.LegendText = legend;
    }

    /// <summary>Markers without bars (e.g. closed-form values); points that are not finite are left out.</summary>
    public static void Markers(Plot plot, IReadOnlyList<double> xs, IReadOnlyList<double?> ys, Color color, string legend, MarkerShape shape = MarkerShape.FilledDiamond)
    {
        var kept = Enumerable.Range(0, xs.Count).Where(i => ys[i] is { } v && Finite(xs[i], v)).ToList();
        if (kept.Count == 0) return;
        var points = plot.Add.ScatterPoints(kept.Select(i => xs[i]).ToArray(), kept.Select(i => ys[i]!.Value).ToArray(), color);
        points.MarkerShape = shape;
        points.MarkerSize = 10;
        points.LegendText = legend;
    }

    /// <summary>A line through finite points (e.g. a closed-form curve along a sweep).</summary>
    public static void Line(Plot plot, IReadOnlyList<double> xs, IReadOnlyList<double?> ys, Color color, string legend)
    {
        var kept = Enumerable.Range(0, xs.Count).Where(i => ys[i] is { } v && Finite(xs[i], v)).ToList();
        if (kept.Count == 0) return;
        var line = plot.Add.ScatterLine(kept.Select(i => xs[i]).ToArray(), kept.Select(i => ys[i]!.Value).ToArray(), color);
        line.LineWidth = 2;
        line.LinePattern = LinePattern.Dashed;
        line.LegendText = legend;
    }

    /// <summary>A grey horizontal reference line at <paramref name="y"/>, in the legend when <paramref name="legend"/> is given.</summary>
    public static void HorizontalReference(Plot plot, double y, string? legend = null, LinePattern? pattern = null)
    {
        if (!double.IsFinite(y)) return;
        var line = plot.Add.HorizontalLine(y, 1.5f, Reference, pattern ?? LinePattern.Dashed);
        if (legend is not null) line.LegendText = legend;
    }

    /// <summary>A grey vertical reference line at <paramref name="x"/>.</summary>
    public static void VerticalReference(Plot plot, double x, string? legend = null)
    {
        if (!double.IsFinite(x)) return;
        var line = plot.Add.VerticalLine(x, 1.5f, Reference, LinePattern.Dashed);
        if (legend is not null) line.LegendText = legend;
    }

    /// <summary>
    /// Names on the horizontal axis at 0, 1, 2, … (cut to a readable length; the table beside has them whole).
    /// Call it after everything is added: it fits the vertical axis to the data and the horizontal one to the categories.
    /// </summary>
    public static void CategoryAxis(Plot plot, IReadOnlyList<string> names)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var i = 0; i < names.Count; i++) ticks.AddMajor(i, HtmlText.Clip(names[i]));
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.AutoScale();
        plot.Axes.SetLimitsX(-0.6, names.Count - 0.4);
    }

    private static bool Finite(params double[] values) => values.All(double.IsFinite);
}
