using System.Globalization;

namespace Cch.Synthetic;

/// <summary>
/// Label tasks with known I(X;Y) (nats), for estimators of the mutual information between a
/// representation and a class label.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><b>Binary, μ = 1</b>, d ∈ {1, 5, 20, 100, 500}: Y uniform on two classes, X | Y ~ N(±μ e₁, I_d).
/// Truth ln 2 − E[H_b(P(Y | X₁))] = 0.33683 nats for every d (the published 0.3368; below the Gaussian
/// capacity bound ½ ln(1 + μ²) = 0.34657, Cover &amp; Thomas 2006 Thm 8.6.5).</item>
/// <item><b>10 classes</b>, d = 20: equal priors, X₁ | Y = c ~ N(1.5·(c − 4.5), 1), X₂..X₂₀ independent
/// N(0, 1) noise. Truth ln 10 − E[H(Y | X₁)] = 1.39772 nats (below ½ ln(1 + Var(means)) = ½ ln(1 + 18.5625)).</item>
/// </list>
/// </remarks>
public static class LabelTasks
{
    /// <summary>Separation μ of the binary tasks' class means ±μ.</summary>
    public const double BinaryMu = 1.0;

    /// <summary>Spacing of the 10-class task's means on the first coordinate.</summary>
    public const double TenClassSpacing = 1.5;

    private static readonly Lazy<IReadOnlyList<LabelTask>> Tasks = new(Build);

    /// <summary>Binary μ = 1 for d = 1, 5, 20, 100, 500, then the 10-class task in 20 dimensions.</summary>
    public static IReadOnlyList<LabelTask> All => Tasks.Value;

    private static IReadOnlyList<LabelTask> Build()
    {
        var mu = BinaryMu.ToString("0.0", CultureInfo.InvariantCulture);
        var tasks = new List<LabelTask>();
        foreach (var d in new[] { 1, 5, 20, 100, 500 })
            tasks.Add(new LabelTask($"label-binary-gaussian-{d}-{mu}", $"Binary Gaussian mixture {d}-d (μ={mu})", d, [-BinaryMu, BinaryMu]));

        var spacing = TenClassSpacing.ToString("0.0", CultureInfo.InvariantCulture);
        var means = Enumerable.Range(0, 10).Select(c => TenClassSpacing * (c - 4.5)).ToArray();
        tasks.Add(new LabelTask($"label-10class-gaussian-20-{spacing}", $"10-class Gaussian mixture 20-d (spacing={spacing})", 20, means));
        return tasks;
    }
}
