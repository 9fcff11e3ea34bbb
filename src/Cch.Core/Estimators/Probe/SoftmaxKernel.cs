using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Cch.Estimators.Probe;

/// <summary>
/// The hot loop of the classification probe: for one block of <see cref="TiledRows"/>, the summed
/// cross-entropy Σ_i −ln softmax(Wᵀz_i + b)_{y_i} and its gradient with respect to (W, b), i.e.
/// Zᵀ(P − Y) and 1ᵀ(P − Y). Float32, one tile of 16 rows at a time, so that a tile is read from
/// memory once and reused from cache:
/// <list type="number">
/// <item>logits: for each row and class, 16 lanes of fused multiply-adds over the features (lane l
/// sums features ≡ l mod 16, in order), the lanes added in a fixed order (lanes 8–15 onto 0–7, then
/// <see cref="Vector256.Sum{T}(Vector256{T})"/>), then the intercept;</item>
/// <item>softmax with the row maximum subtracted, vectorised over the tile's 16 rows;</item>
/// <item>gradient: for each 16-feature chunk and class, a register accumulator over the tile's 16
/// rows (z_r·r_rc), added into a per-block float32 accumulator (classes × features).</item>
/// </list>
/// Written twice, with one 512-bit vector per 16 lanes (AVX-512) and with two 256-bit vectors (AVX2,
/// or emulated elsewhere); every operation is lane-wise and the reductions run in the same order, so
/// both give the same bits wherever the runtime's vector exp/log agree. Loss per tile is reduced to a
/// double; the caller adds the per-block partials in block order.
/// </summary>
internal static unsafe class SoftmaxKernel
{
    private const int Tw = TiledRows.TileWidth;

    /// <summary>Floats of scratch one call needs: logits of a tile (C·16), the gradient accumulator (C·stride) and intercept lanes (C·16).</summary>
    public static int ScratchLength(int classes, int stride) => classes * (2 * Tw + stride);

    /// <summary>
    /// Loss of block <c>block</c> at weights <c>wt</c> (C×stride, class-major float32, zero beyond d)
    /// and intercepts <c>bias</c> (C); when <c>grad</c> is not null also writes the gradient
    /// (d+1)×C (row-major, row d the intercepts) there, overwriting it. <c>scratch</c>:
    /// <see cref="ScratchLength"/> 64-byte aligned floats. <c>wide</c> selects the 512-bit code.
    /// </summary>
    public static double Block(TiledRows data, int block, float* wt, float* bias, int classes, float* scratch, double* grad, bool wide)
    {
        var (t0, nt) = data.Blocks[block];
        var stride = data.Stride;
        var c = classes;
        var l = scratch;
        var gAcc = scratch + c * Tw;
        var bAcc = gAcc + c * stride;
        if (grad is not null) new Span<float>(gAcc, c * (stride + Tw)).Clear();
        var loss = 0.0;
        for (var t = t0; t < t0 + nt; t++)
        {
            var rows = data.Pointer + (long)t * Tw * stride;
            var labels = data.Labels + t * Tw;
            if (wide)
            {
                for (var r = 0; r < Tw; r += 2) Logits512(rows + r * stride, stride, wt, bias, c, l + r);
                loss += Softmax512(l, labels, c, grad is null ? null : bAcc);
                if (grad is not null) Gradient512(rows, stride, l, c, gAcc);
            }
            else
            {
                for (var r = 0; r < Tw; r++) Logits256(rows + r * stride, stride, wt, bias, c, l + r);
                loss += Softmax256(l, labels, c, grad is null ? null : bAcc);
                if (grad is not null) Gradient256(rows, stride, l, c, gAcc);
            }
        }

        if (grad is null) return loss;
        var d = data.Dims;
        for (var j = 0; j < d; j++)
            for (var k = 0; k < c; k++)
                grad[j * c + k] = gAcc[k * stride + j];
        for (var k = 0; k < c; k++)
        {
            var b = bAcc + k * Tw;
            grad[d * c + k] = Vector256.Sum(Vector256.Load(b) + Vector256.Load(b + 8));
        }

        return loss;
    }

