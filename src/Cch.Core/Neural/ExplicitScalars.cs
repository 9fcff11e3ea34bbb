using TorchSharp;
using static TorchSharp.torch;

namespace Cch.Neural;

/// <summary>
/// Tensor arithmetic with constants, each constant an explicit <see cref="Scalar"/> that stays alive
/// until the native call returns. TorchSharp 0.107 turns <c>double</c> arguments (<c>x * 0.5</c>,
/// <c>a + b</c>'s implicit α = 1, <c>clamp(min, max)</c>) into temporary scalars and passes only their
/// handles to libtorch, so a garbage collection started by another thread can finalize one mid-call
/// (seen as "Expected false to be true … toFloat at c10/core/Scalar.h:140"; see <see cref="AdamWOptimizer"/>).
/// Every training code path in Cch uses these helpers instead.
/// </summary>
internal static class ExplicitScalars
{
    /// <summary><paramref name="t"/>·<paramref name="factor"/>.</summary>
    public static Tensor Scale(Tensor t, double factor)
    {
        using var s = factor.ToScalar();
        return t.mul(s);
    }

    /// <summary><paramref name="a"/> + <paramref name="b"/> with an explicit α = 1.</summary>
    public static Tensor Sum(Tensor a, Tensor b)
    {
        using var one = 1.0.ToScalar();
        return a.add(b, one);
    }

    /// <summary><paramref name="a"/> − <paramref name="b"/> (as a + (−1)·b, with an explicit α = −1).</summary>
    public static Tensor Difference(Tensor a, Tensor b)
    {
        using var minusOne = (-1.0).ToScalar();
        return a.add(b, minusOne);
    }

    /// <summary><paramref name="t"/> + <paramref name="constant"/>.</summary>
    public static Tensor Shift(Tensor t, double constant)
    {
        using var c = constant.ToScalar();
        using var one = 1.0.ToScalar();
        return t.add(c, one);
    }

    /// <summary><paramref name="t"/> clamped to [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static Tensor Clamp(Tensor t, double min, double max)
    {
        using var lo = min.ToScalar();
        using var hi = max.ToScalar();
        return t.clamp(lo, hi);
    }

    /// <summary>
    /// softplus(x) = ln(1 + eˣ), computed as relu(x) + ln(1 + e^(−|x|)) (exact, overflow-free, and free of
    /// TorchSharp's scalar-taking <c>softplus(β, threshold)</c>).
    /// </summary>
    public static Tensor Softplus(Tensor x) => Sum(x.relu(), x.abs().neg().exp().log1p());
}
