using Cch.Data;
using Cch.Surrogates;

namespace Cch.Criterion;

/// <summary>
/// Self-check of an estimator on a matched surrogate: Gaussian data with the run's N, dimensions and
/// correlation structure (the normal scores' correlations; for a class label, the class means and
/// pooled within-class covariance of the normal scores, with the data's labels), whose mutual
/// information is known and equal to the run's own estimate (the dependence scaled down to that size
/// when the data's correlations imply more: a parametric bootstrap). The estimator that the run used is
/// applied to the surrogate exactly as to the data, and recovery = estimate / known tells how much of a
/// known mutual information of that size it recovers at these dimensions and this N.
/// </summary>
/// <remarks>
/// <para>What it proves: that at this N, these dimensions and this correlation structure the estimator
/// is (or is not) accurate on Gaussian-copula data. What it does not prove: that it is accurate on the
/// real data, whose dependence may be non-Gaussian (heavy tails, curved manifolds); the Gaussian copula
/// is also the model under which the <c>copula</c> estimator is exact, so for it a recovery near 1 mainly
/// checks the finite-sample correction and any principal-component reduction. A recovery far from 1 is
/// the useful signal: an estimator that misses a known Gaussian dependence of the same size and shape
/// will not do better on the real one.</para>
/// </remarks>
public static class SurrogateCheck
{
    /// <summary>Lower end of the acceptable recovery band.</summary>
    public const double Low = 0.85;

    /// <summary>Upper end of the acceptable recovery band.</summary>
    public const double High = 1.15;

    /// <summary>Known mutual informations below this (nats) get no recovery ratio.</summary>
    public const double MinimumKnown = 0.1;

    /// <summary>
    /// The smallest target (nats): an estimate below it is checked on a surrogate of this size (or the
    /// data's whole correlation structure when that has less), so that an estimator that returns about
    /// zero whatever the truth is caught rather than checked on a surrogate with nothing to find.
    /// </summary>
    public const double MinimumTarget = 0.1;

    /// <summary>Below this recovery (or above <see cref="UnreliableHigh"/>) a term is unreliable here: no pass or fail rests on it.</summary>
    public const double UnreliableLow = 0.5;

    /// <summary>Above this recovery a term is unreliable here (see <see cref="UnreliableLow"/>).</summary>
    public const double UnreliableHigh = 2.0;

    /// <summary>A surrogate miss within this many of the term's standard errors is sampling noise, not a failed check.</summary>
    public const double NoiseMultiple = 2.0;

    /// <summary>The floor on the recovery in <see cref="SurrogateRecovery.BiasBound"/> (a bias bound of at most 9·θ̂).</summary>
    public const double MinimumRecovery = 0.1;

    /// <summary>The I(X;Y) estimator of <paramref name="selection"/> on a surrogate of (X, Y); <c>null</c> when a side is constant.</summary>
    /// <param name="selection">The run's estimator selection.</param>
    /// <param name="x">X, N×d_x.</param>
    /// <param name="y">Y, N×d_y.</param>
    /// <param name="target">The mutual information the surrogate should have (the run's estimate, nats; raised to <see cref="MinimumTarget"/>), or <c>null</c> for the data's full correlation structure.</param>
    /// <param name="seed">Seed of the surrogate's draws.</param>
    /// <param name="cancellationToken">Passed to the estimator.</param>
    public static SurrogateRecovery? Pair(EstimatorSelection selection, FeatureMatrix x, FeatureMatrix y, double? target, int seed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var surrogate = GaussianSurrogate.Fit(x, y, Floor(target));
        if (surrogate is null) return null;
        var (sx, sy) = surrogate.Sample(NearestNeighbourSubsets.RowsPerEstimate(selection.Pair(x, y), x.Rows), seed);
        var estimate = selection.Pair(sx, sy).Estimate(null, cancellationToken);
        return new SurrogateRecovery(surrogate.MutualInformation, estimate.Value, surrogate.XColumns + surrogate.YColumns) { Components = estimate.Components };
    }

    /// <summary>The I(H;Y) estimator of <paramref name="selection"/> on a surrogate of (H, label); <c>null</c> when H is constant.</summary>
    /// <inheritdoc cref="Pair"/>
    public static SurrogateRecovery? Label(EstimatorSelection selection, FeatureMatrix x, LabelVector label, double? target, int seed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(label);
        if (label.Classes is not { } classes)
        {
            var surrogate = GaussianSurrogate.Fit(x, label.AsMatrix(), Floor(target));
            if (surrogate is null) return null;
            var (sx, sy) = surrogate.Sample(NearestNeighbourSubsets.RowsPerEstimate(selection.Label(x, label), x.Rows), seed);
            var values = sy.Values.ToArray();
            var estimate = selection.Label(sx, LabelVector.ForValues(label.Name, values)).Estimate(null, cancellationToken);
            return new SurrogateRecovery(surrogate.MutualInformation, estimate.Value, surrogate.XColumns) { Components = estimate.Components };
        }

        var classSurrogate = ClassSurrogate.Fit(x, classes, seed, Floor(target));
        if (classSurrogate is null) return null;
        var h = classSurrogate.Sample(unchecked(seed + 1));
        var rows = NearestNeighbourSubsets.RowsPerEstimate(selection.Label(x, label), x.Rows);
        if (rows < x.Rows)
        {
            // A k-NN term at large N is a mean over subsets of this many rows: check it on one such subset
            // (a seeded draw, not the first rows, which may be sorted by class).
            var subset = NearestNeighbourSubsets.Draw(x.Rows, seed)[0];
            h = h.SelectRows(subset);
            label = label.SelectRows(subset);
        }

        var value = selection.Label(h, label).Estimate(null, cancellationToken);
        return new SurrogateRecovery(classSurrogate.MutualInformation, value.Value, classSurrogate.Columns) { Components = value.Components };
    }

    private static double? Floor(double? target) => target is { } t ? Math.Max(t, MinimumTarget) : null;
}
