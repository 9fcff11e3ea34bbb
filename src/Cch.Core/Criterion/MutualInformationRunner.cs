using System.Diagnostics;
using Cch.Estimators;
using MathNet.Numerics.Distributions;

namespace Cch.Criterion;

/// <summary>
/// Estimates one mutual information term with its confidence interval, the way the criterion does
/// for each of its terms: the full-sample estimate, then either B half-samples (seeded by
/// <see cref="CriterionOptions.Seed"/>, so every term of a run uses the same subsets and differences
/// are paired) or the estimator's own interval.
/// </summary>
public static class MutualInformationRunner
{
    /// <summary>Runs <paramref name="term"/> on all <paramref name="rows"/> rows, then its interval.</summary>
    /// <param name="term">The bound estimator.</param>
    /// <param name="rows">N, the rows of the term's data.</param>
    /// <param name="options">Seed, confidence level and replicates.</param>
    /// <param name="step">Called after the full estimate ("estimates") and after each half-sample ("half-samples"); may be <c>null</c>.</param>
    /// <param name="cancellationToken">Checked between estimates.</param>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static TermOutcome Run(TermEstimator term, int rows, CriterionOptions options, Action<string>? step = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(term);
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        if (NearestNeighbourSubsets.Applies(term, rows)) return RunOnSubsets(term, rows, options, step, cancellationToken);
        var clock = Stopwatch.StartNew();
        var full = term.Estimate(null, cancellationToken);
        step?.Invoke("estimates");
        var estimateTime = clock.Elapsed;
        clock.Restart();
        double[]? replicates = null;
        if (term.IntervalStrategy == IntervalStrategy.HalfSampling)
        {
            var subsets = HalfSampling.Draw(rows, options.Replicates, options.Seed);
            replicates = new double[subsets.Length];
            for (var b = 0; b < subsets.Length; b++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                replicates[b] = term.Estimate(subsets[b], cancellationToken).Value;
                step?.Invoke("half-samples");
            }
        }

