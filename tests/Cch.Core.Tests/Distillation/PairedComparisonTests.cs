using Cch.Distillation;
using Cch.Distillation.Internal;

namespace Cch.Tests.Distillation;

/// <summary>
/// Truth: the paired t interval by hand, with the 2-df Student-t quantile in closed form
/// (F(t) = ½ + t / (2√(2 + t²)), so t₀.₉₇₅ = √(2·0.95² / (1 − 0.95²)) ≈ 4.3027).
/// </summary>
public sealed class PairedComparisonTests
{
    [Fact]
    public void The_interval_is_the_mean_difference_plus_minus_t_times_the_standard_error()
    {
        // d = (0.1, 0.05, 0.15): mean 0.1, sample SD 0.05, SE 0.05/√3.
        var d = PairedComparison.Compute("accuracy", true, [0.8, 0.7, 0.9], [0.7, 0.65, 0.75], 0.95);

        var t = Math.Sqrt(2 * 0.95 * 0.95 / (1 - 0.95 * 0.95));
        var half = t * 0.05 / Math.Sqrt(3);
        Assert.Equal(0.1, d.Mean, 12);
        Assert.Equal(0.1 - half, d.CiLow, 9);
        Assert.Equal(0.1 + half, d.CiHigh, 9);
        Assert.Equal([0.1, 0.05, 0.15], d.PerSeed.Select(x => Math.Round(x, 12)));
        Assert.Equal(KdOutcome.NoDifference, PairedComparison.Decide(d)); // −0.024 < 0 < 0.224
    }

    [Theory]
    [InlineData(true, 0.01, 0.03, KdOutcome.KdHelps)]
    [InlineData(true, -0.03, -0.01, KdOutcome.KdHurts)]
    [InlineData(true, -0.01, 0.01, KdOutcome.NoDifference)]
    [InlineData(false, -0.03, -0.01, KdOutcome.KdHelps)]
    [InlineData(false, 0.01, 0.03, KdOutcome.KdHurts)]
    [InlineData(false, -0.01, 0.01, KdOutcome.NoDifference)]
    public void The_outcome_depends_on_which_side_of_zero_the_interval_lies_and_on_the_metric_direction(bool higherIsBetter, double low, double high, KdOutcome expected)
    {
        var difference = new PairedDifference("m", higherIsBetter, (low + high) / 2, low, high, [low, high]);

        Assert.Equal(expected, PairedComparison.Decide(difference));
    }

    [Fact]
    public void One_seed_gives_a_degenerate_interval_and_no_difference()
    {
        var d = PairedComparison.Compute("accuracy", true, [0.9], [0.5], 0.95);

        Assert.Equal(0.4, d.Mean, 12);
        Assert.Equal(d.Mean, d.CiLow);
        Assert.Equal(d.Mean, d.CiHigh);
        Assert.Equal(KdOutcome.NoDifference, PairedComparison.Decide(d));
    }

    [Fact]
    public void Identical_differences_in_every_seed_decide_nothing()
    {
        // Five seeds that each lose the same 2 of 30 test rows: the spread is zero, so the t
        // interval has no width; a zero-width interval is no evidence, not certainty.
        var d = new PairedDifference("accuracy", true, -2.0 / 30, -2.0 / 30, -2.0 / 30, [-2.0 / 30, -2.0 / 30, -2.0 / 30, -2.0 / 30, -2.0 / 30]);

        Assert.Equal(KdOutcome.NoDifference, PairedComparison.Decide(d));
    }
}
