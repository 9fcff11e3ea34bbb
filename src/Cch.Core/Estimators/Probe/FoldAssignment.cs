namespace Cch.Estimators.Probe;

/// <summary>
/// Seeded assignment of rows to K cross-fitting folds. Folds are numbered 0..K−1; fold k's rows are
/// held out when the model of fold k is fitted, and fold (k+1) mod K serves as the inner validation
/// part inside fold k's training part.
/// </summary>
internal static class FoldAssignment
{
    /// <summary>
    /// Stratified folds for class labels 0..C−1 (every class must have ≥ 2 rows): the rows of each
    /// class, in ascending order, are shuffled by a seeded Fisher–Yates pass, then dealt round-robin to
    /// the folds, continuing where the previous class stopped. Each fold therefore holds ⌊n_c/K⌋ or
    /// ⌈n_c/K⌉ rows of class c, fold sizes differ by at most one, and every training part (all folds
    /// but one) holds at least n_c − ⌈n_c/K⌉ ≥ 1 row of every class.
    /// </summary>
    /// <param name="classes">Class of each row (0..C−1).</param>
    /// <param name="classCount">C.</param>
    /// <param name="folds">K ≥ 2.</param>
    /// <param name="seed">Seed of the shuffles.</param>
    /// <returns>The fold of each row.</returns>
    public static int[] Stratified(ReadOnlySpan<int> classes, int classCount, int folds, int seed)
    {
        var byClass = new List<int>[classCount];
        for (var c = 0; c < classCount; c++) byClass[c] = [];
        for (var i = 0; i < classes.Length; i++) byClass[classes[i]].Add(i);
        var random = new Random(seed);
        var fold = new int[classes.Length];
        var next = 0;
        foreach (var rows in byClass)
        {
            Shuffle(rows, random);
            foreach (var r in rows)
            {
                fold[r] = next;
                next = next + 1 == folds ? 0 : next + 1;
            }
        }

        return fold;
    }

    /// <summary>
    /// Plain folds: a seeded Fisher–Yates permutation of the rows dealt round-robin, so fold sizes
    /// differ by at most one.
    /// </summary>
    public static int[] Plain(int rows, int folds, int seed)
    {
        var order = new List<int>(rows);
        for (var i = 0; i < rows; i++) order.Add(i);
        Shuffle(order, new Random(seed));
        var fold = new int[rows];
        for (var p = 0; p < rows; p++) fold[order[p]] = p % folds;
        return fold;
    }

    /// <summary>Fisher–Yates shuffle with <see cref="Random.Next(int)"/> (stable across .NET versions for a seeded <see cref="Random"/>).</summary>
    private static void Shuffle(List<int> items, Random random)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
