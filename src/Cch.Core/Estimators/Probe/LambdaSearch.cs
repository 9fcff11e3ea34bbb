namespace Cch.Estimators.Probe;

/// <summary>
/// Chooses the L2 strength on the grid (largest first) by inner validation, fold after fold.
/// </summary>
/// <remarks>
/// The first fold walks the grid from the largest λ, each fit warm-started from the previous one
/// (a regularisation path), and stops once <c>patience</c> consecutive points fail to improve on the
/// best validation loss. Later folds start at the previous fold's choice and step along the grid in
/// the direction that improves (trying smaller λ first), stopping the same way. For a validation
/// curve with one minimum both find it; the second costs about three fits instead of a path.
/// </remarks>
internal static class LambdaSearch
{
    /// <summary>
    /// Index of the grid point with the lowest validation value. Without a previous choice the grid
    /// is walked from the first (largest λ) until <paramref name="patience"/> points bring no
    /// improvement; with one, the walk starts there and moves in the improving direction.
    /// </summary>
    /// <param name="count">Grid size.</param>
    /// <param name="start">The previous fold's choice, or −1 for the first fold.</param>
    /// <param name="patience">Points without improvement before a walk stops (≥ 1).</param>
    /// <param name="evaluate">Fits at grid point g and returns its validation loss.</param>
    public static int Run(int count, int start, int patience, Func<int, double> evaluate)
    {
        var values = new double[count];
        double Value(int g) => values[g] = evaluate(g);

        if (start < 0)
        {
            var best = 0;
            Value(0);
            for (var g = 1; g < count; g++)
            {
                if (Value(g) < values[best]) best = g;
                else if (g - best >= patience) break;
            }

            return best;
        }

        var bestIndex = start;
        Value(start);
        var step = 0;
        foreach (var s in new[] { 1, -1 })
        {
            var g = start + s;
            if (g < 0 || g >= count) continue;
            if (Value(g) < values[bestIndex])
            {
                bestIndex = g;
                step = s;
                break;
            }
        }

        if (step == 0) return bestIndex;
        var misses = 0;
        for (var g = bestIndex + step; g >= 0 && g < count && misses < patience; g += step)
        {
            if (Value(g) < values[bestIndex])
            {
                bestIndex = g;
                misses = 0;
            }
            else
            {
                misses++;
            }
        }

        return bestIndex;
    }
}
