using MathNet.Numerics.Distributions;

namespace Cch.Criterion;

/// <summary>
/// The sampling distribution of one teacher's Δ estimate as the criterion models it: Δ̂ with standard
/// error SE, Student's t with <see cref="DegreesOfFreedom"/> degrees of freedom where SE comes from B
/// half-samples (ν = B − 1), normal where it comes from per-row influence terms.
/// </summary>
/// <param name="Estimate">Δ̂ in nats.</param>
/// <param name="StandardError">SE of Δ̂ in nats (≥ 0).</param>
/// <param name="DegreesOfFreedom">ν for Student's t, or <c>null</c> for the normal distribution.</param>
public sealed record DeltaDistribution(double Estimate, double StandardError, double? DegreesOfFreedom)
{
    /// <summary>The two-sided interval Δ̂ ± q·SE at <paramref name="level"/>, q the (1 + level)/2 quantile.</summary>
    /// <param name="level">Confidence level in (0, 1).</param>
    public IntervalEstimate Interval(double level)
    {
        var q = Quantile(1 - (1 - level) / 2);
        return new IntervalEstimate(Estimate, Estimate - q * StandardError, Estimate + q * StandardError);
    }

    /// <summary>
    /// The probability that the true Δ lies on the other side of <paramref name="margin"/> than Δ̂ does,
    /// reading the sampling distribution as the uncertainty about Δ (the approximate-pivot reading of a
    /// confidence interval, e.g. Casella &amp; Berger, <i>Statistical Inference</i>, 2nd ed., §9.2):
    /// F(−|Δ̂ − margin| / SE), F the t or normal CDF. 0.5 when Δ̂ equals the margin; 0 when SE = 0 and
    /// Δ̂ differs from it. It covers the sampling and fitting variability the interval covers, not an
    /// estimator's bias.
    /// </summary>
    /// <param name="margin">The margin in nats (0: the sign of Δ itself).</param>
    public double WrongSignProbability(double margin)
    {
        var distance = Math.Abs(Estimate - margin);
        if (distance == 0) return 0.5;
        if (!(StandardError > 0)) return 0;
        var x = -distance / StandardError;
        return DegreesOfFreedom is { } nu ? StudentT.CDF(0, 1, nu, x) : Normal.CDF(0, 1, x);
    }

    private double Quantile(double p) => DegreesOfFreedom is { } nu ? StudentT.InvCDF(0, 1, nu, p) : Normal.InvCDF(0, 1, p);
}
