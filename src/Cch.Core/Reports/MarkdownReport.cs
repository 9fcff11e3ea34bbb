using System.Globalization;
using System.Text;

namespace Cch.Reports;

/// <summary>Renders a report as Markdown (for CI job summaries and pull-request comments).</summary>
public static class MarkdownReport
{
    /// <summary>The report as a Markdown section with one table row per teacher.</summary>
    public static string Render(CchReport report)
    {
        var sb = new StringBuilder();
        var closed = report.Teachers.Any(t => t.ClosedForm is not null);
        sb.AppendLine(CultureInfo.InvariantCulture, $"## CCH check: **{report.Verdict.ToString().ToLowerInvariant()}** (best teacher `{report.BestTeacher}`)");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture,
            $"Student `{report.Student.Name}` ({report.Student.Dimensions}-d), label `{report.Label.Name}` ({report.Task}), N = {report.N}, " +
            $"estimators {report.Estimator.TeacherStudent} / {report.Estimator.StudentLabel} (k = {report.Estimator.K}), " +
            $"{report.Interval.Level * 100:0.#}% intervals from {report.Interval.Replicates} half-samples, margin {report.Margin:0.###} nats, seed {report.Seed}. All values in nats.");
        sb.AppendLine();
        sb.Append("| rank | teacher | d | I(H_t;H_s) | I(H_s;Y) | Δ | verdict |");
        sb.AppendLine(closed ? " exact Δ |" : string.Empty);
        sb.Append("|---:|---|---:|---|---|---|---|");
        sb.AppendLine(closed ? "---:|" : string.Empty);
        foreach (var t in report.Teachers)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"| {t.Rank} | `{t.Name}` | {t.Dimensions} | {Cell(t.MiTeacherStudent)} | {Cell(t.MiStudentLabel)} | {Cell(t.Delta)} | {t.Verdict.ToString().ToLowerInvariant()} |");
            sb.AppendLine(closed ? string.Create(CultureInfo.InvariantCulture, $" {t.ClosedForm?.Delta:0.000} |") : string.Empty);
        }

        if (report.Warnings.Count > 0)
        {
            sb.AppendLine();
            foreach (var w in report.Warnings) sb.AppendLine(CultureInfo.InvariantCulture, $"> **Warning:** {w}");
        }

        return sb.ToString();
    }

    /// <summary>An estimate with its interval, e.g. <c>0.412 [0.371, 0.453]</c>.</summary>
    public static string Cell(MiValue v) =>
        string.Create(CultureInfo.InvariantCulture, $"{v.Estimate:0.000} [{v.CiLow:0.000}, {v.CiHigh:0.000}]");
}
