using MathNet.Numerics.LinearAlgebra;

namespace Cch.Estimators.Internal;

/// <summary>
/// Ledoit–Wolf shrinkage covariance: O. Ledoit &amp; M. Wolf, "A well-conditioned estimator for
/// large-dimensional covariance matrices", J. Multivariate Anal. 88 (2004) 365–411, Lemma 3.2 /
/// Theorem 3.4 with the scaled identity as target. With S = ZᵀZ/N (Z centred, N×p),
/// μ = tr(S)/p, δ² = ‖S − μI‖²_F/p, β̄² = (1/N²)·Σ_k ‖z_k z_kᵀ − S‖²_F/p
/// = (Σ_k ‖z_k‖⁴ − N‖S‖²_F)/(N²p), β² = min(β̄², δ²): Σ* = (β²/δ²)·μI + (1 − β²/δ²)·S.
/// Same computation as scikit-learn's <c>ledoit_wolf_shrinkage</c>.
/// </summary>
internal static class ShrinkageCovariance
{
    /// <summary>The sample (maximum-likelihood, 1/N) covariance ZᵀZ/N of the rows of <paramref name="z"/> (already centred).</summary>
    public static Matrix<double> Sample(Matrix<double> z) => z.TransposeThisAndMultiply(z).Divide(z.RowCount);

    /// <summary>The shrunk covariance of the rows of <paramref name="z"/> (already centred).</summary>
    public static Matrix<double> LedoitWolf(Matrix<double> z, out double shrinkage)
    {
        var n = z.RowCount;
        var p = z.ColumnCount;
        var s = z.TransposeThisAndMultiply(z).Divide(n);
        var mu = s.Trace() / p;
        var frob2 = 0.0;
        var offTarget2 = 0.0;
        for (var j = 0; j < p; j++)
        {
            for (var i = 0; i < p; i++)
            {
                var v = s[i, j];
                frob2 += v * v;
                var t = i == j ? v - mu : v;
                offTarget2 += t * t;
            }
        }

        var sumNorm4 = 0.0;
        for (var k = 0; k < n; k++)
        {
            var r2 = 0.0;
            for (var j = 0; j < p; j++)
            {
                var v = z[k, j];
                r2 += v * v;
            }

            sumNorm4 += r2 * r2;
        }

        var delta2 = offTarget2 / p;
        var betaBar2 = (sumNorm4 - n * frob2) / ((double)n * n * p);
        var beta2 = Math.Max(0.0, Math.Min(betaBar2, delta2));
        shrinkage = delta2 > 0 ? beta2 / delta2 : 0.0;
        var result = s.Multiply(1 - shrinkage);
        for (var i = 0; i < p; i++) result[i, i] += shrinkage * mu;
        return result;
    }

    /// <summary>
    /// The same shrinkage applied in place to the 1/N covariance <paramref name="s"/> (p×p, row-major)
    /// of the centred column-major data <paramref name="zt"/> (p columns of N values).
    /// </summary>
    /// <returns>The shrinkage intensity β²/δ² in [0, 1].</returns>
    public static double LedoitWolfInPlace(double[] s, int p, double[] zt, int n)
    {
        var mu = 0.0;
        for (var i = 0; i < p; i++) mu += s[(long)i * p + i];
        mu /= p;
        double frob2 = 0, offTarget2 = 0;
        for (var i = 0; i < p; i++)
            for (var j = 0; j < p; j++)
            {
                var v = s[(long)i * p + j];
                frob2 += v * v;
                var t = i == j ? v - mu : v;
                offTarget2 += t * t;
            }

        var norms = new double[n];
        for (var j = 0; j < p; j++)
            for (var r = 0; r < n; r++)
            {
                var v = zt[(long)j * n + r];
                norms[r] += v * v;
            }

        var sumNorm4 = 0.0;
        foreach (var r2 in norms) sumNorm4 += r2 * r2;
        var delta2 = offTarget2 / p;
        var betaBar2 = (sumNorm4 - n * frob2) / ((double)n * n * p);
        var beta2 = Math.Max(0.0, Math.Min(betaBar2, delta2));
        var shrinkage = delta2 > 0 ? beta2 / delta2 : 0.0;
        for (var i = 0; i < (long)p * p; i++) s[i] *= 1 - shrinkage;
        for (var i = 0; i < p; i++) s[(long)i * p + i] += shrinkage * mu;
        return shrinkage;
    }
}
