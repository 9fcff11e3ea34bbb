using MathNet.Numerics.RootFinding;

namespace Cch.Criterion;

/// <summary>
/// Confidence intervals that allow for a bounded bias as well as sampling error ("bias-aware" or
/// "honest" fixed-length intervals; Armstrong &amp; Kolesár, <i>Simple and honest confidence intervals in
/// nonparametric regression</i>, Quantitative Economics 11 (2020) 1–39, §2): for an estimate θ̂ with
/// standard error SE whose bias is at most B in absolute value,
/// <code>θ̂ ± cv_level(B / SE) · SE,   cv_level(t) = the level-quantile of |Z + t|</code>
/// with Z standard normal (or Student's t with ν degrees of freedom where SE comes from ν + 1
/// half-samples). It covers θ with probability ≥ level whatever the bias in [−B, B]; with B = 0 it is
/// the usual θ̂ ± z·SE, and for B ≫ SE it approaches θ̂ ± (B + z_one-sided·SE).
/// </summary>
public static class BiasAwareInterval
{
    /// <summary>cv_level(t): the c ≥ 0 with F(c − t) − F(−c − t) = level, F the normal or t CDF.</summary>
    /// <param name="biasOverStandardError">t = B / SE ≥ 0.</param>
    /// <param name="level">Confidence level in (0, 1).</param>
    /// <param name="degreesOfFreedom">ν for Student's t, or <c>null</c> for the normal distribution.</param>
    /// <exception cref="ArgumentOutOfRangeException">t is negative or not finite, or the level is outside (0, 1).</exception>
    public static double CriticalValue(double biasOverStandardError, double level, double? degreesOfFreedom)
    {
        if (!(biasOverStandardError >= 0) || double.IsInfinity(biasOverStandardError))
            throw new ArgumentOutOfRangeException(nameof(biasOverStandardError), biasOverStandardError, "B / SE must be finite and ≥ 0.");
        if (!(level > 0 && level < 1))
            throw new ArgumentOutOfRangeException(nameof(level), level, "The level must lie in (0, 1).");
        var t = biasOverStandardError;
        double Cdf(double x) => PivotDistribution.Cdf(degreesOfFreedom, x);
        double Quantile(double p) => PivotDistribution.Quantile(degreesOfFreedom, p);
        // Coverage F(c − t) − F(−c − t) rises in c from 0; it reaches the level between the one-sided
        // quantile + t and the two-sided quantile + t.
        var low = t + Quantile(level);
        var high = t + Quantile(1 - (1 - level) / 2);
        double Gap(double c) => Cdf(c - t) - Cdf(-c - t) - level;
        if (Gap(low) >= 0) return low;
        if (Gap(high) <= 0) return high; // t = 0 (or so small that the far tail is nil): the two-sided quantile
        return Brent.FindRoot(Gap, low, high, 1e-12, 200);
    }

    /// <summary>θ̂ ± cv_level(B / SE)·SE (θ̂ ± B when SE = 0).</summary>
    /// <param name="estimate">θ̂ in nats.</param>
    /// <param name="standardError">SE in nats (≥ 0).</param>
    /// <param name="biasBound">B in nats (≥ 0): the largest absolute bias allowed for.</param>
    /// <param name="level">Confidence level in (0, 1).</param>
    /// <param name="degreesOfFreedom">ν for Student's t, or <c>null</c> for the normal distribution.</param>
    public static IntervalEstimate Of(double estimate, double standardError, double biasBound, double level, double? degreesOfFreedom)
    {
        var b = Math.Max(0, biasBound);
        if (!(standardError > 0)) return new IntervalEstimate(estimate, estimate - b, estimate + b);
        var half = CriticalValue(b / standardError, level, degreesOfFreedom) * standardError;
        return new IntervalEstimate(estimate, estimate - half, estimate + half);
    }
}
