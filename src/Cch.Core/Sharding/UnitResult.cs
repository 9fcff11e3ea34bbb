using Cch.Estimators;

namespace Cch.Sharding;

/// <summary>
/// The result of one unit of a run's work (<see cref="WorkLedger"/>): a term's estimate on all rows (with its
/// self-check when it ran) or its estimate on one half-sample. Recorded in a partial report by
/// <c>check --shard</c> and replayed by <c>merge</c>.
/// </summary>
/// <param name="Key">The unit's name, e.g. <c>label/estimate</c>, <c>teacher/0/aligned/half-sample/7</c>.</param>
/// <param name="Position">Its 0-based position among the run's units (shard i of N computes those with position mod N = i).</param>
/// <param name="Estimate">The estimate, as the estimator returned it.</param>
public sealed record UnitResult(string Key, int Position, MutualInformationEstimate Estimate)
{
    /// <summary>The term's self-check on its matched surrogate (estimate units with the self-check on); <c>null</c> otherwise or when a side was constant.</summary>
    public SelfCheckResult? Check { get; init; }

    /// <summary>Seconds the estimate took (not the self-check).</summary>
    public double Seconds { get; init; }
}
