using Cch.Data;

namespace Cch.Estimators.Internal;

/// <summary>
/// Per-column mean and population standard deviation over a subset of rows, and the list of
/// non-constant ("kept") columns. A column is constant when all its selected values are exactly equal.
/// Sums run sequentially in row order, so the result is deterministic.
/// </summary>
internal sealed class ColumnStatistics
{
    private ColumnStatistics(int[] kept, double[] mean, double[] sd, double[] scale)
    {
        KeptColumns = kept;
        Mean = mean;
        StandardDeviation = sd;
        Scale = scale;
    }

    /// <summary>Indices of the non-constant columns, ascending.</summary>
    public int[] KeptColumns { get; }

    /// <summary>Mean of each original column.</summary>
    public double[] Mean { get; }

    /// <summary>Population SD of each original column (0 for constant columns).</summary>
    public double[] StandardDeviation { get; }

    /// <summary>Largest magnitude of each column (1 for an all-zero column), used to keep arithmetic in range.</summary>
    public double[] Scale { get; }

    /// <summary>
    /// The standardised value (x − mean)/SD of column <paramref name="c"/>, computed on x/s so that
    /// the difference cannot overflow even for values near ±1.8e308.
    /// </summary>
    public double Standardize(double x, int c)
    {
        var s = Scale[c];
        return (x / s - Mean[c] / s) / (StandardDeviation[c] / s);
    }

    /// <summary>Computes the statistics over <paramref name="rows"/> (all rows when empty).</summary>
    /// <remarks>
    /// Each column is first divided by its largest magnitude s_c = max|x|, so sums and squares stay in
    /// range for any finite input: values of 1e300 do not overflow (x² would above ~1e154) and values
    /// of 1e−200 do not underflow to a zero SD (x² would below ~1e−154). mean = s_c·mean(x/s_c),
    /// SD = s_c·√(mean((x/s_c − mean/s_c)²)).
    /// </remarks>
    /// <exception cref="ArgumentException">A selected value is NaN or infinite.</exception>
    public static ColumnStatistics Compute(FeatureMatrix m, ReadOnlySpan<int> rows, string paramName)
    {
        var d = m.Columns;
        var n = rows.IsEmpty ? m.Rows : rows.Length;
        var v = m.Values;
        var min = new double[d];
        var max = new double[d];
        min.AsSpan().Fill(double.PositiveInfinity);
        max.AsSpan().Fill(double.NegativeInfinity);
        for (var p = 0; p < n; p++)
        {
            var r = rows.IsEmpty ? p : rows[p];
            var off = r * d;
            for (var c = 0; c < d; c++)
            {
                var x = v[off + c];
                if (!double.IsFinite(x))
                    throw new ArgumentException($"{m.Name}: value at row {r}, column {c} is not finite ({x}).", paramName);
                if (x < min[c]) min[c] = x;
                if (x > max[c]) max[c] = x;
            }
        }

        var scale = new double[d];
        for (var c = 0; c < d; c++)
        {
            var s = Math.Max(Math.Abs(min[c]), Math.Abs(max[c]));
            scale[c] = s > 0 && double.IsFinite(s) ? s : 1;
        }

        var sum = new double[d];
        for (var p = 0; p < n; p++)
        {
            var off = (rows.IsEmpty ? p : rows[p]) * d;
            for (var c = 0; c < d; c++) sum[c] += v[off + c] / scale[c];
        }

        var scaledMean = new double[d];
        for (var c = 0; c < d; c++) scaledMean[c] = n == 0 ? 0 : sum[c] / n;
        var ss = new double[d];
        for (var p = 0; p < n; p++)
        {
            var off = (rows.IsEmpty ? p : rows[p]) * d;
            for (var c = 0; c < d; c++)
            {
                var t = v[off + c] / scale[c] - scaledMean[c];
                ss[c] += t * t;
            }
        }

        var mean = new double[d];
        var sd = new double[d];
        var kept = new List<int>(d);
        for (var c = 0; c < d; c++)
        {
            mean[c] = scaledMean[c] * scale[c];
            if (n == 0 || min[c] == max[c]) continue;
            sd[c] = Math.Sqrt(ss[c] / n) * scale[c];
            if (sd[c] > 0 && double.IsFinite(sd[c])) kept.Add(c);
        }

        return new ColumnStatistics(kept.ToArray(), mean, sd, scale);
    }
}
