using Cch.Distillation;
using Cch.Distillation.Internal;

namespace Cch.Tests.Distillation;

/// <summary>
/// Truths: the paired t interval by hand, with Student-t quantiles in closed form: for 2 df,
/// F(t) = ½ + t / (2√(2 + t²)), so t_p = q·√(2 / (1 − q²)) with q = 2p − 1 (t₀.₉₇₅ ≈ 4.3027,
/// t₀.₉₅ ≈ 2.9200); for 4 df, F(t) = ½ + t(t² + 6) / (2(t² + 4)^{3/2}), inverted here by bisection
/// (it gives the table values t₀.₉₇₅ = 2.7764, t₀.₉₅ = 2.1318).
/// </summary>
public sealed class PairedComparisonTests
{
    internal static double T2(double p)
    {
        var q = 2 * p - 1;
        return q * Math.Sqrt(2 / (1 - q * q));
    }

    internal static double T4(double p)
    {
        static double F(double t) => 0.5 + t * (t * t + 6) / (2 * Math.Pow(t * t + 4, 1.5));
        double lo = 0, hi = 100;
        for (var i = 0; i < 200; i++)
        {
            var mid = (lo + hi) / 2;
            if (F(mid) < p) lo = mid; else hi = mid;
        }

        return (lo + hi) / 2;
    }

    private static PairedDifference Of(bool higherIsBetter, params double[] d) => new("m", higherIsBetter, d.Average(), 0, 0, d, 0, 0);

    [Fact]
    public void The_closed_form_quantiles_match_the_tables()
    {
        Assert.Equal(4.302653, T2(0.975), 1e-5);
        Assert.Equal(2.919986, T2(0.95), 1e-5);
        Assert.Equal(2.776445, T4(0.975), 1e-5);
        Assert.Equal(2.131847, T4(0.95), 1e-5);
    }

    [Fact]
    public void The_interval_is_the_mean_difference_plus_minus_t_times_the_standard_error_and_carries_both_arms_means()
    {
        // d = (0.1, 0.05, 0.15): mean 0.1, sample SD 0.05, SE 0.05/√3.
        var d = PairedComparison.Compute("accuracy", true, [0.8, 0.7, 0.9], [0.7, 0.65, 0.75], 0.95);

        var half = T2(0.975) * 0.05 / Math.Sqrt(3);
        Assert.Equal(0.1, d.Mean, 12);
        Assert.Equal(0.1 - half, d.CiLow, 9);
        Assert.Equal(0.1 + half, d.CiHigh, 9);
        Assert.Equal([0.1, 0.05, 0.15], d.PerSeed.Select(x => Math.Round(x, 12)));
        Assert.Equal(0.8, d.KdMean, 12);
        Assert.Equal(0.7, d.NoKdMean, 12);
        Assert.Equal(KdOutcome.Undetermined, PairedComparison.Decide(d, 0.005, 0.05)); // −0.024 < 0 < 0.224, and far wider than ±0.005
    }

    // B = 3 (2 df), α = 0.05, δ = 0.005: t_{0.975} = 4.3027, t_{0.95} = 2.9200; SE = s/√3.
    [Theory]
    // mean 0.03, s 0.01: 0.03 − 4.3027·0.00577 = 0.0052 > 0 and 0.03 ≥ δ.
    [InlineData(true, new[] { 0.02, 0.03, 0.04 }, KdOutcome.KdHelps)]
    // The same for a lower-is-better metric: KD worse by 0.03.
    [InlineData(false, new[] { 0.02, 0.03, 0.04 }, KdOutcome.KdHurts)]
    [InlineData(false, new[] { -0.02, -0.03, -0.04 }, KdOutcome.KdHelps)]
    [InlineData(true, new[] { -0.02, -0.03, -0.04 }, KdOutcome.KdHurts)]
    // mean 0.002, s 0.001: TOST interval 0.002 ± 2.92·0.000577 = [0.00031, 0.00369] inside ±0.005; not significant either way.
    [InlineData(true, new[] { 0.001, 0.002, 0.003 }, KdOutcome.Equivalent)]
    // mean 0.0031, s 0.0001: significantly above 0 but below δ, and the TOST interval [0.00293, 0.00327] is inside ±δ.
    [InlineData(true, new[] { 0.0030, 0.0031, 0.0032 }, KdOutcome.Equivalent)]
    // mean 0.004, s 0.001: significantly above 0 (low 0.0015) but below δ, and the TOST upper end 0.00569 > δ.
    [InlineData(true, new[] { 0.003, 0.004, 0.005 }, KdOutcome.Undetermined)]
    // Wide: −0.05 … 0.05.
    [InlineData(true, new[] { -0.05, 0.0, 0.05 }, KdOutcome.Undetermined)]
    public void The_outcome_follows_the_interval_the_minimum_effect_and_the_metric_direction(bool higherIsBetter, double[] d, KdOutcome expected)
    {
        Assert.Equal(expected, PairedComparison.Decide(Of(higherIsBetter, d), 0.005, 0.05));
    }

