using Cch.Synthetic.Internal;

namespace Cch.Synthetic;

/// <summary>
/// High-dimensional Gaussian tasks built exactly as bmi's multinormal tasks (Czyż et al. 2023), with
/// ids in bmi's style, rescaled per column like <see cref="BmiTasks.V1"/>:
/// <c>multinormal-dense-100-100-0.5</c> (every off-diagonal correlation 0.5; truth 1.9635 nats),
/// <c>multinormal-sparse-100-100-2-2.0</c> and <c>multinormal-sparse-500-500-2-2.0</c> (two pairs with
/// correlation 0.8 among independent coordinates; truth −ln 0.36 = 1.0217 nats). Truths by the Gaussian
/// closed form (Cover &amp; Thomas 2006, eq. 8.56), computed on first use (a 1000 × 1000 Cholesky).
/// </summary>
public static class HighDimensionalTasks
{
    private static readonly Lazy<IReadOnlyList<ContinuousTask>> Tasks = new(() =>
    [
        BmiTaskFactory.MultinormalDense(100, 100),
        BmiTaskFactory.MultinormalTwoPair(100, 100),
        BmiTaskFactory.MultinormalTwoPair(500, 500),
    ]);

    /// <summary>The three tasks: dense 100 × 100, 2-pair 100 × 100, 2-pair 500 × 500.</summary>
    public static IReadOnlyList<ContinuousTask> All => Tasks.Value;
}
