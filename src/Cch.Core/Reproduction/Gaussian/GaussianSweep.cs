namespace Cch.Reproduction.Gaussian;

/// <summary>The size of the Gaussian reproduction: rows, model, couplings, λ grid and seeds.</summary>
/// <param name="RowCounts">n, rows drawn per seed, one series each (the paper's 10,000, and 2,000 to show how the KD side moves with n/p).</param>
/// <param name="Model">The teacher/student/label model.</param>
/// <param name="Couplings">The ρ values swept, increasing.</param>
/// <param name="Lambdas">The distillation weights tried (the paper's grid {0.2, 0.3, 0.5, 0.7, 0.8}); the one with the lowest validation MSE averaged over seeds is used.</param>
/// <param name="Seeds">Independent draws per coupling (paired KD / no-KD fits on each).</param>
internal sealed record GaussianSweep(IReadOnlyList<int> RowCounts, CouplingModel Model, IReadOnlyList<double> Couplings, IReadOnlyList<double> Lambdas, int Seeds)
{
    /// <summary>The paper's λ grid.</summary>
    public static IReadOnlyList<double> PaperLambdas { get; } = [0.2, 0.3, 0.5, 0.7, 0.8];

    /// <summary>Share of each draw's rows the teacher and student are fitted on; the rest is split evenly into validation and test rows.</summary>
    public const double TrainShare = 0.6;

    /// <summary>The default sweep (n = 10,000 and 2,000, p = 100, 12 couplings, 20 draws each), or the <c>--quick</c> one (6 couplings, 10 draws).</summary>
    public static GaussianSweep For(ReproductionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<double> couplings = options.Quick
            ? [0.0, 0.2, 0.4, 0.6, 0.8, 0.95]
            : [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99];
        return new GaussianSweep([10_000, 2_000], CouplingModel.Default, couplings, PaperLambdas, options.Seeds ?? (options.Quick ? 10 : 20));
    }
}
