using System.Numerics;
using System.Runtime.CompilerServices;

namespace Cch.Estimators.Internal;

/// <summary>
/// The one dense matrix kernel behind the covariance-based estimators (Gram matrices, blocked
/// Cholesky, triangular solves): C[i,j] += α·Σ_t A[i,t]·B[j,t] for row-major A (m×k, leading
/// dimension lda), B (n×k, ldb) and C (m×n, ldc) — that is C += α·A·Bᵀ, every product a dot
/// product of two contiguous rows.
/// </summary>
/// <remarks>
/// Register tiles of 3×3 dot products (nine vector accumulators, three rows of A and three of B
/// loaded per step) over k-chunks of <see cref="KChunk"/> values and B-blocks of
/// <see cref="BBlock"/> rows, so the three A rows of a chunk stay in L1 and the B block in L2.
/// <see cref="Vector{T}"/> arithmetic with fused multiply–add. Each C element is accumulated by one
/// thread in a fixed order (k-chunks ascending, lanes summed in a fixed tree), so results do not
/// depend on the thread count; they may differ in the last bits between machines with different
/// vector widths.
/// </remarks>
internal static unsafe class DenseKernel
{
    /// <summary>Values of k per chunk: 3 + 3 rows × 512 doubles = 24 KB, within a 32 KB L1.</summary>
    private const int KChunk = 512;

    /// <summary>Rows of B per block: 96 × 512 doubles = 384 KB, within a 512 KB–1 MB L2.</summary>
    private const int BBlock = 96;

    /// <summary>C += α·A·Bᵀ on the calling thread.</summary>
    public static void MultiplyAddTransposed(double* c, int ldc, double* a, int lda, double* b, int ldb, int m, int n, int k, double alpha)
    {
        for (var k0 = 0; k0 < k; k0 += KChunk)
        {
            var kc = Math.Min(KChunk, k - k0);
            for (var j0 = 0; j0 < n; j0 += BBlock)
            {
                var nb = Math.Min(BBlock, n - j0);
                Block(c + j0, ldc, a + k0, lda, b + (long)j0 * ldb + k0, ldb, m, nb, kc, alpha);
            }
        }
    }

    /// <summary>
    /// C += α·A·Bᵀ with the rows of C split into blocks run in parallel (each block on one worker).
    /// </summary>
    public static void MultiplyAddTransposedParallel(double* c, int ldc, double* a, int lda, double* b, int ldb, int m, int n, int k, double alpha)
    {
        const int rowsPerTask = 48;
        var tasks = (m + rowsPerTask - 1) / rowsPerTask;
        if (tasks <= 1 || (long)m * n * k < 1_000_000)
        {
            MultiplyAddTransposed(c, ldc, a, lda, b, ldb, m, n, k, alpha);
            return;
        }

        var cp = (nint)c;
        var ap = (nint)a;
        var bp = (nint)b;
        BlockScheduler.Run(tasks, () => 0, (t, _) =>
        {
            var i0 = t * rowsPerTask;
            var rows = Math.Min(rowsPerTask, m - i0);
            MultiplyAddTransposed((double*)cp + (long)i0 * ldc, ldc, (double*)ap + (long)i0 * lda, lda, (double*)bp, ldb, rows, n, k, alpha);
        });
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Block(double* c, int ldc, double* a, int lda, double* b, int ldb, int m, int n, int k, double alpha)
    {
        var i = 0;
        for (; i + 3 <= m; i += 3)
        {
            var j = 0;
            for (; j + 3 <= n; j += 3) Tile3x3(c + (long)i * ldc + j, ldc, a + (long)i * lda, lda, b + (long)j * ldb, ldb, k, alpha);
            for (; j < n; j++)
                for (var r = 0; r < 3; r++)
                    c[(long)(i + r) * ldc + j] += alpha * Dot(a + (long)(i + r) * lda, b + (long)j * ldb, k);
        }

        for (; i < m; i++)
            for (var j = 0; j < n; j++)
                c[(long)i * ldc + j] += alpha * Dot(a + (long)i * lda, b + (long)j * ldb, k);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Tile3x3(double* c, int ldc, double* a, int lda, double* b, int ldb, int k, double alpha)
    {
        var w = Vector<double>.Count;
        var a0 = a;
        var a1 = a + lda;
        var a2 = a + 2 * (long)lda;
        var b0 = b;
        var b1 = b + ldb;
        var b2 = b + 2 * (long)ldb;
        Vector<double> s00 = default, s01 = default, s02 = default, s10 = default, s11 = default, s12 = default, s20 = default, s21 = default, s22 = default;
        var t = 0;
        for (; t + w <= k; t += w)
        {
            var x0 = Unsafe.ReadUnaligned<Vector<double>>(a0 + t);
            var x1 = Unsafe.ReadUnaligned<Vector<double>>(a1 + t);
            var x2 = Unsafe.ReadUnaligned<Vector<double>>(a2 + t);
            var y = Unsafe.ReadUnaligned<Vector<double>>(b0 + t);
            s00 = Vector.FusedMultiplyAdd(x0, y, s00);
            s10 = Vector.FusedMultiplyAdd(x1, y, s10);
            s20 = Vector.FusedMultiplyAdd(x2, y, s20);
            y = Unsafe.ReadUnaligned<Vector<double>>(b1 + t);
            s01 = Vector.FusedMultiplyAdd(x0, y, s01);
            s11 = Vector.FusedMultiplyAdd(x1, y, s11);
            s21 = Vector.FusedMultiplyAdd(x2, y, s21);
            y = Unsafe.ReadUnaligned<Vector<double>>(b2 + t);
            s02 = Vector.FusedMultiplyAdd(x0, y, s02);
            s12 = Vector.FusedMultiplyAdd(x1, y, s12);
            s22 = Vector.FusedMultiplyAdd(x2, y, s22);
        }

        double r00 = Vector.Sum(s00), r01 = Vector.Sum(s01), r02 = Vector.Sum(s02);
        double r10 = Vector.Sum(s10), r11 = Vector.Sum(s11), r12 = Vector.Sum(s12);
        double r20 = Vector.Sum(s20), r21 = Vector.Sum(s21), r22 = Vector.Sum(s22);
        for (; t < k; t++)
        {
            double x0 = a0[t], x1 = a1[t], x2 = a2[t], y0 = b0[t], y1 = b1[t], y2 = b2[t];
            r00 += x0 * y0; r01 += x0 * y1; r02 += x0 * y2;
            r10 += x1 * y0; r11 += x1 * y1; r12 += x1 * y2;
            r20 += x2 * y0; r21 += x2 * y1; r22 += x2 * y2;
        }

        c[0] += alpha * r00; c[1] += alpha * r01; c[2] += alpha * r02;
        c += ldc;
        c[0] += alpha * r10; c[1] += alpha * r11; c[2] += alpha * r12;
        c += ldc;
        c[0] += alpha * r20; c[1] += alpha * r21; c[2] += alpha * r22;
    }

    /// <summary>Σ_t x[t]·y[t] with the same lane order as the tiles.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Dot(double* x, double* y, int k)
    {
        var w = Vector<double>.Count;
        Vector<double> s = default;
        var t = 0;
        for (; t + w <= k; t += w)
            s = Vector.FusedMultiplyAdd(Unsafe.ReadUnaligned<Vector<double>>(x + t), Unsafe.ReadUnaligned<Vector<double>>(y + t), s);
        var r = Vector.Sum(s);
        for (; t < k; t++) r += x[t] * y[t];
        return r;
    }
}
