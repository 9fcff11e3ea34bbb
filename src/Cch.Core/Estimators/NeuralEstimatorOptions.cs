using System.Globalization;

namespace Cch.Estimators;

/// <summary>
/// Settings shared by the trained estimators <see cref="InfoNceEstimator"/>, <see cref="SmileEstimator"/>,
/// <see cref="MineEstimator"/> and <see cref="LatentEstimator"/>. The defaults are sized for a 2-core
/// CPU: one estimate at N = 10,000 with 100 + 100 dimensions takes well under 30 s (measured in
/// <c>docs/estimators.md</c>). <see cref="Validate"/> checks every setting.
/// </summary>
/// <remarks>
/// Protocol (all four): the rows are dealt into <see cref="Folds"/> folds by a seeded permutation
/// (stratified by class for a label); for each fold a model is trained on the other folds, with
/// <see cref="ValidationFraction"/> of those rows held back for early stopping, and evaluated on the
/// fold's rows only. Every row is evaluated once; the estimate averages the folds.
/// </remarks>
public sealed record NeuralEstimatorOptions
{
    /// <summary>Width of the first hidden layer (default 128). Critics use this width in every hidden layer;
    /// the latent autoencoders halve it from layer to layer, as latentmi does (latentmi: 1024, 512, 256).</summary>
    public int HiddenUnits { get; init; } = 128;

    /// <summary>Hidden layers per network (default 2).</summary>
    public int HiddenLayers { get; init; } = 2;

    /// <summary>Output width of each side of a separable critic f(x, y) = g(x)ᵀh(y) (default 32).</summary>
    public int EmbeddingSize { get; init; } = 32;

    /// <summary>AdamW learning rate (default 1e-3; no weight decay).</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>
    /// AdamW decoupled weight decay λ (Loshchilov &amp; Hutter 2019) on the <b>input layer</b> of every network
    /// (the critics' g and h, the latent encoders); other layers are not decayed. <c>null</c> (default) means
    /// <see cref="CriticWeightDecay"/> (20) for <c>infonce</c>, <c>smile</c> and <c>mine</c> and
    /// <see cref="LatentWeightDecay"/> (0, latentmi's plain Adam) for <c>latent</c>.
    /// </summary>
    /// <remarks>
    /// Why the critics need it: a critic trained on a few thousand rows of 100-dimensional inputs learns
    /// chance pairings of the noise dimensions within a few epochs (measured at N = 10,000, 100 + 100
    /// dimensions, two informative pairs: the bound on the fit rows rose to 3.1 nats while the validation
    /// bound fell below 0, and the held-out estimate stopped at 0.44 of 1.02 nats). Each step shrinks the
    /// input weights by a factor 1 − lr·λ, so weights that the data do not push consistently decay, while
    /// undecayed deeper layers keep the critic's output scale free (decaying every layer capped the critic:
    /// 1.97 instead of 2.57 nats at a true 2.76). Measured trade-off, InfoNCE with 256-wide critics: λ = 10 / 20 / 30 gave
    /// 0.67 / 0.74 / 0.73 on the 100 + 100 task, 1.243 / 1.257 / 1.248 on equicorrelated 25 + 25 (truth 1.292)
    /// and 2.59 / 2.55 / 2.52 on equicorrelated 5 + 5, ρ = 0.99 (truth 2.757); λ = 100 fell to 0.35 on the first.
    /// (docs/estimators.md has the table at the 128-wide defaults.)
    /// </remarks>
    public double? WeightDecay { get; init; }

    /// <summary>The critics' default <see cref="WeightDecay"/>, 20.</summary>
    public const double CriticWeightDecay = 20;

    /// <summary>The latent autoencoders' default <see cref="WeightDecay"/>, 0.</summary>
    public const double LatentWeightDecay = 0;

    /// <summary>Rows per gradient step (default 256). For the critics every batch is also the set of
    /// negatives: all B(B − 1) mismatched pairs (x_i, y_j), i ≠ j.</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>InfoNCE only: the largest evaluation batch K (default 2048). Held-out rows are split into
    /// batches of near-equal size ≤ K; the bound cannot exceed ln K.</summary>
    public int EvaluationBatchSize { get; init; } = 2048;

