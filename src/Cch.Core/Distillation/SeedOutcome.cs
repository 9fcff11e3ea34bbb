namespace Cch.Distillation;

/// <summary>One seed of a verification: the three trained models at the chosen T and λ.</summary>
/// <param name="Seed">The seed used (base seed + index).</param>
/// <param name="Teacher">The teacher's held-out metrics; <c>null</c> when teacher logits were given.</param>
/// <param name="NoKd">The student trained on labels only.</param>
/// <param name="Kd">The same student (same initial weights) trained with distillation.</param>
public sealed record SeedOutcome(int Seed, ArmMetrics? Teacher, ArmMetrics NoKd, ArmMetrics Kd);
