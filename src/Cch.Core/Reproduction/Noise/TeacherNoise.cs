using Cch.Data;
using Cch.Synthetic.Internal;

namespace Cch.Reproduction.Noise;

/// <summary>
/// The degradation of the noise ablation: independent Gaussian noise added to every teacher column,
/// scaled by that column's spread, X'_ij = X_ij + s·SD_j·Z_ij with Z_ij ~ N(0, 1). A column's variance
/// grows by the factor 1 + s² (its SD by √(1 + s²)); s = 0 leaves the matrix as it is.
/// </summary>
/// <remarks>
/// One standard-normal draw Z is reused at every level of a sweep (common random numbers), so level s
/// adds exactly s times the same noise: the sweep's curve moves with s, not with a new draw per level.
/// </remarks>
internal static class TeacherNoise
{
    /// <summary>Population standard deviation of every column of <paramref name="x"/> (length d; 0 for a constant column or no rows).</summary>
    public static double[] ColumnSds(FeatureMatrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var sds = new double[x.Columns];
        if (x.Rows == 0) return sds;
        var mean = new double[x.Columns];
        for (var r = 0; r < x.Rows; r++)
        {
            var row = x.Row(r);
            for (var c = 0; c < x.Columns; c++) mean[c] += row[c];
        }

        for (var c = 0; c < x.Columns; c++) mean[c] /= x.Rows;
        for (var r = 0; r < x.Rows; r++)
        {
            var row = x.Row(r);
            for (var c = 0; c < x.Columns; c++)
            {
                var d = row[c] - mean[c];
                sds[c] += d * d;
            }
        }

        for (var c = 0; c < x.Columns; c++) sds[c] = Math.Sqrt(sds[c] / x.Rows);
        return sds;
    }

    /// <summary>
    /// <paramref name="count"/> independent N(0, 1) draws from <c>new Random(seed)</c> (Box–Muller), the same for the same seed.
    /// </summary>
    public static double[] StandardNormals(int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var z = new double[count];
        Samplers.FillStandardNormal(new Random(seed), z);
        return z;
    }

    /// <summary>
    /// A new matrix X + s·SD_j·Z (row-major like <paramref name="x"/>), with the same name and shape.
    /// </summary>
    /// <param name="x">The clean teacher representation, N×d.</param>
    /// <param name="scale">s ≥ 0: the noise SD in units of each column's SD.</param>
    /// <param name="columnSds">SD_j per column (length d), usually <see cref="ColumnSds"/> of the rows the criterion uses.</param>
    /// <param name="z">Standard-normal draws, at least N·d of them, used row-major.</param>
    /// <exception cref="ArgumentException">A length does not match, or <paramref name="scale"/> is negative or not finite.</exception>
    public static FeatureMatrix Add(FeatureMatrix x, double scale, IReadOnlyList<double> columnSds, ReadOnlySpan<double> z)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(columnSds);
        if (!double.IsFinite(scale) || scale < 0) throw new ArgumentException($"The noise scale must be finite and ≥ 0, got {scale}.", nameof(scale));
        if (columnSds.Count != x.Columns) throw new ArgumentException($"Expected {x.Columns} column SDs, got {columnSds.Count}.", nameof(columnSds));
        if (z.Length < x.Values.Length) throw new ArgumentException($"Expected at least {x.Values.Length} draws, got {z.Length}.", nameof(z));
        var values = new double[x.Values.Length];
        for (var r = 0; r < x.Rows; r++)
        {
            var offset = r * x.Columns;
            for (var c = 0; c < x.Columns; c++)
                values[offset + c] = scale == 0 ? x.Values[offset + c] : x.Values[offset + c] + scale * columnSds[c] * z[offset + c];
        }

        return new FeatureMatrix(x.Name, x.Rows, x.Columns, values);
    }
}
