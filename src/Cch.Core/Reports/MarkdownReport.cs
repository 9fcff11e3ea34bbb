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
        sb.AppendLine(CultureInfo.InvariantCulture, $"## CCH check: **{report.Verdict.ToString().ToLowerInvariant()}** (best teacher `{report.BestTeacher}`) · {GateLine(report)}");
        sb.AppendLine();
        foreach (var line in SettingsLines(report))
        {
            sb.AppendLine(line);
            sb.AppendLine();
        }

        var verified = report.Teachers.Any(t => t.Verification is not null);
        var several = report.Teachers.Count > 1;
        sb.Append("| rank | teacher | d | I(H_t;H_s) | I(H_s;Y) | Δ | verdict | P(wrong sign) |");
        sb.Append(several ? " P(best) |" : string.Empty);
        sb.Append(closed ? " exact Δ |" : string.Empty);
        sb.AppendLine(verified ? " no KD → KD | KD − no KD | measured | agreement |" : string.Empty);
        sb.Append("|---:|---|---:|---|---|---|---|---:|");
        sb.Append(several ? "---:|" : string.Empty);
        sb.Append(closed ? "---:|" : string.Empty);
        sb.AppendLine(verified ? "---|---|---|---|" : string.Empty);
        foreach (var t in report.Teachers)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"| {t.Rank} | `{t.Name}` | {t.Dimensions} | {Cell(t.MiTeacherStudent)} | {Cell(t.MiStudentLabel)} | {Cell(t.Delta)} | {VerdictText(t)} | {Probability(t.WrongSignProbability)} |");
            sb.Append(several ? $" {Probability(t.BestProbability)} |" : string.Empty);
            sb.Append(closed ? string.Create(CultureInfo.InvariantCulture, $" {t.ClosedForm?.Delta:0.000} |") : string.Empty);
            sb.AppendLine(verified
                ? $" {(t.Verification is { } a ? ArmsCell(a) : "")} | {(t.Verification is { } v ? EffectCell(v) : "")} | {(t.Verification is { } w ? MeasuredCell(w) : "")} | {t.Agreement?.ToString().ToLowerInvariant()} |"
                : string.Empty);
        }

        if (EstimatorRangeLine(report) is { } range)
        {
            sb.AppendLine();
            sb.AppendLine(range);
        }

        if (report.Warnings.Count > 0)
        {
            sb.AppendLine();
            foreach (var w in report.Warnings)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"> **Warning:** {w}");
                sb.AppendLine();
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// The run's settings as short plain-text lines (shared by the Markdown and console summaries):
    /// what was compared, how it was estimated, and the gate.
    /// </summary>
    public static IEnumerable<string> SettingsLines(CchReport report)
    {
        var inv = CultureInfo.InvariantCulture;
        var data = report.Inputs.Count == 0
            ? (report.Example is { } e ? $"data: generated example '{e.Name}'" : "data: in memory")
            : "data: " + string.Join(", ", report.Inputs.Select(i => Path.GetFileName(i.Path)));
        var join = report.Join.Key is { } key ? $" · joined on {key} ({report.Join.Mode})" : report.Join.Mode == "row-order" ? " · matched by row order" : string.Empty;
        var filters = report.Join.Filters.Count > 0 ? " · where " + string.Join(", ", report.Join.Filters) : string.Empty;
        var sample = report.Sample is { } sm && sm.RowsUsed < sm.TotalRows
            ? string.Create(inv, $" (a seeded uniform sample of the {sm.TotalRows:N0} rows: --max-rows {sm.MaxRows:N0})")
            : string.Empty;
        yield return string.Create(inv, $"{data}{join}{filters} · N = {report.N:N0}{sample}");
        yield return string.Create(inv,
            $"student: {report.Student.Name} ({report.Student.Dimensions}-d) · label: {report.Label.Name} ({report.Task}{(report.Label.Classes is { } c ? $", {c.Count} classes" : "")})");
        foreach (var enc in report.Encoders ?? [])
        {
            var accuracy = enc.ArgmaxAccuracy is { } a ? string.Create(inv, $" · argmax accuracy {a:P1}") : string.Empty;
            yield return string.Create(inv,
                $"{enc.Role} encoder: {Path.GetFileName(enc.Path)} ({enc.Sha256[..12]}…) {enc.Input.Name} [{string.Join(",", enc.RowShape)}] → {enc.Output.Name} ({enc.Dimensions}-d) · {enc.Rows} rows in {enc.Seconds:0.##} s, batch {enc.BatchSize}{accuracy}");
        }

        var knn = new[] { report.Estimator.TeacherStudent, report.Estimator.StudentLabel }.Any(e => e.Contains("ksg") || e.Contains("mixed"))
            ? string.Create(inv, $", k = {report.Estimator.K}") : string.Empty;
        var family = report.Estimator.Family == Criterion.EstimatorFamily.Auto ? " (auto)" : string.Empty;
        var intervals = report.Interval.Method.Split(", ").Select(m => m == Estimators.IntervalMethods.HalfSampling
            ? string.Create(inv, $"{report.Interval.Replicates} half-samples of {report.Interval.SubsampleRows} rows")
            : m == Estimators.IntervalMethods.Influence ? "influence terms" : m);
        var bias = report.Interval.BiasAware == true ? " + bias" : string.Empty;
        yield return string.Create(inv,
            $"estimators{family}: {report.Estimator.TeacherStudent} / {report.Estimator.StudentLabel}{knn} · {report.Interval.Level * 100:0.#}% intervals from {string.Join(" and ", intervals)}{bias} · seed {report.Seed}");
        if (SelfCheckLine(report) is { } selfCheck)
            yield return selfCheck;
        if (report.Interval.DeltaLevel is { } deltaLevel && report.Teachers.Count > 1)
            yield return string.Create(inv,
                $"Δ intervals: simultaneous over {report.Teachers.Count} teachers (Bonferroni, {deltaLevel * 100:0.##}% each) · P(wrong): probability that Δ has the other sign · P(best): of the largest Δ");
        yield return string.Create(inv,
            $"gate: {report.Gate.ToString().ToLowerInvariant()} · pass when the whole interval of Δ lies above {report.Margin:0.###} nats{(report.Interval.BiasAware == true ? " under every self-checked estimator" : "")} · fails on: {(report.FailOn == Criterion.FailOn.Inconclusive ? "fail or inconclusive" : "fail")} · all values in nats");
    }

    /// <summary>
    /// The self-check's recoveries on one line, e.g. <c>self-check (matched Gaussian surrogates, estimate/known):
    /// I(H_t;H_s) 0.98–1.01 · I(H_s;Y) 0.97</c>, or <c>null</c> when it did not run.
    /// </summary>
    public static string? SelfCheckLine(CchReport report)
    {
        var pairs = report.Teachers.Select(t => t.MiTeacherStudent.Surrogate?.Recovery).OfType<double>().ToList();
        var label = report.Teachers[0].MiStudentLabel.Surrogate;
        if (pairs.Count == 0 && label is null) return null;
        static string Range(IReadOnlyList<double> v) => v.Count == 0 ? "–"
            : v.Min() == v.Max() ? v[0].ToString("0.00", CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{v.Min():0.00}–{v.Max():0.00}");
        var labelText = label?.Recovery is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : label is null ? "–" : "known < 0.1 nats";
        return $"self-check on matched Gaussian surrogates (estimate / known; 0.85–1.15 is fine): I(H_t;H_s) {Range(pairs)} · I(H_s;Y) {labelText}";
    }

    /// <summary>
    /// Δ̂ under every pair of estimators that passed the self-check, as a range per teacher, e.g.
    /// <c>Δ under each valid estimator pair: a [0.310, 0.520] (4 pairs)</c>; <c>null</c> when no teacher has more than one pair.
    /// </summary>
    public static string? EstimatorRangeLine(CchReport report)
    {
        var parts = report.Teachers.Where(t => t.EstimatorDeltas is { Count: > 1 }).Select(t => string.Create(CultureInfo.InvariantCulture,
            $"{t.Name} [{t.EstimatorDeltas!.Min(d => d.Delta):0.000}, {t.EstimatorDeltas!.Max(d => d.Delta):0.000}] ({t.EstimatorDeltas!.Count} pairs)")).ToList();
        return parts.Count == 0 ? null : "Δ under each estimator pair that passed the self-check: " + string.Join(" · ", parts);
    }

    /// <summary>The verdict with its reason when inconclusive, e.g. <c>inconclusive (estimators-disagree)</c>.</summary>
    public static string VerdictText(TeacherReport t) =>
        t.Verdict.ToString().ToLowerInvariant() + (t.Reason is { } r ? $" ({ReasonText(r)})" : string.Empty);

    /// <summary>The reason as in the report, e.g. <c>estimators-disagree</c>.</summary>
    public static string ReasonText(Criterion.VerdictReason reason) => reason switch
    {
        Criterion.VerdictReason.IntervalContainsMargin => "interval-contains-margin",
        Criterion.VerdictReason.EstimatorUnreliableHere => "estimator-unreliable-here",
        _ => "estimators-disagree",
    };

    /// <summary>What the exit code followed, e.g. <c>gate verified: kd-helps not measured → exit code 1</c>.</summary>
    public static string GateLine(CchReport report)
    {
        var best = report.Teachers[0];
        var measured = best.Verification is { } v ? OutcomeText(v.Outcome) : "not verified";
        var basis = report.Gate switch
        {
            Criterion.Gate.Verified => $"gate verified: best teacher measured {measured}",
            Criterion.Gate.Both => $"gate both: criterion {report.Verdict.ToString().ToLowerInvariant()}, best teacher measured {measured}",
            _ => $"gate criterion: {report.Verdict.ToString().ToLowerInvariant()} (fails on {(report.FailOn == Criterion.FailOn.Inconclusive ? "fail or inconclusive" : "fail")})",
        };
        return $"{basis} → exit code {report.ExitCode}";
    }

    /// <summary>The primary metric's paired difference, e.g. <c>accuracy +0.012 [0.004, 0.020]</c>; with several looks (<c>--seeds auto</c>) the interval's level follows, e.g. <c>(99.17 %)</c>.</summary>
    public static string EffectCell(VerificationReport v)
    {
        var d = v.Differences.First(x => x.Metric == v.PrimaryMetric);
        var level = v.Decision is { Looks: > 1 } decision ? string.Create(CultureInfo.InvariantCulture, $" ({(1 - decision.AlphaPerLook) * 100:0.##} %)") : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{v.PrimaryMetric} {d.Mean:+0.000;-0.000;0.000} [{d.CiLow:0.000}, {d.CiHigh:0.000}]{level}");
    }

    /// <summary>Both arms' absolute primary metric, means over seeds, e.g. <c>accuracy 0.812 → 0.824</c>.</summary>
    public static string ArmsCell(VerificationReport v)
    {
        var d = v.Differences.First(x => x.Metric == v.PrimaryMetric);
        return string.Create(CultureInfo.InvariantCulture, $"{v.PrimaryMetric} {d.NoKdMean:0.0000} → {d.KdMean:0.0000}");
    }

    /// <summary>The outcome with δ and the seeds, e.g. <c>kd-helps (δ 0.005, 10 seeds, decided)</c>.</summary>
    public static string MeasuredCell(VerificationReport v) =>
        v.Decision is { } d
            ? string.Create(CultureInfo.InvariantCulture, $"{OutcomeText(v.Outcome)} (δ {d.MinEffect:G3}, {d.SeedsRun} seeds{(d.Stop == Distillation.SeedStop.Fixed ? "" : ", " + (d.Stop == Distillation.SeedStop.Cap ? "cap" : "decided"))})")
            : OutcomeText(v.Outcome);

    /// <summary>The outcome as in the report: <c>kd-helps</c>, <c>kd-hurts</c>, <c>equivalent</c>, <c>undetermined</c> (or a legacy <c>no-difference</c>).</summary>
    public static string OutcomeText(Distillation.KdOutcome outcome) => outcome switch
    {
        Distillation.KdOutcome.KdHelps => "kd-helps",
        Distillation.KdOutcome.KdHurts => "kd-hurts",
        Distillation.KdOutcome.Equivalent => "equivalent",
        Distillation.KdOutcome.Undetermined => "undetermined",
        _ => "no-difference",
    };

    /// <summary>A probability to three decimals, <c>&lt;0.001</c> below that, or empty when absent.</summary>
    public static string Probability(double? p) => p switch
    {
        null => string.Empty,
        < 0.0005 => "<0.001",
        _ => p.Value.ToString("0.000", CultureInfo.InvariantCulture),
    };

    /// <summary>An estimate with its interval, e.g. <c>0.412 [0.371, 0.453]</c>.</summary>
    public static string Cell(MiValue v) =>
        string.Create(CultureInfo.InvariantCulture, $"{v.Estimate:0.000} [{v.CiLow:0.000}, {v.CiHigh:0.000}]");
}
