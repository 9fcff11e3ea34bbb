using Cch.Data;

namespace Cch.Estimators;

/// <summary>
/// Estimates the mutual information I(X;Y) in nats between two continuous representations with
/// the same number of rows N (X: N×d_x, Y: N×d_y), e.g. I(H_t;H_s) or I(H_s;Y) for a regression label.
/// Implementations are deterministic for a given seed and input.
/// </summary>
public interface IMutualInformationEstimator
{
    /// <summary>Short name used in reports (e.g. <c>ksg</c>, <c>gaussian</c>).</summary>
    string Name { get; }

    /// <summary>Smallest N the estimator accepts.</summary>
    int MinimumRows { get; }

    /// <summary>Estimates I(X;Y) in nats.</summary>
    /// <exception cref="ArgumentException">Row counts differ or N &lt; <see cref="MinimumRows"/>.</exception>
    double Estimate(FeatureMatrix x, FeatureMatrix y);
}
