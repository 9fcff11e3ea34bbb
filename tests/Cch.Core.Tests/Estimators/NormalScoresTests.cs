using Cch.Data;
using Cch.Estimators.Internal;
using MathNet.Numerics.Distributions;

namespace Cch.Tests.Estimators;

/// <summary>The copula normalisation (Ince et al. 2017 "copnorm") and the radix sort under it.</summary>
public sealed class NormalScoresTests
{
    [Fact]
    public void Scores_are_the_standardised_normal_quantiles_of_the_ranks()
    {
        // Ranks of (3, 1, 2, 10) are (3, 1, 2, 4); scores Φ⁻¹(r/5), then standardised.
        var m = new FeatureMatrix("x", 4, 1, [3, 1, 2, 10]);

        var (z, kept) = NormalScores.Compute(m, "x");

        var raw = new[] { 3, 1, 2, 4 }.Select(r => Normal.InvCDF(0, 1, r / 5.0)).ToArray();
        var mean = raw.Average();
        var sd = Math.Sqrt(raw.Select(v => (v - mean) * (v - mean)).Average());
        Assert.Equal(1, kept);
        for (var i = 0; i < 4; i++) Assert.Equal((raw[i] - mean) / sd, z[i], 12);
    }

    [Fact]
    public void Ties_share_their_mid_rank_and_constant_columns_are_dropped()
    {
        // Column 0: (5, 5, 1, 9) → ranks (2.5, 2.5, 1, 4); column 1 is constant.
        var m = new FeatureMatrix("x", 4, 2, [5, 7, 5, 7, 1, 7, 9, 7]);

        var (z, kept) = NormalScores.Compute(m, "x");

        Assert.Equal(1, kept);
        Assert.Equal(z[0], z[1]);
        Assert.True(z[2] < z[0] && z[0] < z[3]);
    }

    [Fact]
    public void Any_strictly_increasing_transform_gives_identical_scores()
    {
        var (x, _) = EstimatorTestData.Independent(500, 3, 1, seed: 3);
        var transformed = new FeatureMatrix("x", x.Rows, x.Columns, x.Values.Select(v => Math.Exp(v) + v * v * v).ToArray());

        Assert.Equal(NormalScores.Compute(x, "x").ColumnMajor, NormalScores.Compute(transformed, "x").ColumnMajor);
    }

    [Fact]
    public void The_radix_sort_orders_like_a_stable_comparison_sort()
    {
        var random = new Random(11);
        var values = Enumerable.Range(0, 3000).Select(i => i % 7 == 0 ? Math.Round(random.NextDouble() * 4 - 2) : random.NextDouble() * 1e6 - 5e5).ToList();
        values.AddRange([0.0, -0.0, double.MaxValue, double.MinValue, double.Epsilon, -double.Epsilon]);
        var array = values.ToArray();

        var order = new RankSort(array.Length).Sort(array);

        var expected = Enumerable.Range(0, array.Length).OrderBy(i => array[i]).ThenBy(i => array[i] == 0 ? (BitConverter.DoubleToInt64Bits(array[i]) < 0 ? 0 : 1) : 0).ThenBy(i => i).ToArray();
        Assert.Equal(expected, order);
    }
}
