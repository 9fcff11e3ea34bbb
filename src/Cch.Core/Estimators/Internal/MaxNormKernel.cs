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
/// <para>
/// The max is <c>MaxNative</c> (one <c>vmaxps</c>), not <c>Vector.Max</c>: since .NET 9 the latter is
/// IEEE 754-2019 <c>maximum</c> (NaN-propagating, −0 &lt; +0), which the JIT builds from vrangeps + 2
/// vfixupimmps on AVX-512 and from 3 compares, 3 logic ops and a blend on AVX2 — 4× and 10× the one
/// instruction, which made the kernel ALU-bound on the max (docs/benchmarks.md, "k-NN kernel:
/// operations per cycle"). Here both operands are ≥ +0 (the accumulators start at +0 and the and-mask
/// clears the sign) and never NaN (prepared values are finite), so vmaxps gives the same bits.
/// </para>
/// </summary>
internal static unsafe class MaxNormKernel
{
    /// <summary>Points processed per pass over the data.</summary>
    public const int BlockRows = 8;

    private const int W = PreparedSpace.TileWidth;

    /// <summary>All bits but the sign: |x| = x &amp; mask.</summary>
    private const int AbsMask = 0x7FFF_FFFF;

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
            var abs = Vector512.Create(AbsMask).AsSingle();
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
                a0 = Vector512.MaxNative(a0, (v - Vector512.Create(s[0])) & abs);
                a1 = Vector512.MaxNative(a1, (v - Vector512.Create(s[1])) & abs);
                a2 = Vector512.MaxNative(a2, (v - Vector512.Create(s[2])) & abs);
                a3 = Vector512.MaxNative(a3, (v - Vector512.Create(s[3])) & abs);
                a4 = Vector512.MaxNative(a4, (v - Vector512.Create(s[4])) & abs);
                a5 = Vector512.MaxNative(a5, (v - Vector512.Create(s[5])) & abs);
                a6 = Vector512.MaxNative(a6, (v - Vector512.Create(s[6])) & abs);
                a7 = Vector512.MaxNative(a7, (v - Vector512.Create(s[7])) & abs);
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
                var abs = Vector256.Create(AbsMask).AsSingle();
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
                    a0 = Vector256.MaxNative(a0, (v - Vector256.Create(s[0])) & abs);
                    a1 = Vector256.MaxNative(a1, (v - Vector256.Create(s[1])) & abs);
                    a2 = Vector256.MaxNative(a2, (v - Vector256.Create(s[2])) & abs);
                    a3 = Vector256.MaxNative(a3, (v - Vector256.Create(s[3])) & abs);
                    a4 = Vector256.MaxNative(a4, (v - Vector256.Create(s[4])) & abs);
                    a5 = Vector256.MaxNative(a5, (v - Vector256.Create(s[5])) & abs);
                    a6 = Vector256.MaxNative(a6, (v - Vector256.Create(s[6])) & abs);
                    a7 = Vector256.MaxNative(a7, (v - Vector256.Create(s[7])) & abs);
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
