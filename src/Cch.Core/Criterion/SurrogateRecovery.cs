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
    /// <summary>Recovery ratio estimate / known; <c>null</c> when the known value is below <see cref="SurrogateCheck.MinimumKnown"/> (a ratio of small numbers says little).</summary>
    public double? Recovery => Known >= SurrogateCheck.MinimumKnown ? Estimate / Known : null;

    /// <summary>Whether the recovery lies outside [<see cref="SurrogateCheck.Low"/>, <see cref="SurrogateCheck.High"/>].</summary>
    public bool OutsideBand => Recovery is { } r && (r < SurrogateCheck.Low || r > SurrogateCheck.High);
}
