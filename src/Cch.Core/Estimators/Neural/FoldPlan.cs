namespace Cch.Estimators.Neural;

/// <summary>
/// The cross-fitting plan: rows dealt into F folds by a seeded permutation. Fold f's rows are held out
/// (evaluated only); the other folds' rows train the model that evaluates them. Every row is held out
/// exactly once. With a label the deal is stratified: each class's rows are shuffled and dealt in turn,
/// continuing the count across classes, so every fold holds about 1/F of each class and fold sizes
/// differ by at most one.
/// </summary>
internal sealed class FoldPlan
{
    private FoldPlan(int[][] heldOut, int[][] training)
    {
        HeldOut = heldOut;
        Training = training;
    }

    /// <summary>Held-out rows of each fold, ascending.</summary>
    public int[][] HeldOut { get; }

    /// <summary>Training rows of each fold (every row not held out by it), ascending.</summary>
    public int[][] Training { get; }

    /// <summary>Number of folds.</summary>
    public int Count => HeldOut.Length;

    /// <summary>Deals <paramref name="rows"/> rows into <paramref name="folds"/> folds.</summary>
    /// <param name="rows">N.</param>
    /// <param name="folds">F ≥ 2.</param>
    /// <param name="classes">Dense class per row for a stratified deal, or <c>null</c>.</param>
    /// <param name="seed">Seed of the shuffle.</param>
    public static FoldPlan Create(int rows, int folds, int[]? classes, int seed)
    {
        var random = new Random(seed);
        var fold = new int[rows];
        var next = 0;
        IEnumerable<int[]> groups = classes is null
            ? [Enumerable.Range(0, rows).ToArray()]
            : Enumerable.Range(0, rows).GroupBy(i => classes[i]).OrderBy(g => g.Key).Select(g => g.ToArray());
        foreach (var group in groups)
        {
            random.Shuffle(group);
            foreach (var row in group) fold[row] = next++ % folds;
        }

        var heldOut = new int[folds][];
        var training = new int[folds][];
        for (var f = 0; f < folds; f++)
        {
            var k = f;
            heldOut[f] = Enumerable.Range(0, rows).Where(i => fold[i] == k).ToArray();
            training[f] = Enumerable.Range(0, rows).Where(i => fold[i] != k).ToArray();
        }

        return new FoldPlan(heldOut, training);
    }
}
