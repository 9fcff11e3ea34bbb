using Cch.Data;
using Cch.Estimators.Internal;

namespace Cch.Surrogates;

/// <summary>
/// A Gaussian stand-in for a pair of representations (X, Y), matched to the data and to the run's
/// estimate: the correlation matrix S of the columns' normal scores (Ince et al. 2017's copula
/// normalisation; constant columns dropped; Ledoit–Wolf shrinkage, J. Multivariate Anal. 88:365, 2004,
/// when d_x + d_y &gt; N/2), with its cross block scaled by c ∈ [0, 1]:
/// Σ̃ = [[S_xx, c·S_xy], [c·S_yx, S_yy]]. Scaling the cross block scales every canonical correlation
/// ρ_i of S by c, so I(c) = −½ Σ_i ln(1 − c²ρ_i²) (Cover &amp; Thomas, 2nd ed., eq. 8.56 in canonical
/// coordinates), and c is chosen by root finding so that I(c) equals a target — the run's own estimate —
/// or c = 1 when even the full S has less. With the target the surrogate answers: if the truth had
/// the size we estimated, with the data's N, dimensions and correlation structure, what would the
/// estimator return? (a parametric bootstrap of the estimator's bias; Efron &amp; Tibshirani, <i>An
/// Introduction to the Bootstrap</i>, 1993, §10.2). Without it (unscaled, c = 1) the sample
/// correlations' noise inflates I when the dimensions approach N, and the surrogate would ask about an
/// MI far larger than anything the data suggest.
/// </summary>
internal sealed class GaussianSurrogate
{
    private readonly double[] _factor;

    private GaussianSurrogate(double[] factor, int px, int py, double known, double scale)
    {
        _factor = factor;
        XColumns = px;
        YColumns = py;
        MutualInformation = known;
        CrossScale = scale;
    }

    /// <summary>Non-constant columns of X kept (the surrogate's d_x).</summary>
    public int XColumns { get; }

    /// <summary>Non-constant columns of Y kept (the surrogate's d_y).</summary>
    public int YColumns { get; }

    /// <summary>The surrogate's I(X;Y) in nats, exact (log-determinants of the matrix that is sampled).</summary>
    public double MutualInformation { get; }

    /// <summary>The cross-block scale c.</summary>
    public double CrossScale { get; }

    /// <summary>Fits the surrogate to X (N×d_x) and Y (N×d_y); <c>null</c> when either side is constant.</summary>
    /// <param name="x">X.</param>
    /// <param name="y">Y.</param>
    /// <param name="target">The mutual information (nats) the surrogate should have; <c>null</c> for c = 1.</param>
    public static GaussianSurrogate? Fit(FeatureMatrix x, FeatureMatrix y, double? target)
    {
        var n = x.Rows;
        var zt = GC.AllocateUninitializedArray<double>(checked(n * (x.Columns + y.Columns)));
        var px = NormalScores.Compute(x, zt, 0, nameof(x));
        var py = NormalScores.Compute(y, zt, px * n, nameof(y));
        if (px == 0 || py == 0) return null;
        var p = px + py;
        var s = DenseAlgebra.Gram(zt, p, n, 1.0 / n);
        if (p > n / 2) ShrinkageCovariance.LedoitWolfInPlace(s, p, zt, n);
        var scale = target is { } t ? FindCrossScale(s, px, py, Math.Max(0, t)) : 1.0;
        if (scale != 1)
            for (var i = 0; i < p; i++)
                for (var j = 0; j < p; j++)
                    if ((i < px) != (j < px))
                        s[(long)i * p + j] *= scale;

        var (factor, ridge) = DenseAlgebra.CholeskyWithRidge(s, p);
        var (yFactor, _) = DenseAlgebra.CholeskyWithRidge(DenseAlgebra.DiagonalBlock(s, p, px, py, ridge), py);
        var known = 0.5 * (DenseAlgebra.LogDeterminant(factor, p, px) + DenseAlgebra.LogDeterminant(yFactor, py, py) - DenseAlgebra.LogDeterminant(factor, p, p));
        for (var i = 0; i < p; i++)
            Array.Clear(factor, i * p + i + 1, p - i - 1); // the strict upper triangle, undefined after the factorisation
        return new GaussianSurrogate(factor, px, py, Math.Max(0, known), scale);
    }

