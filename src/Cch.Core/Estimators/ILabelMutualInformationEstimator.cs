using Cch.Data;

namespace Cch.Estimators;

/// <summary>
/// Estimates I(X;Y) in nats between a continuous representation X (N×d) and a discrete label Y
/// given as class indices 0..C−1 (length N), e.g. I(H_s;Y) for classification.
/// Implementations are deterministic for a given seed and input.
/// </summary>
public interface ILabelMutualInformationEstimator
{
    /// <summary>Short name used in reports (e.g. <c>mixed</c>, <c>gaussian</c>).</summary>
    string Name { get; }

    /// <summary>Smallest N the estimator accepts.</summary>
    int MinimumRows { get; }

    /// <summary>Estimates I(X;Y) in nats. A constant label gives exactly 0.</summary>
    /// <exception cref="ArgumentException">Lengths differ or N &lt; <see cref="MinimumRows"/>.</exception>
    double Estimate(FeatureMatrix x, ReadOnlySpan<int> classes);
}
