namespace Cch.Distillation;

/// <summary>The measured effect of distillation from one teacher.</summary>
/// <param name="Teacher">Teacher name.</param>
/// <param name="PrimaryMetric">The metric the outcome is decided on: accuracy (classification) or mse (regression).</param>
/// <param name="Outcome">kd-helps, kd-hurts, equivalent or undetermined, from the primary metric's differences (see <see cref="Decision"/>).</param>
/// <param name="Temperature">The chosen T.</param>
/// <param name="Lambda">The chosen λ.</param>
/// <param name="Differences">Paired differences of every metric at the chosen configurations, with intervals at level 1 − α/K (<see cref="VerificationDecision.AlphaPerLook"/>) and both arms' means.</param>
/// <param name="Seeds">Per-seed metrics at the chosen T and λ.</param>
/// <param name="Grid">Every (T, λ) tried with its validation loss.</param>
/// <param name="TrainRows">Rows used for fitting and validation.</param>
/// <param name="TestRows">Held-out rows the metrics are computed on.</param>
/// <param name="TeacherSeconds">Time training teachers, summed over seeds (more than the wall time when seeds run in parallel).</param>
/// <param name="StudentSeconds">Time training students, summed over seeds.</param>
/// <param name="EvaluationSeconds">Time computing metrics, summed over seeds.</param>
/// <param name="NoKdGrid">Every weight decay the no-KD arm tried with its validation loss (as many as <paramref name="Grid"/> has points).</param>
/// <param name="NoKdWeightDecay">The no-KD arm's chosen weight decay.</param>
/// <param name="Decision">δ, α per look, the TOST interval, seeds run and why they stopped.</param>
public sealed record VerificationResult(
    string Teacher,
    string PrimaryMetric,
    KdOutcome Outcome,
    double Temperature,
    double Lambda,
    IReadOnlyList<PairedDifference> Differences,
    IReadOnlyList<SeedOutcome> Seeds,
    IReadOnlyList<GridPoint> Grid,
    int TrainRows,
    int TestRows,
    double TeacherSeconds,
    double StudentSeconds,
    double EvaluationSeconds,
    IReadOnlyList<NoKdGridPoint> NoKdGrid,
    double NoKdWeightDecay,
    VerificationDecision Decision);
