using Cch.Estimators.Internal;
using System.Diagnostics;
using System.Globalization;

namespace Cch.Estimators.Neural;

/// <summary>
/// Combines the folds of a cross-fitted estimate into one <see cref="MutualInformationEstimate"/>: the
/// value, its interval, the training summary and the notes shared by all trained estimators.
/// </summary>
/// <remarks>
/// <para><b>Value.</b> V = Σ_f (n_f/N)·V_f, the folds weighted by their held-out rows (equal weights
/// when the folds are equal; for a bound that is a row mean, this is the mean over all N rows).</para>
/// <para><b>Interval.</b> Two sources of error: the finite held-out sample (evaluation) and the training
/// randomness of each fold's model (initial weights, batch order, which rows trained it). The per-row
/// terms ψ_i (or, without them, each fold's half-sampling standard error) estimate the evaluation
/// variance precisely: Var_e = Var(ψ)/N (resp. Σ_f (n_f/N)²·SE_f²). The spread of the F fold values
/// estimates the total variance of their mean without bias, s²/F (s² with F − 1 degrees of freedom),
/// because each fold value carries both errors, but with F = 2 it rests on one degree of freedom. The
/// standard error is the larger of the two: SE² = Var_e + max(0, s²/F − Var_e), with the excess
/// reported as <see cref="EstimatorInterval.ExtraVariance"/>. Evaluation noise is thus not counted twice,
/// and training noise that shows in the folds widens the interval. (Folds are treated as independent:
/// each fold's model is trained on rows the other folds evaluate, a weak dependence ignored here.)</para>
/// </remarks>
internal static class CrossFit
{
    /// <summary>Method name of intervals built from per-row terms and the fold spread.</summary>
    public const string InfluenceMethod = IntervalMethods.HeldOutFolds;

    /// <summary>Method name of intervals built from half-sampling of held-out values and the fold spread.</summary>
    public const string HalfSamplingMethod = IntervalMethods.HeldOutHalfSamplingFolds;

    /// <summary>Assembles the estimate.</summary>
    /// <param name="rows">N.</param>
    /// <param name="folds">Every fold's result.</param>
    /// <param name="model">What was trained, for <see cref="TrainingSummary.Model"/>.</param>
    /// <param name="maxEpochs">The epoch limit (a fold that used all of it gets a note).</param>
    /// <param name="clock">Started when the estimate started.</param>
    /// <param name="notes">Estimator-specific notes, appended after the shared ones.</param>
    public static MutualInformationEstimate Combine(int rows, IReadOnlyList<FoldResult> folds, string model, int maxEpochs, Stopwatch clock, IEnumerable<string>? notes = null)
    {
        var values = folds.Select(f => f.Bound.Value).ToArray();
        var value = 0.0;
        foreach (var f in folds) value += (double)f.HeldOutRows.Length / rows * f.Bound.Value;
        var foldVariance = values.Length > 1 ? Moments.SampleVariance(values) / values.Length : 0;

        EstimatorInterval interval;
        if (folds.All(f => f.StandardError is null))
        {
            var influence = new double[rows];
            foreach (var f in folds)
                for (var i = 0; i < f.HeldOutRows.Length; i++)
                    influence[f.HeldOutRows[i]] = f.Bound.Influence[i];
            PairSums.Centred(influence);
            var evaluation = Moments.SampleVariance(influence) / rows;
            interval = EstimatorInterval.FromInfluence(InfluenceMethod, influence, Math.Max(0, foldVariance - evaluation));
        }
        else
        {
            var evaluation = 0.0;
            foreach (var f in folds)
            {
                var w = (double)f.HeldOutRows.Length / rows;
                evaluation += w * w * f.StandardError!.Value * f.StandardError.Value;
            }

            var extra = Math.Max(0, foldVariance - evaluation);
            interval = new EstimatorInterval(HalfSamplingMethod, Math.Sqrt(evaluation + extra), null, extra);
        }

        var all = new List<string>();
        var stillImproving = folds.Select((f, i) => (f, i)).Where(p => !p.f.Training.StoppedEarly && p.f.Training.BestEpoch == maxEpochs).Select(p => p.i + 1).ToArray();
        if (stillImproving.Length > 0)
            all.Add(string.Create(CultureInfo.InvariantCulture,
                $"The model of fold {string.Join(", ", stillImproving)} was still improving at the epoch limit ({maxEpochs}); the estimate may rise with more epochs (NeuralEstimatorOptions.MaxEpochs in the library; the command line uses the defaults)."));
        if (notes is not null) all.AddRange(notes);

        clock.Stop();
        var summary = new TrainingSummary(
            model,
            (int)Math.Round(folds.Average(f => (double)f.FitRows)),
            rows,
            folds.Count,
            folds.Average(f => (double)f.Training.Epochs),
            folds.Average(f => f.Bound.Loss),
            values,
            clock.Elapsed.TotalSeconds);
        return new MutualInformationEstimate(value) { Interval = interval, Training = summary, Notes = all };
    }

    /// <summary>The result for inputs whose MI is exactly 0 (a side with only constant columns, or one class): nothing is trained.</summary>
    public static MutualInformationEstimate Zero(int rows, string why, Stopwatch clock)
    {
        clock.Stop();
        return new MutualInformationEstimate(0)
        {
            Interval = new EstimatorInterval(InfluenceMethod, 0, new double[rows]),
            Notes = [why],
        };
    }

}
