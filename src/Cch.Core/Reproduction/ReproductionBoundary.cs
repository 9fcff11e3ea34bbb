using Cch.Criterion;
using Cch.Distillation;

namespace Cch.Reproduction;

/// <summary>
/// Where a sweep turns: the parameter values at which Δ (exact and estimated) and the measured KD effect change sign,
/// found by linear interpolation between the two points that bracket a sign change, and the ranges of parameters over
/// which the verdict and the measured outcome are decided each way.
/// </summary>
/// <param name="ClosedForm">Where the closed-form Δ crosses 0; <c>null</c> without a closed form or when it keeps one sign.</param>
/// <param name="Estimated">Where the estimated Δ crosses 0; <c>null</c> when it keeps one sign or changes sign more than once.</param>
/// <param name="KdEffect">Where the measured KD effect crosses 0; <c>null</c> when it keeps one sign or changes sign more than once (noise around 0).</param>
public sealed record ReproductionBoundary(double? ClosedForm, double? Estimated, double? KdEffect)
{
    /// <summary>Parameters at which the verdict is <c>pass</c>, smallest to largest; <c>null</c> when none.</summary>
    public ParameterRange? Pass { get; init; }

    /// <summary>Parameters at which the verdict is <c>fail</c>; <c>null</c> when none.</summary>
    public ParameterRange? Fail { get; init; }

    /// <summary>Parameters at which distillation measurably helped (<c>kd-helps</c>); <c>null</c> when none.</summary>
    public ParameterRange? KdHelps { get; init; }

    /// <summary>Parameters at which distillation measurably hurt (<c>kd-hurts</c>); <c>null</c> when none.</summary>
    public ParameterRange? KdHurts { get; init; }

    /// <summary>Finds the crossings and ranges of <paramref name="points"/> (ordered by parameter).</summary>
    public static ReproductionBoundary Of(IReadOnlyList<ReproductionPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        return new(
            Crossing(points, p => p.ClosedForm?.Delta),
            Crossing(points, p => p.Delta.Estimate),
            Crossing(points, p => p.KdEffect?.Estimate))
        {
            Pass = ParameterRange.Of(points.Where(p => p.Verdict == Verdict.Pass)),
            Fail = ParameterRange.Of(points.Where(p => p.Verdict == Verdict.Fail)),
            KdHelps = ParameterRange.Of(points.Where(p => p.Outcome == KdOutcome.KdHelps)),
            KdHurts = ParameterRange.Of(points.Where(p => p.Outcome == KdOutcome.KdHurts)),
        };
    }

    /// <summary>
    /// The parameter where <paramref name="value"/> changes sign, interpolated linearly between the bracketing points
    /// (a point exactly at 0 is the crossing); <c>null</c> if it never does, or does more than once.
    /// </summary>
    internal static double? Crossing(IReadOnlyList<ReproductionPoint> points, Func<ReproductionPoint, double?> value)
    {
        var signs = new List<(double Parameter, double Value)>();
        foreach (var p in points)
            if (value(p) is { } v)
                signs.Add((p.Parameter, v));
        var crossings = new List<double>();
        for (var i = 1; i < signs.Count; i++)
        {
            var (x0, a) = signs[i - 1];
            var (x1, b) = signs[i];
            if (a == 0) crossings.Add(x0);
            else if (b == 0 && i == signs.Count - 1) crossings.Add(x1);
            else if (b != 0 && Math.Sign(a) != Math.Sign(b)) crossings.Add(x0 + (x1 - x0) * a / (a - b));
        }

        return crossings.Count == 1 ? crossings[0] : null;
    }
}
