using Cch.Neural;

namespace Cch.Estimators.Neural;

/// <summary>One fold of a cross-fitted estimate.</summary>
/// <param name="HeldOutRows">The fold's held-out rows (input row indices), in the order of <see cref="HeldOutBound.Influence"/>.</param>
/// <param name="FitRows">Rows the model took gradient steps on.</param>
/// <param name="Bound">The estimate on the held-out rows (per-row terms when it has them).</param>
/// <param name="Training">How training ended.</param>
/// <param name="StandardError">The fold value's evaluation standard error when it has no per-row terms (latent: half-sampling), else <c>null</c>.</param>
internal sealed record FoldResult(int[] HeldOutRows, int FitRows, HeldOutBound Bound, TrainingOutcome Training, double? StandardError = null);
