using Cch.Data;
using Cch.Estimators.Internal;
using MathNet.Numerics.LinearAlgebra;

namespace Cch.Estimators;

/// <summary>
/// Gaussian (parametric) estimator of I(X;Y) in nats between continuous X (N×d_x) and Y (N×d_y):
/// the mutual information of jointly Gaussian variables with the estimated covariance,
/// <code>I = ½·ln( det Σ_xx · det Σ_yy / det Σ )</code>
/// (Cover &amp; Thomas, Elements of Information Theory, 2nd ed., eq. 8.56 for h(N(μ,K)) = ½ ln((2πe)ⁿ det K),
/// combined as I = h(X) + h(Y) − h(X,Y)), where Σ is the covariance of the standardised joint data
/// [X, Y] and Σ_xx, Σ_yy its diagonal blocks. Log-determinants come from MathNet's Cholesky factorisation.
/// </summary>
/// <remarks>
/// <para><b>Covariance and bias.</b> The plug-in value from the sample covariance S is biased upwards
/// by about d_x·d_y/(2N) nats, and much more as p = d_x + d_y approaches N (measured: 2.8 nats of
/// bias for independent 50 + 50 dimensions at N = 500). With <c>biasCorrected: true</c> (default)
/// and p ≤ N − 1, each ln det S is replaced by the unbiased estimate of ln det Σ,
/// ln det S − [p·ln(2/N) + Σ_{i=1..p} ψ((N − i)/2)] (Wishart expectation, Bishop 2006 eq. B.81;
/// Misra, Singh &amp; Demchuk 2005), so the estimate is unbiased for Gaussian data
/// (it can then be slightly negative for independent data; it is not clipped).
/// When p ≥ N, or with <c>biasCorrected: false</c>, Σ is the Ledoit–Wolf shrinkage estimate (Ledoit &amp;
/// Wolf 2004, J. Multivariate Anal. 88:365, shrinkage towards the scaled identity), which is always
/// positive definite but keeps a large dimension-dependent bias (either sign: with a strong common
/// factor it overestimates, with sparse dependence among many independent dimensions it shrinks the
/// few strong correlations and underestimates); treat such values as unreliable. The uncorrected result
/// is ≥ 0 by Fischer's inequality. If the matrix is numerically singular (exactly collinear columns), a
/// ridge ε·I, ε ∈ {1e-12, …, 1e-2} chosen on the joint matrix, is added to all three matrices.</para>
/// <para>Exact (up to sampling error) when (X,Y) is jointly Gaussian; otherwise it measures only the
/// linear (second-order) dependence: for Gaussian marginals it is a lower bound on the true MI,
/// in general neither bound.</para>
/// <para>Constant columns are dropped; if all columns of X or Y are constant the result is exactly 0.
/// Deterministic; no seed. Cost: O(N·p²) for the covariance plus O(p³) for the factorisations.</para>
/// </remarks>
public sealed class GaussianEstimator : IMutualInformationEstimator
{
    /// <summary>Creates the estimator.</summary>
    /// <param name="biasCorrected">Use the sample covariance with the unbiased log-determinant when
    /// d_x + d_y ≤ N − 1 (default); <c>false</c> always uses Ledoit–Wolf shrinkage without correction.</param>
    public GaussianEstimator(bool biasCorrected = true) => BiasCorrected = biasCorrected;

    /// <summary>Whether the finite-sample log-determinant correction is applied when possible.</summary>
    public bool BiasCorrected { get; }

    /// <inheritdoc />
    public string Name => "gaussian";

    /// <summary>Smallest N accepted: 3.</summary>
    public int MinimumRows => 3;

    /// <summary>
    /// Whether an estimate from N rows and p = d_x + d_y non-constant columns uses the unbiased
    /// sample-covariance form (p ≤ N − 1) rather than the Ledoit–Wolf fallback.
    /// </summary>
    public bool UsesBiasCorrection(int rows, int dimensions) => BiasCorrected && dimensions <= rows - 1;

    /// <summary>Estimates I(X;Y) in nats under a joint-Gaussian model.</summary>
    /// <param name="x">X, N×d_x.</param>
    /// <param name="y">Y, N×d_y.</param>
    /// <returns>The estimate in nats; exactly 0 when all columns of X or Y are constant.</returns>
    /// <exception cref="ArgumentException">Row counts differ, N &lt; 3, or a value is not finite.</exception>
    public double Estimate(FeatureMatrix x, FeatureMatrix y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Rows != y.Rows)
            throw new ArgumentException($"X has {x.Rows} rows but Y has {y.Rows}.", nameof(y));
        if (x.Rows < MinimumRows)
            throw new ArgumentException($"The Gaussian estimator needs at least {MinimumRows} rows; got {x.Rows}.", nameof(x));
        var sx = ColumnStatistics.Compute(x, default, nameof(x));
        var sy = ColumnStatistics.Compute(y, default, nameof(y));
        var dx = sx.KeptColumns.Length;
        var dy = sy.KeptColumns.Length;
        if (dx == 0 || dy == 0) return 0.0;
        var n = x.Rows;
        var p = dx + dy;
        var z = Matrix<double>.Build.Dense(n, p);
        StandardizedMatrix.Fill(x, default, sx, z, 0);
        StandardizedMatrix.Fill(y, default, sy, z, dx);
        var corrected = UsesBiasCorrection(n, p);
        var sigma = corrected ? ShrinkageCovariance.Sample(z) : ShrinkageCovariance.LedoitWolf(z, out _);
        var (ridge, lxy) = GaussianLogDeterminant.WithRidge(sigma);
        var lx = GaussianLogDeterminant.LogDet(sigma.SubMatrix(0, dx, 0, dx), ridge);
        var ly = GaussianLogDeterminant.LogDet(sigma.SubMatrix(dx, dy, dx, dy), ridge);
        if (!corrected) return Math.Max(0.0, 0.5 * (lx + ly - lxy));
        lx -= GaussianLogDeterminant.Bias(n, dx);
        ly -= GaussianLogDeterminant.Bias(n, dy);
        lxy -= GaussianLogDeterminant.Bias(n, p);
        return 0.5 * (lx + ly - lxy);
    }
}
