using System.Globalization;
using Cch.Configuration;
using Cch.Criterion;
using Cch.Data;

namespace Cch.Reports;

/// <summary>Assembles a <see cref="MutualInformationReport"/> from one estimated term.</summary>
public static class MutualInformationReportBuilder
{
    /// <summary>Builds the document.</summary>
    /// <param name="data">The rows the term was estimated on.</param>
    /// <param name="settings">The settings of the run.</param>
    /// <param name="outcome">The term's outcome from <see cref="MutualInformationRunner.Run"/>.</param>
    /// <param name="readTime">Time spent reading input.</param>
    /// <param name="totalTime">Total time.</param>
    public static MutualInformationReport Build(PairData data, MutualInformationSettings settings, TermOutcome outcome, TimeSpan readTime, TimeSpan totalTime)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(outcome);
        var options = settings.Criterion;
        var r = outcome.Result;
        var halfRows = outcome.Replicates is null ? 0 : data.Rows / 2;
        var label = data.Label;
        var task = label is null ? "representation" : label.Kind == LabelKind.Classification ? "classification" : "regression";
        return new MutualInformationReport
        {
            ToolVersion = ToolInfo.Version,
            Estimate = ReportBuilder.Round(r.Value.Estimate),
            CiLow = ReportBuilder.Round(r.Value.CiLow),
            CiHigh = ReportBuilder.Round(r.Value.CiHigh),
            Level = options.ConfidenceLevel,
            StandardError = ReportBuilder.Round(r.StandardError),
            Estimator = r.Estimator,
            Family = options.Estimator,
            AutoReason = r.AutoReason,
            Interval = r.IntervalMethod,
            Replicates = options.Replicates,
            SubsampleRows = halfRows,
            K = options.K,
            Ceiling = r.Ceiling is { } c ? ReportBuilder.Round(c) : null,
            NearCeiling = r.Ceiling is null ? null : r.NearCeiling,
            N = data.Rows,
            Seed = options.Seed,
            Device = ReportBuilder.DeviceName(options.Device),
            Task = task,
            X = new RepresentationReport(data.X.Name, data.X.Columns),
            Y = data.Y is { } y ? new RepresentationReport(y.Name, y.Columns) : new RepresentationReport(label!.Name, 1),
            Label = label is null ? null : new LabelReport(label.Name, task, label.ClassNames),
            Training = TrainingReport.From(r.Training),
            Inputs = InputReport.From(data.Inputs),
            Join = new JoinReport(data.Join.Key, data.Join.Mode switch { JoinMode.Inner => "inner", JoinMode.RowOrder => "row-order", _ => "strict" },
                settings.Data.Filters.Select(f => f.ToString()).ToList(), data.Join.RowsKept, data.Join.RowsDroppedByJoin, data.Join.RowsDroppedByFilter),
            Sample = SampleReport.From(data.Sample),
            Warnings = Warnings(data, options, settings.Data.Task, r, halfRows).ToList(),
            Timings = new TimingsReport(ReportBuilder.Seconds(readTime), ReportBuilder.Seconds(outcome.EstimateTime), ReportBuilder.Seconds(outcome.IntervalTime), ReportBuilder.Seconds(totalTime)),
        };
    }

    private static IEnumerable<string> Warnings(PairData data, CriterionOptions options, TaskKind task, MutualInformationResult r, int halfRows)
    {
        foreach (var note in r.Notes)
            yield return $"I(X;Y) ({r.Estimator}): {note}";
        if (r.NearCeiling)
            yield return $"I(X;Y) ({ReportBuilder.F(r.Value.Estimate)} nats) is near the KSG ceiling ψ(N)−ψ(k) = {ReportBuilder.F(r.Ceiling ?? 0)} nats: it is likely an underestimate; more rows or a smaller k raise the ceiling.";
        if (data.Label?.Classes is { } classes && r.Value.Estimate > ReportBuilder.LabelEntropy(classes) + 1e-9)
            yield return $"I(X;Y) = {ReportBuilder.F(r.Value.Estimate)} nats exceeds the label entropy H(Y) = {ReportBuilder.F(ReportBuilder.LabelEntropy(classes))} nats, its upper bound: the {r.Estimator} estimator's assumptions do not hold for X (e.g. a nearly degenerate within-class covariance); try another --estimator.";
        if (GaussianFallback(data, options, halfRows) is { } fallback)
            yield return fallback;
        // Hints that auto-detection read the label as the wrong kind; an explicit --task needs none.
        if (data.Label is { } label && task == TaskKind.Auto)
            foreach (var w in ReportBuilder.LabelKindWarnings(label))
                yield return w;
        if (ReportBuilder.FewReplicatesWarning(options, halfRows) is { } few)
            yield return few;
        if (ReportBuilder.JoinWarning(data.Join) is { } dropped)
            yield return dropped;
    }

    /// <summary>
    /// The Gaussian estimators fall back to Ledoit–Wolf shrinkage, whose value is finite but unreliable,
    /// when a (half-)sample has no more rows than dimensions (see docs/estimators.md).
    /// </summary>
    private static string? GaussianFallback(PairData data, CriterionOptions options, int halfRows)
    {
        if (options.Estimator != EstimatorFamily.Gaussian) return null;
        var rows = halfRows > 0 ? halfRows : data.Rows;
        var per = halfRows > 0 ? "per half-sample" : "in all";
        var dx = data.X.Columns;
        if (data.Label?.Classes is { } classes)
        {
            var smallest = classes.GroupBy(c => c).Min(g => g.Count());
            var usable = halfRows > 0 ? smallest / 2 : smallest;
            return usable <= dx
                ? string.Create(CultureInfo.InvariantCulture, $"The class-conditional Gaussian estimate of I(X;Y) needs more rows per class than X's {dx} dimensions, but the smallest class has {smallest} rows ({usable} {per}): it falls back to Ledoit–Wolf shrinkage and is not reliable; use --estimator mixed or copula.")
                : null;
        }

        var dy = data.Y?.Columns ?? 1;
        return dx + dy > rows - 1
            ? string.Create(CultureInfo.InvariantCulture, $"The Gaussian estimate of I(X;Y) has {dx} + {dy} dimensions for {rows} rows {per}: it falls back to Ledoit–Wolf shrinkage and is not reliable; use --estimator ksg or copula.")
            : null;
    }
}
