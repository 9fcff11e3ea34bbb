namespace Cch.Distillation;

/// <summary>One configuration of the no-KD arm (its weight decay), scored on validation rows only, like <see cref="GridPoint"/>.</summary>
/// <param name="WeightDecay">AdamW weight decay of this configuration.</param>
/// <param name="ValidationLoss">Mean over seeds of the no-KD student's best validation loss (cross-entropy in nats, or MSE in the target's squared units).</param>
/// <param name="Chosen">Whether this configuration had the lowest validation loss and is the one reported.</param>
public sealed record NoKdGridPoint(double WeightDecay, double ValidationLoss, bool Chosen);