        return Assemble(term, rows, options, full, replicates, estimateTime, clock.Elapsed);
    }

    /// <summary>
    /// The term's outcome from its estimates, however they were obtained (computed here, or by the shards of a
    /// sharded run): the interval from the half-sample <paramref name="replicates"/> or the estimator's own.
    /// </summary>
    internal static TermOutcome Assemble(TermEstimator term, int rows, CriterionOptions options, MutualInformationEstimate full, double[]? replicates, TimeSpan estimateTime, TimeSpan intervalTime)
    {
        var (t, z) = Quantiles(options);
        var (interval, se, method) = replicates is not null ? Spread(full.Value, replicates, t) : Own(full, z);
        double? ceiling = term.KsgK is { } k ? KsgEstimator.Ceiling(rows, k) : null;
        var near = term.KsgK is { } kk && KsgEstimator.IsNearCeiling(full.Value, rows, kk);
        var result = new MutualInformationResult(interval, ceiling, near)
        {
            Estimator = full.Estimator ?? term.Name,
            AutoReason = term.AutoReason,
            IntervalMethod = method,
            StandardError = se,
            Training = full.Training,
            Components = full.Components,
            Notes = full.Notes,
        };
        return new TermOutcome(full, replicates, result, estimateTime, intervalTime);
    }

    /// <summary>
    /// A k-NN term at large N (<see cref="NearestNeighbourSubsets"/>): the mean over m disjoint subsets with
    /// mean ± t_{m−1}·sd/√m. Its replicates, for paired differences between terms, are the m subset values
    /// centred on the mean and shrunk by √m — r_j = mean + (v_j − mean)/√m — so that their standard deviation is
    /// the standard error of the mean, as the half-sample replicates' is of the full estimate; a difference of
    /// two such terms then gets sd(v_A − v_B)/√m with m − 1 degrees of freedom.
    /// </summary>
    private static TermOutcome RunOnSubsets(TermEstimator term, int rows, CriterionOptions options, Action<string>? step, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var subsets = NearestNeighbourSubsets.Draw(rows, options.Seed);
        var estimates = new MutualInformationEstimate[subsets.Length];
        var reported = 0;
        for (var j = 0; j < subsets.Length; j++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            estimates[j] = term.Estimate(subsets[j], cancellationToken);
            if (j == 0) step?.Invoke("estimates");

            // The criterion's progress counts 1 + B steps per half-sampled term: report B of them over the other subsets.
            for (var target = j == 0 ? 0 : (int)((long)j * options.Replicates / (subsets.Length - 1)); reported < target; reported++)
                step?.Invoke("subsets");
        }

        return AssembleSubsets(term, rows, options, estimates[0], estimates.Skip(1).Select(e => e.Value).ToArray(), clock.Elapsed);
    }

    /// <summary>
    /// A k-NN term's outcome from its m disjoint-subset estimates (<see cref="NearestNeighbourSubsets"/>), however
    /// they were obtained: <paramref name="first"/> on subset 0 (its notes are kept) and the values on subsets 1 … m − 1.
    /// </summary>
    internal static TermOutcome AssembleSubsets(TermEstimator term, int rows, CriterionOptions options, MutualInformationEstimate first, double[] others, TimeSpan time)
    {
        var values = others.Prepend(first.Value).ToArray();
        var m = values.Length;
        var n = NearestNeighbourSubsets.RowsPerSubset(rows);
        var mean = values.Average();
        var se = StandardDeviation(values) / Math.Sqrt(m);
        var t = Internal.StudentTQuantile.Of(m - 1, 1 - (1 - options.ConfidenceLevel) / 2);
        var replicates = values.Select(v => mean + (v - mean) / Math.Sqrt(m)).ToArray();
        var notes = first.Notes.Append(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{term.Name} on {rows:N0} rows: the mean over {m} disjoint subsets of {n:N0} rows (k-NN costs grow as N²), with the interval from their spread; the value carries the estimator's bias at {n:N0} rows.")).ToList();
        var full = new MutualInformationEstimate(mean) { Notes = notes };
        double? ceiling = term.KsgK is { } k ? KsgEstimator.Ceiling(n, k) : null;
        var near = term.KsgK is { } kk && KsgEstimator.IsNearCeiling(mean, n, kk);
        var result = new MutualInformationResult(new IntervalEstimate(mean, mean - t * se, mean + t * se), ceiling, near)
        {
            Estimator = first.Estimator ?? term.Name,
            AutoReason = term.AutoReason,
            IntervalMethod = IntervalMethods.DisjointSubsets,
            StandardError = se,
            Notes = notes,
        };
        return new TermOutcome(full, replicates, result, time, TimeSpan.Zero);
    }

    /// <summary>
    /// The interval quantiles for <see cref="CriterionOptions.ConfidenceLevel"/>: Student's t with B − 1
    /// degrees of freedom where a standard error comes from B half-samples, the normal quantile where it
    /// comes from N per-row terms.
    /// </summary>
    public static (double T, double Z) Quantiles(CriterionOptions options)
    {
        var level = 1 - (1 - options.ConfidenceLevel) / 2;
        return (Internal.StudentTQuantile.Of(options.Replicates - 1, level), Normal.InvCDF(0, 1, level));
    }

    internal static (IntervalEstimate Interval, double StandardError, string Method) Spread(double estimate, double[] replicates, double t)
    {
        var sd = StandardDeviation(replicates);
        return (new IntervalEstimate(estimate, estimate - t * sd, estimate + t * sd), sd, IntervalMethods.HalfSampling);
    }

    internal static double StandardDeviation(double[] values) => Math.Sqrt(Estimators.Internal.Moments.SampleVariance(values));

    internal static EstimatorInterval OwnInterval(MutualInformationEstimate estimate) =>
        estimate.Interval ?? throw new InvalidOperationException("An estimator with its own interval strategy returned no interval.");


    private static (IntervalEstimate Interval, double StandardError, string Method) Own(MutualInformationEstimate estimate, double z)
    {
        var own = OwnInterval(estimate);
        var se = own.StandardError;
        return (new IntervalEstimate(estimate.Value, estimate.Value - z * se, estimate.Value + z * se), se, own.Method);
    }
}

/// <summary>One term's outcome: the full-sample estimate, its half-sample replicates (when half-sampled) and the result with its interval.</summary>
/// <param name="Full">The estimate on all rows, with the estimator's own interval when it has one.</param>
/// <param name="Replicates">The B half-sample values, or <c>null</c> when the estimator's own interval was used.</param>
/// <param name="Result">Estimate, interval, estimator, method and notes.</param>
/// <param name="EstimateTime">Time of the full-sample estimate.</param>
/// <param name="IntervalTime">Time of the half-samples (zero for an own interval).</param>
public sealed record TermOutcome(MutualInformationEstimate Full, double[]? Replicates, MutualInformationResult Result, TimeSpan EstimateTime, TimeSpan IntervalTime);
