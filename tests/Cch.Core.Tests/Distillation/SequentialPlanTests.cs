using Cch.Distillation;
using Cch.Distillation.Internal;

namespace Cch.Tests.Distillation;

/// <summary>
/// The sequential rule on synthetic differences. Truths: K = ⌈(cap − first)/step⌉ + 1 looks counted by
/// hand, α/K per look (Bonferroni), and closed-form t quantiles (<see cref="PairedComparisonTests.T2"/>,
/// <see cref="PairedComparisonTests.T4"/>).
/// </summary>
public sealed class SequentialPlanTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void The_default_auto_plan_looks_at_5_10_to_30_seeds_each_at_alpha_over_6()
    {
        var plan = SequentialPlan.From(new VerificationOptions { AutoSeeds = true });

        Assert.Equal(6, plan.Looks);
        Assert.Equal([5, 10, 15, 20, 25, 30], Enumerable.Range(0, 6).Select(plan.SeedsAt));
        Assert.Equal(0.05 / 6, plan.AlphaPerLook(0.05), 15);
    }

    [Fact]
    public void A_cap_that_is_not_a_multiple_of_the_step_is_the_last_look()
    {
        var plan = SequentialPlan.From(new VerificationOptions { AutoSeeds = true, Seeds = 5, AutoSeedsStep = 4, MaxSeeds = 30 });

        Assert.Equal(8, plan.Looks); // 5, 9, 13, 17, 21, 25, 29, 30
        Assert.Equal([5, 9, 13, 17, 21, 25, 29, 30], Enumerable.Range(0, 8).Select(plan.SeedsAt));
    }

    [Fact]
    public void A_fixed_number_of_seeds_is_one_look_at_the_full_alpha_and_stops_whatever_the_outcome()
    {
        var plan = SequentialPlan.From(new VerificationOptions { Seeds = 7 });

        Assert.Equal(1, plan.Looks);
        Assert.Equal(0.05, plan.AlphaPerLook(0.05));
        Assert.Equal(SeedStop.Fixed, plan.Stop(7, KdOutcome.Undetermined));
    }

    [Fact]
    public void An_effect_decided_at_the_unadjusted_level_waits_for_the_next_look_under_bonferroni()
    {
        // first 3, step 2, cap 5: K = 2 looks, α/K = 0.025 each.
        var plan = new SequentialPlan(3, 2, 5, true);
        double[] d = [0.02, 0.03, 0.04, 0.03, 0.03];
        const double delta = 0.005;

        // Look 1 (2 df): mean 0.03, SE 0.01/√3. With the full α: 0.03 − t_{0.975,2}·SE = 0.0052 > 0, helps;
        // at α/2 the quantile is t_{0.9875,2} = 6.2053 and 0.03 − 6.2053·SE = −0.0058 < 0.
        var se3 = 0.01 / Math.Sqrt(3);
        Assert.True(0.03 - PairedComparisonTests.T2(0.975) * se3 > 0);
        Assert.True(0.03 - PairedComparisonTests.T2(0.9875) * se3 < 0);
        Assert.Equal(KdOutcome.KdHelps, PairedComparison.Decide(new PairedDifference("m", true, 0.03, 0, 0, d[..3], 0, 0), delta, 0.05));

        // Look 2 (4 df): SD √(2·10⁻⁴/4) = 0.00707, SE 0.00316; 0.03 − t_{0.9875,4}·SE = 0.03 − 3.4954·0.00316 > 0.
        var se5 = Math.Sqrt(2e-4 / 4) / Math.Sqrt(5);
        Assert.True(0.03 - PairedComparisonTests.T4(0.9875) * se5 > 0);

        Assert.Equal((5, KdOutcome.KdHelps, SeedStop.Decided), plan.Walk(d, true, delta, 0.05));
    }

    [Fact]
    public void A_clear_effect_stops_at_the_first_look()
    {
        var plan = SequentialPlan.From(new VerificationOptions { AutoSeeds = true });
        double[] d = [-0.10, -0.11, -0.09, -0.10, -0.105, 0, 0, 0, 0, 0];

        // Lower is better (MSE): KD's error lower by ≈ 0.1 with a tiny spread (SE 0.0033), decided at 5 seeds even at α/6.
        Assert.Equal((5, KdOutcome.KdHelps, SeedStop.Decided), plan.Walk(d, false, 0.01, 0.05));
    }

    [Fact]
    public void Equivalence_also_stops_the_seeds()
    {
        var plan = new SequentialPlan(3, 2, 5, true);
        // Look 1: mean 0, SE 0.0001/√3; TOST at α/2 = 0.025 uses t_{0.975,2}: 4.3027·0.0000577 = 0.00025 < δ.
        double[] d = [-0.0001, 0, 0.0001, 0.5, -0.5];

        Assert.Equal((3, KdOutcome.Equivalent, SeedStop.Decided), plan.Walk(d, true, 0.005, 0.05));
    }

    [Fact]
    public void An_undecidable_effect_runs_to_the_cap()
    {
        var plan = SequentialPlan.From(new VerificationOptions { AutoSeeds = true });
        // Alternating ±0.05: mean ≤ 0.0017, SD ≈ 0.05, every look undetermined for δ = 0.005.
        var d = Enumerable.Range(0, 30).Select(i => i % 2 == 0 ? 0.05 : -0.05).ToArray();

        Assert.Equal((30, KdOutcome.Undetermined, SeedStop.Cap), plan.Walk(d, true, 0.005, 0.05));
    }

    [Fact]
    public void Under_no_effect_the_bonferroni_looks_keep_the_error_rate_and_naive_looks_do_not()
    {
        // Truth: with a true effect of 0, deciding kd-helps or kd-hurts at any look is an error. Bonferroni bounds
        // its probability by α = 0.05 over all 6 looks; looking 6 times at α each inflates it (for normal data seen
        // at equally spaced looks, two-sided repeated tests at 0.05 err with probability 0.142 for 5 looks and 0.193
        // for 10; Armitage, McPherson & Rowe 1969, J. R. Stat. Soc. A 132:235–244; Pocock 1977, Biometrika 64:191–199).
        // 4,000 seeded runs: the binomial SE at 0.05 is 0.0034. Measured with this seed: 0.035 and 0.169 (not asserted).
        var plan = SequentialPlan.From(new VerificationOptions { AutoSeeds = true });
        var random = new Random(20261202);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        const int runs = 4000;
        int bonferroni = 0, naive = 0;
        for (var r = 0; r < runs; r++)
        {
            var d = Enumerable.Range(0, 30).Select(_ => 0.05 * Normal()).ToArray();
            if (plan.Walk(d, true, 0.005, 0.05).Outcome is KdOutcome.KdHelps or KdOutcome.KdHurts) bonferroni++;
            if (plan.Walk(d, true, 0.005, 0.05 * plan.Looks).Outcome is KdOutcome.KdHelps or KdOutcome.KdHurts) naive++;
        }

        output.WriteLine($"false decisions: Bonferroni {(double)bonferroni / runs:F4}, naive {(double)naive / runs:F4}");
        Assert.InRange((double)bonferroni / runs, 0, 0.05);
        Assert.InRange((double)naive / runs, 0.07, 1);
    }
}
