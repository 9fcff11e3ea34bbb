using Cch.Data;
using Cch.Estimators;

namespace Cch.Tests.Estimators;

/// <summary>
/// Gaussian-copula estimators (Ince et al. 2017). Truths are closed forms: −Σ½ln(1−ρ²) for Gaussian
/// pairs (Cover &amp; Thomas eq. 8.56) and the quadrature of <see cref="EstimatorTestData.BinaryMixtureMi"/>.
/// Tolerances from 8 seeds (probe runs at the same sizes): |bias| + 3·SD, rounded up.
/// </summary>
public sealed class CopulaEstimatorTests
{
    private const double TwoPairs = 1.0217; // −ln(1 − 0.8²)

    [Fact]
    public void Two_correlated_pairs_among_noise_match_the_closed_form()
    {
        // 5 + 5 dims, N = 5,000: 8-seed mean 1.0226, SD 0.018 → tol 0.06.
        var (x, y) = EstimatorTestData.TwoPairs(5000, 5, 0.8, seed: 0);

        Assert.InRange(new CopulaEstimator().Estimate(x, y), TwoPairs - 0.06, TwoPairs + 0.06);
    }

    [Fact]
    public void In_high_dimension_it_stays_unbiased_where_knn_collapses()
    {
        // 100 + 100 dims, N = 5,000: the SE (second-order term √(d_x·d_y/2)/N = 0.014, plus first
        // order ≈ 0.011) is about 0.02 → tol 0.07. KSG gives ~0.04 here (docs/accuracy.md).
        var (x, y) = EstimatorTestData.TwoPairs(5000, 100, 0.8, seed: 1);

        var estimate = new CopulaEstimator().EstimateDetailed(x, y);

        Assert.InRange(estimate.Value, TwoPairs - 0.07, TwoPairs + 0.07);
        Assert.InRange(estimate.Interval!.StandardError, 0.012, 0.04);
    }

    [Fact]
    public void Strictly_increasing_transforms_of_columns_leave_the_estimate_unchanged_bit_for_bit()
    {
        var (x, y) = EstimatorTestData.TwoPairs(2000, 3, 0.8, seed: 2);
        var tx = new FeatureMatrix("x", x.Rows, x.Columns, x.Values.Select(v => Math.Exp(v)).ToArray());
        var ty = new FeatureMatrix("y", y.Rows, y.Columns, y.Values.Select(v => v * v * v + v).ToArray());

        Assert.Equal(new CopulaEstimator().Estimate(x, y), new CopulaEstimator().Estimate(tx, ty));
    }

    [Fact]
    public void Independent_data_give_about_zero_within_the_interval()
    {
        var (x, y) = EstimatorTestData.Independent(3000, 20, 20, seed: 4);

        var estimate = new CopulaEstimator().EstimateDetailed(x, y);

        // Under independence the SE is the second-order term √(400/2)/m ≈ 0.0048.
        Assert.InRange(estimate.Interval!.StandardError, 0.004, 0.006);
        Assert.InRange(estimate.Value, -3 * estimate.Interval.StandardError, 3 * estimate.Interval.StandardError);
    }

    [Fact]
    public void Influence_intervals_cover_the_closed_form_at_about_the_nominal_rate()
    {
        // 40 datasets (3 + 3 dims, two pairs, N = 400), 95 % intervals: P(fewer than 32 covered |
        // p = 0.95) ≈ 0.0003; intervals missing the first-order term cover far fewer.
        var covered = 0;
        for (var seed = 0; seed < 40; seed++)
        {
            var (x, y) = EstimatorTestData.TwoPairs(400, 3, 0.8, seed: 100 + seed);
            var e = new CopulaEstimator().EstimateDetailed(x, y);
            var half = 1.96 * e.Interval!.StandardError;
            if (Math.Abs(e.Value - TwoPairs) <= half) covered++;
        }

        Assert.InRange(covered, 32, 40);
    }

    [Fact]
    public void Row_influence_terms_are_aligned_with_the_input_rows_and_centred()
    {
        var (x, y) = EstimatorTestData.TwoPairs(300, 2, 0.8, seed: 5);
        var order = Enumerable.Range(0, 300).Reverse().ToArray();

        var forward = new CopulaEstimator().EstimateDetailed(x, y).Interval!.RowInfluence!;
        var reversed = new CopulaEstimator().EstimateDetailed(x.SelectRows(order), y.SelectRows(order)).Interval!.RowInfluence!;

        Assert.Equal(0, forward.Average(), 12);
        for (var i = 0; i < 300; i++) Assert.Equal(forward[i], reversed[299 - i], 9);
    }

