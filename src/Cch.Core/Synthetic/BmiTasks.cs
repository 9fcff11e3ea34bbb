using Cch.Synthetic.Internal;

namespace Cch.Synthetic;

/// <summary>
/// The 40 tasks of bmi's v1 benchmark (Czyż, Grabowski, Vogt, Beerenwinkel &amp; Marx, <i>Beyond Normal:
/// On the Evaluation of Mutual Information Estimators</i>, NeurIPS 2023): <c>BENCHMARK_TASKS_LIST</c> of
/// <c>src/bmi/benchmark/task_list.py</c>, in that order, with bmi's ids and names, each rescaled to zero
/// mean / unit variance per column as bmi's v1 workflow does (which keeps the ids and names).
/// </summary>
/// <remarks>
/// Order: 9 one-dimensional tasks (bivariate normal ρ = 0.75; its normal CDF; additive uniform noise
/// ε = 0.1, 0.75; bimodal; wiggly; half-cube; Student-t ν = 1 and its asinh), the Swiss roll 2 × 1,
/// 9 multinormal (dense 2, 3, 5, 25, 50; 2-pair 2, 3, 5, 25), 6 Student-t with identity dispersion
/// (2 × 2 ν = 1, 2; 3 × 3 ν = 2, 3; 5 × 5 ν = 2, 3) and 15 transformed (normal CDF, half-cube, spiral and
/// spiral ∘ normal CDF of the 2-pair 3 × 3, 5 × 5, 25 × 25; asinh of Student-t 2 × 2 ν = 1, 3 × 3 ν = 2,
/// 5 × 5 ν = 2). Truths: 0.2242 (Student-t 1 × 1, ν = 1) to 1.7094 nats (additive noise ε = 0.1).
/// </remarks>
public static class BmiTasks
{
    private static readonly Lazy<IReadOnlyList<ContinuousTask>> All = new(Build);

    /// <summary>The 40 tasks, in bmi's order.</summary>
    public static IReadOnlyList<ContinuousTask> V1 => All.Value;

    private static IReadOnlyList<ContinuousTask> Build()
    {
        const double correlation = 0.75;
        var binormal = BmiTaskFactory.BivariateNormal(correlation);
        var uniform = BmiTaskFactory.NormalCdf(binormal);
        var bistudent = BmiTaskFactory.StudentIdentity(1, 1, 1);

        var oneDimensional = new[]
        {
            binormal,
            uniform,
            BmiTaskFactory.AdditiveNoise(0.10),
            BmiTaskFactory.AdditiveNoise(0.75),
            BmiTaskFactory.Bimodal(correlation),
            BmiTaskFactory.Wiggly(binormal),
            BmiTaskFactory.HalfCube(binormal),
            bistudent,
            BmiTaskFactory.Asinh(bistudent),
        };

        var embeddings = new[] { BmiTaskFactory.SwissRoll(uniform, "Swiss roll 2 × 1") };

        var multinormal = new[]
        {
            BmiTaskFactory.MultinormalDense(2, 2),
            BmiTaskFactory.MultinormalDense(3, 3),
            BmiTaskFactory.MultinormalDense(5, 5),
            BmiTaskFactory.MultinormalDense(25, 25),
            BmiTaskFactory.MultinormalDense(50, 50),
            BmiTaskFactory.MultinormalTwoPair(2, 2),
            BmiTaskFactory.MultinormalTwoPair(3, 3),
            BmiTaskFactory.MultinormalTwoPair(5, 5),
            BmiTaskFactory.MultinormalTwoPair(25, 25),
        };

        var student = new[]
        {
            BmiTaskFactory.StudentIdentity(2, 2, 1),
            BmiTaskFactory.StudentIdentity(2, 2, 2),
            BmiTaskFactory.StudentIdentity(3, 3, 2),
            BmiTaskFactory.StudentIdentity(3, 3, 3),
            BmiTaskFactory.StudentIdentity(5, 5, 2),
            BmiTaskFactory.StudentIdentity(5, 5, 3),
        };

        var pair3 = BmiTaskFactory.MultinormalTwoPair(3, 3);
        var pair5 = BmiTaskFactory.MultinormalTwoPair(5, 5);
        var pair25 = BmiTaskFactory.MultinormalTwoPair(25, 25);
        var transformed = new[]
        {
            BmiTaskFactory.NormalCdf(pair3),
            BmiTaskFactory.NormalCdf(pair5),
            BmiTaskFactory.NormalCdf(pair25),
            BmiTaskFactory.HalfCube(pair3),
            BmiTaskFactory.HalfCube(pair5),
            BmiTaskFactory.HalfCube(pair25),
            BmiTaskFactory.Spiral(pair3),
            BmiTaskFactory.Spiral(pair5),
            BmiTaskFactory.Spiral(pair25),
            BmiTaskFactory.Spiral(BmiTaskFactory.NormalCdf(pair3)),
            BmiTaskFactory.Spiral(BmiTaskFactory.NormalCdf(pair5)),
            BmiTaskFactory.Spiral(BmiTaskFactory.NormalCdf(pair25)),
            BmiTaskFactory.Asinh(BmiTaskFactory.StudentIdentity(2, 2, 1)),
            BmiTaskFactory.Asinh(BmiTaskFactory.StudentIdentity(3, 3, 2)),
            BmiTaskFactory.Asinh(BmiTaskFactory.StudentIdentity(5, 5, 2)),
        };

        return [.. oneDimensional, .. embeddings, .. multinormal, .. student, .. transformed];
    }
}