    [Fact]
    public void Helps_switches_exactly_at_the_closed_form_two_sided_quantile()
    {
        // d = (m − s, m, m + s): SE = s/√3; helps iff m − t_{0.975,2}·s/√3 > 0 (δ = 0 so the mean rule never binds).
        const double s = 0.01;
        var edge = T2(0.975) * s / Math.Sqrt(3);
        var above = edge * (1 + 1e-6);
        var below = edge * (1 - 1e-6);

        Assert.Equal(KdOutcome.KdHelps, PairedComparison.Decide(Of(true, above - s, above, above + s), 0, 0.05));
        Assert.Equal(KdOutcome.Undetermined, PairedComparison.Decide(Of(true, below - s, below, below + s), 0, 0.05));
    }

    [Fact]
    public void Equivalence_switches_exactly_at_the_closed_form_one_sided_quantile_with_four_degrees_of_freedom()
    {
        // d = (−2c, −c, 0, c, 2c): mean 0, SD c·√2.5, SE c/√2. Equivalent iff t_{0.95,4}·c/√2 < δ.
        const double delta = 0.01;
        var edge = delta * Math.Sqrt(2) / T4(0.95);
        double[] D(double c) => [-2 * c, -c, 0, c, 2 * c];

        Assert.Equal(KdOutcome.Equivalent, PairedComparison.Decide(Of(true, D(edge * (1 - 1e-6))), delta, 0.05));
        Assert.Equal(KdOutcome.Undetermined, PairedComparison.Decide(Of(true, D(edge * (1 + 1e-6))), delta, 0.05));
        // α = 0.05 for TOST means the 90 % interval: with the 95 % quantile t_{0.975,4} the boundary would lie elsewhere.
        var c95 = delta * Math.Sqrt(2) / T4(0.975) * (1 + 1e-3);
        Assert.True(c95 < edge);
        Assert.Equal(KdOutcome.Equivalent, PairedComparison.Decide(Of(true, D(c95)), delta, 0.05));
    }

    [Fact]
    public void A_zero_minimum_effect_never_gives_equivalence()
    {
        Assert.Equal(KdOutcome.Undetermined, PairedComparison.Decide(Of(true, 0.001, 0.002, 0.003), 0, 0.05));
    }

    [Fact]
    public void One_seed_gives_a_degenerate_interval_and_decides_nothing()
    {
        var d = PairedComparison.Compute("accuracy", true, [0.9], [0.5], 0.95);

        Assert.Equal(0.4, d.Mean, 12);
        Assert.Equal(d.Mean, d.CiLow);
        Assert.Equal(d.Mean, d.CiHigh);
        Assert.Equal(KdOutcome.Undetermined, PairedComparison.Decide(d, 0.005, 0.05));
    }

    [Fact]
    public void Identical_differences_in_every_seed_decide_nothing()
    {
        // Five seeds that each lose the same 2 of 30 test rows: the spread is zero, so the t
        // interval has no width; a zero-width interval is no evidence, not certainty. Zero
        // differences likewise are not "equivalent".
        Assert.Equal(KdOutcome.Undetermined, PairedComparison.Decide(Of(true, -2.0 / 30, -2.0 / 30, -2.0 / 30, -2.0 / 30, -2.0 / 30), 0.005, 0.05));
        Assert.Equal(KdOutcome.Undetermined, PairedComparison.Decide(Of(true, 0, 0, 0), 0.005, 0.05));
    }

    [Fact]
    public void Bad_arguments_throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PairedComparison.Decide(Of(true, 1, 2), -0.1, 0.05));
        Assert.Throws<ArgumentOutOfRangeException>(() => PairedComparison.Decide(Of(true, 1, 2), 0.1, 0));
    }
}
