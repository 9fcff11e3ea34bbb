using Cch.Data;
using Cch.Synthetic.Internal;

namespace Cch.Synthetic;

/// <summary>
/// A distribution of two continuous variables X (d_x-dimensional) and Y (d_y-dimensional) whose mutual
/// information I(X;Y) is known in closed form: one task of the benchmark of Czyż, Grabowski, Vogt,
/// Beerenwinkel &amp; Marx, <i>Beyond Normal: On the Evaluation of Mutual Information Estimators</i>,
/// NeurIPS 2023 (package <c>bmi</c>), or one built the same way.
/// </summary>
/// <remarks>
/// <para>Samples are drawn from a base distribution (Gaussian, Student-t, uniform), pushed through the
/// task's injective transforms (normal CDF, half-cube, spiral, …), and finally every column of X and of Y
/// is rescaled to zero mean and unit variance over the sample (population SD), as bmi's v1 benchmark does
/// with <c>transform_rescale</c>. None of these steps changes the mutual information (it is invariant
/// under injective maps of X and of Y: Czyż et al. 2023, §2).</para>
/// <para>Sampling is deterministic: one <see cref="Random"/> seeded with the seed draws the base sample
/// in row order. Tasks that share a base (e.g. <c>1v1-normal-0.75</c> and <c>wiggly-1v1-normal-0.75</c>)
/// draw the same base sample for the same seed, as in bmi. The values differ from bmi's (which uses JAX
/// and NumPy generators); the distributions are the same.</para>
/// </remarks>
public sealed class ContinuousTask
{
    private readonly Lazy<double> _mutualInformation;
    private readonly RawContinuousSampler _sampler;

    internal ContinuousTask(string id, string name, int dimX, int dimY, Func<double> mutualInformation,
                            string truthSource, RawContinuousSampler sampler)
    {
        Id = id;
        Name = name;
        DimX = dimX;
        DimY = dimY;
        TruthSource = truthSource;
        _mutualInformation = new Lazy<double>(mutualInformation, LazyThreadSafetyMode.ExecutionAndPublication);
        _sampler = sampler;
    }

    /// <summary>The task id, spelled as bmi spells it (e.g. <c>spiral-multinormal-sparse-3-3-2-2.0</c>).</summary>
    public string Id { get; }

    /// <summary>The task's display name, as in bmi (e.g. <c>Spiral @ Multinormal 3 × 3 (2-pair)</c>).</summary>
    public string Name { get; }

    /// <summary>Dimension d_x of X.</summary>
    public int DimX { get; }

    /// <summary>Dimension d_y of Y.</summary>
    public int DimY { get; }

    /// <summary>The true mutual information I(X;Y) in nats (computed on first use).</summary>
    public double MutualInformation => _mutualInformation.Value;

    /// <summary>A short citation of the closed form the truth comes from.</summary>
    public string TruthSource { get; }

    /// <summary>Draws <paramref name="n"/> independent samples, each column rescaled to zero mean and unit variance.</summary>
    /// <param name="n">Number of samples N ≥ 2.</param>
    /// <param name="seed">Seed ≥ 0 (negative seeds are refused: <see cref="Random"/> would treat −s like s).</param>
    /// <returns>X (N×d_x) and Y (N×d_y), row i of each from the same joint draw.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> &lt; 2 or <paramref name="seed"/> &lt; 0.</exception>
    public (FeatureMatrix X, FeatureMatrix Y) Sample(int n, int seed)
    {
        var (x, y) = SampleUnscaled(n, seed);
        Transforms.RescaleColumns(x, n, DimX);
        Transforms.RescaleColumns(y, n, DimY);
        return (new FeatureMatrix(Id + ":x", n, DimX, x), new FeatureMatrix(Id + ":y", n, DimY, y));
    }

    /// <summary>The base sampler and transforms, before rescaling (shared by tasks built on this one).</summary>
    internal RawContinuousSampler Sampler => _sampler;

    /// <summary>The sample before the final rescaling (row-major N×d_x and N×d_y).</summary>
    internal (double[] X, double[] Y) SampleUnscaled(int n, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(seed);
        var (x, y) = _sampler(n, new Random(seed));
        if (x.Length != (long)n * DimX || y.Length != (long)n * DimY)
            throw new InvalidOperationException($"Task {Id} produced samples of the wrong shape.");
        return (x, y);
    }

    /// <inheritdoc />
    public override string ToString() => Id;
}
