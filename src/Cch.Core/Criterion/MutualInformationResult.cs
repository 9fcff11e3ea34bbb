namespace Cch.Criterion;

/// <summary>One mutual information estimate with its interval and, for KSG, its ceiling.</summary>
/// <param name="Value">Estimate and confidence interval in nats.</param>
/// <param name="Ceiling">ψ(N) − ψ(k), the largest value KSG can return at this N, or <c>null</c> for other estimators.</param>
/// <param name="NearCeiling">Whether the estimate is so close to <paramref name="Ceiling"/> that it is likely saturated (an underestimate).</param>
public sealed record MutualInformationResult(IntervalEstimate Value, double? Ceiling, bool NearCeiling);
