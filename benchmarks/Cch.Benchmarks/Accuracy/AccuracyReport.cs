using System.Globalization;
using System.Text;

namespace Cch.Benchmarks.Accuracy;

/// <summary>
/// Writes the accuracy runner's results: a Markdown report (header, one table per suite, a summary per
/// estimator) and the raw rows as CSV.
/// </summary>
/// <remarks>
/// Definitions. <b>Seed-mean</b>: the mean estimate of a task over its seeds (failed estimates left out).
/// <b>MAE</b>: the mean of |estimate − truth| over every task × seed of the suite, in nats.
/// <b>Solved</b>: |ln(seed-mean / truth)| &lt; ln 1.5, i.e. the seed-mean lies within a factor 1.5 of the
/// truth; a seed-mean ≤ 0 is unsolved. <b>Max relative error</b> (high and label suites):
/// max over tasks of |seed-mean − truth| / truth.
/// </remarks>
internal static class AccuracyReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The factor within which a seed-mean counts as solved.</summary>
    public const double SolvedFactor = 1.5;

    /// <summary>Per-estimator figures of one suite.</summary>
    public sealed record Summary(string Suite, string Estimator, int Tasks, int Solved, double MeanAbsoluteError,
                                 double MaxRelativeError, double MeanSeconds, int Failures);

    /// <summary>Whether a seed-mean estimate counts as solved against the truth.</summary>
    public static bool IsSolved(double seedMean, double truth) =>
        seedMean > 0 && truth > 0 && Math.Abs(Math.Log(seedMean / truth)) < Math.Log(SolvedFactor);

    /// <summary>The per-estimator summaries of every suite, in row order.</summary>
    public static IReadOnlyList<Summary> Summarise(IReadOnlyList<AccuracyRow> rows) =>
        rows.GroupBy(r => (r.Suite, r.Estimator)).Select(g =>
        {
            var perTask = g.GroupBy(r => r.TaskId).Select(t => (Truth: t.First().Truth, Mean: SeedMean(t))).ToArray();
            var finite = g.Where(r => double.IsFinite(r.Estimate)).ToArray();
            return new Summary(g.Key.Suite, g.Key.Estimator, perTask.Length,
                perTask.Count(t => IsSolved(t.Mean, t.Truth)),
                finite.Length == 0 ? double.NaN : finite.Average(r => r.AbsoluteError),
                perTask.Max(t => double.IsFinite(t.Mean) ? Math.Abs(t.Mean - t.Truth) / t.Truth : double.PositiveInfinity),
                g.Average(r => r.Seconds),
                g.Count(r => r.Failure is not null));
        }).ToArray();

    /// <summary>The Markdown report.</summary>
    public static string Markdown(AccuracyOptions options, IReadOnlyList<AccuracyRow> rows, IReadOnlyList<string> notes,
                                  DateTimeOffset started, TimeSpan elapsed, string commit)
    {
        var md = new StringBuilder();
        md.AppendLine("# Mutual information estimator accuracy").AppendLine();
        md.AppendLine($"- Date: {started.ToString("yyyy-MM-dd HH:mm 'UTC'", Inv)} (run took {elapsed.TotalSeconds.ToString("0", Inv)} s)");
        md.AppendLine($"- Commit: {commit}");
        foreach (var line in MachineDescription.MarkdownLines()) md.AppendLine(line);
        md.AppendLine($"- N = {options.Rows.ToString("N0", Inv)} samples per estimate; {(options.Seeds == 1 ? "seed 0" : $"seeds 0–{options.Seeds - 1}")}; " +
                      $"suites: {string.Join(", ", options.Suites)}" + (options.TaskFilter is null ? "" : $"; tasks containing '{options.TaskFilter}'"));
        md.AppendLine("- Truths: closed forms (Gaussian, Student-t, additive uniform; bmi tasks are invariant under their injective maps) " +
                      "or 1-d quadrature (label tasks); see `Cch.Synthetic`.");
        md.AppendLine($"- Solved: the seed-mean estimate is within a factor {SolvedFactor.ToString(Inv)} of the truth " +
                      "(|ln(estimate/truth)| < ln 1.5; an estimate ≤ 0 is unsolved). MAE: mean |estimate − truth| over tasks × seeds, nats.");
        foreach (var note in notes) md.AppendLine($"- Note: {note}");
        md.AppendLine();

        var summaries = Summarise(rows);
        foreach (var suite in rows.Select(r => r.Suite).Distinct())
        {
            var suiteRows = rows.Where(r => r.Suite == suite).ToArray();
            var estimators = suiteRows.Select(r => r.Estimator).Distinct().ToArray();
            md.AppendLine($"## Suite `{suite}`").AppendLine();
            md.Append("| Task | Dims | Truth |");
            foreach (var e in estimators) md.Append($" {e} mean | {e} \\|err\\| |");
            md.AppendLine();
            md.Append("|---|---|---:|");
            foreach (var _ in estimators) md.Append("---:|---:|");
            md.AppendLine();
            foreach (var task in suiteRows.GroupBy(r => r.TaskId))
            {
                var first = task.First();
                md.Append($"| `{task.Key}` | {first.Dimensions} | {F(first.Truth)} |");
                foreach (var e in estimators)
                {
                    var cell = task.Where(r => r.Estimator == e).ToArray();
                    var mean = SeedMean(cell);
                    var mark = IsSolved(mean, first.Truth) ? "✓" : "✗";
                    var finite = cell.Where(r => double.IsFinite(r.Estimate)).ToArray();
                    var error = finite.Length == 0 ? double.NaN : finite.Average(r => r.AbsoluteError);
                    md.Append($" {F(mean)} {mark} | {F(error)} |");
                }

                md.AppendLine();
            }

            md.AppendLine();
            md.AppendLine($"Summary (`{suite}`, {suiteRows.Select(r => r.TaskId).Distinct().Count()} tasks):").AppendLine();
            var relative = suite != "v1";
            md.AppendLine(relative
                ? "| Estimator | MAE (nats) | Solved | Max relative error | Mean time / estimate | Failures |"
                : "| Estimator | MAE (nats) | Solved | Mean time / estimate | Failures |");
            md.AppendLine(relative ? "|---|---:|---:|---:|---:|---:|" : "|---|---:|---:|---:|---:|");
            foreach (var s in summaries.Where(s => s.Suite == suite))
            {
                md.Append($"| {s.Estimator} | {F(s.MeanAbsoluteError)} | {s.Solved} / {s.Tasks} |");
                if (relative) md.Append($" {(s.MaxRelativeError * 100).ToString("0.0", Inv)} % |");
                md.AppendLine($" {Seconds(s.MeanSeconds)} | {s.Failures} |");
            }

            md.AppendLine();
        }

        if (rows.Any(r => double.IsFinite(r.CiLow)))
        {
            md.AppendLine("## Interval coverage").AppendLine();
            md.AppendLine("Share of 95 % intervals (computed as the criterion does: half-sampling, or the estimator's own) that contain the truth, " +
                          "and that contain the estimator's own mean over the seeds (what the interval is built to cover: sampling and fitting " +
                          "variability, not the estimator's bias).").AppendLine();
            md.AppendLine("| Suite | Estimator | Intervals | Cover the truth | Cover the seed-mean | Mean width (nats) |");
            md.AppendLine("|---|---|---:|---:|---:|---:|");
            foreach (var g in rows.Where(r => double.IsFinite(r.CiLow)).GroupBy(r => (r.Suite, r.Estimator)))
            {
                var means = g.GroupBy(r => r.TaskId).ToDictionary(t => t.Key, t => SeedMean(t));
                var list = g.ToArray();
                var truth = list.Count(r => r.CiLow <= r.Truth && r.Truth <= r.CiHigh);
                var mean = list.Count(r => r.CiLow <= means[r.TaskId] && means[r.TaskId] <= r.CiHigh);
                md.AppendLine($"| {g.Key.Suite} | {g.Key.Estimator} | {list.Length} | {Percent(truth, list.Length)} | {Percent(mean, list.Length)} | {F(list.Average(r => r.CiHigh - r.CiLow))} |");
            }

            md.AppendLine();
        }

        var failures = rows.Where(r => r.Failure is not null).ToArray();
        if (failures.Length > 0)
        {
            md.AppendLine("## Failures").AppendLine();
            foreach (var f in failures) md.AppendLine($"- `{f.TaskId}` seed {f.Seed}, {f.Estimator}: {f.Failure}");
            md.AppendLine();
        }

        return md.ToString();
    }

    /// <summary>The raw rows as CSV (RFC 4180 quoting, invariant culture, full precision).</summary>
    public static string Csv(IReadOnlyList<AccuracyRow> rows)
    {
        var csv = new StringBuilder();
        csv.AppendLine("suite,task_id,dimensions,truth,estimator,seed,n,estimate,abs_error,seconds,failure,ci_low,ci_high");
        foreach (var r in rows)
        {
            csv.AppendLine(string.Join(',',
                Quote(r.Suite), Quote(r.TaskId), Quote(r.Dimensions), r.Truth.ToString("R", Inv), Quote(r.Estimator),
                r.Seed.ToString(Inv), r.Rows.ToString(Inv), r.Estimate.ToString("R", Inv), r.AbsoluteError.ToString("R", Inv),
                r.Seconds.ToString("0.######", Inv), Quote(r.Failure ?? ""), r.CiLow.ToString("R", Inv), r.CiHigh.ToString("R", Inv)));
        }

        return csv.ToString();
    }

    private static string Percent(int count, int total) => $"{(100.0 * count / total).ToString("0", Inv)} % ({count})";

    private static double SeedMean(IEnumerable<AccuracyRow> rows)
    {
        var finite = rows.Where(r => double.IsFinite(r.Estimate)).Select(r => r.Estimate).ToArray();
        return finite.Length == 0 ? double.NaN : finite.Average();
    }

    private static string F(double value) => double.IsFinite(value) ? value.ToString("0.0000", Inv) : "—";

    private static string Seconds(double seconds) =>
        seconds < 1 ? (seconds * 1000).ToString("0.0", Inv) + " ms" : seconds.ToString("0.00", Inv) + " s";

    internal static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
