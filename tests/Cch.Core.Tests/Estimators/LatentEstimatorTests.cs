using Cch.Estimators;
using Cch.Tests.Neural;

namespace Cch.Tests.Estimators;

/// <summary>
/// Latent MI (Gowri et al. 2024): KSG / Ross on learned 8-dimensional codes. Probe over data seeds 0–9 with
/// <see cref="TrainedEstimatorContract.Fast"/>: two pairs 0.761 ± 0.043 (min 0.713; truth 1.0217) → share 0.58;
/// label 0.340 ± 0.015 (min 0.321; truth 0.3368) → share 0.77; independent 0.0004 ± 0.0239 (range −0.036 … 0.037)
/// → ±0.1 (KSG on held-out codes scatters around 0 and is not clipped).
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class LatentEstimatorTests : TrainedEstimatorContract
{
    protected override IMutualInformationEstimator Create(NeuralEstimatorOptions options) => new LatentEstimator(options);

    protected override string ExpectedName => "latent";

    protected override double PairsShare => 0.58;

    protected override double LabelShare => 0.77;

    protected override double IndependentTolerance => 0.1;

    protected override bool HasRowInfluence => false;

    protected override int ExpectedMinimumRows => 52; // 2 folds × (4(k + 1) = 16 held-out + 10 training rows)

    [Fact]
    public void K_must_be_in_range()
    {
        Assert.Equal(3, new LatentEstimator().K);
        Assert.Equal("k", Assert.Throws<ArgumentException>(() => new LatentEstimator(k: 0)).ParamName);
        Assert.Throws<ArgumentException>(() => new LatentEstimator(k: 21));
    }
}
