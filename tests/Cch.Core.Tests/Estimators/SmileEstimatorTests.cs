using Cch.Estimators;
using Cch.Tests.Neural;

namespace Cch.Tests.Estimators;

/// <summary>
/// SMILE, τ = 5 (Song &amp; Ermon 2020, eq. 17). Probe over data seeds 0–9 with <see cref="TrainedEstimatorContract.Fast"/>:
/// two pairs 0.771 ± 0.041 (min 0.719; truth 1.0217) → share 0.59; label 0.322 ± 0.018 (min 0.296; truth 0.3368)
/// → share 0.74; independent −0.0020 ± 0.0035 (min −0.0113) → ±0.03.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class SmileEstimatorTests : TrainedEstimatorContract
{
    protected override IMutualInformationEstimator Create(NeuralEstimatorOptions options) => new SmileEstimator(options);

    protected override string ExpectedName => "smile";

    protected override double PairsShare => 0.59;

    protected override double LabelShare => 0.74;

    protected override double IndependentTolerance => 0.03;

    protected override bool HasRowInfluence => true;

    [Fact]
    public void The_clip_must_be_positive_and_finite()
    {
        Assert.Equal(5, new SmileEstimator().Clip);
        Assert.Equal("clip", Assert.Throws<ArgumentException>(() => new SmileEstimator(clip: 0)).ParamName);
        Assert.Throws<ArgumentException>(() => new SmileEstimator(clip: double.PositiveInfinity));
        Assert.Throws<ArgumentException>(() => new SmileEstimator(clip: double.NaN));
    }
}
