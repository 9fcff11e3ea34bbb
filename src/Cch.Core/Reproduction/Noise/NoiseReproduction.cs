namespace Cch.Reproduction.Noise;

/// <summary>The paper's noise ablation on tabular data (stub: being built).</summary>
public static class NoiseReproduction
{
    /// <summary>Runs the experiment.</summary>
    public static ReproductionReport Run(ReproductionOptions options, IProgress<ReproductionProgress>? progress = null, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("reproduce noise is not built yet");
}
