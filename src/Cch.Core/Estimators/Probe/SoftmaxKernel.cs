using System.Runtime.CompilerServices;

namespace Cch.Estimators.Probe;

/// <summary>
/// The hot loop of the classification probe: for one block of <see cref="TiledRows"/>, the summed
/// cross-entropy Σ_i −ln softmax(Wᵀz_i + b)_{y_i} and its gradient with respect to (W, b), i.e.
/// Zᵀ(P − Y) and 1ᵀ(P − Y). Float32, one tile of 16 rows at a time, so that a tile is read from
/// memory once and reused from cache:
/// <list type="number">
/// <item>logits: for each row and class, a 16-lane fused multiply-add over the features (lane l
/// sums features ≡ l mod 16, in order), then the lanes are added in a fixed order
/// (<see cref="ILanes16{TSelf}.Sum"/>) and the intercept added;</item>
/// <item>softmax with the row maximum subtracted, vectorised over the tile's 16 rows;</item>
/// <item>gradient: for each 16-feature chunk and class, a register accumulator over the tile's 16
/// rows (z_r·r_rc), added into a per-block float32 accumulator Gᵀ (classes × features).</item>
/// </list>
/// The loss of each tile is reduced to a double; the caller adds the per-block partials in block order.
/// </summary>
internal static unsafe class SoftmaxKernel
{
    /// <summary>Floats of scratch one call needs: logits of a tile (C·16), the gradient accumulator (C·stride) and intercept lanes (C·16).</summary>
    public static int ScratchLength(int classes, int stride) => classes * (2 * TiledRows.TileWidth + stride);

    /// <summary>
    /// Loss of block <c>block</c> at weights <c>wt</c> (C×stride, class-major float32, zero beyond d)
    /// and intercepts <c>bias</c> (C); when <c>grad</c> is not null also writes the gradient
    /// (d+1)×C (row-major, row d the intercepts) there, overwriting it. <c>scratch</c>:
    /// <see cref="ScratchLength"/> 64-byte aligned floats.
    /// </summary>
    public static double Block<T>(TiledRows data, int block, float* wt, float* bias, int classes, float* scratch, double* grad)
        where T : struct, ILanes16<T>
    {
        const int tw = TiledRows.TileWidth;
        var (t0, nt) = data.Blocks[block];
        var d = data.Dims;
        var stride = data.Stride;
        var c = classes;
        var l = scratch;
        var gAcc = scratch + c * tw;
        var bAcc = gAcc + c * stride;
        if (grad is not null) new Span<float>(gAcc, c * (stride + tw)).Clear();
        var loss = 0.0;
        for (var t = t0; t < t0 + nt; t++)
        {
            var rows = data.Pointer + (long)t * tw * stride;
            for (var r = 0; r < tw; r++)
            {
                var z = rows + r * stride;
                var c0 = 0;
                for (; c0 + 4 <= c; c0 += 4) Logits4<T>(z, stride, wt + c0 * stride, bias + c0, l + c0 * tw + r);
                for (; c0 + 2 <= c; c0 += 2) Logits2<T>(z, stride, wt + c0 * stride, bias + c0, l + c0 * tw + r);
                for (; c0 < c; c0++) Logits1<T>(z, stride, wt + c0 * stride, bias + c0, l + c0 * tw + r);
            }

            var labels = data.Labels + t * tw;
            var max = T.Load(l);
            var labelLogit = T.Multiply(T.Indicator(labels, 0), max);
            for (var k = 1; k < c; k++)
            {
                var v = T.Load(l + k * tw);
                max = T.Max(max, v);
                labelLogit = T.Fma(T.Indicator(labels, k), v, labelLogit);
            }

            var sum = T.Zero;
            for (var k = 0; k < c; k++)
            {
                var e = T.Exp(T.Subtract(T.Load(l + k * tw), max));
                T.Store(e, l + k * tw);
                sum = T.Add(sum, e);
            }

            var valid = T.Valid(labels);
            loss += T.Sum(T.Multiply(T.Subtract(T.Add(T.Log(sum), max), labelLogit), valid));
            if (grad is null) continue;
            var inverse = T.Divide(T.Broadcast(1f), sum);
            for (var k = 0; k < c; k++)
            {
                var p = T.Multiply(T.Load(l + k * tw), inverse);
                var residual = T.Multiply(T.Subtract(p, T.Indicator(labels, k)), valid);
                T.Store(residual, l + k * tw);
                T.Store(T.Add(T.Load(bAcc + k * tw), residual), bAcc + k * tw);
            }

            for (var m = 0; m < stride; m += tw)
            {
                var k0 = 0;
                for (; k0 + 4 <= c; k0 += 4) Gradient4<T>(rows + m, stride, l + k0 * tw, gAcc + k0 * stride + m, stride);
                for (; k0 + 2 <= c; k0 += 2) Gradient2<T>(rows + m, stride, l + k0 * tw, gAcc + k0 * stride + m, stride);
                for (; k0 < c; k0++) Gradient1<T>(rows + m, stride, l + k0 * tw, gAcc + k0 * stride + m);
            }
        }

        if (grad is null) return loss;
        for (var j = 0; j < d; j++)
            for (var k = 0; k < c; k++)
                grad[j * c + k] = gAcc[k * stride + j];
        for (var k = 0; k < c; k++) grad[d * c + k] = T.Sum(T.Load(bAcc + k * tw));
        return loss;
    }

