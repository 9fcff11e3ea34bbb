namespace Cch.Criterion;

/// <summary>A point estimate with its confidence interval, in nats.</summary>
/// <param name="Estimate">The estimate on all N rows, in nats.</param>
/// <param name="CiLow">Lower end of the confidence interval, in nats.</param>
/// <param name="CiHigh">Upper end of the confidence interval, in nats.</param>
public sealed record IntervalEstimate(double Estimate, double CiLow, double CiHigh);
