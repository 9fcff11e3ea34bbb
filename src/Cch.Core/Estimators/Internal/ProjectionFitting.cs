using Cch.Data;
using MathNet.Numerics.LinearAlgebra;

namespace Cch.Estimators.Internal;

/// <summary>
/// Fits the linear projections of <see cref="CcaKsgEstimator"/> on a subset of rows: canonical
/// correlation directions between two representations (Hotelling 1936), discriminant directions for a
/// class label (Fisher 1936; Rao 1948) and the regression direction for a real label. Covariances are
/// Ledoit–Wolf shrunk (Ledoit &amp; Wolf 2004), so the fits stay stable when the dimension approaches the
/// fit rows. A direction is kept only when its correlation (or between-class spread) exceeds the
/// largest one found after permuting the rows of the other side (three permutations) — the same fit
/// on data with the dependence destroyed — so noise directions are rarely passed on to the k-NN estimate.
/// </summary>
internal static unsafe class ProjectionFitting
{
    private const int Iterations = 200;

    /// <summary>Permutations whose largest spurious correlation sets the threshold for keeping a direction.</summary>
    private const int NullPermutations = 3;

    /// <summary>Canonical directions of X and Y from the fit rows, or <c>null</c> when a side is constant there.</summary>
    public static (LinearProjection X, LinearProjection Y)? Canonical(FeatureMatrix x, FeatureMatrix y, int[] fit, int maxPairs, int seed)
    {
        var sx = ColumnStatistics.Compute(x, fit, nameof(x));
        var sy = ColumnStatistics.Compute(y, fit, nameof(y));
        var px = sx.KeptColumns.Length;
        var py = sy.KeptColumns.Length;
        if (px == 0 || py == 0) return null;
        var n = fit.Length;
        var zx = ColumnMajor(x, fit, sx);
        var zy = ColumnMajor(y, fit, sy);
        var lx = ShrunkFactor(zx, px, n);
        var ly = ShrunkFactor(zy, py, n);
        var m = WhitenedCross(zx, px, zy, py, n, lx, ly);
        var count = Math.Min(maxPairs, Math.Min(px, py));
        var (sigma, u, v) = TopSingular(m, px, py, count, seed);

        // The same whitened cross-covariance with Y's rows permuted: its largest singular value is
        // the level that noise alone reaches at these dimensions and rows (the largest of
        // NullPermutations permutations, so a noise pair passes rarely).
        var noise = 0.0;
        var zyNull = new double[zy.Length];
        for (var q = 0; q < NullPermutations; q++)
        {
            var permutation = Permutation(n, seed + q);
            for (var j = 0; j < py; j++)
                for (var i = 0; i < n; i++)
                    zyNull[(long)j * n + i] = zy[(long)j * n + permutation[i]];
            noise = Math.Max(noise, TopSingular(WhitenedCross(zx, px, zyNull, py, n, lx, ly), px, py, 1, seed + 1).Sigma[0]);
        }
        var kept = Math.Max(1, sigma.Count(s => s > noise));
        return (new LinearProjection(sx, lx, u[..kept]), new LinearProjection(sy, ly, v[..kept]));
    }

    /// <summary>Discriminant directions for <paramref name="classes"/> from the fit rows, or <c>null</c> when X is constant there.</summary>
    public static LinearProjection? Discriminant(FeatureMatrix x, int[] classes, int[] fit, int maxDimensions, int seed)
    {
        var sx = ColumnStatistics.Compute(x, fit, nameof(x));
        var p = sx.KeptColumns.Length;
        if (p == 0) return null;
        var n = fit.Length;
        var z = ColumnMajor(x, fit, sx);
        var labels = fit.Select(r => classes[r]).ToArray();
        var within = (double[])z.Clone();
        SubtractClassMeans(within, p, n, labels);
        var factor = ShrunkFactor(within, p, n);
        var (sigma, directions) = Discriminants(z, p, n, labels, factor);
        var noise = 0.0;
        for (var q = 0; q < NullPermutations; q++)
        {
            var shuffled = Permutation(n, seed + q).Select(i => labels[i]).ToArray();
            noise = Math.Max(noise, Discriminants(z, p, n, shuffled, factor).Sigma.DefaultIfEmpty(0).Max());
        }
        var kept = Math.Max(1, Math.Min(maxDimensions, sigma.Count(s => s > noise)));
        return new LinearProjection(sx, factor, directions[..Math.Min(kept, directions.Length)]);
    }

