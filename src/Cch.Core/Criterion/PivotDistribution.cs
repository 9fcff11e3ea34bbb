using Cch.Internal;
using MathNet.Numerics.Distributions;

namespace Cch.Criterion;

/// <summary>
/// The distribution of (θ̂ − θ)/SE the criterion uses: Student's t with ν degrees of freedom where SE comes
/// from ν + 1 half-samples, the standard normal where it comes from per-row terms (ν = <c>null</c>).
/// </summary>
internal static class PivotDistribution
{
    /// <summary>F(x): the t CDF with ν degrees of freedom, or Φ(x) when ν is <c>null</c>.</summary>
    public static double Cdf(double? nu, double x) => nu is { } v ? StudentT.CDF(0, 1, v, x) : Normal.CDF(0, 1, x);

    /// <summary>F⁻¹(p) (<see cref="StudentTQuantile"/> for t), p in (0, 1).</summary>
    public static double Quantile(double? nu, double p) => nu is { } v ? StudentTQuantile.Of(v, p) : Normal.InvCDF(0, 1, p);
}
