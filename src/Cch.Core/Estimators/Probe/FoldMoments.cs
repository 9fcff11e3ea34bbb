using System.Runtime.Intrinsics;

namespace Cch.Estimators.Probe;

/// <summary>
/// Sufficient statistics of ridge regression for one group of rows (a fold): n, Σx, Σy, Σy²,
/// Σx·y and the Gram matrix Σx·xᵀ (d×d, double). Moments of any union of folds are sums of these,
/// so every training part, inner training part and validation part of the cross-fit is served
/// without another pass over the rows.
/// </summary>
internal sealed class FoldMoments
{
    private FoldMoments(int d)
    {
        SumX = new double[d];
        SumXy = new double[d];
        Gram = new double[d * d];
    }

    /// <summary>Number of rows.</summary>
    public int Count { get; private set; }

    /// <summary>Σ x (length d).</summary>
    public double[] SumX { get; }

    /// <summary>Σ y.</summary>
    public double SumY { get; private set; }

    /// <summary>Σ y².</summary>
    public double SumYy { get; private set; }

    /// <summary>Σ x·y (length d).</summary>
    public double[] SumXy { get; }

    /// <summary>Σ x·xᵀ, d×d row-major (symmetric, both halves filled).</summary>
    public double[] Gram { get; }

    /// <summary>
    /// Moments of the rows <paramref name="rows"/> of the row-major <paramref name="x"/> (n×d) with
    /// targets <paramref name="y"/>. Sums run in row order; the Gram is accumulated four rows at a time
    /// in 4×4 blocks of (j, k) with fused multiply-adds (lanes added in a fixed order), so the result
    /// is deterministic.
    /// </summary>
    public static FoldMoments Compute(double[] x, int d, double[] y, ReadOnlySpan<int> rows, int threads)
    {
        var m = new FoldMoments(d) { Count = rows.Length };
        var padded = (rows.Length + 3) / 4 * 4;
        var columns = new double[d * padded];
        for (var p = 0; p < rows.Length; p++)
        {
            var r = rows[p];
            m.SumY += y[r];
            m.SumYy += y[r] * y[r];
            for (var j = 0; j < d; j++)
            {
                var v = x[r * d + j];
                columns[j * padded + p] = v;
                m.SumX[j] += v;
                m.SumXy[j] += v * y[r];
            }
        }

        var g = m.Gram;
        var strips = (d + 3) / 4;
        Parallel.For(0, strips, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, strip =>
        {
            var j0 = strip * 4;
            for (var k0 = j0; k0 < d; k0 += 4)
            {
                var block = new double[16];
                Block(columns, padded, j0, Math.Min(4, d - j0), k0, Math.Min(4, d - k0), block);
                for (var a = 0; a < Math.Min(4, d - j0); a++)
                {
                    for (var b = 0; b < Math.Min(4, d - k0); b++)
                    {
                        g[(j0 + a) * d + k0 + b] = block[a * 4 + b];
                        g[(k0 + b) * d + j0 + a] = block[a * 4 + b];
                    }
                }
            }
        });

        return m;
    }

    /// <summary>Adds <paramref name="other"/> into this (for unions of folds).</summary>
    public void Add(FoldMoments other)
    {
        Count += other.Count;
        SumY += other.SumY;
        SumYy += other.SumYy;
        for (var j = 0; j < SumX.Length; j++)
        {
            SumX[j] += other.SumX[j];
            SumXy[j] += other.SumXy[j];
        }

        for (var i = 0; i < Gram.Length; i++) Gram[i] += other.Gram[i];
    }

    /// <summary>The sum of the moments of the folds in <paramref name="include"/>.</summary>
    public static FoldMoments Sum(FoldMoments[] folds, ReadOnlySpan<bool> include, int d)
    {
        var total = new FoldMoments(d);
        for (var f = 0; f < folds.Length; f++)
            if (include[f]) total.Add(folds[f]);
        return total;
    }