    /// <summary>Epoch limit per fold (default 60).</summary>
    public int MaxEpochs { get; init; } = 60;

    /// <summary>Early-stopping patience in epochs (default 5); the best epoch's weights are kept.</summary>
    public int Patience { get; init; } = 5;

    /// <summary>Share of each fold's training rows held back for early stopping (default 0.2).</summary>
    public double ValidationFraction { get; init; } = 0.2;

    /// <summary>Cross-fitting folds, 2–10 (default 2: train on one half, evaluate on the other, then swap).</summary>
    public int Folds { get; init; } = 2;

    /// <summary><see cref="LatentEstimator"/> only: latent dimensions per side (default 8, as latentmi).</summary>
    public int LatentSize { get; init; } = 8;

    /// <summary>Seed of every random choice: folds, splits, initial weights, batch order, dropout, evaluation batches, half-samples and KSG jitter.</summary>
    public int Seed { get; init; }

    /// <summary>
    /// Replace every input column by the normal scores of its ranks, Φ⁻¹(r/(N+1)), before training
    /// (default <c>true</c>). Mutual information is unchanged by such per-column monotone maps, but
    /// critics trained on heavy-tailed columns (a Cauchy-like Student-t) are dominated by a few extreme
    /// rows: measured on bmi's Student-t 2 × 2 (ν = 1, truth 0.432), without ranks InfoNCE gave −0.05,
    /// SMILE 0.91 and MINE −32 (docs/accuracy.md). The ranks use only each column's marginal, so they
    /// reveal nothing about which x goes with which y.
    /// </summary>
    public bool Ranks { get; init; } = true;

    /// <summary>libtorch intra-op threads (default 1). Results are bit-identical for the same seed, input and thread count.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>
    /// Where libtorch trains and evaluates (<c>--device</c>): <see cref="Cch.Neural.ComputeDevice.Cpu"/> (default) or
    /// <see cref="Cch.Neural.ComputeDevice.Cuda"/>; CUDA results are not bit-identical to the CPU's.
    /// </summary>
    public Cch.Neural.ComputeDevice Device { get; init; } = Cch.Neural.ComputeDevice.Cpu;

    /// <summary>Throws when a setting is out of range.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it and its valid range.</exception>
    public void Validate()
    {
        Check(HiddenUnits is >= 1 and <= 65_536, nameof(HiddenUnits), HiddenUnits, "1 … 65536");
        Check(HiddenLayers is >= 1 and <= 8, nameof(HiddenLayers), HiddenLayers, "1 … 8");
        Check(EmbeddingSize is >= 1 and <= 4096, nameof(EmbeddingSize), EmbeddingSize, "1 … 4096");
        Check(LearningRate > 0 && LearningRate <= 1 && double.IsFinite(LearningRate), nameof(LearningRate), LearningRate, "(0, 1]");
        Check(WeightDecay is null || (WeightDecay >= 0 && WeightDecay <= 1000), nameof(WeightDecay), WeightDecay ?? 0, "[0, 1000] or null");
        Check(BatchSize is >= 2 and <= 1_000_000, nameof(BatchSize), BatchSize, "2 … 1000000");
        Check(EvaluationBatchSize is >= 2 and <= 1_000_000, nameof(EvaluationBatchSize), EvaluationBatchSize, "2 … 1000000");
        Check(MaxEpochs is >= 1 and <= 100_000, nameof(MaxEpochs), MaxEpochs, "1 … 100000");
        Check(Patience >= 1, nameof(Patience), Patience, "≥ 1");
        Check(ValidationFraction is > 0 and < 1, nameof(ValidationFraction), ValidationFraction, "(0, 1)");
        Check(Folds is >= 2 and <= 10, nameof(Folds), Folds, "2 … 10");
        Check(LatentSize is >= 1 and <= 256, nameof(LatentSize), LatentSize, "1 … 256");
        Check(Threads is >= 1 and <= 1024, nameof(Threads), Threads, "1 … 1024");
    }

    private static void Check(bool ok, string name, double value, string range)
    {
        if (!ok)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"NeuralEstimatorOptions.{name} must be in {range}; got {value}."), name);
    }
}
