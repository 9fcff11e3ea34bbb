namespace Cch.Estimators;

/// <summary>One component's value inside a combined estimate (<see cref="MaximumEstimator"/>).</summary>
/// <param name="Estimator">The component's name, e.g. <c>ksg-ranks</c>.</param>
/// <param name="Value">Its estimate in nats.</param>
public sealed record ComponentEstimate(string Estimator, double Value);
