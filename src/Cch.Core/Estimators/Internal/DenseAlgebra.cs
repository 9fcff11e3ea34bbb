namespace Cch.Estimators.Internal;

/// <summary>
/// Gram matrices, blocked Cholesky factorisation and triangular solves on row-major arrays, all
/// built on <see cref="DenseKernel"/> (about 20× faster than MathNet's managed provider at
/// p ≈ 1,500, which the covariance estimators need for embedding-sized inputs).
/// </summary>
internal static unsafe class DenseAlgebra
{
    /// <summary>
    /// A copy of the diagonal block [start, start + size) of the p×p row-major matrix <paramref name="s"/>,
    /// with <paramref name="ridge"/> added to its diagonal.
    /// </summary>
    public static double[] DiagonalBlock(double[] s, int p, int start, int size, double ridge)
    {
        var block = new double[(long)size * size];
        for (var i = 0; i < size; i++)
        {
            Array.Copy(s, (long)(start + i) * p + start, block, (long)i * size, size);
            block[(long)i * size + i] += ridge;
        }

        return block;
    }

    /// <summary>Block size of the Cholesky factorisation and the triangular solves.</summary>
    private const int Nb = 64;

    /// <summary>
    /// G = α·Z·Zᵀ for the p rows of <paramref name="rows"/> (p×n, row-major): p×p, symmetric, row-major.
    /// For column-major data (one row per variable) this is the cross-product matrix of the variables.
    /// </summary>
    public static double[] Gram(double[] rows, int p, int n, double alpha)
    {
        var g = new double[(long)p * p];
        const int rowsPerTask = 48;
        var tasks = (p + rowsPerTask - 1) / rowsPerTask;
        fixed (double* gp = g, zp = rows)
        {
            var gi = (nint)gp;
            var zi = (nint)zp;
            BlockScheduler.Run(tasks, () => 0, (t, _) =>
            {
                var i0 = t * rowsPerTask;
                var m = Math.Min(rowsPerTask, p - i0);
                // Lower triangle (and the diagonal block in full): columns 0..i0+m−1.
                DenseKernel.MultiplyAddTransposed((double*)gi + (long)i0 * p, p, (double*)zi + (long)i0 * n, n, (double*)zi, n, m, i0 + m, n, alpha);
            });
        }

        for (var i = 0; i < p; i++)
            for (var j = i + 1; j < p; j++)
                g[(long)i * p + j] = g[(long)j * p + i];
        return g;
    }

    /// <summary>
    /// Overwrites the lower triangle of the symmetric p×p matrix <paramref name="a"/> with its Cholesky
    /// factor L (A = LLᵀ; left-looking, blocked); the strict upper triangle is left undefined.
    /// </summary>
    /// <returns><c>false</c> when A is not (numerically) positive definite: a pivot ≤ 0 or not finite.</returns>
    public static bool TryCholesky(double[] a, int p)
    {
        fixed (double* ap = a)
        {
            for (var j0 = 0; j0 < p; j0 += Nb)
            {
                var jb = Math.Min(Nb, p - j0);
                var diag = ap + (long)j0 * p + j0;
                if (j0 > 0)
                    DenseKernel.MultiplyAddTransposedParallel(diag, p, ap + (long)j0 * p, p, ap + (long)j0 * p, p, p - j0, jb, j0, -1.0);
                for (var j = 0; j < jb; j++)
                {
                    var rj = diag + (long)j * p;
                    var d = rj[j] - DenseKernel.Dot(rj, rj, j);
                    if (!(d > 0) || !double.IsFinite(d)) return false;
                    var l = Math.Sqrt(d);
                    rj[j] = l;
                    for (var i = j + 1; i < jb; i++)
                    {
                        var ri = diag + (long)i * p;
                        ri[j] = (ri[j] - DenseKernel.Dot(ri, rj, j)) / l;
                    }
                }

                // Rows below the diagonal block: L[i, J] = A[i, J]·L_JJ⁻ᵀ.
                ForwardSubstituteRows(diag + (long)jb * p, p, diag, p, p - j0 - jb, jb);
            }
        }

        return true;
    }

    /// <summary>ln det A = 2·Σ ln L_ii from a factor written by <see cref="TryCholesky"/>, over the first <paramref name="count"/> pivots.</summary>
    public static double LogDeterminant(double[] factor, int p, int count)
    {
        var s = 0.0;
        for (var i = 0; i < count; i++) s += Math.Log(factor[(long)i * p + i]);
        return 2 * s;
    }

    /// <summary>
    /// Replaces each of the <paramref name="r"/> rows z of <paramref name="rows"/> (r×p, row-major,
    /// leading dimension <paramref name="ld"/>) by w = L⁻¹z, i.e. W = Z·L⁻ᵀ, where L is the p×p lower
    /// Cholesky factor in <paramref name="factor"/>. Then ‖w‖² = zᵀA⁻¹z, and the first q entries of w
    /// are L_qq⁻¹z_{1..q} for every leading block.
    /// </summary>
    public static void SolveRows(double[] factor, int p, double* rows, int ld, int r)
    {
        fixed (double* lp = factor)
        {
            for (var j0 = 0; j0 < p; j0 += Nb)
            {
                var jb = Math.Min(Nb, p - j0);
                if (j0 > 0)
                    DenseKernel.MultiplyAddTransposed(rows + j0, ld, rows, ld, lp + (long)j0 * p, p, r, jb, j0, -1.0);
                ForwardSubstituteRows(rows + j0, ld, lp + (long)j0 * p + j0, p, r, jb);
            }
        }
    }

    /// <summary><see cref="SolveRows(double[], int, double*, int, int)"/> on a managed array.</summary>
    public static void SolveRows(double[] factor, int p, double[] rows, int ld, int r)
    {
        fixed (double* rp = rows) SolveRows(factor, p, rp, ld, r);
    }

    /// <summary>For each of <paramref name="r"/> rows x (length <paramref name="jb"/>): x ← x·L⁻ᵀ with L the jb×jb lower block at <paramref name="l"/>.</summary>
    private static void ForwardSubstituteRows(double* x, int ldx, double* l, int ldl, int r, int jb)
    {
        for (var i = 0; i < r; i++)
        {
            var xi = x + (long)i * ldx;
            for (var j = 0; j < jb; j++)
            {
                var lj = l + (long)j * ldl;
                xi[j] = (xi[j] - DenseKernel.Dot(xi, lj, j)) / lj[j];
            }
        }
    }

    /// <summary>
    /// The smallest ridge ε ∈ {0, 1e-12, …, 1e-2} (standardised units) for which S + εI has a
    /// Cholesky factor, and that factor (as in <see cref="GaussianLogDeterminant.WithRidge"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">Not even ε = 1e-2 works (cannot happen for a covariance matrix).</exception>
    public static (double[] Factor, double Ridge) CholeskyWithRidge(double[] s, int p)
    {
        for (var ridge = 0.0; ridge <= 1e-2; ridge = ridge == 0 ? 1e-12 : ridge * 10)
        {
            var a = (double[])s.Clone();
            for (var i = 0; i < p; i++) a[(long)i * p + i] += ridge;
            if (TryCholesky(a, p)) return (a, ridge);
        }

        throw new InvalidOperationException("The covariance matrix is not positive semi-definite.");
    }
}