    /// <summary>
    /// Logits of two rows (<paramref name="z"/> and z + stride) for all classes, written at
    /// output[k·16] and output[k·16 + 1]. Classes go in chunks of 4, 2 and 1 so that each chunk keeps
    /// 2–8 independent accumulators in flight.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Logits512(float* z, int stride, float* w, float* bias, int c, float* output)
    {
        var u = z + stride;
        var k = 0;
        for (; k + 4 <= c; k += 4)
        {
            var w0 = w + k * stride;
            Vector512<float> a0 = default, a1 = default, a2 = default, a3 = default;
            Vector512<float> b0 = default, b1 = default, b2 = default, b3 = default;
            for (var m = 0; m < stride; m += Tw)
            {
                var v = Vector512.Load(z + m);
                var x = Vector512.Load(u + m);
                var q0 = Vector512.Load(w0 + m);
                var q1 = Vector512.Load(w0 + stride + m);
                var q2 = Vector512.Load(w0 + 2 * stride + m);
                var q3 = Vector512.Load(w0 + 3 * stride + m);
                a0 = Vector512.FusedMultiplyAdd(v, q0, a0);
                b0 = Vector512.FusedMultiplyAdd(x, q0, b0);
                a1 = Vector512.FusedMultiplyAdd(v, q1, a1);
                b1 = Vector512.FusedMultiplyAdd(x, q1, b1);
                a2 = Vector512.FusedMultiplyAdd(v, q2, a2);
                b2 = Vector512.FusedMultiplyAdd(x, q2, b2);
                a3 = Vector512.FusedMultiplyAdd(v, q3, a3);
                b3 = Vector512.FusedMultiplyAdd(x, q3, b3);
            }

            Put(output + k * Tw, a0, b0, bias[k]);
            Put(output + (k + 1) * Tw, a1, b1, bias[k + 1]);
            Put(output + (k + 2) * Tw, a2, b2, bias[k + 2]);
            Put(output + (k + 3) * Tw, a3, b3, bias[k + 3]);
        }

        for (; k + 2 <= c; k += 2)
        {
            var w0 = w + k * stride;
            Vector512<float> a0 = default, a1 = default, b0 = default, b1 = default;
            for (var m = 0; m < stride; m += Tw)
            {
                var v = Vector512.Load(z + m);
                var x = Vector512.Load(u + m);
                var q0 = Vector512.Load(w0 + m);
                var q1 = Vector512.Load(w0 + stride + m);
                a0 = Vector512.FusedMultiplyAdd(v, q0, a0);
                b0 = Vector512.FusedMultiplyAdd(x, q0, b0);
                a1 = Vector512.FusedMultiplyAdd(v, q1, a1);
                b1 = Vector512.FusedMultiplyAdd(x, q1, b1);
            }

            Put(output + k * Tw, a0, b0, bias[k]);
            Put(output + (k + 1) * Tw, a1, b1, bias[k + 1]);
        }

        for (; k < c; k++)
        {
            var w0 = w + k * stride;
            Vector512<float> a0 = default, b0 = default;
            for (var m = 0; m < stride; m += Tw)
            {
                var q0 = Vector512.Load(w0 + m);
                a0 = Vector512.FusedMultiplyAdd(Vector512.Load(z + m), q0, a0);
                b0 = Vector512.FusedMultiplyAdd(Vector512.Load(u + m), q0, b0);
            }

            Put(output + k * Tw, a0, b0, bias[k]);
        }
    }

