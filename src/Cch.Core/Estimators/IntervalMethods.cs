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
}
