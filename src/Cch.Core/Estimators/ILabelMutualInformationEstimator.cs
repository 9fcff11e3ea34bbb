using Cch.Data;

namespace Cch.Estimators;

/// <summary>
/// Estimates I(X;Y) in nats between a continuous representation X (N×d) and a discrete label Y
/// given as class indices 0..C−1 (length N), e.g. I(H_s;Y) for classification.
/// Implementations are deterministic for a given seed and input (and, for trained estimators, thread count).
/// </summary>
public interface ILabelMutualInformationEstimator
{
    /// <summary>Short name used in reports (e.g. <c>mixed</c>, <c>gaussian</c>, <c>probe</c>).</summary>
    string Name { get; }

    /// <summary>Smallest N the estimator accepts.</summary>
    int MinimumRows { get; }

    /// <summary>
    /// How the criterion gets this estimator's interval: half-sampling (default) or the
    /// <see cref="EstimatorInterval"/> that <see cref="EstimateDetailed"/> returns.
    /// </summary>
    IntervalStrategy IntervalStrategy => IntervalStrategy.HalfSampling;

    /// <summary>Estimates I(X;Y) in nats. A constant label gives exactly 0.</summary>
    /// <exception cref="ArgumentException">Lengths differ or N &lt; <see cref="MinimumRows"/>.</exception>
    double Estimate(FeatureMatrix x, ReadOnlySpan<int> classes);

    /// <summary>
    /// Estimates I(X;Y) in nats with the estimator's own interval (when <see cref="IntervalStrategy"/>
    /// is <see cref="Estimators.IntervalStrategy.Own"/>), what it trained, and notes.
    /// The default wraps <see cref="Estimate"/>.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ or N &lt; <see cref="MinimumRows"/>.</exception>
    /// <exception cref="OperationCanceledException">Cancelled (trained estimators check between steps).</exception>
    MutualInformationEstimate EstimateDetailed(FeatureMatrix x, int[] classes, CancellationToken cancellationToken = default) =>
        new(Estimate(x, classes));
}