    /// <summary>block[a·4 + b] = Σ_rows col(j0+a)·col(k0+b) for a &lt; ja, b &lt; kb (missing columns read as column j0).</summary>
    private static unsafe void Block(double[] columns, int padded, int j0, int ja, int k0, int kb, double[] block)
    {
        fixed (double* c = columns)
        {
            var x0 = c + (long)j0 * padded;
            var x1 = c + (long)(j0 + Math.Min(1, ja - 1)) * padded;
            var x2 = c + (long)(j0 + Math.Min(2, ja - 1)) * padded;
            var x3 = c + (long)(j0 + Math.Min(3, ja - 1)) * padded;
            var y0 = c + (long)k0 * padded;
            var y1 = c + (long)(k0 + Math.Min(1, kb - 1)) * padded;
            var y2 = c + (long)(k0 + Math.Min(2, kb - 1)) * padded;
            var y3 = c + (long)(k0 + Math.Min(3, kb - 1)) * padded;
            Vector256<double> a00 = default, a01 = default, a02 = default, a03 = default;
            Vector256<double> a10 = default, a11 = default, a12 = default, a13 = default;
            Vector256<double> a20 = default, a21 = default, a22 = default, a23 = default;
            Vector256<double> a30 = default, a31 = default, a32 = default, a33 = default;
            for (var p = 0; p < padded; p += 4)
            {
                var u0 = Vector256.Load(x0 + p);
                var u1 = Vector256.Load(x1 + p);
                var u2 = Vector256.Load(x2 + p);
                var u3 = Vector256.Load(x3 + p);
                var v0 = Vector256.Load(y0 + p);
                var v1 = Vector256.Load(y1 + p);
                var v2 = Vector256.Load(y2 + p);
                var v3 = Vector256.Load(y3 + p);
                a00 = Vector256.FusedMultiplyAdd(u0, v0, a00);
                a01 = Vector256.FusedMultiplyAdd(u0, v1, a01);
                a02 = Vector256.FusedMultiplyAdd(u0, v2, a02);
                a03 = Vector256.FusedMultiplyAdd(u0, v3, a03);
                a10 = Vector256.FusedMultiplyAdd(u1, v0, a10);
                a11 = Vector256.FusedMultiplyAdd(u1, v1, a11);
                a12 = Vector256.FusedMultiplyAdd(u1, v2, a12);
                a13 = Vector256.FusedMultiplyAdd(u1, v3, a13);
                a20 = Vector256.FusedMultiplyAdd(u2, v0, a20);
                a21 = Vector256.FusedMultiplyAdd(u2, v1, a21);
                a22 = Vector256.FusedMultiplyAdd(u2, v2, a22);
                a23 = Vector256.FusedMultiplyAdd(u2, v3, a23);
                a30 = Vector256.FusedMultiplyAdd(u3, v0, a30);
                a31 = Vector256.FusedMultiplyAdd(u3, v1, a31);
                a32 = Vector256.FusedMultiplyAdd(u3, v2, a32);
                a33 = Vector256.FusedMultiplyAdd(u3, v3, a33);
            }

            block[0] = Vector256.Sum(a00);
            block[1] = Vector256.Sum(a01);
            block[2] = Vector256.Sum(a02);
            block[3] = Vector256.Sum(a03);
            block[4] = Vector256.Sum(a10);
            block[5] = Vector256.Sum(a11);
            block[6] = Vector256.Sum(a12);
            block[7] = Vector256.Sum(a13);
            block[8] = Vector256.Sum(a20);
            block[9] = Vector256.Sum(a21);
            block[10] = Vector256.Sum(a22);
            block[11] = Vector256.Sum(a23);
            block[12] = Vector256.Sum(a30);
            block[13] = Vector256.Sum(a31);
            block[14] = Vector256.Sum(a32);
            block[15] = Vector256.Sum(a33);
        }
    }
}
