namespace Cch.Estimators.Neural;

/// <summary>A bound evaluated on one set of rows (a fold's held-out rows, or a validation slice).</summary>
/// <param name="Value">The bound in nats.</param>
/// <param name="Influence">Per-row influence terms ψ_i (row order of the evaluated set), mean 0: the value moves by
/// about (1/n)Σψ_i when rows are resampled, so Var(ψ)/n is its evaluation variance.</param>
/// <param name="Loss">The training objective on these rows (for <see cref="TrainingSummary.HeldOutLoss"/>).</param>
/// <param name="LogK">InfoNCE only: ln K of each row's evaluation batch (its ceiling); otherwise <c>null</c>.</param>
internal sealed record HeldOutBound(double Value, double[] Influence, double Loss, double[]? LogK = null);
