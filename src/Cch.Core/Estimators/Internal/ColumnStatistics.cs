using Cch.Data;

namespace Cch.Estimators.Internal;

/// <summary>
/// Per-column mean and population standard deviation over a subset of rows, and the list of
/// non-constant ("kept") columns. A column is constant when all its selected values are exactly equal.
/// Sums run sequentially in row order, so the result is deterministic.
/// </summary>
internal sealed class ColumnStatistics
{
    private ColumnStatistics(int[] kept, double[] mean, double[] sd)
    {
        KeptColumns = kept;
        Mean = mean;
        StandardDeviation = sd;
    }

    /// <summary>Indices of the non-constant columns, ascending.</summary>
    public int[] KeptColumns { get; }

    /// <summary>Mean of each original column.</summary>
    public double[] Mean { get; }

    /// <summary>Population SD of each original column (0 for constant columns).</summary>
    public double[] StandardDeviation { get; }

    /// <summary>Computes the statistics over <paramref name="rows"/> (all rows when empty).</summary>
    /// <exception cref="ArgumentException">A selected value is NaN or infinite.</exception>
    public static ColumnStatistics Compute(FeatureMatrix m, ReadOnlySpan<int> rows, string paramName)
    {
        var d = m.Columns;
        var n = rows.IsEmpty ? m.Rows : rows.Length;
        var v = m.Values;
        var sum = new double[d];
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
                sum[c] += x;
                if (x < min[c]) min[c] = x;
                if (x > max[c]) max[c] = x;
            }
        }

        var mean = new double[d];
        for (var c = 0; c < d; c++) mean[c] = sum[c] / n;
        var ss = new double[d];
        for (var p = 0; p < n; p++)
        {
            var off = (rows.IsEmpty ? p : rows[p]) * d;
            for (var c = 0; c < d; c++)
            {
                var t = v[off + c] - mean[c];
                ss[c] += t * t;
            }
        }

        var sd = new double[d];
        var kept = new List<int>(d);
        for (var c = 0; c < d; c++)
        {
            if (n == 0 || min[c] == max[c]) continue;
            sd[c] = Math.Sqrt(ss[c] / n);
            if (sd[c] > 0) kept.Add(c);
        }

        return new ColumnStatistics(kept.ToArray(), mean, sd);
    }
}
