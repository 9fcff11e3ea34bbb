namespace Cch.Estimators.Internal;

/// <summary>Sample moments with sums in index order (so results do not depend on scheduling).</summary>
internal static class Moments
{
    /// <summary>The sample variance with denominator n − 1.</summary>
    public static double SampleVariance(IReadOnlyList<double> v)
    {
        var mean = 0.0;
        foreach (var x in v) mean += x;
        mean /= v.Count;
        var ss = 0.0;
        foreach (var x in v) ss += (x - mean) * (x - mean);
        return ss / (v.Count - 1);
    }

    /// <summary>Rescales <paramref name="x"/> in place to zero mean and unit population SD (all zeros when it is constant).</summary>
    public static void Standardise(Span<double> x)
    {
        var mean = 0.0;
        foreach (var t in x) mean += t;
        mean /= x.Length;
        var ss = 0.0;
        foreach (var t in x) ss += (t - mean) * (t - mean);
        var sd = Math.Sqrt(ss / x.Length);
        for (var i = 0; i < x.Length; i++) x[i] = sd > 0 ? (x[i] - mean) / sd : 0;
    }
}