    /// <summary>output[0] = Σlanes(a) + bias, output[1] = Σlanes(b) + bias, lanes added as in the type's remarks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Put(float* output, Vector512<float> a, Vector512<float> b, float bias)
    {
        output[0] = Vector256.Sum(a.GetLower() + a.GetUpper()) + bias;
        output[1] = Vector256.Sum(b.GetLower() + b.GetUpper()) + bias;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Logits256(float* z, int stride, float* w, float* bias, int c, float* output)
    {
        var k = 0;
        for (; k + 4 <= c; k += 4)
        {
            var w0 = w + k * stride;
            Vector256<float> a0 = default, b0 = default, a1 = default, b1 = default;
            Vector256<float> a2 = default, b2 = default, a3 = default, b3 = default;
            for (var m = 0; m < stride; m += Tw)
            {
                var v = Vector256.Load(z + m);
                var u = Vector256.Load(z + m + 8);
                a0 = Vector256.FusedMultiplyAdd(v, Vector256.Load(w0 + m), a0);
                b0 = Vector256.FusedMultiplyAdd(u, Vector256.Load(w0 + m + 8), b0);
                a1 = Vector256.FusedMultiplyAdd(v, Vector256.Load(w0 + stride + m), a1);
                b1 = Vector256.FusedMultiplyAdd(u, Vector256.Load(w0 + stride + m + 8), b1);
                a2 = Vector256.FusedMultiplyAdd(v, Vector256.Load(w0 + 2 * stride + m), a2);
                b2 = Vector256.FusedMultiplyAdd(u, Vector256.Load(w0 + 2 * stride + m + 8), b2);
                a3 = Vector256.FusedMultiplyAdd(v, Vector256.Load(w0 + 3 * stride + m), a3);
                b3 = Vector256.FusedMultiplyAdd(u, Vector256.Load(w0 + 3 * stride + m + 8), b3);
            }

            output[k * Tw] = Vector256.Sum(a0 + b0) + bias[k];
            output[(k + 1) * Tw] = Vector256.Sum(a1 + b1) + bias[k + 1];
            output[(k + 2) * Tw] = Vector256.Sum(a2 + b2) + bias[k + 2];
            output[(k + 3) * Tw] = Vector256.Sum(a3 + b3) + bias[k + 3];
        }

        for (; k + 2 <= c; k += 2)
        {
            var w0 = w + k * stride;
            Vector256<float> a0 = default, b0 = default, a1 = default, b1 = default;
            for (var m = 0; m < stride; m += Tw)
            {
                var v = Vector256.Load(z + m);
                var u = Vector256.Load(z + m + 8);
                a0 = Vector256.FusedMultiplyAdd(v, Vector256.Load(w0 + m), a0);
                b0 = Vector256.FusedMultiplyAdd(u, Vector256.Load(w0 + m + 8), b0);
                a1 = Vector256.FusedMultiplyAdd(v, Vector256.Load(w0 + stride + m), a1);
                b1 = Vector256.FusedMultiplyAdd(u, Vector256.Load(w0 + stride + m + 8), b1);
            }

            output[k * Tw] = Vector256.Sum(a0 + b0) + bias[k];
            output[(k + 1) * Tw] = Vector256.Sum(a1 + b1) + bias[k + 1];
        }

        for (; k < c; k++)
        {
            var w0 = w + k * stride;
            Vector256<float> a0 = default, b0 = default;
            for (var m = 0; m < stride; m += Tw)
            {
                a0 = Vector256.FusedMultiplyAdd(Vector256.Load(z + m), Vector256.Load(w0 + m), a0);
                b0 = Vector256.FusedMultiplyAdd(Vector256.Load(z + m + 8), Vector256.Load(w0 + m + 8), b0);
            }

            output[k * Tw] = Vector256.Sum(a0 + b0) + bias[k];
        }
    }

    /// <summary>
    /// Softmax over the classes for the tile's 16 rows (logits at l[k·16 + r]); returns the summed
    /// loss of the valid rows. With <paramref name="bAcc"/> the logits are replaced by the residuals
    /// p − 1{y = k} (0 for padding rows) and added to the intercept lanes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float Softmax512(float* l, int* labels, int c, float* bAcc)
    {
        var y = Vector512.Load(labels);
        var valid = Vector512.GreaterThanOrEqual(y, Vector512<int>.Zero).AsSingle() & Vector512<float>.One;
        var max = Vector512.Load(l);
        var labelLogit = Vector512.ConditionalSelect(Vector512.Equals(y, Vector512<int>.Zero).AsSingle(), max, Vector512<float>.Zero);
        for (var k = 1; k < c; k++)
        {
            var v = Vector512.Load(l + k * Tw);
            max = Vector512.Max(max, v);
            labelLogit = Vector512.ConditionalSelect(Vector512.Equals(y, Vector512.Create(k)).AsSingle(), v, labelLogit);
        }

        var sum = Vector512<float>.Zero;
        for (var k = 0; k < c; k++)
        {
            var e = Vector512.Exp(Vector512.Load(l + k * Tw) - max);
            e.Store(l + k * Tw);
            sum += e;
        }

        var loss = (Vector512.Log(sum) + max - labelLogit) * valid;
        if (bAcc is not null)
        {
            var inverse = Vector512<float>.One / sum;
            for (var k = 0; k < c; k++)
            {
                var indicator = Vector512.Equals(y, Vector512.Create(k)).AsSingle() & Vector512<float>.One;
                var residual = (Vector512.Load(l + k * Tw) * inverse - indicator) * valid;
                residual.Store(l + k * Tw);
                (Vector512.Load(bAcc + k * Tw) + residual).Store(bAcc + k * Tw);
            }
        }

        return Vector256.Sum(loss.GetLower() + loss.GetUpper());
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float Softmax256(float* l, int* labels, int c, float* bAcc)
    {
        var one = Vector256<float>.One;
        var y0 = Vector256.Load(labels);
        var y1 = Vector256.Load(labels + 8);
        var valid0 = Vector256.GreaterThanOrEqual(y0, Vector256<int>.Zero).AsSingle() & one;
        var valid1 = Vector256.GreaterThanOrEqual(y1, Vector256<int>.Zero).AsSingle() & one;
        var max0 = Vector256.Load(l);
        var max1 = Vector256.Load(l + 8);
        var label0 = Vector256.ConditionalSelect(Vector256.Equals(y0, Vector256<int>.Zero).AsSingle(), max0, Vector256<float>.Zero);
        var label1 = Vector256.ConditionalSelect(Vector256.Equals(y1, Vector256<int>.Zero).AsSingle(), max1, Vector256<float>.Zero);
        for (var k = 1; k < c; k++)
        {
            var v0 = Vector256.Load(l + k * Tw);
            var v1 = Vector256.Load(l + k * Tw + 8);
            max0 = Vector256.Max(max0, v0);
            max1 = Vector256.Max(max1, v1);
            var kv = Vector256.Create(k);
            label0 = Vector256.ConditionalSelect(Vector256.Equals(y0, kv).AsSingle(), v0, label0);
            label1 = Vector256.ConditionalSelect(Vector256.Equals(y1, kv).AsSingle(), v1, label1);
        }

        var sum0 = Vector256<float>.Zero;
        var sum1 = Vector256<float>.Zero;
        for (var k = 0; k < c; k++)
        {
            var e0 = Vector256.Exp(Vector256.Load(l + k * Tw) - max0);
            var e1 = Vector256.Exp(Vector256.Load(l + k * Tw + 8) - max1);
            e0.Store(l + k * Tw);
            e1.Store(l + k * Tw + 8);
            sum0 += e0;
            sum1 += e1;
        }

        var loss0 = (Vector256.Log(sum0) + max0 - label0) * valid0;
        var loss1 = (Vector256.Log(sum1) + max1 - label1) * valid1;
        if (bAcc is not null)
        {
            var inverse0 = one / sum0;
            var inverse1 = one / sum1;
            for (var k = 0; k < c; k++)
            {
                var kv = Vector256.Create(k);
                var r0 = (Vector256.Load(l + k * Tw) * inverse0 - (Vector256.Equals(y0, kv).AsSingle() & one)) * valid0;
                var r1 = (Vector256.Load(l + k * Tw + 8) * inverse1 - (Vector256.Equals(y1, kv).AsSingle() & one)) * valid1;
                r0.Store(l + k * Tw);
                r1.Store(l + k * Tw + 8);
                (Vector256.Load(bAcc + k * Tw) + r0).Store(bAcc + k * Tw);
                (Vector256.Load(bAcc + k * Tw + 8) + r1).Store(bAcc + k * Tw + 8);
            }
        }

        return Vector256.Sum(loss0 + loss1);
    }

    /// <summary>acc[k·stride + j] += Σ_{r&lt;16} z_r[j]·res[k·16 + r] for every feature chunk and class.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Gradient512(float* rows, int stride, float* res, int c, float* acc)
    {
        for (var m = 0; m < stride; m += Tw)
        {
            var z = rows + m;
            var k = 0;
            for (; k + 4 <= c; k += 4)
            {
                var r = res + k * Tw;
                var a0 = Vector512<float>.Zero;
                var a1 = Vector512<float>.Zero;
                var a2 = Vector512<float>.Zero;
                var a3 = Vector512<float>.Zero;
                for (var i = 0; i < Tw; i++)
                {
                    var v = Vector512.Load(z + i * stride);
                    a0 = Vector512.FusedMultiplyAdd(v, Vector512.Create(r[i]), a0);
                    a1 = Vector512.FusedMultiplyAdd(v, Vector512.Create(r[Tw + i]), a1);
                    a2 = Vector512.FusedMultiplyAdd(v, Vector512.Create(r[2 * Tw + i]), a2);
                    a3 = Vector512.FusedMultiplyAdd(v, Vector512.Create(r[3 * Tw + i]), a3);
                }

                var g = acc + k * stride + m;
                (Vector512.Load(g) + a0).Store(g);
                (Vector512.Load(g + stride) + a1).Store(g + stride);
                (Vector512.Load(g + 2 * stride) + a2).Store(g + 2 * stride);
                (Vector512.Load(g + 3 * stride) + a3).Store(g + 3 * stride);
            }

            for (; k + 2 <= c; k += 2)
            {
                var r = res + k * Tw;
                var a0 = Vector512<float>.Zero;
                var a1 = Vector512<float>.Zero;
                for (var i = 0; i < Tw; i++)
                {
                    var v = Vector512.Load(z + i * stride);
                    a0 = Vector512.FusedMultiplyAdd(v, Vector512.Create(r[i]), a0);
                    a1 = Vector512.FusedMultiplyAdd(v, Vector512.Create(r[Tw + i]), a1);
                }

                var g = acc + k * stride + m;
                (Vector512.Load(g) + a0).Store(g);
                (Vector512.Load(g + stride) + a1).Store(g + stride);
            }

            for (; k < c; k++)
            {
                var r = res + k * Tw;
                var a0 = Vector512<float>.Zero;
                for (var i = 0; i < Tw; i++) a0 = Vector512.FusedMultiplyAdd(Vector512.Load(z + i * stride), Vector512.Create(r[i]), a0);
                var g = acc + k * stride + m;
                (Vector512.Load(g) + a0).Store(g);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Gradient256(float* rows, int stride, float* res, int c, float* acc)
    {
        for (var m = 0; m < stride; m += Tw)
        {
            var z = rows + m;
            var k = 0;
            for (; k + 2 <= c; k += 2)
            {
                var r = res + k * Tw;
                Vector256<float> a0 = default, b0 = default, a1 = default, b1 = default;
                for (var i = 0; i < Tw; i++)
                {
                    var v = Vector256.Load(z + i * stride);
                    var u = Vector256.Load(z + i * stride + 8);
                    var s0 = Vector256.Create(r[i]);
                    var s1 = Vector256.Create(r[Tw + i]);
                    a0 = Vector256.FusedMultiplyAdd(v, s0, a0);
                    b0 = Vector256.FusedMultiplyAdd(u, s0, b0);
                    a1 = Vector256.FusedMultiplyAdd(v, s1, a1);
                    b1 = Vector256.FusedMultiplyAdd(u, s1, b1);
                }

                var g = acc + k * stride + m;
                (Vector256.Load(g) + a0).Store(g);
                (Vector256.Load(g + 8) + b0).Store(g + 8);
                (Vector256.Load(g + stride) + a1).Store(g + stride);
                (Vector256.Load(g + stride + 8) + b1).Store(g + stride + 8);
            }

            for (; k < c; k++)
            {
                var r = res + k * Tw;
                Vector256<float> a0 = default, b0 = default;
                for (var i = 0; i < Tw; i++)
                {
                    var s = Vector256.Create(r[i]);
                    a0 = Vector256.FusedMultiplyAdd(Vector256.Load(z + i * stride), s, a0);
                    b0 = Vector256.FusedMultiplyAdd(Vector256.Load(z + i * stride + 8), s, b0);
                }

                var g = acc + k * stride + m;
                (Vector256.Load(g) + a0).Store(g);
                (Vector256.Load(g + 8) + b0).Store(g + 8);
            }
        }
    }
}
