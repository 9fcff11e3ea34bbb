using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Cch.Estimators.Internal;

/// <summary>
/// The k-NN core: max-norm (L∞) distances from a block of <see cref="BlockRows"/> consecutive points
/// to every point of a <see cref="PreparedSpace"/>. For each tile of 16 points the inner loop runs
/// over dimensions, loading one 16-float vector of the tile and updating eight accumulators
/// acc_b = max(acc_b, |x_j − x_{i0+b}|), so every loaded vector is used eight times and the
/// accumulators stay in registers. Float32 arithmetic (subtract, abs, max) is exact up to the one
/// rounding of the subtraction, so every ISA gives bit-identical distances.
/// </summary>
internal static unsafe class MaxNormKernel
{
    /// <summary>Points processed per pass over the data.</summary>
    public const int BlockRows = 8;

    private const int W = PreparedSpace.TileWidth;

    /// <summary>The instruction set <see cref="KernelIsa.Auto"/> resolves to on this machine.</summary>
    public static KernelIsa Best =>
        Vector512.IsHardwareAccelerated ? KernelIsa.Vector512
        : Vector256.IsHardwareAccelerated ? KernelIsa.Vector256
        : KernelIsa.Scalar;

    /// <summary>
    /// Writes, for b = 0..7, the distance from point <paramref name="i0"/>+b to point j at
    /// <c>output[b·stride + j]</c>, j = 0..PaddedRows−1 (padding columns hold garbage; rows
    /// i0+b ≥ N are garbage too). <paramref name="i0"/> must be a multiple of 8.
    /// </summary>
    public static void BlockDistances(PreparedSpace space, int i0, float* output, int stride, KernelIsa isa)
    {
        if (isa == KernelIsa.Auto) isa = Best;
        var panel = space.Pointer;
        var dims = space.Dims;
        var self = panel + (long)(i0 / W) * dims * W + (i0 % W);
        switch (isa)
        {
            case KernelIsa.Vector512:
                Block512(panel, self, dims, space.Tiles, output, stride);
                break;
            case KernelIsa.Vector256:
                Block256(panel, self, dims, space.Tiles, output, stride);
                break;
            default:
                BlockScalar(panel, self, dims, space.Tiles, output, stride);
                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Block512(float* panel, float* self, int dims, int tiles, float* output, int stride)
    {
        for (var t = 0; t < tiles; t++)
        {
            var p = panel + (long)t * dims * W;
            var s = self;
            var a0 = Vector512<float>.Zero;
            var a1 = Vector512<float>.Zero;
            var a2 = Vector512<float>.Zero;
            var a3 = Vector512<float>.Zero;
            var a4 = Vector512<float>.Zero;
            var a5 = Vector512<float>.Zero;
            var a6 = Vector512<float>.Zero;
            var a7 = Vector512<float>.Zero;
            for (var m = 0; m < dims; m++)
            {
                var v = Vector512.LoadAligned(p);
                a0 = Vector512.Max(a0, Vector512.Abs(v - Vector512.Create(s[0])));
                a1 = Vector512.Max(a1, Vector512.Abs(v - Vector512.Create(s[1])));
                a2 = Vector512.Max(a2, Vector512.Abs(v - Vector512.Create(s[2])));
                a3 = Vector512.Max(a3, Vector512.Abs(v - Vector512.Create(s[3])));
                a4 = Vector512.Max(a4, Vector512.Abs(v - Vector512.Create(s[4])));
                a5 = Vector512.Max(a5, Vector512.Abs(v - Vector512.Create(s[5])));
                a6 = Vector512.Max(a6, Vector512.Abs(v - Vector512.Create(s[6])));
                a7 = Vector512.Max(a7, Vector512.Abs(v - Vector512.Create(s[7])));
                p += W;
                s += W;
            }

            var o = output + (long)t * W;
            a0.Store(o);
            a1.Store(o + stride);
            a2.Store(o + 2 * stride);
            a3.Store(o + 3 * stride);
            a4.Store(o + 4 * stride);
            a5.Store(o + 5 * stride);
            a6.Store(o + 6 * stride);
            a7.Store(o + 7 * stride);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Block256(float* panel, float* self, int dims, int tiles, float* output, int stride)
    {
        for (var t = 0; t < tiles; t++)
        {
            for (var half = 0; half < W; half += 8)
            {
                var p = panel + (long)t * dims * W + half;
                var s = self;
                var a0 = Vector256<float>.Zero;
                var a1 = Vector256<float>.Zero;
                var a2 = Vector256<float>.Zero;
                var a3 = Vector256<float>.Zero;
                var a4 = Vector256<float>.Zero;
                var a5 = Vector256<float>.Zero;
                var a6 = Vector256<float>.Zero;
                var a7 = Vector256<float>.Zero;
                for (var m = 0; m < dims; m++)
                {
                    var v = Vector256.Load(p);
                    a0 = Vector256.Max(a0, Vector256.Abs(v - Vector256.Create(s[0])));
                    a1 = Vector256.Max(a1, Vector256.Abs(v - Vector256.Create(s[1])));
                    a2 = Vector256.Max(a2, Vector256.Abs(v - Vector256.Create(s[2])));
                    a3 = Vector256.Max(a3, Vector256.Abs(v - Vector256.Create(s[3])));
                    a4 = Vector256.Max(a4, Vector256.Abs(v - Vector256.Create(s[4])));
                    a5 = Vector256.Max(a5, Vector256.Abs(v - Vector256.Create(s[5])));
                    a6 = Vector256.Max(a6, Vector256.Abs(v - Vector256.Create(s[6])));
                    a7 = Vector256.Max(a7, Vector256.Abs(v - Vector256.Create(s[7])));
                    p += W;
                    s += W;
                }

                var o = output + (long)t * W + half;
                a0.Store(o);
                a1.Store(o + stride);
                a2.Store(o + 2 * stride);
                a3.Store(o + 3 * stride);
                a4.Store(o + 4 * stride);
                a5.Store(o + 5 * stride);
                a6.Store(o + 6 * stride);
                a7.Store(o + 7 * stride);
            }
        }
    }

    private static void BlockScalar(float* panel, float* self, int dims, int tiles, float* output, int stride)
    {
        for (var t = 0; t < tiles; t++)
        {
            for (var b = 0; b < BlockRows; b++)
            {
                for (var lane = 0; lane < W; lane++)
                {
                    var p = panel + (long)t * dims * W + lane;
                    var acc = 0f;
                    for (var m = 0; m < dims; m++)
                    {
                        var diff = MathF.Abs(p[m * W] - self[m * W + b]);
                        if (diff > acc) acc = diff;
                    }

                    output[b * stride + t * W + lane] = acc;
                }
            }
        }
    }
}
