namespace Cch.Estimators.Probe;

/// <summary>
/// Assignment of rows (already in the seeded <see cref="RowOrder"/>) to K cross-fitting folds, dealt
/// round-robin. Folds are numbered 0..K−1; fold k's rows are held out when the model of fold k is
/// fitted, and fold (k+1) mod K serves as the inner validation part inside fold k's training part.
/// </summary>
internal static class FoldAssignment
{
    /// <summary>
    /// Stratified folds for class labels 0..C−1 (every class with ≥ 2 rows): the rows of class 0, then
    /// of class 1, …, each in the given (seeded) order, are dealt round-robin to the folds, continuing
    /// where the previous class stopped. Each fold holds ⌊n_c/K⌋ or ⌈n_c/K⌉ rows of class c, fold
    /// sizes differ by at most one, and every training part (all folds but one) holds at least
    /// n_c − ⌈n_c/K⌉ ≥ 1 row of every class.
    /// </summary>
    public static int[] Stratified(ReadOnlySpan<int> labels, int classCount, int folds)
    {
        var fold = new int[labels.Length];
        var next = 0;
        for (var c = 0; c < classCount; c++)
        {
            for (var i = 0; i < labels.Length; i++)
            {
                if (labels[i] != c) continue;
                fold[i] = next;
                next = next + 1 == folds ? 0 : next + 1;
            }
        }

        return fold;
    }

    /// <summary>Plain folds: row p (in the seeded order) goes to fold p mod K.</summary>
    public static int[] Plain(int rows, int folds)
    {
        var fold = new int[rows];
        for (var p = 0; p < rows; p++) fold[p] = p % folds;
        return fold;
    }
}