    /// <summary>The (shrunk) least-squares direction of a real label from the fit rows, or <c>null</c> when X is constant there.</summary>
    public static LinearProjection? Regression(FeatureMatrix x, double[] y, int[] fit)
    {
        var sx = ColumnStatistics.Compute(x, fit, nameof(x));
        var p = sx.KeptColumns.Length;
        if (p == 0) return null;
        var n = fit.Length;
        var z = ColumnMajor(x, fit, sx);
        var factor = ShrunkFactor(z, p, n);
        var mean = fit.Average(r => y[r]);
        var cross = new double[p];
        for (var j = 0; j < p; j++)
        {
            var s = 0.0;
            for (var i = 0; i < n; i++) s += z[(long)j * n + i] * (y[fit[i]] - mean);
            cross[j] = s / n;
        }

        fixed (double* c = cross) DenseAlgebra.SolveRows(factor, p, c, p, 1);
        Normalise(cross);
        return new LinearProjection(sx, factor, [cross]);
    }

    /// <summary>Seeded permutation of 0..n−1 (Fisher–Yates with <see cref="Random"/>).</summary>
    public static int[] Permutation(int n, int seed)
    {
        var p = Enumerable.Range(0, n).ToArray();
        new Random(seed).Shuffle(p);
        return p;
    }

    private static double[] ColumnMajor(FeatureMatrix m, int[] rows, ColumnStatistics stats)
    {
        var kept = stats.KeptColumns;
        var n = rows.Length;
        var z = new double[(long)kept.Length * n];
        for (var o = 0; o < kept.Length; o++)
            for (var i = 0; i < n; i++)
                z[(long)o * n + i] = stats.Standardize(m[rows[i], kept[o]], kept[o]);
        return z;
    }

    private static double[] ShrunkFactor(double[] z, int p, int n)
    {
        var s = DenseAlgebra.Gram(z, p, n, 1.0 / n);
        ShrinkageCovariance.LedoitWolfInPlace(s, p, z, n);
        return DenseAlgebra.CholeskyWithRidge(s, p).Factor;
    }

    /// <summary>M = L_x⁻¹ S_xy L_y⁻ᵀ (p_x×p_y, row-major), the cross-covariance of the whitened sides.</summary>
    private static double[] WhitenedCross(double[] zx, int px, double[] zy, int py, int n, double[] lx, double[] ly)
    {
        // S_yx (p_y×p_x): rows are dot products of Y's and X's columns.
        var syx = new double[(long)py * px];
        fixed (double* c = syx, a = zy, b = zx)
            DenseKernel.MultiplyAddTransposedParallel(c, px, a, n, b, n, py, px, n, 1.0 / n);
        fixed (double* c = syx) DenseAlgebra.SolveRows(lx, px, c, px, py); // rows: S_yx L_x⁻ᵀ = (L_x⁻¹ S_xy)ᵀ
        var t = Transpose(syx, py, px); // L_x⁻¹ S_xy, p_x×p_y
        fixed (double* c = t) DenseAlgebra.SolveRows(ly, py, c, py, px); // (L_x⁻¹ S_xy) L_y⁻ᵀ
        return t;
    }

    /// <summary>
    /// The <paramref name="count"/> largest singular values of the rows×cols matrix <paramref name="m"/>
    /// with their left and right unit vectors, by block subspace iteration (Golub &amp; Van Loan,
    /// Matrix Computations, 4th ed., §8.2.4) from a seeded start, with count + 4 vectors, then a
    /// Rayleigh–Ritz step.
    /// </summary>
    private static (double[] Sigma, double[][] U, double[][] V) TopSingular(double[] m, int rows, int cols, int count, int seed)
    {
        var k = Math.Min(Math.Min(rows, cols), count + 4);
        var mt = Transpose(m, rows, cols);
        var random = new Random(seed);
        var v = new double[(long)k * cols];
        for (var i = 0; i < v.Length; i++) v[i] = random.NextDouble() - 0.5;
        Orthonormalise(v, k, cols);
        var u = new double[(long)k * rows];
        for (var it = 0; it < Iterations; it++)
        {
            Multiply(m, rows, cols, v, k, u);
            Orthonormalise(u, k, rows);
            Multiply(mt, cols, rows, u, k, v);
            Orthonormalise(v, k, cols);
        }

        // Rayleigh–Ritz: B = Uᵀ M V (k×k), B = P Σ Qᵀ, left vectors U·P, right vectors V·Q.
        var mv = new double[(long)k * rows];
        Multiply(m, rows, cols, v, k, mv);
        var b = Matrix<double>.Build.Dense(k, k, (i, j) => Dot(u, i, mv, j, rows));
        var svd = b.Svd();
        var sigma = new double[count];
        var left = new double[count][];
        var right = new double[count][];
        for (var c = 0; c < count; c++)
        {
            sigma[c] = svd.S[c];
            left[c] = Combine(u, k, rows, svd.U.Column(c));
            right[c] = Combine(v, k, cols, svd.VT.Row(c));
        }

        return (sigma, left, right);
    }

