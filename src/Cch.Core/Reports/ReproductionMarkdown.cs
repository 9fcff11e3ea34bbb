using System.Globalization;
using System.Text;
using Cch.Criterion;
using Cch.Reproduction;

namespace Cch.Reports;

/// <summary>Renders a <c>reproduce</c> report as Markdown: one table per sweep, the boundaries, the paper's claims and notes.</summary>
public static class ReproductionMarkdown
{
    /// <summary>The report as a Markdown section.</summary>
    public static string Render(ReproductionReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"## Reproduction: {report.Title}");
        sb.AppendLine();
        sb.AppendLine(report.Description);
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Seed {report.Seed}{(report.Quick ? ", --quick" : "")}, {report.ElapsedSeconds:0} s. KD effect: {report.EffectMetric} (positive = distillation helped).");
        foreach (var series in report.Series)
        {
            sb.AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture, $"### {series.Name}");
            sb.AppendLine();
            var closed = series.Points.Any(p => p.ClosedForm is not null);
            var measured = series.Points.Any(p => p.KdEffect is not null);
            sb.Append(CultureInfo.InvariantCulture, $"| {report.Parameter} |");
            if (closed) sb.Append(" exact Δ |");
            sb.Append(" I(H_t;H_s) | I(H_s;Y) | Δ [interval] | verdict |");
            if (measured) sb.Append(" KD effect [interval] | measured | agreement |");
            sb.AppendLine();
            sb.Append("|---:|");
            if (closed) sb.Append("---:|");
            sb.Append("---:|---:|---|---|");
            if (measured) sb.Append("---|---|---|");
            sb.AppendLine();
            foreach (var p in series.Points)
            {
                sb.Append(CultureInfo.InvariantCulture, $"| {Number(p.Parameter)} |");
                if (closed) sb.Append(CultureInfo.InvariantCulture, $" {p.ClosedForm?.Delta:0.000} |");
                sb.Append(CultureInfo.InvariantCulture, $" {p.TeacherStudent.Estimate:0.000} | {p.StudentLabel.Estimate:0.000} | {Interval(p.Delta)} | {Verdict(p)} |");
                if (measured)
                {
                    sb.Append(CultureInfo.InvariantCulture, $" {(p.KdEffect is { } e ? Interval(e, "0.0000") : "")} |");
                    sb.Append(CultureInfo.InvariantCulture, $" {(p.Outcome is { } o ? MarkdownReport.OutcomeText(o) : "")}{(p.Seeds is { } s ? $" ({s} seeds)" : "")} |");
                    sb.Append(CultureInfo.InvariantCulture, $" {p.Agreement?.ToString().ToLowerInvariant()} |");
                }

                sb.AppendLine();
            }

            sb.AppendLine();
            sb.AppendLine(BoundaryLine(report, series.Boundary));
        }

        if (report.PaperClaims.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("**The paper states:**");
            sb.AppendLine();
            foreach (var claim in report.PaperClaims) sb.AppendLine(CultureInfo.InvariantCulture, $"- {claim}");
        }

        if (report.Notes.Count > 0)
        {
            sb.AppendLine();
            foreach (var note in report.Notes) sb.AppendLine(CultureInfo.InvariantCulture, $"> {note}\n");
        }

        return sb.ToString();
    }

    /// <summary>
    /// Where Δ (exact and estimated) and the KD effect change sign, and where the verdict and the measured outcome are
    /// decided each way, in one sentence.
    /// </summary>
    public static string BoundaryLine(ReproductionReport report, ReproductionBoundary boundary)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(boundary);
        var parts = new List<string>();
        if (boundary.ClosedForm is not null || report.Series.Any(s => s.Points.Any(p => p.ClosedForm is not null)))
            parts.Add($"exact Δ crosses 0 {At(boundary.ClosedForm, "nowhere in the sweep")}");
        parts.Add($"estimated Δ crosses 0 {At(boundary.Estimated, "nowhere in the sweep (or more than once)")}");
        parts.Add($"verdict pass {Range(boundary.Pass)}, fail {Range(boundary.Fail)}");
        if (report.Series.Any(s => s.Points.Any(p => p.KdEffect is not null)))
        {
            parts.Add($"the measured KD effect changes sign {At(boundary.KdEffect, "nowhere in the sweep (or more than once)")}");
            parts.Add($"KD measurably helps {Range(boundary.KdHelps)}, hurts {Range(boundary.KdHurts)}");
        }

        return $"Boundaries ({report.Parameter}): {string.Join("; ", parts)}.";

        static string At(double? x, string otherwise) => x is { } v ? $"at {Number(v)}" : otherwise;
        static string Range(ParameterRange? r) => r is null ? "nowhere" : r.Count == 1 ? $"at {Number(r.Min)}" : $"at {r.Count} points in {Number(r.Min)}–{Number(r.Max)}";
    }

    /// <summary>The verdict, with the reason when inconclusive.</summary>
    public static string Verdict(ReproductionPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        return point.Verdict.ToString().ToLowerInvariant() + (point.Reason is { } r ? $" ({MarkdownReport.ReasonText(r)})" : string.Empty);
    }

    /// <summary><c>0.123 [0.100, 0.150]</c>, every number with the same decimals.</summary>
    public static string Interval(IntervalEstimate value, string format = "0.000")
    {
        ArgumentNullException.ThrowIfNull(value);
        return string.Create(CultureInfo.InvariantCulture, $"{value.Estimate.ToString(format, CultureInfo.InvariantCulture)} [{value.CiLow.ToString(format, CultureInfo.InvariantCulture)}, {value.CiHigh.ToString(format, CultureInfo.InvariantCulture)}]");
    }

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
