namespace Cch.Criterion;

/// <summary>
/// Draws the half-samples behind every confidence interval: B subsets of ⌊N/2⌋ distinct rows,
/// each sorted, from a seeded generator.
/// </summary>
/// <remarks>
/// Half-sampling is the delete-d jackknife with d = N/2 (Shao &amp; Wu 1989, Ann. Statist. 17(3),
/// eq. 2.1): Var(θ̂_N) ≈ (N−d)/d · Var_b(θ̂_b) = Var_b(θ̂_b). For a statistic that behaves like a
/// mean, drawing m = N/2 rows without replacement gives Var(θ̂_m − θ̂_N) = σ²(1/m − 1/N) = σ²/N =
/// Var(θ̂_N), so the spread of the half-sample estimates is the standard error of the full
/// estimate, with no rescaling. Unlike the bootstrap, no row is duplicated, which matters for
/// k-NN estimators: a duplicated row has a neighbour at distance zero and inflates KSG.
/// </remarks>
public static class HalfSampling
{
    /// <summary>Draws <paramref name="replicates"/> sorted subsets of ⌊<paramref name="rows"/>/2⌋ distinct indices.</summary>
    /// <param name="rows">N, the number of rows (N ≥ 2).</param>
    /// <param name="replicates">B, the number of subsets (B ≥ 1).</param>
    /// <param name="seed">Seed of the generator; the same seed gives the same subsets.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rows"/> &lt; 2 or <paramref name="replicates"/> &lt; 1.</exception>
    public static int[][] Draw(int rows, int replicates, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(replicates, 1);
        var random = new Random(seed);
        var size = rows / 2;
        var permutation = new int[rows];
        var subsets = new int[replicates][];
        for (var b = 0; b < replicates; b++)
        {
            for (var i = 0; i < rows; i++) permutation[i] = i;
            // Partial Fisher–Yates: the first `size` entries are a uniform random subset.
            for (var i = 0; i < size; i++)
            {
                var j = random.Next(i, rows);
                (permutation[i], permutation[j]) = (permutation[j], permutation[i]);
            }

            var subset = permutation[..size];
            Array.Sort(subset);
            subsets[b] = subset;
        }

        return subsets;
    }
}
