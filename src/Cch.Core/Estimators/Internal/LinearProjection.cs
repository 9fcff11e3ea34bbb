using Cch.Data;

namespace Cch.Estimators.Internal;

/// <summary>
/// A fitted linear map from a representation to r directions: standardise the kept columns with the
/// fit rows' statistics, whiten with the Cholesky factor L of the fit rows' (shrunk) covariance
/// (w = L⁻¹z), then project on r unit vectors of the whitened space.
/// </summary>
internal sealed unsafe class LinearProjection
{
    private readonly ColumnStatistics _stats;
    private readonly double[] _factor;
    private readonly double[][] _directions;

    public LinearProjection(ColumnStatistics stats, double[] factor, double[][] directions)
    {
        _stats = stats;
        _factor = factor;
        _directions = directions;
    }

    /// <summary>Number of directions r.</summary>
    public int Dimensions => _directions.Length;

    /// <summary>The projections of <paramref name="rows"/> of <paramref name="m"/>: |rows|×r.</summary>
    public FeatureMatrix Apply(FeatureMatrix m, int[] rows)
    {
        var kept = _stats.KeptColumns;
        var p = kept.Length;
        var r = _directions.Length;
        var result = new double[(long)rows.Length * r];
        const int block = 256;
        var blocks = (rows.Length + block - 1) / block;
        BlockScheduler.Run(blocks, () => new double[block * p], (b, w) =>
        {
            var r0 = b * block;
            var count = Math.Min(block, rows.Length - r0);
            for (var i = 0; i < count; i++)
                for (var o = 0; o < p; o++)
                    w[i * p + o] = _stats.Standardize(m[rows[r0 + i], kept[o]], kept[o]);
            fixed (double* wp = w) DenseAlgebra.SolveRows(_factor, p, wp, p, count);
            for (var i = 0; i < count; i++)
                for (var d = 0; d < r; d++)
                {
                    var s = 0.0;
                    var u = _directions[d];
                    for (var o = 0; o < p; o++) s += w[i * p + o] * u[o];
                    result[(long)(r0 + i) * r + d] = s;
                }
        });
        return new FeatureMatrix(m.Name, rows.Length, r, result);
    }
}
