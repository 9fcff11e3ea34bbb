namespace Cch.Reproduction.Mnist;

/// <summary>
/// Sizes and training settings of one MNIST reproduction run: the sweep, the rows, the seeds, the
/// network and the optimiser. <see cref="Full"/> and <see cref="Quick"/> are the two settings of the
/// command; the tests use smaller ones.
/// </summary>
/// <param name="Sigmas">The blur σ values of the sweep, in pixels, increasing.</param>
/// <param name="TrainRows">Training rows (fit + validation), a stratified subset of the non-test rows.</param>
/// <param name="TestRows">Held-out rows (accuracies and the criterion), stratified by class.</param>
/// <param name="Seeds">Training seeds per point (paired KD / no-KD runs).</param>
/// <param name="MaxEpochs">Epoch limit per training.</param>
/// <param name="Patience">Early stopping: epochs without a lower validation cross-entropy.</param>
/// <param name="ValidationFraction">Share of the training rows held out for early stopping (stratified).</param>
/// <param name="Architecture">The CNN's widths.</param>
/// <param name="BatchSize">Rows per gradient step.</param>
/// <param name="LearningRate">AdamW learning rate.</param>
/// <param name="WeightDecay">AdamW decoupled weight decay.</param>
/// <param name="Temperature">Distillation temperature T.</param>
/// <param name="Lambda">Distillation weight λ.</param>
internal sealed record MnistSettings(
    IReadOnlyList<double> Sigmas,
    int TrainRows,
    int TestRows,
    int Seeds,
    int MaxEpochs,
    int Patience,
    double ValidationFraction,
    MnistArchitecture Architecture,
    int BatchSize,
    double LearningRate,
    double WeightDecay,
    double Temperature,
    double Lambda)
{
    /// <summary>The paper's sweep σ ∈ {0, 1, 2, 3, 4} pixels.</summary>
    public static IReadOnlyList<double> PaperSigmas { get; } = [0, 1, 2, 3, 4];

    /// <summary>
    /// The full run: σ ∈ {0, …, 4}, 8,000 training rows (10 % of them for validation) and 2,000 test rows
    /// (all 10,000 digits), 5 seeds, ≤ 15 epochs (patience 3), CNN 8 → 16 channels and 32 penultimate units,
    /// batch 64, AdamW (learning rate 2e-3, weight decay 0.01), T = 2, λ = 0.5 (the defaults of <c>--verify</c>).
    /// </summary>
    public static MnistSettings Full { get; } = new(PaperSigmas, 8000, 2000, 5, 15, 3, 0.1, new MnistArchitecture(8, 16, 32), 64, 2e-3, 0.01, 2.0, 0.5);

    /// <summary>
    /// The <c>--quick</c> run: σ ∈ {0, 2, 4}, 3,000 training and 1,000 test rows, 3 seeds; otherwise as <see cref="Full"/>.
    /// </summary>
    public static MnistSettings Quick { get; } = Full with { Sigmas = [0, 2, 4], TrainRows = 3000, TestRows = 1000, Seeds = 3 };
}
