using Cch.Estimators.Internal;

namespace Cch.Estimators.Probe;

/// <summary>The validated settings of one <see cref="ProbeEstimator"/>, passed to the fitting code.</summary>
internal sealed record ProbeSettings(int Folds, double[] Grid, int MaxIterations, int Threads, KernelIsa Isa)
{
    /// <summary>‖∇f‖_∞ at which an L-BFGS fit counts as converged (preconditioned coordinates, f in nats per row).</summary>
    public double GradientTolerance { get; init; } = 1e-4;

    /// <summary>The same for the fits of the inner λ search, which only rank λ values.</summary>
    public double PathTolerance { get; init; } = 3e-4;

    /// <summary>Grid points without improvement before the λ search stops.</summary>
    public int Patience { get; init; } = 1;

    /// <summary>Classification: the L2 penalty of weight j is scaled by the pooled within-class variance of feature j (training rows).</summary>
    public bool WithinClassPenalty { get; init; } = true;

    /// <summary>Classification: the diagonal linear discriminant is a candidate beside the grid.</summary>
    public bool Discriminant { get; init; } = true;

    /// <summary>Classification: the chosen model's logits get a temperature fitted on the inner validation part.</summary>
    public bool Calibrate { get; init; } = true;
}
