namespace Cch.Reproduction.Mnist;

/// <summary>The paper's MNIST experiment (stub: being built).</summary>
public static class MnistReproduction
{
    /// <summary>Runs the experiment; <paramref name="studentBlur"/> selects the student-blur variant.</summary>
    public static ReproductionReport Run(ReproductionOptions options, bool studentBlur, IProgress<ReproductionProgress>? progress = null, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("reproduce mnist is not built yet");
}
