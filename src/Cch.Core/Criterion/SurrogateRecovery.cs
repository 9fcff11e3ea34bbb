using Cch.Estimators;

namespace Cch.Criterion;

/// <summary>
/// One estimator's result on a matched Gaussian surrogate whose mutual information is known
/// (<see cref="SurrogateCheck"/>).
/// </summary>
/// <param name="Known">The surrogate's mutual information in nats (closed form, or Monte Carlo for a class label).</param>
/// <param name="Estimate">The same estimator's value on the surrogate, in nats.</param>
/// <param name="Dimensions">d_x + d_y of the surrogate (constant columns dropped; 1 for a label).</param>
public sealed record SurrogateRecovery(double Known, double Estimate, int Dimensions)
{
    /// <summary>For a combined estimator (<see cref="MaximumEstimator"/>), every component's value on the surrogate; empty otherwise.</summary>
    public IReadOnlyList<ComponentEstimate> Components { get; init; } = [];

    /// <summary>Recovery ratio estimate / known; <c>null</c> when the known value is below <see cref="SurrogateCheck.MinimumKnown"/> (a ratio of small numbers says little).</summary>
    public double? Recovery => RecoveryOf(Estimate);

    /// <summary>
    /// The standard error in nats of the term's estimate on the real data at this N (from its interval);
    /// the surrogate's estimate has about the same sampling error, so a miss within
    /// <see cref="SurrogateCheck.NoiseMultiple"/> of it is not held against the estimator. <c>null</c>: every miss counts.
    /// </summary>
    public double? StandardError { get; init; }

    /// <summary>
    /// Whether the recovery lies outside [<see cref="SurrogateCheck.Low"/>, <see cref="SurrogateCheck.High"/>] by more than
    /// sampling error (|estimate − known| &gt; <see cref="SurrogateCheck.NoiseMultiple"/>·<see cref="StandardError"/>).
    /// </summary>
    public bool OutsideBand => Recovery is { } r && (r < SurrogateCheck.Low || r > SurrogateCheck.High) && BeyondNoise(Estimate);

    /// <summary>
    /// Whether the recovery lies outside [<see cref="SurrogateCheck.UnreliableLow"/>, <see cref="SurrogateCheck.UnreliableHigh"/>]
    /// by more than sampling error: the estimator misses half or more of a known mutual information of this
    /// size (or doubles it), so no verdict should rest on it.
    /// </summary>
    public bool Unreliable => Recovery is { } r && !(r >= SurrogateCheck.UnreliableLow && r <= SurrogateCheck.UnreliableHigh) && BeyondNoise(Estimate);

    /// <summary>The recovery of the named component (<see cref="Components"/>), or <c>null</c> when it is unknown.</summary>
    /// <param name="component">A component estimator's name, e.g. <c>ksg-ranks</c>.</param>
    public double? ComponentRecovery(string component) =>
        Components.FirstOrDefault(c => c.Estimator == component) is { } c ? RecoveryOf(c.Value) : null;

    /// <summary>
    /// Whether the named component passed the self-check: its recovery lies in [<see cref="SurrogateCheck.Low"/>,
    /// <see cref="SurrogateCheck.High"/>], misses it by no more than sampling error, or is unmeasured.
    /// </summary>
    /// <param name="component">A component estimator's name, e.g. <c>ksg-ranks</c>.</param>
    public bool ComponentPasses(string component) =>
        Components.FirstOrDefault(c => c.Estimator == component) is not { } c
        || RecoveryOf(c.Value) is not { } r
        || (r >= SurrogateCheck.Low && r <= SurrogateCheck.High)
        || !BeyondNoise(c.Value);

    private bool BeyondNoise(double estimate) => StandardError is not { } se || Math.Abs(estimate - Known) > SurrogateCheck.NoiseMultiple * se;

    /// <summary>
    /// B, the bias allowed for in the estimate <paramref name="estimate"/> of the real data (nats, ≥ 0).
    /// With a recovery r: the estimator returned r times a known value of this size, so the truth behind
    /// θ̂ is read as θ̂⁺ / r, θ̂⁺ = max(θ̂, 0), and B = θ̂⁺·|1/r − 1| (r floored at
    /// <see cref="SurrogateCheck.MinimumRecovery"/>, where the term is <see cref="Unreliable"/> anyway). Without
    /// one (known &lt; <see cref="SurrogateCheck.MinimumKnown"/>): the surrogate's error |estimate − known|.
    /// </summary>
    /// <param name="estimate">θ̂, the run's estimate of the term in nats.</param>
    public double BiasBound(double estimate)
    {
        if (Recovery is not { } r) return Math.Abs(Estimate - Known);
        var corrected = Math.Max(estimate, 0) / Math.Max(r, SurrogateCheck.MinimumRecovery);
        return Math.Abs(corrected - Math.Max(estimate, 0));
    }

    // A surrogate built at the floor target (SurrogateCheck.MinimumTarget = MinimumKnown) has its known
    // value found by root finding to 1e-6 relative, so it may fall a hair below: that still counts.
    private double? RecoveryOf(double estimate) => Known >= SurrogateCheck.MinimumKnown * (1 - 1e-5) ? estimate / Known : null;
}
