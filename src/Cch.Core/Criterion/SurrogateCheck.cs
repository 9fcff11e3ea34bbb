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
    public const double MinimumKnown = 0.05;

    /// <summary>The I(X;Y) estimator of <paramref name="selection"/> on a surrogate of (X, Y); <c>null</c> when a side is constant.</summary>
    /// <param name="selection">The run's estimator selection.</param>
    /// <param name="x">X, N×d_x.</param>
    /// <param name="y">Y, N×d_y.</param>
    /// <param name="target">The mutual information the surrogate should have (the run's estimate, nats), or <c>null</c> for the data's full correlation structure.</param>
    /// <param name="seed">Seed of the surrogate's draws.</param>
    /// <param name="cancellationToken">Passed to the estimator.</param>
    public static SurrogateRecovery? Pair(EstimatorSelection selection, FeatureMatrix x, FeatureMatrix y, double? target, int seed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var surrogate = GaussianSurrogate.Fit(x, y, target);
        if (surrogate is null) return null;
        var (sx, sy) = surrogate.Sample(x.Rows, seed);
        var estimate = selection.Pair(sx, sy).Estimate(null, cancellationToken).Value;
        return new SurrogateRecovery(surrogate.MutualInformation, estimate, surrogate.XColumns + surrogate.YColumns);
    }

    /// <summary>The I(H;Y) estimator of <paramref name="selection"/> on a surrogate of (H, label); <c>null</c> when H is constant.</summary>
    /// <inheritdoc cref="Pair"/>
    public static SurrogateRecovery? Label(EstimatorSelection selection, FeatureMatrix x, LabelVector label, double? target, int seed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(label);
        if (label.Classes is not { } classes)
        {
            var surrogate = GaussianSurrogate.Fit(x, label.AsMatrix(), target);
            if (surrogate is null) return null;
            var (sx, sy) = surrogate.Sample(x.Rows, seed);
            var values = sy.Values.ToArray();
            var estimate = selection.Label(sx, LabelVector.ForValues(label.Name, values)).Estimate(null, cancellationToken).Value;
            return new SurrogateRecovery(surrogate.MutualInformation, estimate, surrogate.XColumns);
        }

        var classSurrogate = ClassSurrogate.Fit(x, classes, seed, target);
        if (classSurrogate is null) return null;
        var h = classSurrogate.Sample(unchecked(seed + 1));
        var value = selection.Label(h, label).Estimate(null, cancellationToken).Value;
        return new SurrogateRecovery(classSurrogate.MutualInformation, value, classSurrogate.Columns);
    }
}