    /// <summary>Singular values and right vectors (in whitened space) of L⁻¹[√π_c μ_c] for the classes of <paramref name="labels"/>.</summary>
    private static (double[] Sigma, double[][] Directions) Discriminants(double[] z, int p, int n, int[] labels, double[] factor)
    {
        var ids = labels.Distinct().Order().ToArray();
        var c = ids.Length;
        var means = new double[(long)c * p];
        for (var a = 0; a < c; a++)
        {
            var rows = Enumerable.Range(0, n).Where(i => labels[i] == ids[a]).ToArray();
            var weight = Math.Sqrt((double)rows.Length / n);
            for (var j = 0; j < p; j++)
            {
                var s = 0.0;
                foreach (var i in rows) s += z[(long)j * n + i];
                means[(long)a * p + j] = weight * s / rows.Length;
            }
        }

        fixed (double* mp = means) DenseAlgebra.SolveRows(factor, p, mp, p, c);
        var b = Matrix<double>.Build.Dense(c, p, (i, j) => means[(long)i * p + j]);
        var svd = b.Svd();
        var rank = Math.Min(c - 1, p);
        var sigma = new double[rank];
        var directions = new double[rank][];
        for (var d = 0; d < rank; d++)
        {
            sigma[d] = svd.S[d];
            directions[d] = svd.VT.Row(d).ToArray();
        }

        return (sigma, directions);
    }

    private static void SubtractClassMeans(double[] z, int p, int n, int[] labels)
    {
        foreach (var id in labels.Distinct())
        {
            var rows = Enumerable.Range(0, n).Where(i => labels[i] == id).ToArray();
            for (var j = 0; j < p; j++)
            {
                var s = 0.0;
                foreach (var i in rows) s += z[(long)j * n + i];
                var mean = s / rows.Length;
                foreach (var i in rows) z[(long)j * n + i] -= mean;
            }
        }
    }

    /// <summary>target (k×rows) = vectors (k×cols) · mᵀ, i.e. each target row is m times a vector.</summary>
    private static void Multiply(double[] m, int rows, int cols, double[] vectors, int k, double[] target)
    {
        Array.Clear(target);
        fixed (double* c = target, a = vectors, b = m)
            DenseKernel.MultiplyAddTransposedParallel(c, rows, a, cols, b, cols, k, rows, cols, 1.0);
    }

    /// <summary>Modified Gram–Schmidt on the k rows (length len) of <paramref name="v"/>.</summary>
    private static void Orthonormalise(double[] v, int k, int len)
    {
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < i; j++)
            {
                var d = Dot(v, i, v, j, len);
                for (var t = 0; t < len; t++) v[(long)i * len + t] -= d * v[(long)j * len + t];
            }

            var norm = Math.Sqrt(Dot(v, i, v, i, len));
            if (norm == 0) continue;
            for (var t = 0; t < len; t++) v[(long)i * len + t] /= norm;
        }
    }

    private static double Dot(double[] a, int i, double[] b, int j, int len)
    {
        var s = 0.0;
        for (var t = 0; t < len; t++) s += a[(long)i * len + t] * b[(long)j * len + t];
        return s;
    }

    private static double[] Combine(double[] rowsOfBasis, int k, int len, Vector<double> weights)
    {
        var r = new double[len];
        for (var i = 0; i < k; i++)
            for (var t = 0; t < len; t++)
                r[t] += weights[i] * rowsOfBasis[(long)i * len + t];
        return r;
    }

    private static void Normalise(double[] v)
    {
        var norm = Math.Sqrt(v.Sum(x => x * x));
        if (norm == 0) return;
        for (var i = 0; i < v.Length; i++) v[i] /= norm;
    }

    private static double[] Transpose(double[] a, int rows, int cols)
    {
        var t = new double[a.Length];
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < cols; j++)
                t[(long)j * rows + i] = a[(long)i * cols + j];
        return t;
    }
}
