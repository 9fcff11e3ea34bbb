namespace Cch.Reproduction.Gaussian;

/// <summary>The paper's joint-Gaussian model (stub: being built).</summary>
public static class GaussianReproduction
{
    /// <summary>Runs the experiment.</summary>
    public static ReproductionReport Run(ReproductionOptions options, IProgress<ReproductionProgress>? progress = null, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("reproduce gaussian is not built yet");
}