    /// <summary><paramref name="rows"/> draws from N(0, Σ̃), split into X and Y (row-major), seeded.</summary>
    public (FeatureMatrix X, FeatureMatrix Y) Sample(int rows, int seed)
    {
        var p = XColumns + YColumns;
        var z = SurrogateDraws.Correlated(_factor, p, rows, seed);
        var x = new double[(long)rows * XColumns];
        var y = new double[(long)rows * YColumns];
        for (var r = 0; r < rows; r++)
        {
            Array.Copy(z, (long)r * p, x, (long)r * XColumns, XColumns);
            Array.Copy(z, (long)r * p + XColumns, y, (long)r * YColumns, YColumns);
        }

        return (new FeatureMatrix("surrogate X", rows, XColumns, x), new FeatureMatrix("surrogate Y", rows, YColumns, y));
    }

    /// <summary>
    /// The c ∈ [0, 1] with −½ Σ ln(1 − c²ρ_i²) = <paramref name="target"/>, ρ_i the canonical correlations
    /// of the p×p matrix <paramref name="s"/> (singular values of L_x⁻¹ S_xy L_y⁻ᵀ); 1 when the full
    /// matrix has less.
    /// </summary>
    private static double FindCrossScale(double[] s, int px, int py, double target)
    {
        var p = px + py;
        var (lx, _) = DenseAlgebra.CholeskyWithRidge(DenseAlgebra.DiagonalBlock(s, p, 0, px, 0), px);
        var (ly, _) = DenseAlgebra.CholeskyWithRidge(DenseAlgebra.DiagonalBlock(s, p, px, py, 0), py);
        // Bᵀ = (L_x⁻¹ S_xy)ᵀ row by row, then K = B·L_y⁻ᵀ row by row.
        var bt = new double[(long)py * px];
        for (var j = 0; j < py; j++)
            for (var i = 0; i < px; i++)
                bt[(long)j * px + i] = s[(long)i * p + px + j];
        DenseAlgebra.SolveRows(lx, px, bt, px, py);
        var k = new double[(long)px * py];
        for (var i = 0; i < px; i++)
            for (var j = 0; j < py; j++)
                k[(long)i * py + j] = bt[(long)j * px + i];
        DenseAlgebra.SolveRows(ly, py, k, py, px);

        // I(c) = −½ ln det(I − c²·KKᵀ) (the ρ_i² are the eigenvalues of KKᵀ), by Cholesky; it rises
        // monotonically from 0 at c = 0, so the Illinois variant of regula falsi (Dowell & Jarratt 1971)
        // finds the c with I(c) = target in a few factorisations.
        var m = DenseAlgebra.Gram(k, px, py, 1.0);
        double Information(double c)
        {
            var a = new double[(long)px * px];
            for (var i = 0; i < (long)px * px; i++) a[i] = -c * c * m[i];
            for (var i = 0; i < px; i++) a[(long)i * px + i] += 1;
            var (factor, _) = DenseAlgebra.CholeskyWithRidge(a, px);
            return -0.5 * DenseAlgebra.LogDeterminant(factor, px, px);
        }

        var full = Information(1);
        if (full <= target) return 1;
        double lo = 0, flo = -target, hi = 1, fhi = full - target;
        var side = 0;
        for (var iteration = 0; iteration < 60 && hi - lo > 1e-6; iteration++)
        {
            var c = (lo * fhi - hi * flo) / (fhi - flo);
            var fc = Information(c) - target;
            if (Math.Abs(fc) <= 1e-6 * Math.Max(1, target)) return c;
            if (fc < 0)
            {
                (lo, flo) = (c, fc);
                if (side == -1) fhi /= 2;
                side = -1;
            }
            else
            {
                (hi, fhi) = (c, fc);
                if (side == 1) flo /= 2;
                side = 1;
            }
        }

        return 0.5 * (lo + hi);
    }
}
