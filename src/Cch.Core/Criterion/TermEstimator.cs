using Cch.Data;
using Cch.Estimators;

namespace Cch.Criterion;

/// <summary>
/// One mutual information term bound to its data: the estimator chosen for it (by family or by
/// <see cref="AutoEstimatorRule"/>) and the two sides it relates, so that it can be run on all rows
/// or on a subset (half-samples).
/// </summary>
public sealed class TermEstimator
{
    private readonly Func<int[]?, CancellationToken, MutualInformationEstimate> _run;

    internal TermEstimator(string name, EstimatorFamily family, string? autoReason, int minimumRows, IntervalStrategy strategy, int? ksgK, Func<int[]?, CancellationToken, MutualInformationEstimate> run)
    {
        Name = name;
        Family = family;
        AutoReason = autoReason;
        MinimumRows = minimumRows;
        IntervalStrategy = strategy;
        KsgK = ksgK;
        _run = run;
    }

    /// <summary>The estimator's report name, e.g. <c>ksg</c>, <c>copula</c>.</summary>
    public string Name { get; }

    /// <summary>The family that was asked for (<see cref="EstimatorFamily.Auto"/> when the rule chose).</summary>
    public EstimatorFamily Family { get; }

    /// <summary>Why <c>auto</c> chose it, or <c>null</c> when the family was given.</summary>
    public string? AutoReason { get; }

    /// <summary>Smallest N the estimator accepts.</summary>
    public int MinimumRows { get; }

    /// <summary>How the term's interval is obtained.</summary>
    public IntervalStrategy IntervalStrategy { get; }

    /// <summary>k when the estimator is KSG (its ceiling ψ(N) − ψ(k) applies), otherwise <c>null</c>.</summary>
    public int? KsgK { get; }

    /// <summary>
    /// Whether the estimator compares every pair of rows (KSG, Ross mixed, the projection + k-NN): O(N²) in time,
    /// so above <see cref="NearestNeighbourSubsets.Threshold"/> rows it runs on disjoint subsets (<see cref="NearestNeighbourSubsets"/>).
    /// </summary>
    public bool NearestNeighbour { get; init; }

    /// <summary>Estimates the term on all rows, or on <paramref name="rows"/> (sorted row indices) when given.</summary>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public MutualInformationEstimate Estimate(int[]? rows = null, CancellationToken cancellationToken = default) => _run(rows, cancellationToken);

    internal static FeatureMatrix Rows(FeatureMatrix m, int[]? rows) => rows is null ? m : m.SelectRows(rows);
}
