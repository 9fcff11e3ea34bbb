using Cch.Criterion;
using MathNet.Numerics.Distributions;

namespace Cch.Tests.Criterion;

/// <summary>
/// Bias-aware intervals θ̂ ± cv(B/SE)·SE (Armstrong &amp; Kolesár 2020). Truths: cv(0) is the two-sided
/// normal quantile 1.959964 (table); for B ≫ SE, cv(t) → t + 1.644854 (the one-sided quantile); and the
/// defining equation Φ(c − t) − Φ(−c − t) = level. Coverage under a bias of exactly B by Monte Carlo.
/// </summary>
public sealed class BiasAwareIntervalTests
{
    [Fact]
    public void Without_bias_the_critical_value_is_the_two_sided_quantile()
    {
        Assert.Equal(1.959964, BiasAwareInterval.CriticalValue(0, 0.95, null), 6);
        Assert.Equal(StudentT.InvCDF(0, 1, 19, 0.975), BiasAwareInterval.CriticalValue(0, 0.95, 19), 6);
    }

    [Fact]
    public void A_large_bias_adds_itself_and_the_one_sided_quantile()
    {
        Assert.Equal(10 + 1.644854, BiasAwareInterval.CriticalValue(10, 0.95, null), 5);
    }

    [Theory]
    [InlineData(0.3, null)]
    [InlineData(1.3, null)]
    [InlineData(2.0, 19.0)]
    public void The_critical_value_solves_the_coverage_equation(double t, double? nu)
    {
        var c = BiasAwareInterval.CriticalValue(t, 0.95, nu);
        double F(double x) => nu is { } v ? StudentT.CDF(0, 1, v, x) : Normal.CDF(0, 1, x);
        Assert.Equal(0.95, F(c - t) - F(-c - t), 9);
        // Between the naive choices: wider than t + one-sided, narrower than t + two-sided.
        Assert.InRange(c, t + (nu is { } n1 ? StudentT.InvCDF(0, 1, n1, 0.95) : 1.644854), t + (nu is { } n2 ? StudentT.InvCDF(0, 1, n2, 0.975) : 1.959964));
    }

    [Fact]
    public void Covers_the_truth_at_the_stated_level_when_the_bias_equals_the_bound()
    {
        // θ̂ ~ N(θ + B, SE²): the plain interval undercovers badly, the bias-aware one holds 95 %.
        const double theta = 1.0, se = 0.1, bias = 0.15;
        var random = new Random(11);
        int plain = 0, aware = 0;
        const int draws = 20_000;
        for (var i = 0; i < draws; i++)
        {
            var estimate = theta + bias + se * Normal.Sample(random, 0, 1);
            var p = BiasAwareInterval.Of(estimate, se, 0, 0.95, null);
            var a = BiasAwareInterval.Of(estimate, se, bias, 0.95, null);
            if (p.CiLow <= theta && theta <= p.CiHigh) plain++;
            if (a.CiLow <= theta && theta <= a.CiHigh) aware++;
        }

        Assert.InRange((double)aware / draws, 0.945, 0.955);
        Assert.True((double)plain / draws < 0.7, $"plain coverage {(double)plain / draws}");
    }

    [Fact]
    public void With_no_sampling_error_the_interval_is_the_bias_bound()
    {
        var i = BiasAwareInterval.Of(1.0, 0, 0.25, 0.95, null);
        Assert.Equal(0.75, i.CiLow, 12);
        Assert.Equal(1.25, i.CiHigh, 12);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Rejects_a_bad_ratio(double t) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => BiasAwareInterval.CriticalValue(t, 0.95, null));
}
