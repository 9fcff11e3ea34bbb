using Cch.Criterion;
using Cch.Data;
using Cch.Estimators;
using Cch.Surrogates;
using Cch.Tests.Estimators;

namespace Cch.Tests.Surrogates;

/// <summary>
/// The matched Gaussian surrogates of the self-check. Truths: the Gaussian closed form
/// −½Σ ln(1 − ρ²) (Cover &amp; Thomas eq. 8.56) for two pairs of correlation 0.8 (1.0217 nats), and the
/// two-class mixture N(±e₁, I) (0.3368 nats by quadrature, <see cref="ProbeTestData"/>).
/// </summary>
public sealed class SurrogateTests
{
    [Fact]
    public void Unscaled_pair_surrogate_has_the_data_mutual_information()
    {
        // N = 20,000 rows of two correlated pairs in 3 + 3 dims: the normal scores' correlation matrix is
        // within sampling error of the truth (plug-in bias d_x·d_y/(2N) ≈ 0.0002, SD ≈ 0.01).
        var (x, y) = EstimatorTestData.TwoPairs(20_000, 3, 0.8, seed: 5);
        var surrogate = GaussianSurrogate.Fit(x, y, target: null)!;
        Assert.Equal(1.0, surrogate.CrossScale);
        Assert.InRange(surrogate.MutualInformation, 1.0217 - 0.04, 1.0217 + 0.04);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.05)]
    public void Scaled_pair_surrogate_has_the_target_and_its_draws_carry_it(double target)
    {
        var (x, y) = EstimatorTestData.TwoPairs(5_000, 4, 0.8, seed: 6);
        var surrogate = GaussianSurrogate.Fit(x, y, target)!;
        Assert.InRange(surrogate.CrossScale, 0, 1);
        Assert.Equal(target, surrogate.MutualInformation, 4);

        // The draws: the bias-corrected Gaussian estimator on 50,000 of them (SD ≈ 0.004 at these sizes).
        var (sx, sy) = surrogate.Sample(50_000, seed: 1);
        Assert.InRange(new GaussianEstimator().Estimate(sx, sy), target - 0.02, target + 0.02);
    }

    [Fact]
    public void A_target_above_the_data_keeps_the_full_structure()
    {
        var (x, y) = EstimatorTestData.TwoPairs(5_000, 2, 0.8, seed: 7);
        var surrogate = GaussianSurrogate.Fit(x, y, target: 50)!;
        Assert.Equal(1.0, surrogate.CrossScale);
        Assert.True(surrogate.MutualInformation < 2);
    }

    [Fact]
    public void Mixture_information_matches_the_two_class_quadrature()
    {
        // Whitened means ±1 on the first of 3 coordinates, equal priors: I = 0.3368 nats; Monte Carlo
        // SD with 200,000 draws ≈ 0.001 → tolerance 0.005.
        double[] means = [-1, 0, 0, 1, 0, 0];
        var value = ClassSurrogate.MixtureInformation(means, [0.5, 0.5], 3, seed: 2, ClassSurrogate.Draws);
        Assert.InRange(value, ProbeTestData.BinaryPosteriorMi(1.0) - 0.005, ProbeTestData.BinaryPosteriorMi(1.0) + 0.005);
        Assert.Equal(0.0, ClassSurrogate.MixtureInformation([0.3, 0.3, 0.3, 0.3], [0.5, 0.5], 2, seed: 2, 1000), 12);
    }

    [Fact]
    public void Class_surrogate_is_scaled_to_the_target()
    {
        var (x, classes) = EstimatorTestData.BinaryMixture(4_000, 1.0, seed: 3, noiseDims: 4);
        var surrogate = ClassSurrogate.Fit(x, classes, seed: 4, target: 0.2)!;
        // Bisection with 50,000 draws, the final value with 200,000 (MC SD ≈ 0.002).
        Assert.InRange(surrogate.MutualInformation, 0.19, 0.21);
        var h = surrogate.Sample(seed: 5);
        Assert.Equal(x.Rows, h.Rows);
        Assert.Equal(5, h.Columns);
    }

    [Fact]
    public void The_self_check_flags_ksg_in_100_dimensions_and_passes_the_copula()
    {
        // Two pairs hidden in 100 + 100 dimensions: KSG collapses (docs/accuracy.md: ≈ 0.04 for 1.02),
        // the copula is exact on Gaussian data. The surrogate has the data's estimate as its known value.
        var (x, y) = EstimatorTestData.TwoPairs(2_000, 100, 0.8, seed: 8);
        var copula = EstimatorSelection.Create(new CriterionOptions { Estimator = EstimatorFamily.Copula });
        var ksg = EstimatorSelection.Create(new CriterionOptions { Estimator = EstimatorFamily.Ksg });

        var good = SurrogateCheck.Pair(copula, x, y, target: 1.0, seed: 1)!;
        var bad = SurrogateCheck.Pair(ksg, x, y, target: 1.0, seed: 1)!;

        Assert.False(good.OutsideBand, $"copula recovery {good.Recovery}");
        Assert.True(bad.OutsideBand, $"ksg recovery {bad.Recovery}");
        Assert.True(bad.Recovery < 0.5);
    }
}
