using MathNet.Numerics.LinearAlgebra;

namespace Cch.Synthetic.Internal;

/// <summary>
/// A lower-triangular Cholesky factor L (Σ = L·Lᵀ) stored as the non-zero entries of each row, so that
/// x = L·z costs O(non-zeros): the 2-pair covariances are almost diagonal, and their factors exactly so
/// outside the interacting pairs.
/// </summary>
internal sealed class SparseLowerFactor
{
    private readonly int[][] _columns;
    private readonly double[][] _values;

    private SparseLowerFactor(int[][] columns, double[][] values)
    {
        _columns = columns;
        _values = values;
    }

    /// <summary>Dimension p of Σ.</summary>
    public int Dimension => _columns.Length;

    /// <summary>The Cholesky factor of <paramref name="covariance"/> (MathNet).</summary>
    /// <exception cref="ArgumentException">Σ is not symmetric positive definite.</exception>
    public static SparseLowerFactor Cholesky(Matrix<double> covariance)
    {
        if (covariance.RowCount != covariance.ColumnCount)
            throw new ArgumentException("The covariance must be square.", nameof(covariance));
        Matrix<double> l;
        try
        {
            l = covariance.Cholesky().Factor;
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException("The covariance is not symmetric positive definite.", nameof(covariance), e);
        }

        var p = l.RowCount;
        var columns = new int[p][];
        var values = new double[p][];
        for (var i = 0; i < p; i++)
        {
            var c = new List<int>();
            var v = new List<double>();
            for (var j = 0; j <= i; j++)
            {
                if (l[i, j] == 0) continue;
                c.Add(j);
                v.Add(l[i, j]);
            }

            columns[i] = [.. c];
            values[i] = [.. v];
        }

        return new SparseLowerFactor(columns, values);
    }

    /// <summary>Writes L·<paramref name="z"/> to <paramref name="result"/> (both of length p).</summary>
    public void Multiply(ReadOnlySpan<double> z, Span<double> result)
    {
        for (var i = 0; i < _columns.Length; i++)
        {
            var c = _columns[i];
            var v = _values[i];
            var sum = 0.0;
            for (var k = 0; k < c.Length; k++) sum += v[k] * z[c[k]];
            result[i] = sum;
        }
    }
}
