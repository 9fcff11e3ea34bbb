using Cch.Criterion;

namespace Cch.Tests.Criterion;

public sealed class HalfSamplingTests
{
    [Fact]
    public void Each_subset_holds_half_the_rows_distinct_and_sorted()
    {
        var subsets = HalfSampling.Draw(rows: 101, replicates: 30, seed: 4);

        Assert.Equal(30, subsets.Length);
        foreach (var s in subsets)
        {
            Assert.Equal(50, s.Length);
            Assert.Equal(s.Length, s.Distinct().Count());
            Assert.True(s.SequenceEqual(s.Order()));
            Assert.All(s, i => Assert.InRange(i, 0, 100));
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_subsets_and_another_seed_different_ones()
    {
        var a = HalfSampling.Draw(1000, 5, seed: 1);
        var b = HalfSampling.Draw(1000, 5, seed: 1);
        var c = HalfSampling.Draw(1000, 5, seed: 2);

        Assert.Equal(a.SelectMany(x => x), b.SelectMany(x => x));
        Assert.NotEqual(a.SelectMany(x => x), c.SelectMany(x => x));
    }

    [Fact]
    public void Every_row_is_chosen_about_half_the_time()
    {
        // Truth: each row is in a uniform half-sample with probability 1/2. Over 2,000 subsets the
        // count per row is Binomial(2000, 0.5): sd ≈ 22.4, so ±120 (over 5 sd) never fails by chance
        // for 20 rows, but a biased shuffle (e.g. rows near the end never drawn) does.
        var counts = new int[20];
        foreach (var s in HalfSampling.Draw(20, 2000, seed: 9))
            foreach (var i in s) counts[i]++;

        Assert.All(counts, c => Assert.InRange(c, 1000 - 120, 1000 + 120));
    }
}
