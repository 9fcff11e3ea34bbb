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
    /// <c>StudentT.InvCDF</c>), plus both arms' means. With B = 1 there is no spread to estimate: both
    /// ends equal the mean, and <see cref="Decide"/> treats that as undetermined.
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
        var kdMean = kd.Average();
        var noKdMean = noKd.Average();
        if (b == 1)
            return new PairedDifference(metric, higherIsBetter, mean, mean, mean, d, noKdMean, kdMean);

        var half = Cch.Internal.StudentTQuantile.Of(b - 1, (1 + level) / 2) * StandardError(d, mean);
        return new PairedDifference(metric, higherIsBetter, mean, mean - half, mean + half, d, noKdMean, kdMean);
    }

    /// <summary>
    /// The outcome from the per-seed differences of <paramref name="difference"/> at error rate
    /// <paramref name="alpha"/> and smallest effect worth having <paramref name="minEffect"/> (δ ≥ 0, in
    /// the metric's units). With e = d̄ oriented so that positive favours KD, SE = s/√B and B − 1 df:
    /// <list type="bullet">
    /// <item><see cref="KdOutcome.KdHelps"/>: e − t_{1−α/2}·SE &gt; 0 (the 1 − α interval lies above 0) and e ≥ δ;</item>
    /// <item><see cref="KdOutcome.KdHurts"/>: e + t_{1−α/2}·SE &lt; 0 and e ≤ −δ;</item>
    /// <item><see cref="KdOutcome.Equivalent"/>: −δ &lt; e − t_{1−α}·SE and e + t_{1−α}·SE &lt; δ, i.e. both one-sided
    /// tests of the two one-sided tests procedure reject at level α (the 1 − 2α interval lies inside ±δ;
    /// Schuirmann 1987, J. Pharmacokinet. Biopharm. 15:657–680);</item>
    /// <item>otherwise <see cref="KdOutcome.Undetermined"/>.</item>
    /// </list>
    /// The first three exclude each other (helps needs e ≥ δ, equivalence e &lt; δ). Fewer than 2 seeds
    /// or a zero-width interval (identical differences in every seed, common for accuracy on small test
    /// sets) carry no estimate of the spread and are always undetermined. With δ = 0 equivalence is
    /// impossible and helps/hurts are the plain "interval excludes 0" rule.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is outside (0, 1) or <paramref name="minEffect"/> is negative or not finite.</exception>
    public static KdOutcome Decide(PairedDifference difference, double minEffect, double alpha)
    {
        if (!(alpha > 0 && alpha < 1)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "α must lie in (0, 1).");
        if (!(minEffect >= 0 && double.IsFinite(minEffect))) throw new ArgumentOutOfRangeException(nameof(minEffect), minEffect, "The minimum effect must be a finite number ≥ 0.");
        var d = difference.PerSeed;
        var b = d.Count;
        if (b < 2) return KdOutcome.Undetermined;
        var mean = d.Average();
        var se = StandardError(d, mean);
        if (!(se > 1e-12 * Math.Max(1, Math.Abs(mean)))) return KdOutcome.Undetermined;

        var e = difference.HigherIsBetter ? mean : -mean;
        var twoSided = Cch.Internal.StudentTQuantile.Of(b - 1, 1 - alpha / 2) * se;
        if (e - twoSided > 0 && e >= minEffect) return KdOutcome.KdHelps;
        if (e + twoSided < 0 && e <= -minEffect) return KdOutcome.KdHurts;
        var oneSided = Cch.Internal.StudentTQuantile.Of(b - 1, 1 - alpha) * se;
        if (e - oneSided > -minEffect && e + oneSided < minEffect) return KdOutcome.Equivalent;
        return KdOutcome.Undetermined;
    }

    /// <summary>s/√B with s the sample standard deviation (B − 1 in the denominator).</summary>
    private static double StandardError(IReadOnlyList<double> d, double mean)
    {
        var ss = 0.0;
        foreach (var x in d) ss += (x - mean) * (x - mean);
        return Math.Sqrt(ss / (d.Count - 1) / d.Count);
    }
}
