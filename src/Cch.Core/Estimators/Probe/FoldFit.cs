namespace Cch.Estimators.Probe;

/// <summary>What was fitted for one cross-fitting fold.</summary>
/// <param name="Lambda">The L2 strength chosen by inner validation; +∞ for the diagonal discriminant (classification).</param>
/// <param name="Iterations">Optimiser iterations of the final fit on the whole training part (0 for closed forms).</param>
/// <param name="HitIterationCap">Whether any fit of this fold stopped at the iteration cap.</param>
/// <param name="PathIterations">Optimiser iterations of all fits of this fold (λ path and final fit).</param>
/// <param name="PathEvaluations">Objective evaluations of all fits of this fold.</param>
/// <param name="PathPoints">Grid points fitted on the inner training part before the path stopped.</param>
/// <param name="FitRows">Rows of the training part.</param>
/// <param name="EvaluationRows">Held-out rows scored.</param>
/// <param name="Value">The fold's estimate (mean of its held-out per-row terms), nats.</param>
internal sealed record FoldFit(double Lambda, int Iterations, bool HitIterationCap, int PathIterations, int PathEvaluations, int PathPoints, int FitRows, int EvaluationRows, double Value)
{
    /// <summary>Temperature scale s applied to the held-out logits (classification; 1 when none was kept).</summary>
    public double Scale { get; init; } = 1.0;
}
