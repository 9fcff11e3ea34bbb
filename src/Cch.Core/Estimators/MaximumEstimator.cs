using Cch.Data;

namespace Cch.Estimators;

/// <summary>
/// The largest of several estimates of the same I(X;Y), in nats:
/// <code>Î = max_j Î_j</code>
/// for component estimators that each tend to fall short of the truth in a different way (k-NN
/// estimators lose dependence to the curse of dimension, the copula estimator misses dependence a
/// Gaussian copula cannot express, projections miss what no linear map carries, held-out variational
/// bounds miss what their critic cannot fit). Used by <c>--estimator auto</c> at low dimension.
/// </summary>
/// <remarks>
/// <para><b>Bias.</b> When every component is a lower bound on I(X;Y) (up to its sampling error), so is
/// the maximum, and it is the tightest of them. When several components are close to the truth, taking
/// the largest adds about one standard error of upward bias (the expected maximum of equal noisy
/// values); the accuracy benchmark (docs/accuracy.md) measures the net effect.</para>
/// <para><b>Interval</b> (<see cref="IntervalStrategy.HalfSampling"/>): the whole maximum is recomputed on
/// every half-sample — each component, then the largest — so the interval accounts for which component
/// wins as well as for each one's sampling variability.</para>
/// <para>Deterministic when the components are. Cost: the sum of the components'.</para>
/// </remarks>
public sealed class MaximumEstimator : IMutualInformationEstimator, ILabelMutualInformationEstimator
{
    private readonly IReadOnlyList<IMutualInformationEstimator> _continuous;
    private readonly IReadOnlyList<ILabelMutualInformationEstimator> _label;

    /// <summary>The largest of <paramref name="components"/> for continuous X and Y.</summary>
    /// <exception cref="ArgumentException">No component.</exception>
    public MaximumEstimator(IReadOnlyList<IMutualInformationEstimator> components)
    {
        ArgumentNullException.ThrowIfNull(components);
        if (components.Count == 0) throw new ArgumentException("At least one component estimator is needed.", nameof(components));
        _continuous = components;
        _label = [];
        Name = Describe(components.Select(c => c.Name));
        MinimumRows = components.Max(c => c.MinimumRows);
    }

    /// <summary>The largest of <paramref name="components"/> for continuous X and a class label.</summary>
    /// <exception cref="ArgumentException">No component.</exception>
    public MaximumEstimator(IReadOnlyList<ILabelMutualInformationEstimator> components)
    {
        ArgumentNullException.ThrowIfNull(components);
        if (components.Count == 0) throw new ArgumentException("At least one component estimator is needed.", nameof(components));
        _label = components;
        _continuous = [];
        Name = Describe(components.Select(c => c.Name));
        MinimumRows = components.Max(c => c.MinimumRows);
    }

    /// <summary><c>max(a, b, …)</c> with the components' names.</summary>
    public string Name { get; }

    /// <summary>The largest of the components' minimum row counts.</summary>
    public int MinimumRows { get; }

    /// <inheritdoc />
    public IntervalStrategy IntervalStrategy => IntervalStrategy.HalfSampling;

    /// <summary>The largest component estimate in nats.</summary>
    /// <exception cref="InvalidOperationException">Built for a class label.</exception>
    public double Estimate(FeatureMatrix x, FeatureMatrix y) => Continuous().Max(c => c.Estimate(x, y));

    /// <summary>The largest component estimate in nats.</summary>
    /// <exception cref="InvalidOperationException">Built for continuous Y.</exception>
    public double Estimate(FeatureMatrix x, ReadOnlySpan<int> classes)
    {
        var best = double.NegativeInfinity;
        foreach (var c in Label()) best = Math.Max(best, c.Estimate(x, classes));
        return best;
    }

    /// <summary>The largest component estimate, naming the component that gave it and listing every component's value.</summary>
    public MutualInformationEstimate EstimateDetailed(FeatureMatrix x, FeatureMatrix y, CancellationToken cancellationToken = default) =>
        Combine(Continuous().Select(c =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            return c.EstimateDetailed(x, y, cancellationToken) with { Estimator = c.Name };
        }).ToList());

    /// <inheritdoc cref="EstimateDetailed(FeatureMatrix, FeatureMatrix, CancellationToken)"/>
    public MutualInformationEstimate EstimateDetailed(FeatureMatrix x, int[] classes, CancellationToken cancellationToken = default) =>
        Combine(Label().Select(c =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            return c.EstimateDetailed(x, classes, cancellationToken) with { Estimator = c.Name };
        }).ToList());

    private MutualInformationEstimate Combine(List<MutualInformationEstimate> parts)
    {
        var best = parts.MaxBy(p => p.Value)!;
        return new MutualInformationEstimate(best.Value)
        {
            Estimator = $"{Name} = {best.Estimator}",
            Training = best.Training,
            Components = parts.Select(p => new ComponentEstimate(p.Estimator!, p.Value)).ToList(),
            Notes = best.Notes,
        };
    }

    private IReadOnlyList<IMutualInformationEstimator> Continuous() =>
        _continuous.Count > 0 ? _continuous : throw new InvalidOperationException("This maximum was built for a class label.");

    private IReadOnlyList<ILabelMutualInformationEstimator> Label() =>
        _label.Count > 0 ? _label : throw new InvalidOperationException("This maximum was built for continuous Y.");

    private static string Describe(IEnumerable<string> names) => $"max({string.Join(", ", names)})";
}