    /// <summary>Logits of one row for four classes, written at output[k·16].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Logits4<T>(float* z, int stride, float* w, float* bias, float* output)
        where T : struct, ILanes16<T>
    {
        const int tw = TiledRows.TileWidth;
        var a0 = T.Zero;
        var a1 = T.Zero;
        var a2 = T.Zero;
        var a3 = T.Zero;
        for (var m = 0; m < stride; m += tw)
        {
            var v = T.Load(z + m);
            a0 = T.Fma(v, T.Load(w + m), a0);
            a1 = T.Fma(v, T.Load(w + stride + m), a1);
            a2 = T.Fma(v, T.Load(w + 2 * stride + m), a2);
            a3 = T.Fma(v, T.Load(w + 3 * stride + m), a3);
        }

        output[0] = T.Sum(a0) + bias[0];
        output[tw] = T.Sum(a1) + bias[1];
        output[2 * tw] = T.Sum(a2) + bias[2];
        output[3 * tw] = T.Sum(a3) + bias[3];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Logits2<T>(float* z, int stride, float* w, float* bias, float* output)
        where T : struct, ILanes16<T>
    {
        const int tw = TiledRows.TileWidth;
        var a0 = T.Zero;
        var a1 = T.Zero;
        for (var m = 0; m < stride; m += tw)
        {
            var v = T.Load(z + m);
            a0 = T.Fma(v, T.Load(w + m), a0);
            a1 = T.Fma(v, T.Load(w + stride + m), a1);
        }

        output[0] = T.Sum(a0) + bias[0];
        output[tw] = T.Sum(a1) + bias[1];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Logits1<T>(float* z, int stride, float* w, float* bias, float* output)
        where T : struct, ILanes16<T>
    {
        const int tw = TiledRows.TileWidth;
        var a0 = T.Zero;
        for (var m = 0; m < stride; m += tw) a0 = T.Fma(T.Load(z + m), T.Load(w + m), a0);
        output[0] = T.Sum(a0) + bias[0];
    }

    /// <summary>
    /// acc[k·stride + 0..15] += Σ_{r&lt;16} z_r[0..15]·res[k·16 + r] for four classes: <paramref name="z"/>
    /// points at the chunk in the tile's first row, <paramref name="res"/> at the residuals of class k0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Gradient4<T>(float* z, int stride, float* res, float* acc, int accStride)
        where T : struct, ILanes16<T>
    {
        const int tw = TiledRows.TileWidth;
        var a0 = T.Zero;
        var a1 = T.Zero;
        var a2 = T.Zero;
        var a3 = T.Zero;
        for (var r = 0; r < tw; r++)
        {
            var v = T.Load(z + r * stride);
            a0 = T.Fma(v, T.Broadcast(res[r]), a0);
            a1 = T.Fma(v, T.Broadcast(res[tw + r]), a1);
            a2 = T.Fma(v, T.Broadcast(res[2 * tw + r]), a2);
            a3 = T.Fma(v, T.Broadcast(res[3 * tw + r]), a3);
        }

        T.Store(T.Add(T.Load(acc), a0), acc);
        T.Store(T.Add(T.Load(acc + accStride), a1), acc + accStride);
        T.Store(T.Add(T.Load(acc + 2 * accStride), a2), acc + 2 * accStride);
        T.Store(T.Add(T.Load(acc + 3 * accStride), a3), acc + 3 * accStride);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Gradient2<T>(float* z, int stride, float* res, float* acc, int accStride)
        where T : struct, ILanes16<T>
    {
        const int tw = TiledRows.TileWidth;
        var a0 = T.Zero;
        var a1 = T.Zero;
        for (var r = 0; r < tw; r++)
        {
            var v = T.Load(z + r * stride);
            a0 = T.Fma(v, T.Broadcast(res[r]), a0);
            a1 = T.Fma(v, T.Broadcast(res[tw + r]), a1);
        }

        T.Store(T.Add(T.Load(acc), a0), acc);
        T.Store(T.Add(T.Load(acc + accStride), a1), acc + accStride);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Gradient1<T>(float* z, int stride, float* res, float* acc)
        where T : struct, ILanes16<T>
    {
        const int tw = TiledRows.TileWidth;
        var a0 = T.Zero;
        for (var r = 0; r < tw; r++) a0 = T.Fma(T.Load(z + r * stride), T.Broadcast(res[r]), a0);
        T.Store(T.Add(T.Load(acc), a0), acc);
    }
}
