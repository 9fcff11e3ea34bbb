using Cch.Estimators;
using Cch.Tests.Neural;

namespace Cch.Tests.Estimators;

/// <summary>
/// MINE with the moving-average correction, α = 0.01 (Belghazi et al. 2018, §3.2). Probe over data seeds
/// 0–9 with <see cref="TrainedEstimatorContract.Fast"/>: two pairs 0.638 ± 0.038 (min 0.559; truth 1.0217) →
/// share 0.47; label 0.308 ± 0.020 (min 0.280; truth 0.3368) → share 0.67; independent −0.0012 ± 0.0018
/// (min −0.0048) → ±0.03.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class MineEstimatorTests : TrainedEstimatorContract
{
    protected override IMutualInformationEstimator Create(NeuralEstimatorOptions options) => new MineEstimator(options);

    protected override string ExpectedName => "mine";

    protected override double PairsShare => 0.47;

    protected override double LabelShare => 0.67;

    protected override double IndependentTolerance => 0.03;

    protected override bool HasRowInfluence => true;

    [Fact]
    public void The_moving_average_rate_must_be_in_0_1()
    {
        Assert.Equal(0.01, new MineEstimator().MovingAverageRate);
        Assert.Equal("movingAverageRate", Assert.Throws<ArgumentException>(() => new MineEstimator(movingAverageRate: 0)).ParamName);
        Assert.Throws<ArgumentException>(() => new MineEstimator(movingAverageRate: 1.5));
    }
}
