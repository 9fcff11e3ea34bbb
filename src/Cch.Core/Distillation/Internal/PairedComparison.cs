using MathNet.Numerics.Distributions;

namespace Cch.Distillation.Internal;

/// <summary>
/// Paired differences KD − no KD over seeds with a Student-t interval, and the outcome rule. Both arms
/// of a seed share the validation split, the initial weights and the batch order, so the per-seed
/// differences are paired.
/// </summary>
internal static class PairedComparison
{
    /// <summary>
    /// Mean d̄ of dᵢ = kdᵢ − noKdᵢ and the interval d̄ ± t_{(1+level)/2, B−1} · s/√B, with s the sample
    /// standard deviation (B − 1 in the denominator) and t the Student-t quantile (MathNet
    /// <c>StudentT.InvCDF</c>). With B = 1 there is no spread to estimate: both ends equal the mean,
    /// and <see cref="Decide"/> treats that as no difference.
    /// </summary>
    /// <exception cref="ArgumentException">The lists differ in length or are empty, or <paramref name="level"/> is outside (0, 1).</exception>
    public static PairedDifference Compute(string metric, bool higherIsBetter, IReadOnlyList<double> kd, IReadOnlyList<double> noKd, double level)
    {
        if (kd.Count != noKd.Count || kd.Count == 0)
            throw new ArgumentException($"Need the same positive number of values per arm, got {kd.Count} and {noKd.Count}.");
        if (!(level > 0 && level < 1))
            throw new ArgumentException($"Confidence level {level} is outside (0, 1).", nameof(level));

        var b = kd.Count;
        var d = new double[b];
        for (var i = 0; i < b; i++) d[i] = kd[i] - noKd[i];
        var mean = d.Average();
        if (b == 1)
            return new PairedDifference(metric, higherIsBetter, mean, mean, mean, d);

        var ss = 0.0;
        foreach (var x in d) ss += (x - mean) * (x - mean);
        var se = Math.Sqrt(ss / (b - 1) / b);
        var half = StudentT.InvCDF(0, 1, b - 1, (1 + level) / 2) * se;
        return new PairedDifference(metric, higherIsBetter, mean, mean - half, mean + half, d);
    }

    /// <summary>
    /// kd-helps when the whole interval lies on the better side of 0 (above for higher-is-better
    /// metrics, below otherwise), kd-hurts when it lies on the worse side, else no-difference. A single
    /// seed (no interval) is always no-difference, and so is a zero-width interval: identical per-seed
    /// differences (common with accuracy on small test sets, where one row is 1/N_test) give no
    /// estimate of the spread, so they cannot support a decision.
    /// </summary>
    public static KdOutcome Decide(PairedDifference difference)
    {
        if (difference.PerSeed.Count < 2 || !(difference.CiHigh - difference.CiLow > 1e-12)) return KdOutcome.NoDifference;
        var better = difference.HigherIsBetter ? difference.CiLow > 0 : difference.CiHigh < 0;
        var worse = difference.HigherIsBetter ? difference.CiHigh < 0 : difference.CiLow > 0;
        return better ? KdOutcome.KdHelps : worse ? KdOutcome.KdHurts : KdOutcome.NoDifference;
    }
}
