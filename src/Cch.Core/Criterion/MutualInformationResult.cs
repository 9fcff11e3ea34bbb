using Cch.Estimators;

namespace Cch.Criterion;

/// <summary>One mutual information estimate with its interval, what computed it and, for KSG, its ceiling.</summary>
/// <param name="Value">Estimate and confidence interval in nats (bias-aware when the self-check ran, see <see cref="SamplingInterval"/>).</param>
/// <param name="Ceiling">ψ(N) − ψ(k), the largest value KSG can return at this N, or <c>null</c> for other estimators.</param>
/// <param name="NearCeiling">Whether the estimate is so close to <paramref name="Ceiling"/> that it is likely saturated (an underestimate).</param>
public sealed record MutualInformationResult(IntervalEstimate Value, double? Ceiling, bool NearCeiling)
{
    /// <summary>The estimator that computed it (report name, e.g. <c>ksg</c>, <c>copula</c>).</summary>
    public string Estimator { get; init; } = "";

    /// <summary>Why <c>--estimator auto</c> chose <see cref="Estimator"/>, or <c>null</c> when the family was given.</summary>
    public string? AutoReason { get; init; }

    /// <summary>How the interval was computed (<see cref="IntervalMethods"/>).</summary>
    public string IntervalMethod { get; init; } = IntervalMethods.HalfSampling;

    /// <summary>The standard error in nats behind the interval.</summary>
    public double StandardError { get; init; }

    /// <summary>What a trained estimator fitted, or <c>null</c>.</summary>
    public TrainingSummary? Training { get; init; }

    /// <summary>For a combined estimate (<see cref="MaximumEstimator"/>), every component's value on all rows.</summary>
    public IReadOnlyList<ComponentEstimate> Components { get; init; } = [];

    /// <summary>The estimator's notes on this value (fallbacks, ceilings), one sentence each.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The self-check on a matched Gaussian surrogate (<see cref="SurrogateCheck"/>), or <c>null</c> when it did not run.</summary>
    public SurrogateRecovery? Surrogate { get; init; }

    /// <summary>
    /// The interval from sampling alone (half-samples or the estimator's own); <see cref="Value"/> is the
    /// bias-aware interval when the self-check ran (<see cref="BiasBound"/>), else the same as this.
    /// </summary>
    public IntervalEstimate? SamplingInterval { get; init; }

    /// <summary>B in nats, the bias allowed for in <see cref="Value"/>'s interval (<see cref="SurrogateRecovery.BiasBound"/>); <c>null</c> without the self-check.</summary>
    public double? BiasBound { get; init; }
}
