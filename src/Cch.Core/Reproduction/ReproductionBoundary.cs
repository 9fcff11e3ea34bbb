namespace Cch.Reproduction;

/// <summary>
/// Where quantities change sign along a sweep, as parameter values found by linear interpolation between
/// the two points that bracket the first sign change; <c>null</c> when the quantity keeps one sign over the sweep.
/// </summary>
/// <param name="ClosedForm">Where the closed-form Δ crosses 0 (models with a closed form only).</param>
/// <param name="Estimated">Where the estimated Δ crosses 0.</param>
/// <param name="KdEffect">Where the measured KD effect crosses 0 (distillation turns from helping to hurting or back).</param>
public sealed record ReproductionBoundary(double? ClosedForm, double? Estimated, double? KdEffect)
{
    /// <summary>Finds the three crossings of <paramref name="points"/> (ordered by parameter).</summary>
    public static ReproductionBoundary Of(IReadOnlyList<ReproductionPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        return new(
            Crossing(points, p => p.ClosedForm?.Delta),
            Crossing(points, p => p.Delta.Estimate),
            Crossing(points, p => p.KdEffect?.Estimate));
    }

    /// <summary>The parameter where <paramref name="value"/> first changes sign, interpolated linearly; <c>null</c> if it never does.</summary>
    internal static double? Crossing(IReadOnlyList<ReproductionPoint> points, Func<ReproductionPoint, double?> value)
    {
        for (var i = 1; i < points.Count; i++)
        {
            if (value(points[i - 1]) is not { } a || value(points[i]) is not { } b) continue;
            if (a == 0) return points[i - 1].Parameter;
            if (b == 0) return points[i].Parameter;
            if (Math.Sign(a) == Math.Sign(b)) continue;
            var x0 = points[i - 1].Parameter;
            var x1 = points[i].Parameter;
            return x0 + (x1 - x0) * a / (a - b);
        }

        return null;
    }
}
