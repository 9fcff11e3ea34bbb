using Cch.Data;

namespace Cch.Estimators;

/// <summary>
/// Estimates the mutual information I(X;Y) in nats between two continuous representations with
/// the same number of rows N (X: N×d_x, Y: N×d_y), e.g. I(H_t;H_s) or I(H_s;Y) for a regression label.
/// Implementations are deterministic for a given seed and input (and, for trained estimators, thread count).
/// </summary>
public interface IMutualInformationEstimator
{
    /// <summary>Short name used in reports (e.g. <c>ksg</c>, <c>gaussian</c>, <c>copula</c>).</summary>
    string Name { get; }

    /// <summary>Smallest N the estimator accepts.</summary>
    int MinimumRows { get; }

    /// <summary>
    /// How the criterion gets this estimator's interval: half-sampling (default) or the
    /// <see cref="EstimatorInterval"/> that <see cref="EstimateDetailed"/> returns.
    /// </summary>
    IntervalStrategy IntervalStrategy => IntervalStrategy.HalfSampling;

    /// <summary>Estimates I(X;Y) in nats.</summary>
    /// <exception cref="ArgumentException">Row counts differ or N &lt; <see cref="MinimumRows"/>.</exception>
    double Estimate(FeatureMatrix x, FeatureMatrix y);

    /// <summary>
    /// Estimates I(X;Y) in nats with the estimator's own interval (when <see cref="IntervalStrategy"/>
    /// is <see cref="Estimators.IntervalStrategy.Own"/>), what it trained, and notes.
    /// The default wraps <see cref="Estimate"/>.
    /// </summary>
    /// <exception cref="ArgumentException">Row counts differ or N &lt; <see cref="MinimumRows"/>.</exception>
    /// <exception cref="OperationCanceledException">Cancelled (trained estimators check between steps).</exception>
    MutualInformationEstimate EstimateDetailed(FeatureMatrix x, FeatureMatrix y, CancellationToken cancellationToken = default) =>
        new(Estimate(x, y));
}
