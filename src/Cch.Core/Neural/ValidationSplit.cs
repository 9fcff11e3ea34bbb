namespace Cch.Neural;

/// <summary>
/// Splits training rows into fit rows (gradient steps) and validation rows (early stopping; in the
/// verification also grid selection), once per seed or fold.
/// </summary>
internal static class ValidationSplit
{
    /// <summary>
    /// Draws the split with <see cref="Random"/>(<paramref name="seed"/>). Classification is stratified:
    /// each class sends round(fraction·n_c) of its rows (half away from zero) to validation, but always
    /// keeps at least one for fitting. Regression sends round(fraction·N) rows, clamped to 1..N−1. If
    /// stratification would leave validation empty, one row of the largest class moves there. Both
    /// index lists are returned sorted.
    /// </summary>
    /// <param name="rows">N ≥ 2.</param>
    /// <param name="classes">Class per row, or <c>null</c> for regression.</param>
    /// <param name="fraction">Share sent to validation, in (0, 1).</param>
    /// <param name="seed">Seed of the shuffle.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rows"/> is below 2.</exception>
    public static (int[] Fit, int[] Validation) Draw(int rows, int[]? classes, double fraction, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 2);
        var random = new Random(seed);
        var fit = new List<int>(rows);
        var validation = new List<int>();
        if (classes is null)
        {
            var all = Enumerable.Range(0, rows).ToArray();
            random.Shuffle(all);
            var nVal = Math.Clamp((int)Math.Round(fraction * rows, MidpointRounding.AwayFromZero), 1, rows - 1);
            validation.AddRange(all[..nVal]);
            fit.AddRange(all[nVal..]);
        }
        else
        {
            var groups = Enumerable.Range(0, rows).GroupBy(i => classes[i]).OrderBy(g => g.Key).Select(g => g.ToArray()).ToArray();
            var counts = groups.Select(g => Math.Min((int)Math.Round(fraction * g.Length, MidpointRounding.AwayFromZero), g.Length - 1)).ToArray();
            if (counts.Sum() == 0)
            {
                var largest = Array.FindIndex(groups, g => g.Length == groups.Max(x => x.Length));
                counts[largest] = groups[largest].Length > 1 ? 1 : 0;
            }

            for (var k = 0; k < groups.Length; k++)
            {
                random.Shuffle(groups[k]);
                validation.AddRange(groups[k][..counts[k]]);
                fit.AddRange(groups[k][counts[k]..]);
            }

            if (validation.Count == 0) // every class is a single row: give up stratification for one row
            {
                validation.Add(fit[^1]);
                fit.RemoveAt(fit.Count - 1);
            }
        }

        fit.Sort();
        validation.Sort();
        return (fit.ToArray(), validation.ToArray());
    }
}
