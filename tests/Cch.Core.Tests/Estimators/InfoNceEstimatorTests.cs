using Cch.Estimators;
using Cch.Tests.Neural;

namespace Cch.Tests.Estimators;

/// <summary>
/// InfoNCE (van den Oord et al. 2018, eq. 4). Probe over data seeds 0–9 with <see cref="TrainedEstimatorContract.Fast"/>:
/// two pairs 0.964 ± 0.040 (min 0.923; truth 1.0217) → share 0.78; label 0.330 ± 0.016 (min 0.312; truth 0.3368)
/// → share 0.79; independent −0.0024 ± 0.0035 (min −0.0101) → ±0.03.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class InfoNceEstimatorTests : TrainedEstimatorContract
{
    protected override IMutualInformationEstimator Create(NeuralEstimatorOptions options) => new InfoNceEstimator(options);

    protected override string ExpectedName => "infonce";

    protected override double PairsShare => 0.78;

    protected override double LabelShare => 0.79;

    protected override double IndependentTolerance => 0.03;

    protected override bool HasRowInfluence => true;

    [Fact]
    public void Never_exceeds_ln_K_and_says_so_near_the_ceiling()
    {
        // Truth 2.757 nats (equicorrelated ρ = 0.99, 5 + 5, closed form) far above ln 8 = 2.079. 1,008 rows:
        // each fold's 504 held-out rows make exactly 63 batches of 8, so the ceiling is exactly ln 8.
        var (x, y) = EstimatorTestData.Equicorrelated(1008, 5, 0.99, seed: 0);
        var estimate = new InfoNceEstimator(Fast with { EvaluationBatchSize = 8 }).EstimateDetailed(x, y);

        Assert.InRange(estimate.Value, 0, InfoNceEstimator.Ceiling(8) + 1e-12);
        Assert.True(InfoNceEstimator.IsNearCeiling(estimate.Value, Math.Log(8)), estimate.Value.ToString());
        Assert.Contains(estimate.Notes, n => n.Contains("ceiling ln K = 2.079", StringComparison.Ordinal));
        Assert.Contains("ceiling ln K = 2.079", estimate.Training!.Model, StringComparison.Ordinal);
        Assert.All(estimate.Training.RepeatValues, v => Assert.True(v <= Math.Log(8) + 1e-12));
    }

    [Fact]
    public void The_ceiling_is_ln_K()
    {
        Assert.Equal(Math.Log(2048), InfoNceEstimator.Ceiling(2048));
        Assert.False(InfoNceEstimator.IsNearCeiling(1.0, Math.Log(2048)));
        Assert.True(InfoNceEstimator.IsNearCeiling(Math.Log(2048) - 0.5, Math.Log(2048)));
        Assert.Throws<ArgumentOutOfRangeException>(() => InfoNceEstimator.Ceiling(0));
    }
}
