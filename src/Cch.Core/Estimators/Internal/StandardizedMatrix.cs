using Cch.Data;
using MathNet.Numerics.LinearAlgebra;

namespace Cch.Estimators.Internal;

/// <summary>Builds MathNet matrices of standardised (zero-mean, unit population SD) non-constant columns.</summary>
internal static class StandardizedMatrix
{
    /// <summary>Writes the standardised kept columns of the selected rows into <paramref name="target"/>.</summary>
    public static void Fill(FeatureMatrix m, ReadOnlySpan<int> rows, ColumnStatistics stats, Matrix<double> target, int columnOffset)
    {
        var kept = stats.KeptColumns;
        var n = rows.IsEmpty ? m.Rows : rows.Length;
        var d = m.Columns;
        var v = m.Values;
        for (var o = 0; o < kept.Length; o++)
        {
            var c = kept[o];
            for (var p = 0; p < n; p++)
            {
                var r = rows.IsEmpty ? p : rows[p];
                target[p, columnOffset + o] = stats.Standardize(v[r * d + c], c);
            }
        }
    }
}
