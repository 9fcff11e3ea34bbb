namespace Cch.Estimators;

/// <summary>The names of the interval methods reported in <see cref="EstimatorInterval.Method"/> and in reports.</summary>
public static class IntervalMethods
{
    /// <summary>B half-samples of ⌊N/2⌋ rows without replacement (delete-d jackknife), θ̂ ± t·sd.</summary>
    public const string HalfSampling = "half-sampling";

    /// <summary>Delta method on per-row influence terms, plus a second-order term.</summary>
    public const string Influence = "influence";

    /// <summary>Held-out per-row terms from cross-fitted models, plus the fold-to-fold spread.</summary>
    public const string CrossFit = "cross-fit";

    /// <summary>Trained critics: held-out per-row influence terms, plus the excess of the fold spread.</summary>
    public const string HeldOutFolds = "held-out+folds";

    /// <summary>Trained encoders (<c>latent</c>): half-sampling of the held-out codes, plus the excess of the fold spread.</summary>
    public const string HeldOutHalfSamplingFolds = "held-out half-sampling+folds";

    /// <summary>k-NN estimators at large N: the mean over m disjoint subsets, ± t_{m−1}·sd/√m (<see cref="Criterion.NearestNeighbourSubsets"/>).</summary>
    public const string DisjointSubsets = "disjoint-subsets";

    /// <summary>Every method name, as the report and mi schemas list them.</summary>
    public static IReadOnlyList<string> All { get; } = [HalfSampling, Influence, CrossFit, HeldOutFolds, HeldOutHalfSamplingFolds, DisjointSubsets];
}
