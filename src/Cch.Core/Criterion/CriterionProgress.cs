namespace Cch.Criterion;

/// <summary>
/// Progress of a criterion run: <paramref name="Completed"/> of <paramref name="Total"/> estimates done, reported
/// when a stage starts (first with 0 done) and after each unit, from the computing thread.
/// </summary>
/// <param name="Stage">What is being computed now ("estimates", "self-check", "half-samples" or "subsets").</param>
/// <param name="Completed">Estimates finished so far.</param>
/// <param name="Total">Estimates in the whole run.</param>
public sealed record CriterionProgress(string Stage, int Completed, int Total);
