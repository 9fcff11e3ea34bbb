
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
    /// <summary>
    /// B in nats (≥ 0): the bias allowed for in Δ̂, the sum of the two terms' bounds
    /// (<see cref="SurrogateRecovery.BiasBound"/>; |b_ts − b_sy| ≤ |b_ts| + |b_sy|); 0 without the self-check.
    /// </summary>
    public double BiasBound { get; init; }

    /// <summary>The two-sided sampling-only interval Δ̂ ± q·SE at <paramref name="level"/>, q the (1 + level)/2 quantile.</summary>
    /// <param name="level">Confidence level in (0, 1).</param>
    public IntervalEstimate SamplingInterval(double level)
    {
        var q = Quantile(1 - (1 - level) / 2);
        return new IntervalEstimate(Estimate, Estimate - q * StandardError, Estimate + q * StandardError);
    }

    /// <summary>The bias-aware interval Δ̂ ± cv_level(B/SE)·SE (<see cref="BiasAwareInterval"/>); <see cref="SamplingInterval"/> when B = 0.</summary>
    /// <param name="level">Confidence level in (0, 1).</param>
    public IntervalEstimate Interval(double level) =>
        BiasBound > 0 ? BiasAwareInterval.Of(Estimate, StandardError, BiasBound, level, DegreesOfFreedom) : SamplingInterval(level);

    /// <summary>
    /// The probability that the true Δ lies on the other side of <paramref name="margin"/> than Δ̂ does,
    /// reading the sampling distribution as the uncertainty about Δ (the approximate-pivot reading of a
    /// confidence interval, e.g. Casella &amp; Berger, <i>Statistical Inference</i>, 2nd ed., §9.2):
    /// min(½, F((B − |Δ̂ − margin|) / SE)), F the t or normal CDF and B the <see cref="BiasBound"/>: the
    /// largest such probability when Δ̂'s bias may be anything in [−B, B] (with B = 0, the plain
    /// F(−|Δ̂ − margin| / SE)), capped at ½ — once the bias could carry Δ̂ to the margin, the data say
    /// nothing about the side, and a worst case above ½ would read as evidence for the other one. ½ when
    /// Δ̂ is within B of the margin; with SE = 0 and |Δ̂ − margin| &gt; B, 0.
    /// </summary>
    /// <param name="margin">The margin in nats (0: the sign of Δ itself).</param>
    public double WrongSignProbability(double margin)
    {
        var slack = BiasBound - Math.Abs(Estimate - margin);
        if (slack >= 0) return 0.5;
        if (!(StandardError > 0)) return 0;
        var x = slack / StandardError;
        return Math.Min(0.5, PivotDistribution.Cdf(DegreesOfFreedom, x));
    }

    private double Quantile(double p) => PivotDistribution.Quantile(DegreesOfFreedom, p);
}
