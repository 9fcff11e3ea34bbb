using System.Diagnostics;
using Cch.Estimators.Neural;
using Cch.Neural;

namespace Cch.Tests.Estimators.Neural;

/// <summary>
/// Truth: the combination rule of <see cref="CrossFit"/> computed by hand on made-up folds: V = Σ (n_f/N)·V_f;
/// SE² = max(Var(ψ)/N, s²_folds/F), the excess over Var(ψ)/N reported as extra variance; ψ placed at each
/// row's input position.
/// </summary>
public sealed class CrossFitTests
{
    private static readonly TrainingOutcome Trained = new(0.1, 12, 7, true);

    [Fact]
    public void Per_row_terms_are_placed_by_row_and_the_fold_spread_adds_only_its_excess()
    {
        // Fold 0 holds rows 1 and 3, fold 1 rows 0 and 2.
        var folds = new[]
        {
            new FoldResult([1, 3], 10, new HeldOutBound(0.5, [0.1, -0.1], 0.2), Trained),
            new FoldResult([0, 2], 10, new HeldOutBound(0.9, [0.3, -0.3], 0.4), Trained),
        };

        var e = CrossFit.Combine(4, folds, "model", 60, Stopwatch.StartNew());

        Assert.Equal(0.7, e.Value, 1e-15);
        Assert.Equal([0.3, 0.1, -0.3, -0.1], e.Interval!.RowInfluence!);
        var evaluation = (0.09 + 0.01 + 0.09 + 0.01) / 3 / 4; // Var(ψ) with n − 1, over N
        var spread = 0.08 / 2;                                 // s² of (0.5, 0.9) is 0.08, over F = 2
        Assert.Equal(spread - evaluation, e.Interval.ExtraVariance, 1e-15);
        Assert.Equal(Math.Sqrt(spread), e.Interval.StandardError, 1e-15);
        Assert.Equal((0.3, 2, 4, 12.0), (e.Training!.HeldOutLoss!.Value, e.Training.Repeats, e.Training.EvaluationRows, e.Training.Epochs), new ToleranceComparer());
        Assert.Empty(e.Notes);
    }

    [Fact]
    public void Half_sampling_errors_combine_with_squared_weights_and_a_model_at_the_epoch_limit_gets_a_note()
    {
        var limit = new TrainingOutcome(0.1, 60, 60, false);
        var folds = new[]
        {
            new FoldResult([0, 1, 2], 10, new HeldOutBound(1.0, [], 0), limit, StandardError: 0.3),
            new FoldResult([3], 10, new HeldOutBound(1.0, [], 0), Trained, StandardError: 0.4),
        };

        var e = CrossFit.Combine(4, folds, "model", 60, Stopwatch.StartNew());

        Assert.Equal(1.0, e.Value, 1e-15);
        Assert.Null(e.Interval!.RowInfluence);
        Assert.Equal(0, e.Interval.ExtraVariance); // equal fold values: no spread
        Assert.Equal(Math.Sqrt(0.75 * 0.75 * 0.09 + 0.25 * 0.25 * 0.16), e.Interval.StandardError, 1e-15);
        Assert.Contains(e.Notes, n => n.Contains("fold 1 was still improving at the epoch limit (60)", StringComparison.Ordinal));
    }

    private sealed class ToleranceComparer : IEqualityComparer<(double, int, int, double)>
    {
        public bool Equals((double, int, int, double) a, (double, int, int, double) b) =>
            Math.Abs(a.Item1 - b.Item1) < 1e-12 && a.Item2 == b.Item2 && a.Item3 == b.Item3 && Math.Abs(a.Item4 - b.Item4) < 1e-12;

        public int GetHashCode((double, int, int, double) obj) => 0;
    }
}