    [Fact]
    public void An_all_constant_side_gives_exactly_zero()
    {
        var (x, _) = EstimatorTestData.Independent(100, 2, 1, seed: 6);
        var constant = new FeatureMatrix("c", 100, 1, Enumerable.Repeat(3.0, 100).ToArray());

        Assert.Equal(0.0, new CopulaEstimator().Estimate(x, constant));
    }

    [Fact]
    public void A_side_that_copies_the_other_gets_a_note_that_the_value_is_unbounded()
    {
        // Y = X exactly: the joint covariance is singular and I(X;Y) is infinite; the value is finite
        // (a ridge makes the factorisation possible) and the note says what it means.
        var (x, _) = EstimatorTestData.Independent(500, 3, 1, seed: 7);

        var estimate = new CopulaEstimator().EstimateDetailed(x, x);

        Assert.True(estimate.Value > 10);
        Assert.Contains(estimate.Notes, n => n.Contains("singular", StringComparison.Ordinal));
    }

    [Fact]
    public void Collinear_columns_within_one_side_get_no_unbounded_note_and_keep_the_value()
    {
        // X = [a, b, a]: X's own covariance is singular, but no combination of X's columns is one of Y's,
        // so I(X;Y) = I([a, b];Y) (= 0 here: independent); the null direction cancels between ln det Σ_xx
        // and ln det Σ. Tolerance: the 3 + 1 estimate under independence at N = 2,000 has SD ≈ 0.002.
        var (xy, _) = EstimatorTestData.Independent(2000, 3, 1, seed: 11);
        var v = xy.Values;
        var x = new FeatureMatrix("x", 2000, 3, Enumerable.Range(0, 2000).SelectMany(i => new[] { v[i * 3], v[i * 3 + 1], v[i * 3] }).ToArray());
        var y = new FeatureMatrix("y", 2000, 1, Enumerable.Range(0, 2000).Select(i => v[i * 3 + 2]).ToArray());

        var estimate = new CopulaEstimator().EstimateDetailed(x, y);

        Assert.InRange(estimate.Value, -0.01, 0.01);
        Assert.DoesNotContain(estimate.Notes, n => n.Contains("singular", StringComparison.Ordinal));
    }

    [Fact]
    public void A_copy_gets_the_unbounded_note_even_when_its_own_columns_are_collinear()
    {
        // X = [a, b, a] and Y = [a]: X's block is singular on its own (as for MNIST pixels) and Y is a
        // column of X, so I(X;Y) is unbounded; the within-side collinearity must not hide that.
        var (xy, _) = EstimatorTestData.Independent(2000, 2, 1, seed: 12);
        var v = xy.Values;
        var x = new FeatureMatrix("x", 2000, 3, Enumerable.Range(0, 2000).SelectMany(i => new[] { v[i * 2], v[i * 2 + 1], v[i * 2] }).ToArray());
        var y = new FeatureMatrix("y", 2000, 1, Enumerable.Range(0, 2000).Select(i => v[i * 2]).ToArray());

        var estimate = new CopulaEstimator().EstimateDetailed(x, y);

        Assert.True(estimate.Value > 5);
        Assert.Contains(estimate.Notes, n => n.Contains("singular", StringComparison.Ordinal));
    }

    [Fact]
    public void Mismatched_rows_throw()
    {
        var (x, _) = EstimatorTestData.Independent(10, 1, 1, seed: 0);
        var (y, _) = EstimatorTestData.Independent(11, 1, 1, seed: 0);

        Assert.Throws<ArgumentException>(() => new CopulaEstimator().Estimate(x, y));
    }

    [Fact]
    public void The_class_label_form_matches_the_binary_mixture_closed_form()
    {
        // X|Y ~ N(±1, 1) plus 4 noise dims, N = 5,000: truth 0.3368 (quadrature). 3-seed mean 0.326
        // (the normalised classes are not exactly Gaussian), SD 0.008 → tolerance −0.04 / +0.03.
        var truth = EstimatorTestData.BinaryMixtureMi(1.0);
        var (x, classes) = EstimatorTestData.BinaryMixture(5000, 1.0, seed: 0, noiseDims: 4);

        var estimate = new CopulaLabelEstimator().EstimateDetailed(x, classes);

        Assert.InRange(estimate.Value, truth - 0.04, truth + 0.03);
        Assert.InRange(estimate.Interval!.StandardError, 0.003, 0.03);
    }

    [Fact]
    public void The_class_label_form_of_a_constant_label_is_exactly_zero()
    {
        var (x, _) = EstimatorTestData.BinaryMixture(200, 1.0, seed: 1);

        Assert.Equal(0.0, new CopulaLabelEstimator().Estimate(x, new int[200]));
    }
}
