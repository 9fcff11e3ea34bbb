using Cch.Criterion;
using Cch.Estimators;

namespace Cch.Tests.Criterion;

/// <summary>
/// The robust verdict's rules (<see cref="RobustVerdict"/>), the bias bound read from a self-check
/// (<see cref="SurrogateRecovery.BiasBound"/>) and the wrong-sign probability under a bias bound. Truths are
/// arithmetic on the definitions and Φ(−1) = 0.1586553 (normal table).
/// </summary>
public sealed class RobustVerdictTests
{
    private static readonly IntervalEstimate Above = new(0.5, 0.3, 0.7);
    private static readonly IntervalEstimate Straddles = new(0.5, -0.1, 1.1);

    [Fact]
    public void Decides_when_the_interval_excludes_the_margin_and_every_estimator_agrees()
    {
        var panel = new[] { new EstimatorDelta("copula", "probe", 0.4), new EstimatorDelta("cca-ksg", "probe", 0.2) };
        Assert.Equal((Verdict.Pass, (VerdictReason?)null), RobustVerdict.Decide(Above, Above, false, panel, 0));
        var below = new IntervalEstimate(-0.5, -0.7, -0.3);
        Assert.Equal((Verdict.Fail, (VerdictReason?)null), RobustVerdict.Decide(below, below, false, [new EstimatorDelta("a", "b", -0.4)], 0));
    }

    [Fact]
    public void An_estimator_on_the_other_side_makes_it_inconclusive()
    {
        var panel = new[] { new EstimatorDelta("copula", "probe", 0.4), new EstimatorDelta("ksg-ranks", "probe", -0.05) };
        Assert.Equal((Verdict.Inconclusive, VerdictReason.EstimatorsDisagree), RobustVerdict.Decide(Above, Above, false, panel, 0));
        // Against a margin: 0.35 is below a margin of 0.38 although positive.
        Assert.Equal(VerdictReason.EstimatorsDisagree, RobustVerdict.Decide(new(0.5, 0.4, 0.6), new(0.5, 0.4, 0.6), false, [new EstimatorDelta("a", "b", 0.35)], 0.38).Reason);
    }

    [Fact]
    public void The_reason_says_whether_sampling_or_the_measured_bias_blocks_the_verdict()
    {
        Assert.Equal((Verdict.Inconclusive, VerdictReason.IntervalContainsMargin), RobustVerdict.Decide(Straddles, Straddles, false, [], 0));
        Assert.Equal((Verdict.Inconclusive, VerdictReason.EstimatorUnreliableHere), RobustVerdict.Decide(Above, Straddles, false, [], 0));
        // An unreliable term blocks even a clear interval.
        Assert.Equal((Verdict.Inconclusive, VerdictReason.EstimatorUnreliableHere), RobustVerdict.Decide(Above, Above, true, [], 0));
    }

    [Fact]
    public void The_panel_keeps_components_that_passed_the_self_check()
    {
        var term = new MutualInformationResult(new IntervalEstimate(1.0, 0.9, 1.1), null, false)
        {
            Estimator = "max(ksg-ranks, copula, cca-ksg) = copula",
            Components = [new ComponentEstimate("ksg-ranks", 0.6), new ComponentEstimate("copula", 1.0), new ComponentEstimate("cca-ksg", 0.95)],
            Surrogate = new SurrogateRecovery(1.0, 1.0, 10)
            {
                Components = [new ComponentEstimate("ksg-ranks", 0.62), new ComponentEstimate("copula", 1.01), new ComponentEstimate("cca-ksg", 0.9)],
            },
        };
        Assert.Equal(["copula", "cca-ksg"], RobustVerdict.Panel(term).Select(c => c.Estimator));
        var label = new MutualInformationResult(new IntervalEstimate(0.3, 0.25, 0.35), null, false) { Estimator = "probe" };
        var deltas = RobustVerdict.Deltas(term, label);
        Assert.Equal([0.7, 0.65], deltas.Select(d => d.Delta).ToArray(), (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.All(deltas, d => Assert.Equal("probe", d.StudentLabel));
    }

    [Theory]
    [InlineData(0.5, 1.0, 1.0)]   // recovers half: the truth behind 1.0 is 2.0
    [InlineData(2.0, 1.0, 0.5)]   // doubles: the truth behind 1.0 is 0.5
    [InlineData(1.0, 1.0, 0.0)]
    [InlineData(0.01, 0.2, 1.8)]  // floored at 0.1: 0.2/0.1 − 0.2
    [InlineData(0.5, -0.3, 0.0)]  // a negative estimate carries no multiplicative bias
    public void Bias_bound_reads_the_recovery_as_a_ratio(double recovery, double estimate, double expected)
    {
        var check = new SurrogateRecovery(1.0, recovery, 10);
        Assert.Equal(expected, check.BiasBound(estimate), 12);
    }

    [Fact]
    public void Bias_bound_below_the_smallest_known_is_the_surrogates_error()
    {
        Assert.Equal(0.03, new SurrogateRecovery(0.04, 0.01, 10).BiasBound(5.0), 12);
    }

    [Theory]
    [InlineData(0.49, true)]
    [InlineData(0.5, false)]
    [InlineData(2.0, false)]
    [InlineData(2.01, true)]
    public void Unreliable_outside_half_to_twice(double recovery, bool unreliable) =>
        Assert.Equal(unreliable, new SurrogateRecovery(1.0, recovery, 10).Unreliable);

    [Fact]
    public void A_miss_within_two_standard_errors_is_noise_not_a_failed_check()
    {
        // Known 0.1, estimate 0.04 (recovery 0.4): with SE 0.04 the miss of 0.06 is 1.5 SE, noise; with SE 0.02 it is 3 SE.
        var noisy = new SurrogateRecovery(0.1, 0.04, 8) { StandardError = 0.04 };
        Assert.False(noisy.Unreliable);
        Assert.False(noisy.OutsideBand);
        var sharp = noisy with { StandardError = 0.02 };
        Assert.True(sharp.Unreliable);
        Assert.True(sharp.OutsideBand);
        var combined = sharp with { Components = [new ComponentEstimate("a", 0.09), new ComponentEstimate("b", 0.03)] };
        Assert.True(combined.ComponentPasses("a"));
        Assert.False(combined.ComponentPasses("b"));
        Assert.True((combined with { StandardError = 0.05 }).ComponentPasses("b"));
    }

    [Fact]
    public void Wrong_sign_probability_allows_for_the_bias_bound()
    {
        // |Δ̂| = 1, B = 0.5, SE = 0.5: the worst case puts the mean 0.5 from the margin, one SE: Φ(−1).
        Assert.Equal(0.1586553, new DeltaDistribution(1.0, 0.5, null) { BiasBound = 0.5 }.WrongSignProbability(0), 6);
        // A bias that could carry Δ̂ to the margin leaves the side undetermined: ½, not the worst case 1 − Φ(−1).
        Assert.Equal(0.5, new DeltaDistribution(0.5, 0.5, null) { BiasBound = 1.0 }.WrongSignProbability(0));
        Assert.Equal(0.5, new DeltaDistribution(0.5, 0, null) { BiasBound = 1.0 }.WrongSignProbability(0));
        Assert.Equal(0.0, new DeltaDistribution(0.5, 0, null) { BiasBound = 0.4 }.WrongSignProbability(0));
    }
}
