using Cch.Criterion;
using Cch.Estimators;

namespace Cch.Tests.Estimators;

public sealed class MaximumEstimatorTests
{
    [Fact]
    public void The_value_is_the_largest_component_and_every_component_is_listed()
    {
        var (x, y) = EstimatorTestData.TwoPairs(1500, 2, 0.8, seed: 1);
        var ksg = new KsgEstimator(seed: 1);
        var copula = new CopulaEstimator();

        var estimate = new MaximumEstimator([ksg, copula]).EstimateDetailed(x, y);

        var values = new[] { ksg.Estimate(x, y), copula.Estimate(x, y) };
        Assert.Equal(values.Max(), estimate.Value);
        Assert.Equal(["ksg", "copula"], estimate.Components.Select(c => c.Estimator));
        Assert.Equal(values, estimate.Components.Select(c => c.Value));
        Assert.StartsWith("max(ksg, copula) = ", estimate.Estimator);
    }

    [Fact]
    public void It_is_half_sampled_so_the_interval_recomputes_the_maximum()
    {
        Assert.Equal(IntervalStrategy.HalfSampling, new MaximumEstimator([new CopulaEstimator()]).IntervalStrategy);
    }

    [Theory]
    [InlineData(10, 10, "max(ksg-ranks, copula, cca-ksg)")]
    [InlineData(2, 1, "max(ksg-ranks, copula, cca-ksg)")]
    [InlineData(11, 10, "copula")]
    [InlineData(784, 784, "copula")]
    public void Auto_takes_the_maximum_at_low_dimension_and_the_copula_above(int dx, int dy, string expected)
    {
        var choice = AutoEstimatorRule.Continuous(dx, dy, 1000, new CriterionOptions());

        Assert.Equal(expected, choice.Estimator.Name);
        Assert.Contains($"{dx} + {dy}", choice.Reason);
    }
}
