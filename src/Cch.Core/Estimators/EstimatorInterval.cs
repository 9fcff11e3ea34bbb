namespace Cch.Estimators;

/// <summary>
/// An estimator's own uncertainty for one estimate, in nats: the standard error
/// SE = √max(Var(ψ)/N + <see cref="ExtraVariance"/>, <see cref="VarianceFloor"/>), where ψ are the
/// per-row influence terms.
/// </summary>
/// <remarks>
/// Per-row influence terms ψ_i (aligned with the input rows, mean ≈ 0) let two estimates on the same
/// rows be paired: the standard error of their difference is √(Var(ψ_A − ψ_B)/N + extra_A + extra_B),
/// which accounts for their correlation (e.g. I(H_t;H_s) and I(H_s;Y) share H_s). Estimators without
/// per-row terms give <see cref="StandardError"/> only; differences are then combined as if
/// independent.
/// </remarks>
/// <param name="Method">How the standard error was obtained, e.g. <c>influence</c> (delta method on
/// per-row terms), <c>cross-fit</c> (held-out per-row terms over folds) or <c>held-out+seeds</c>.</param>
/// <param name="StandardError">The standard error in nats (≥ 0).</param>
/// <param name="RowInfluence">Per-row influence terms ψ_i (length N, input row order), or <c>null</c>.</param>
/// <param name="ExtraVariance">Variance in nats² to add to Var(ψ)/N: a part the per-row terms do not
/// carry (a second-order term, the spread across training seeds), minus any noise they carry that the
/// estimate does not (e.g. from an estimated covariance inverse); may be negative.</param>
/// <param name="VarianceFloor">The smallest variance the estimate can have (nats²), e.g. its
/// second-order variance under independence; 0 when none.</param>
public sealed record EstimatorInterval(string Method, double StandardError, double[]? RowInfluence = null, double ExtraVariance = 0, double VarianceFloor = 0)
{
    /// <summary>
    /// Builds the interval from per-row influence terms: SE = √max(Var(ψ)/N + extra, floor),
    /// Var with denominator N − 1.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than two terms, the extra variance is not finite, or the floor is negative or not finite.</exception>
    public static EstimatorInterval FromInfluence(string method, double[] rowInfluence, double extraVariance = 0, double varianceFloor = 0)
    {
        ArgumentNullException.ThrowIfNull(rowInfluence);
        if (rowInfluence.Length < 2)
            throw new ArgumentException("At least two per-row terms are needed.", nameof(rowInfluence));
        if (!double.IsFinite(extraVariance))
            throw new ArgumentException($"Extra variance {extraVariance} must be finite.", nameof(extraVariance));
        if (!(varianceFloor >= 0 && double.IsFinite(varianceFloor)))
            throw new ArgumentException($"Variance floor {varianceFloor} must be finite and ≥ 0.", nameof(varianceFloor));
        var n = rowInfluence.Length;
        var variance = Math.Max(Internal.Moments.SampleVariance(rowInfluence) / n + extraVariance, varianceFloor);
        return new EstimatorInterval(method, Math.Sqrt(variance), rowInfluence, extraVariance, varianceFloor);
    }

    /// <summary>
    /// Standard error of A − B for two estimates on the same N rows: paired through the per-row terms
    /// when both have them (√max(Var(ψ_A − ψ_B)/N + extra_A + extra_B, floor_A + floor_B)), otherwise
    /// √(SE_A² + SE_B²) (independence).
    /// </summary>
    public static double StandardErrorOfDifference(EstimatorInterval a, EstimatorInterval b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.RowInfluence is { } ra && b.RowInfluence is { } rb && ra.Length == rb.Length)
        {
            var d = new double[ra.Length];
            for (var i = 0; i < d.Length; i++) d[i] = ra[i] - rb[i];
            var variance = Internal.Moments.SampleVariance(d) / d.Length + a.ExtraVariance + b.ExtraVariance;
            return Math.Sqrt(Math.Max(variance, a.VarianceFloor + b.VarianceFloor));
        }

        return Math.Sqrt(a.StandardError * a.StandardError + b.StandardError * b.StandardError);
    }
}
