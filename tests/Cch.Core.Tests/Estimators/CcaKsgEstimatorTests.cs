using Cch.Data;
using Cch.Estimators;

namespace Cch.Tests.Estimators;

/// <summary>
/// CCA / discriminant / least-squares projection fitted on half the rows, then k-NN on the other half.
/// It is a lower bound up to KSG's error (data processing), so the assertions allow the attenuation
/// measured on 3 seeds and a little noise above the truth.
/// </summary>
public sealed class CcaKsgEstimatorTests
{
    [Fact]
    public void Two_pairs_hidden_in_25_dimensions_are_recovered_where_plain_ksg_collapses()
    {
        // Truth 1.0217. Measured at N = 5,000 (3 seeds): 0.974 ± 0.03; plain KSG gives 0.13.
        var (x, y) = EstimatorTestData.TwoPairs(4000, 25, 0.8, seed: 0);

        var estimate = new CcaKsgEstimator(seed: 0).EstimateDetailed(x, y);

        Assert.InRange(estimate.Value, 0.85, 1.0217 + 0.06);
        Assert.Contains("2 and 2 kept", estimate.Training!.Model);
        Assert.Equal(2, estimate.Training.RepeatValues.Count);
    }

    [Fact]
    public void Discriminant_directions_recover_a_class_signal_among_noise()
    {
        // X|Y ~ N(±1, 1) in 1 of 20 dims: truth 0.3368; mixed k-NN on all 20 dims gives ~0.22.
        var truth = EstimatorTestData.BinaryMixtureMi(1.0);
        var (x, classes) = EstimatorTestData.BinaryMixture(4000, 1.0, seed: 2, noiseDims: 19);

        Assert.InRange(new CcaKsgEstimator(seed: 2).Estimate(x, classes), truth - 0.06, truth + 0.03);
    }

    [Fact]
    public void The_least_squares_direction_recovers_a_linear_regression_signal()
    {
        // y = x₀ + x₁ + ε, ε ~ N(0, 1), 10 dims: truth ½ln(1 + |a|²/σ²) = ½ln 3 = 0.5493.
        var (x, noise) = EstimatorTestData.Independent(4000, 10, 1, seed: 3);
        var y = new double[4000];
        for (var i = 0; i < y.Length; i++) y[i] = x[i, 0] + x[i, 1] + noise[i, 0];

        var estimate = new CcaKsgEstimator(seed: 3).Estimate(x, FeatureMatrix.FromColumn("y", y));

        Assert.InRange(estimate, 0.5 * Math.Log(3) - 0.06, 0.5 * Math.Log(3) + 0.04);
    }

    [Fact]
    public void Independent_data_give_about_zero_and_the_same_seed_the_same_value()
    {
        var (x, y) = EstimatorTestData.Independent(2000, 8, 8, seed: 4);

        var a = new CcaKsgEstimator(seed: 9).Estimate(x, y);
        var b = new CcaKsgEstimator(seed: 9).Estimate(x, y);

        Assert.Equal(a, b);
        Assert.InRange(a, -0.05, 0.05);
    }

    [Fact]
    public void Too_few_rows_are_refused_with_the_reason()
    {
        var (x, y) = EstimatorTestData.Independent(15, 2, 2, seed: 0);

        var error = Assert.Throws<ArgumentException>(() => new CcaKsgEstimator(k: 3).Estimate(x, y));

        Assert.Contains("at least 16 rows", error.Message);
    }
}
