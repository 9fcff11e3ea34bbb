using Cch.Data;
using Cch.Estimators.Internal;
using MathNet.Numerics.LinearAlgebra;

namespace Cch.Estimators;

/// <summary>
/// Class-conditional Gaussian estimator of I(X;Y) in nats between continuous X (N×d) and a discrete
/// label Y:
/// <code>I = ½·ln det Σ_X − Σ_c p_c · ½·ln det Σ_{X|c}</code>
/// i.e. h(X) − h(X|Y) with every differential entropy replaced by that of a Gaussian with the same
/// covariance (Cover &amp; Thomas, Elements of Information Theory, 2nd ed., eq. 8.56; the (2πe)^d
/// factors cancel). p_c = N_c/N; Σ_X and each Σ_{X|c} are Ledoit–Wolf shrinkage estimates (Ledoit &amp;
/// Wolf 2004) on the standardised data; log-determinants by MathNet's Cholesky factorisation.
/// </summary>
/// <remarks>
/// <para>When to trust it: if every class-conditional X|c is Gaussian, the subtracted term is exact,
/// and because the Gaussian maximises entropy for a given covariance (Cover &amp; Thomas Thm 8.6.5),
/// ½ ln det(2πe Σ_X) ≥ h(X): the estimate is then an <b>upper bound</b> on I(X;Y) (up to sampling
/// error), equal to it only when the marginal X is itself Gaussian, i.e. when the class means
/// coincide. For a balanced pair N(±μ, 1) it gives ½ ln(1 + μ²): 0.1116 vs the true 0.1114 nats at
/// μ = 0.5, 0.3466 vs 0.3368 at μ = 1, 0.8047 vs 0.6327 at μ = 2. For non-Gaussian class conditionals
/// it is neither an upper nor a lower bound.</para>
/// <para>Singleton classes are excluded (N counts only the kept rows); fewer than two remaining classes
/// (e.g. a constant label) or all-constant X give exactly 0. A numerically singular class covariance
/// (e.g. all points of a class identical) is regularised with a small ridge, which makes the estimate
/// very large: a sign of an (almost) deterministic X|c. Deterministic; no seed.</para>
/// <para>Cost: O(N·d²) time plus O(C·d³) for the factorisations.</para>
/// </remarks>
public sealed class GaussianLabelEstimator : ILabelMutualInformationEstimator
{
    /// <inheritdoc />
    public string Name => "gaussian";

    /// <summary>Smallest N accepted: 3.</summary>
    public int MinimumRows => 3;

    /// <summary>Estimates I(X;Y) in nats under class-conditional Gaussian models.</summary>
    /// <param name="x">X, N×d.</param>
    /// <param name="classes">Class index (≥ 0) of each row, length N.</param>
    /// <returns>The estimate in nats; exactly 0 for a constant label or all-constant X.</returns>
    /// <exception cref="ArgumentException">Lengths differ, N &lt; 3, a class index is negative, or a value is not finite.</exception>
    public double Estimate(FeatureMatrix x, ReadOnlySpan<int> classes)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rows != classes.Length)
            throw new ArgumentException($"X has {x.Rows} rows but there are {classes.Length} labels.", nameof(classes));
        if (x.Rows < MinimumRows)
            throw new ArgumentException($"The Gaussian estimator needs at least {MinimumRows} rows; got {x.Rows}.", nameof(x));
        var groups = ClassGrouping.Create(classes, nameof(classes));
        if (groups.ClassCount < 2) return 0.0;
        var order = groups.Order;
        var stats = ColumnStatistics.Compute(x, order, nameof(x));
        var d = stats.KeptColumns.Length;
        if (d == 0) return 0.0;
        var n = order.Length;
        var z = Matrix<double>.Build.Dense(n, d);
        StandardizedMatrix.Fill(x, order, stats, z, 0);
        var total = ShrinkageCovariance.LogDeterminant(ShrinkageCovariance.LedoitWolf(z, out _));
        var conditional = 0.0;
        for (var s = 0; s < n; s = groups.GroupEnd[s])
        {
            var nc = groups.GroupEnd[s] - s;
            var zc = z.SubMatrix(s, nc, 0, d);
            for (var j = 0; j < d; j++)
            {
                var mean = 0.0;
                for (var i = 0; i < nc; i++) mean += zc[i, j];
                mean /= nc;
                for (var i = 0; i < nc; i++) zc[i, j] -= mean;
            }

            var logDet = ShrinkageCovariance.LogDeterminant(ShrinkageCovariance.LedoitWolf(zc, out _));
            conditional += (double)nc / n * logDet;
        }

        return 0.5 * (total - conditional);
    }
}
