using System.Globalization;
using Cch.Reports;

namespace Cch.Tool.Rendering;

/// <summary>The one-line text form of a <see cref="MutualInformationReport"/>.</summary>
internal static class MutualInformationLine
{
    /// <summary>
    /// E.g. <c>I(X;Y) = 0.734 nats, 95% CI [0.690, 0.778] · X = x* (2-d), Y = y* (2-d) · estimator ksg (auto: 2 + 2 ≤ 4 dimensions: KSG) · interval: half-sampling, 20 × 500 rows · N = 1000</c>.
    /// </summary>
    public static string Format(MutualInformationReport r)
    {
        var level = (r.Level * 100).ToString("0.##", CultureInfo.InvariantCulture);
        var y = r.Label switch
        {
            { Classes: { } classes } => $"{r.Y.Name} ({classes.Count} classes)",
            { } => $"{r.Y.Name} (regression)",
            null => $"{r.Y.Name} ({r.Y.Dimensions}-d)",
        };
        var estimator = r.AutoReason is null ? r.Estimator : $"{r.Estimator} (auto: {r.AutoReason})";
        var interval = r.SubsampleRows > 0 ? string.Create(CultureInfo.InvariantCulture, $"{r.Interval}, {r.Replicates} × {r.SubsampleRows:N0} rows") : r.Interval;
        return string.Create(CultureInfo.InvariantCulture,
            $"I(X;Y) = {N(r.Estimate)} nats, {level}% CI [{N(r.CiLow)}, {N(r.CiHigh)}] · X = {r.X.Name} ({r.X.Dimensions}-d), Y = {y} · estimator {estimator} · interval: {interval} · N = {r.N:N0}{Sampled(r)}");
    }

    /// <summary>" of 2,000 rows (a seeded sample, --max-rows 500)" when the rows were sampled, else nothing.</summary>
    private static string Sampled(MutualInformationReport r) =>
        r.Sample is { } s && s.RowsUsed < s.TotalRows
            ? string.Create(CultureInfo.InvariantCulture, $" of {s.TotalRows:N0} rows (a seeded sample, --max-rows {s.MaxRows:N0})")
            : string.Empty;

    private static string N(double v) => (v == 0 ? 0 : v).ToString("0.000", CultureInfo.InvariantCulture);
}
