using Cch.Distillation;

namespace Cch.Reproduction.Noise;

/// <summary>What one run of the noise ablation does: the noise levels, the training seeds per level and the training settings.</summary>
/// <param name="Levels">Noise scales s (noise SD in units of each teacher column's SD), increasing, starting at 0.</param>
/// <param name="Seeds">Training seeds per level (paired KD / no-KD runs), ≥ 2.</param>
/// <param name="Verification">Training settings; <see cref="VerificationOptions.Seed"/>, <see cref="VerificationOptions.Threads"/> and <see cref="VerificationOptions.Seeds"/> are set by the run.</param>
internal sealed record NoisePlan(IReadOnlyList<double> Levels, int Seeds, VerificationOptions Verification)
{
    /// <summary>The full sweep's levels: 0 and powers of two from 1/2 to 32.</summary>
    public static readonly IReadOnlyList<double> FullLevels = [0, 0.5, 1, 2, 4, 8, 16, 32];

    /// <summary>The <c>--quick</c> sweep's levels.</summary>
    public static readonly IReadOnlyList<double> QuickLevels = [0, 2, 8, 32];

    /// <summary>Training seeds per level of the full run.</summary>
    public const int FullSeeds = 20;

    /// <summary>Training seeds per level with <c>--quick</c>.</summary>
    public const int QuickSeeds = 5;

    /// <summary>The plan <paramref name="options"/> asks for: the full or quick grid, <see cref="ReproductionOptions.Seeds"/> if given, default training settings.</summary>
    public static NoisePlan For(ReproductionOptions options) => new(
        options.Quick ? QuickLevels : FullLevels,
        options.Seeds ?? (options.Quick ? QuickSeeds : FullSeeds),
        new VerificationOptions());
}
