using Cch.Data.Parquet;

namespace Cch.Tests.Data;

public sealed class RowSamplerTests
{
    [Fact]
    public void Without_a_cap_or_below_it_every_row_is_kept_in_order()
    {
        Assert.Equal([0, 1, 2, 3, 4], RowSampler.Select(5, i => (ulong)i, null, 0));
        Assert.Equal([0, 1, 2, 3, 4], RowSampler.Select(5, i => (ulong)i, 5, 0));
    }

    [Fact]
    public void The_draw_is_the_cap_many_distinct_rows_and_depends_on_the_seed()
    {
        var a = RowSampler.Select(1000, i => RowSampler.IndexIdentity(i), 100, seed: 1);
        var b = RowSampler.Select(1000, i => RowSampler.IndexIdentity(i), 100, seed: 2);

        Assert.Equal(100, a.Distinct().Count());
        Assert.All(a, p => Assert.InRange(p, 0, 999));
        Assert.Equal(a, RowSampler.Select(1000, i => RowSampler.IndexIdentity(i), 100, seed: 1));
        Assert.True(a.Intersect(b).Count() < 40, "two seeds should draw mostly different rows (expected overlap 10)");
    }

    [Fact]
    public void Every_row_is_drawn_with_probability_k_over_N()
    {
        // 400 seeds, k/N = 1/4: each row's count is Binomial(400, 1/4), mean 100, sd 8.7.
        const int rows = 200, cap = 50, seeds = 400;
        var counts = new int[rows];
        for (var seed = 0; seed < seeds; seed++)
            foreach (var p in RowSampler.Select(rows, i => RowSampler.IndexIdentity(i), cap, seed))
                counts[p]++;

        Assert.All(counts, c => Assert.InRange(c, 100 - 5 * 8.7, 100 + 5 * 8.7));
        // Pearson's χ² over the rows (199 degrees of freedom: mean 199, sd 20): far tails only.
        var chi2 = counts.Sum(c => (c - 100.0) * (c - 100.0) / 100.0) / (1 - 0.25);
        Assert.InRange(chi2, 199 - 5 * 20, 199 + 5 * 20);
    }

    [Fact]
    public void A_keyed_draw_picks_the_same_keys_whatever_their_order()
    {
        var keys = Enumerable.Range(0, 500).Select(i => $"sample-{i}").ToArray();
        var shuffled = keys.ToArray();
        new Random(7).Shuffle(shuffled);

        var fromOrdered = RowSampler.Select(keys.Length, i => RowSampler.KeyIdentity(keys[i]), 60, seed: 3).Select(p => keys[p]);
        var fromShuffled = RowSampler.Select(shuffled.Length, i => RowSampler.KeyIdentity(shuffled[i]), 60, seed: 3).Select(p => shuffled[p]);

        Assert.Equal(fromOrdered, fromShuffled); // same keys, same order
    }

    [Fact]
    public void Fnv1a_matches_its_published_test_vector()
    {
        // FNV-1a 64 of "a" is 0xaf63dc4c8601ec8c (Fowler–Noll–Vo reference vectors); UTF-16 code units of ASCII equal the bytes.
        Assert.Equal(0xaf63dc4c8601ec8cUL, RowSampler.KeyIdentity("a"));
    }
}
