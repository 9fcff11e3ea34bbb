using System.Numerics;
using System.Runtime.CompilerServices;

namespace Cch.Estimators.Internal;

/// <summary>
/// Selection and counting over one row of distances. Lengths must be multiples of
/// <see cref="Vector{T}.Count"/> (the padded row length, a multiple of 16, always is).
/// Excluded entries (the point itself, padding) must be +∞.
/// </summary>
internal static class NeighbourSelection
{
    /// <summary>
    /// The k-th smallest of max(a_j, b_j) (the joint max-norm distance). Single pass: a sorted
    /// buffer of the k smallest so far and a vectorised test against its largest entry, so
    /// almost every vector is rejected by one compare. <paramref name="top"/> needs length ≥ k.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float KthSmallestOfMax(ReadOnlySpan<float> a, ReadOnlySpan<float> b, int k, Span<float> top)
    {
        top = top[..k];
        top.Fill(float.PositiveInfinity);
        var threshold = float.PositiveInfinity;
        var w = Vector<float>.Count;
        for (var j = 0; j < a.Length; j += w)
        {
            // MaxNative (one vmaxps): distances are ≥ +0 or +∞, never NaN or −0, so it equals Vector.Max,
            // which .NET 9+ builds from 4 (AVX-512) or 10 (AVX2) instructions for IEEE 754-2019 semantics.
            var v = Vector.MaxNative(new Vector<float>(a[j..]), new Vector<float>(b[j..]));
            if (!Vector.LessThanAny(v, new Vector<float>(threshold))) continue;
            for (var lane = 0; lane < w; lane++)
            {
                var x = v[lane];
                if (x < threshold) threshold = Insert(top, x);
            }
        }

        return top[k - 1];
    }

    /// <summary>The k-th smallest of <paramref name="a"/> (any length); see <see cref="KthSmallestOfMax"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float KthSmallest(ReadOnlySpan<float> a, int k, Span<float> top)
    {
        top = top[..k];
        top.Fill(float.PositiveInfinity);
        var threshold = float.PositiveInfinity;
        var w = Vector<float>.Count;
        var j = 0;
        for (; j <= a.Length - w; j += w)
        {
            var v = new Vector<float>(a[j..]);
            if (!Vector.LessThanAny(v, new Vector<float>(threshold))) continue;
            for (var lane = 0; lane < w; lane++)
            {
                var x = v[lane];
                if (x < threshold) threshold = Insert(top, x);
            }
        }

        for (; j < a.Length; j++)
        {
            if (a[j] < threshold) threshold = Insert(top, a[j]);
        }

        return top[k - 1];
    }

    /// <summary>Counts a_j &lt; eps and b_j &lt; eps (KSG's n_x and n_y).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (int A, int B) CountLess(ReadOnlySpan<float> a, ReadOnlySpan<float> b, float eps)
    {
        var w = Vector<float>.Count;
        var e = new Vector<float>(eps);
        var ca = Vector<int>.Zero;
        var cb = Vector<int>.Zero;
        for (var j = 0; j < a.Length; j += w)
        {
            ca -= Vector.LessThan(new Vector<float>(a[j..]), e);
            cb -= Vector.LessThan(new Vector<float>(b[j..]), e);
        }

        return (Vector.Sum(ca), Vector.Sum(cb));
    }

    /// <summary>Counts a_j ≤ eps (the mixed estimator's m).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int CountLessOrEqual(ReadOnlySpan<float> a, float eps)
    {
        var w = Vector<float>.Count;
        var e = new Vector<float>(eps);
        var c = Vector<int>.Zero;
        for (var j = 0; j < a.Length; j += w)
            c -= Vector.LessThanOrEqual(new Vector<float>(a[j..]), e);
        return Vector.Sum(c);
    }

    private static float Insert(Span<float> top, float x)
    {
        var i = top.Length - 1;
        while (i > 0 && top[i - 1] > x)
        {
            top[i] = top[i - 1];
            i--;
        }

        top[i] = x;
        return top[^1];
    }
}
