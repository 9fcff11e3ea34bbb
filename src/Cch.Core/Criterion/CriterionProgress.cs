namespace Cch.Criterion;

/// <summary>Progress of a criterion run: <paramref name="Completed"/> of <paramref name="Total"/> estimates done.</summary>
/// <param name="Stage">What is being computed (e.g. "estimates", "half-samples").</param>
/// <param name="Completed">Estimates finished so far.</param>
/// <param name="Total">Estimates in the whole run.</param>
public sealed record CriterionProgress(string Stage, int Completed, int Total);
