using System.Globalization;
using System.Text;
using Cch.Benchmarks.Accuracy;
using Cch.Criterion;

namespace Cch.Benchmarks.Calibration;

/// <summary>
/// Writes the calibration runner's results: a Markdown report (header, totals per estimator family against the
/// issue's targets, one row per task) and the raw rows as CSV.
/// </summary>
/// <remarks>
/// Definitions, per family over every task × seed. <b>Coverage</b>: the share of Δ's intervals (nominal 95 %)
/// that contain the true Δ. <b>Right sign</b>: among runs with |Δ| ≥ 0.1 nats and N ≥ 1,000, the share whose
/// estimated Δ has the true Δ's sign. <b>Wrong-signed verdicts</b>: passes with true Δ &lt; 0 plus fails with true
/// Δ &gt; 0 (margin 0). <b>Decided at Δ = 0</b>: passes and fails on tasks whose true Δ is 0 (within 1e-9) (nominally
/// 5 % of them). A failed run counts as not covering and not right-signed.
/// </remarks>
internal static class CalibrationReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>|Δ| from which the sign must be right (nats).</summary>
    public const double SignThreshold = 0.1;

    /// <summary>N from which the sign must be right.</summary>
    public const int SignMinimumRows = 1000;

    /// <summary>The targets of issue 11: coverage ≥ 90 %, every sign right in scope, no wrong-signed verdict.</summary>
    public const double CoverageTarget = 0.90;

    /// <summary>Totals of one family.</summary>
    public sealed record Summary(string Family, int Runs, int Covered, int SignScope, int SignRight, int WrongSigned,
                                 int AtZero, int DecidedAtZero, int Passes, int Fails, int Inconclusive,
                                 double MeanAbsoluteError, double MeanWidth, double MeanSeconds, int Failures,
                                 int SamplingCovered, double MeanSamplingWidth, string Reasons);

    /// <summary>The totals of every family, in row order.</summary>
    public static IReadOnlyList<Summary> Summarise(IReadOnlyList<CalibrationRow> rows) =>
        rows.GroupBy(r => r.Family).Select(g =>
        {
            var list = g.ToArray();
            var finite = list.Where(r => double.IsFinite(r.Delta.Estimate)).ToArray();
            var scope = list.Where(r => r.InSignScope).ToArray();
            var zero = list.Where(r => r.TrueSign == 0).ToArray();
            return new Summary(g.Key, list.Length, list.Count(r => r.Covers), scope.Length, scope.Count(r => r.SignRight),
                list.Count(r => r.WrongSignedVerdict), zero.Length, zero.Count(r => r.Verdict is Verdict.Pass or Verdict.Fail),
                list.Count(r => r.Verdict == Verdict.Pass), list.Count(r => r.Verdict == Verdict.Fail), list.Count(r => r.Verdict == Verdict.Inconclusive),
                finite.Length == 0 ? double.NaN : finite.Average(r => Math.Abs(r.Delta.Estimate - r.TrueDelta)),
                finite.Length == 0 ? double.NaN : finite.Average(r => r.Delta.CiHigh - r.Delta.CiLow),
                list.Average(r => r.Seconds), list.Count(r => r.Failure is not null),
                list.Count(r => r.SamplingCovers),
                finite.Length == 0 ? double.NaN : finite.Average(r => r.SamplingDelta.CiHigh - r.SamplingDelta.CiLow),
                string.Join(", ", list.Where(r => r.Reason is not null).GroupBy(r => r.Reason!).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}")));
        }).ToArray();

    /// <summary>The Markdown report.</summary>
    public static string Markdown(CalibrationOptions options, int taskCount, IReadOnlyList<CalibrationRow> rows,
                                  DateTimeOffset started, TimeSpan elapsed, string commit)
    {
        var md = new StringBuilder();
        md.AppendLine("# Criterion calibration on tasks with known Δ").AppendLine();
        md.AppendLine($"- Date: {started.ToString("yyyy-MM-dd HH:mm 'UTC'", Inv)} (run took {elapsed.TotalSeconds.ToString("0", Inv)} s)");
        md.AppendLine($"- Commit: {commit}");
        foreach (var line in MachineDescription.MarkdownLines()) md.AppendLine(line);
        md.AppendLine($"- Tasks: {taskCount} of {Synthetic.CalibrationTasks.All.Count}" +
                      (options.TaskFilter is null ? "" : $" (ids containing '{options.TaskFilter}')") +
                      $"; N = each task's own" + (options.MaxRows is { } cap ? $", capped at {cap.ToString("N0", Inv)}" : "") +
                      $"; {(options.Seeds == 1 ? "seed 0" : $"seeds 0–{options.Seeds - 1}")} (data and criterion)");
        md.AppendLine("- Criterion: `CchCriterion.Evaluate` as `dotnet cch check` runs it: k = 3, margin 0, 95 %, 20 half-samples; " +
                      $"families: {string.Join(", ", options.Families.Select(f => f.Name))}");
        md.AppendLine("- Truths: exact (Gaussian log-det form; ½ ln(1 + α²/σ²); probit quadrature); see `Cch.Synthetic.CalibrationTask`.");
        md.AppendLine();

        md.AppendLine("## Totals").AppendLine();
        md.AppendLine($"Targets (issue 11): coverage ≥ {(CoverageTarget * 100).ToString("0", Inv)} %; right sign in every run with |Δ| ≥ {SignThreshold.ToString(Inv)} nats " +
                      $"and N ≥ {SignMinimumRows.ToString("N0", Inv)}; no wrong-signed verdict.").AppendLine();
        md.AppendLine("| Family | Runs | Coverage of true Δ | Sampling-only coverage | Right sign (in scope) | Wrong-signed verdicts | Decided at Δ = 0 | pass / fail / inconclusive | Reasons | Mean \\|Δ̂ − Δ\\| | Mean width (sampling only) | Mean time | Failures |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|");
        foreach (var s in Summarise(rows))
            md.AppendLine($"| {s.Family} | {s.Runs} | {Percent(s.Covered, s.Runs)} | {Percent(s.SamplingCovered, s.Runs)} | {Percent(s.SignRight, s.SignScope)} | {s.WrongSigned} | " +
                          $"{s.DecidedAtZero} / {s.AtZero} | {s.Passes} / {s.Fails} / {s.Inconclusive} | {(s.Reasons.Length == 0 ? "–" : s.Reasons)} | {F(s.MeanAbsoluteError)} | {F(s.MeanWidth)} ({F(s.MeanSamplingWidth)}) | " +
                          $"{s.MeanSeconds.ToString("0.00", Inv)} s | {s.Failures} |");
        md.AppendLine();

        var families = rows.Select(r => r.Family).Distinct().ToArray();
        md.AppendLine("## Per task").AppendLine();
        md.AppendLine("Per family: the mean estimated Δ over seeds, how many intervals cover the true Δ, and the verdicts " +
                      "(P pass, F fail, · inconclusive, ! wrong-signed, × failed).").AppendLine();
        md.Append("| Task | d_t + d_s | N | True I(H_t;H_s) | True I(H_s;Y) | True Δ |");
        foreach (var f in families) md.Append($" {f} Δ̂ | {f} covers | {f} verdicts |");
        md.AppendLine();
        md.Append("|---|---|---:|---:|---:|---:|");
        foreach (var _ in families) md.Append("---:|---:|---|");
        md.AppendLine();
        foreach (var task in rows.GroupBy(r => r.TaskId))
        {
            var first = task.First();
            md.Append($"| `{task.Key}` | {first.TeacherDimensions} + {first.StudentDimensions} | {first.Rows.ToString("N0", Inv)} | " +
                      $"{F(first.TrueTeacherStudent)} | {F(first.TrueStudentLabel)} | {F(first.TrueDelta)} |");
            foreach (var f in families)
            {
                var cell = task.Where(r => r.Family == f).ToArray();
                var finite = cell.Where(r => double.IsFinite(r.Delta.Estimate)).ToArray();
                var mean = finite.Length == 0 ? double.NaN : finite.Average(r => r.Delta.Estimate);
                md.Append($" {F(mean)} | {cell.Count(r => r.Covers)}/{cell.Length} | {string.Concat(cell.Select(Mark))} |");
            }

            md.AppendLine();
        }

        md.AppendLine();
        var failures = rows.Where(r => r.Failure is not null).ToArray();
        if (failures.Length > 0)
        {
            md.AppendLine("## Failures").AppendLine();
            foreach (var f in failures) md.AppendLine($"- `{f.TaskId}` seed {f.Seed}, {f.Family}: {f.Failure}");
            md.AppendLine();
        }

        return md.ToString();
    }

    /// <summary>The raw rows as CSV (RFC 4180 quoting, invariant culture, full precision).</summary>
    public static string Csv(IReadOnlyList<CalibrationRow> rows)
    {
        var csv = new StringBuilder();
        csv.AppendLine("task_id,label,d_t,d_s,n,transform,true_ts,true_sy,true_delta,family,seed,est_ts,est_sy,est_delta,ci_low,ci_high,covers,verdict,estimators,seconds,failure,sampling_ci_low,sampling_ci_high,sampling_covers,reason");
        foreach (var r in rows)
        {
            csv.AppendLine(string.Join(',',
                AccuracyReport.Quote(r.TaskId), r.Label, r.TeacherDimensions.ToString(Inv), r.StudentDimensions.ToString(Inv), r.Rows.ToString(Inv), r.Transform,
                R(r.TrueTeacherStudent), R(r.TrueStudentLabel), R(r.TrueDelta), AccuracyReport.Quote(r.Family), r.Seed.ToString(Inv),
                R(r.TeacherStudent), R(r.StudentLabel), R(r.Delta.Estimate), R(r.Delta.CiLow), R(r.Delta.CiHigh),
                r.Covers ? "true" : "false", r.Verdict?.ToString().ToLowerInvariant() ?? "", AccuracyReport.Quote(r.Estimators),
                r.Seconds.ToString("0.######", Inv), AccuracyReport.Quote(r.Failure ?? ""),
                R(r.SamplingDelta.CiLow), R(r.SamplingDelta.CiHigh), r.SamplingCovers ? "true" : "false", r.Reason ?? ""));
        }

        return csv.ToString();
    }

    private static string Mark(CalibrationRow r) =>
        r.Failure is not null ? "×"
        : r.WrongSignedVerdict ? "!"
        : r.Verdict switch { Verdict.Pass => "P", Verdict.Fail => "F", _ => "·" };

    private static string R(double value) => value.ToString("R", Inv);

    private static string Percent(int count, int total) =>
        total == 0 ? "—" : $"{(100.0 * count / total).ToString("0", Inv)} % ({count}/{total})";

    private static string F(double value) => double.IsFinite(value) ? value.ToString("0.000", Inv) : "—";
}
