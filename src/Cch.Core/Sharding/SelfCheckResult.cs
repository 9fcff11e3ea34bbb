using Cch.Criterion;
using Cch.Estimators;

namespace Cch.Sharding;

/// <summary>A recorded <see cref="SurrogateRecovery"/>: what the self-check measured, without what the run derives from it.</summary>
/// <param name="Known">The surrogate's mutual information in nats.</param>
/// <param name="Estimate">The estimator's value on the surrogate, in nats.</param>
/// <param name="Dimensions">d_x + d_y of the surrogate.</param>
public sealed record SelfCheckResult(double Known, double Estimate, int Dimensions)
{
    /// <summary>Every component's value on the surrogate (combined estimators); empty otherwise.</summary>
    public IReadOnlyList<ComponentEstimate> Components { get; init; } = [];

    /// <summary>The record of <paramref name="recovery"/>, or <c>null</c>.</summary>
    public static SelfCheckResult? From(SurrogateRecovery? recovery) =>
        recovery is null ? null : new SelfCheckResult(recovery.Known, recovery.Estimate, recovery.Dimensions) { Components = recovery.Components };

    /// <summary>The recovery this record was made from.</summary>
    public SurrogateRecovery ToRecovery() => new(Known, Estimate, Dimensions) { Components = Components };
}
