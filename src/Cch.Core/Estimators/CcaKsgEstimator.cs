using System.Diagnostics;
using System.Globalization;
using Cch.Data;
using Cch.Estimators.Internal;

namespace Cch.Estimators;

/// <summary>
/// Linear projection, then k-NN: I(X;Y) in nats estimated by KSG (Kraskov, Stögbauer &amp; Grassberger
/// 2004, eq. 8) on a few canonical variates (Hotelling 1936) fitted on other rows. The rows are split in
/// two halves (seeded); on one half the canonical directions a_i, b_i of X and Y are fitted
/// (Ledoit–Wolf-shrunk covariances; only pairs whose canonical correlation exceeds the largest one after
/// permuting Y's rows, at most <see cref="MaxPairs"/>), and KSG estimates I(Aᵀx; Bᵀy) on the other half;
/// the halves then swap roles and the two values are averaged:
/// <code>Î = ½·Σ_{h=1,2} Î_KSG(Aₕᵀx, Bₕᵀy | rows not in h)</code>
/// For a class label the directions are Fisher's discriminants (between-class spread over the shrunk
/// within-class covariance) and Ross's mixed estimator (Ross 2014, eq. 2) runs on the projections; for a
/// real label the direction is the least-squares one and KSG runs on (aᵀx, y).
/// </summary>
/// <remarks>
/// <para><b>What it measures.</b> By the data-processing inequality I(Aᵀx; Bᵀy) ≤ I(X;Y) for maps fitted
/// on other rows, so up to KSG's own error this is a lower bound. It is strong when the dependence is
/// mostly linear and low-rank (a few canonical pairs), where it removes the noise dimensions that make
/// KSG collapse; it misses dependence that no linear projection carries, and fitting the directions on
/// half the rows attenuates weak or high-dimensional ones.</para>
/// <para><b>Interval</b>: half-sampling of the whole procedure (the directions are refitted on every
/// half-sample), so it covers the fitting randomness as well as KSG's.</para>
/// <para>Deterministic for a seed. Cost: O(N·p² + p³) per fit for p = d_x + d_y, plus KSG on ≤ 2·<see cref="MaxPairs"/>
/// dimensions.</para>
/// </remarks>
public sealed class CcaKsgEstimator : IMutualInformationEstimator, ILabelMutualInformationEstimator
{
    /// <summary>Creates the estimator.</summary>
    /// <param name="k">Neighbours of the k-NN estimate, ≥ 1 (default 3).</param>
    /// <param name="seed">Seed of the split, the permutation null and the k-NN jitter.</param>
    /// <param name="maxPairs">Most canonical pairs (or discriminant directions) kept, ≥ 1 (default 4).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> or <paramref name="maxPairs"/> &lt; 1.</exception>
    public CcaKsgEstimator(int k = 3, int seed = 0, int maxPairs = 4)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPairs, 1);
        K = k;
        Seed = seed;
        MaxPairs = maxPairs;
    }

    /// <summary>Neighbours of the k-NN estimate.</summary>
    public int K { get; }

    /// <summary>Seed of the split, the permutation null and the jitter.</summary>
    public int Seed { get; }

    /// <summary>Most canonical pairs (or discriminant directions) kept.</summary>
    public int MaxPairs { get; }

    /// <inheritdoc />
    public string Name => "cca-ksg";

    /// <summary>Smallest N accepted: 4·(k + 1), so that each half has at least 2·(k + 1) rows.</summary>
    public int MinimumRows => 4 * (K + 1);

    /// <summary>Estimates I(X;Y) in nats between continuous X (N×d_x) and Y (N×d_y).</summary>
    /// <exception cref="ArgumentException">Row counts differ, N &lt; <see cref="MinimumRows"/>, or a value is not finite.</exception>
    public double Estimate(FeatureMatrix x, FeatureMatrix y) => EstimateDetailed(x, y).Value;

    /// <summary>Estimates I(X;Y) in nats between continuous X (N×d) and a class label.</summary>
    /// <exception cref="ArgumentException">Lengths differ, N &lt; <see cref="MinimumRows"/>, a class index is negative, or a value is not finite.</exception>
    public double Estimate(FeatureMatrix x, ReadOnlySpan<int> classes) => EstimateDetailed(x, classes.ToArray()).Value;

    /// <inheritdoc cref="Estimate(FeatureMatrix, FeatureMatrix)"/>
    public MutualInformationEstimate EstimateDetailed(FeatureMatrix x, FeatureMatrix y, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Rows != y.Rows)
            throw new ArgumentException($"X has {x.Rows} rows but Y has {y.Rows}.", nameof(y));
        Check(x.Rows);
        var regression = y.Columns == 1;
        return CrossFit(x.Rows, (fit, evaluate) =>
        {
            if (regression && x.Columns > 1)
            {
                var column = new double[y.Rows];
                for (var i = 0; i < column.Length; i++) column[i] = y[i, 0];
                if (ProjectionFitting.Regression(x, column, fit) is not { } direction) return (0.0, 0);
                return (new KsgEstimator(K, Seed).Estimate(direction.Apply(x, evaluate), y.SelectRows(evaluate)), 1);
            }

            if (ProjectionFitting.Canonical(x, y, fit, MaxPairs, Seed) is not var (px, py)) return (0.0, 0);
            return (new KsgEstimator(K, Seed).Estimate(px.Apply(x, evaluate), py.Apply(y, evaluate)), px.Dimensions);
        }, regression && x.Columns > 1 ? "least-squares direction" : "canonical pairs", cancellationToken);
    }

    /// <inheritdoc cref="Estimate(FeatureMatrix, ReadOnlySpan{int})"/>
    public MutualInformationEstimate EstimateDetailed(FeatureMatrix x, int[] classes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(classes);
        if (x.Rows != classes.Length)
            throw new ArgumentException($"X has {x.Rows} rows but there are {classes.Length} labels.", nameof(classes));
        Check(x.Rows);
        foreach (var c in classes)
            if (c < 0) throw new ArgumentException($"Class index {c} is negative.", nameof(classes));
        return CrossFit(x.Rows, (fit, evaluate) =>
        {
            if (fit.Select(r => classes[r]).Distinct().Count() < 2) return (0.0, 0);
            if (ProjectionFitting.Discriminant(x, classes, fit, MaxPairs, Seed) is not { } direction) return (0.0, 0);
            var labels = evaluate.Select(r => classes[r]).ToArray();
            return (new MixedEstimator(K, Seed).Estimate(direction.Apply(x, evaluate), labels), direction.Dimensions);
        }, "discriminant directions", cancellationToken);
    }

    private void Check(int rows)
    {
        if (rows < MinimumRows)
            throw new ArgumentException($"cca-ksg with k = {K} needs at least {MinimumRows} rows (two halves of 2·(k + 1)); got {rows}.", "x");
    }

    /// <summary>Fits on one half and estimates on the other, both ways; averages.</summary>
    private MutualInformationEstimate CrossFit(int n, Func<int[], int[], (double Value, int Directions)> run, string what, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var order = ProjectionFitting.Permutation(n, Seed);
        var a = order[..(n / 2)];
        var b = order[(n / 2)..];
        Array.Sort(a);
        Array.Sort(b);
        cancellationToken.ThrowIfCancellationRequested();
        var first = run(a, b);
        cancellationToken.ThrowIfCancellationRequested();
        var second = run(b, a);
        var value = (first.Value + second.Value) / 2;
        var model = string.Create(CultureInfo.InvariantCulture, $"{what}: {first.Directions} and {second.Directions} kept (of at most {MaxPairs}), Ledoit–Wolf covariances");
        return new MutualInformationEstimate(value)
        {
            Training = new TrainingSummary(model, a.Length, n, 2, 0, null, [first.Value, second.Value], clock.Elapsed.TotalSeconds),
        };
    }
}
