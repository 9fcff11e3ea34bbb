namespace Cch.Distillation;

/// <summary>One (T, λ) combination of the grid, scored on validation rows only.</summary>
/// <param name="Temperature">Temperature T.</param>
/// <param name="Lambda">Distillation weight λ.</param>
/// <param name="ValidationLoss">Mean over seeds of the KD student's best validation loss on hard labels (cross-entropy, or MSE for regression).</param>
/// <param name="Chosen">Whether this combination had the lowest validation loss and is the one reported.</param>
public sealed record GridPoint(double Temperature, double Lambda, double ValidationLoss, bool Chosen);
