namespace Cch.Distillation;

/// <summary>
/// Settings of a knowledge-distillation verification run (<c>--verify</c>). Defaults follow the
/// issue: an MLP with one hidden layer of 128 ReLU units, AdamW, learning rate 1e-3, batch 128,
/// at most 200 epochs with early stopping on the validation loss (patience 20), 5 seeds,
/// temperature T = 2 and distillation weight λ = 0.5.
/// </summary>
public sealed record VerificationOptions
{
    /// <summary>Hidden units of the one-hidden-layer ReLU MLP used for teacher and students.</summary>
    public int HiddenUnits { get; init; } = 128;

    /// <summary>AdamW learning rate.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>AdamW weight decay (PyTorch's default, 0.01).</summary>
    public double WeightDecay { get; init; } = 0.01;

    /// <summary>Mini-batch size.</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>Maximum epochs per model.</summary>
    public int MaxEpochs { get; init; } = 200;

    /// <summary>Stop when the validation loss has not improved for this many epochs; the best epoch's weights are kept.</summary>
    public int Patience { get; init; } = 20;

    /// <summary>Number of seeds (repetitions); each seed redraws the validation split and all initial weights.</summary>
    public int Seeds { get; init; } = 5;

    /// <summary>Temperatures T to try (the grid is every T × λ pair).</summary>
    public IReadOnlyList<double> Temperatures { get; init; } = [2.0];

    /// <summary>Distillation weights λ ∈ [0, 1] to try.</summary>
    public IReadOnlyList<double> Lambdas { get; init; } = [0.5];

    /// <summary>Share of the training rows held out (per seed) for early stopping and grid selection.</summary>
    public double ValidationFraction { get; init; } = 0.2;

    /// <summary>Share of the rows held out for testing when no test filter is given (one seeded split).</summary>
    public double TestFraction { get; init; } = 0.2;

    /// <summary>Base seed; seed s of the run uses <c>Seed + s</c>.</summary>
    public int Seed { get; init; }

    /// <summary>Intra-op threads for libtorch; results are reproducible for a fixed thread count (default 1).</summary>
    public int Threads { get; init; } = 1;

    /// <summary>
    /// Where libtorch trains and evaluates (<c>--device</c>): <see cref="Cch.Neural.ComputeDevice.Cpu"/> (default) or
    /// <see cref="Cch.Neural.ComputeDevice.Cuda"/>; CUDA results are not bit-identical to the CPU's.
    /// </summary>
    public Cch.Neural.ComputeDevice Device { get; init; } = Cch.Neural.ComputeDevice.Cpu;

    /// <summary>
    /// Confidence level of the paired-difference interval over seeds; α = 1 − level is the error rate of the outcome
    /// (split over the looks with <see cref="AutoSeeds"/>).
    /// </summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>
    /// The smallest effect worth having, δ ≥ 0, in the primary metric's units (accuracy as a share, MSE in the target's squared
    /// units), or <c>null</c> for the default: 0.005 (half a point of accuracy) for classification, 1 % of the no-KD arm's mean
    /// test MSE for regression. kd-helps/kd-hurts need a mean effect of at least δ; equivalent means the effect lies within ±δ.
    /// </summary>
    public double? MinEffect { get; init; }

    /// <summary>
    /// Adds seeds in rounds until the outcome is decided: <see cref="Seeds"/> first, then <see cref="AutoSeedsStep"/> more per
    /// round, at most <see cref="MaxSeeds"/>. Each look decides at α / K, with K the number of planned looks (Bonferroni), so
    /// the chance of any wrong decision over all looks stays at most α.
    /// </summary>
    public bool AutoSeeds { get; init; }

    /// <summary>Seeds added per round with <see cref="AutoSeeds"/> (default 5).</summary>
    public int AutoSeedsStep { get; init; } = 5;

    /// <summary>The most seeds <see cref="AutoSeeds"/> may run (default 30).</summary>
    public int MaxSeeds { get; init; } = 30;

    /// <summary>
    /// Seeds trained at the same time (default 1). Each seed's initial weights are still drawn one at a time from libtorch's
    /// generator, and every seed keeps its own split and batch order, so the results equal a sequential run's for the same
    /// <see cref="Threads"/>. Progress reports then arrive from several threads at once. Use at most the free cores ÷ <see cref="Threads"/>.
    /// </summary>
    public int ParallelSeeds { get; init; } = 1;

    /// <summary>
    /// Weight decays the no-KD arm chooses from on validation rows, or <c>null</c> for as many as the KD grid has (T, λ)
    /// points: <see cref="WeightDecay"/> alone for a one-point grid, else G values log-spaced from WeightDecay/10 to
    /// WeightDecay·10, so that selection on validation rows favours neither arm.
    /// </summary>
    public IReadOnlyList<double>? NoKdWeightDecays { get; init; }
}
