using Cch.Estimators.Internal;
using MathNet.Numerics.LinearAlgebra;

namespace Cch.Tests.Estimators;

/// <summary>
/// The blocked kernels behind the covariance estimators against MathNet's reference implementations
/// (plain triple loops, LAPACK-style Cholesky) on random matrices whose sizes straddle every tile and
/// block boundary (3×3 tiles, 64-wide Cholesky blocks, 96-row and 512-wide kernel blocks).
/// </summary>
public sealed class DenseAlgebraTests
{
    [Theory]
    [InlineData(1, 7)]
    [InlineData(5, 13)]
    [InlineData(50, 1000)]
    [InlineData(131, 700)]
    public void Gram_matches_the_reference_product(int p, int n)
    {
        var z = Random(p, n, seed: p + n);
        var g = DenseAlgebra.Gram(z.ToRowMajorArray(), p, n, 0.5);
        var expected = z.TransposeAndMultiply(z) * 0.5;
        for (var i = 0; i < p; i++)
            for (var j = 0; j < p; j++)
                Assert.Equal(expected[i, j], g[i * p + j], 1e-9 * Math.Max(1, Math.Abs(expected[i, j])));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(200)]
    public void Cholesky_matches_the_reference_factor_and_log_determinant(int p)
    {
        var a = Random(p, p + 5, seed: p);
        var s = a.TransposeAndMultiply(a) / (p + 5);
        var factor = s.ToRowMajorArray();

        Assert.True(DenseAlgebra.TryCholesky(factor, p));

        var reference = s.Cholesky();
        for (var i = 0; i < p; i++)
            for (var j = 0; j <= i; j++)
                Assert.Equal(reference.Factor[i, j], factor[i * p + j], 1e-9);
        Assert.Equal(reference.DeterminantLn, DenseAlgebra.LogDeterminant(factor, p, p), 1e-8);
    }

    [Fact]
    public void Cholesky_refuses_a_matrix_that_is_not_positive_definite()
    {
        var s = new double[] { 1, 2, 2, 1 };

        Assert.False(DenseAlgebra.TryCholesky(s, 2));
    }

    [Theory]
    [InlineData(4, 3)]
    [InlineData(70, 9)]
    [InlineData(150, 40)]
    public void SolveRows_applies_the_inverse_factor_to_every_row(int p, int rows)
    {
        var a = Random(p, p + 3, seed: 7);
        var s = a.TransposeAndMultiply(a) / (p + 3);
        var factor = s.ToRowMajorArray();
        Assert.True(DenseAlgebra.TryCholesky(factor, p));
        var z = Random(rows, p, seed: 8);
        var w = z.ToRowMajorArray();

        DenseAlgebra.SolveRows(factor, p, w, p, rows);

        // ‖L⁻¹z‖² = zᵀ S⁻¹ z for every row.
        var inverse = s.Inverse();
        for (var r = 0; r < rows; r++)
        {
            var zr = z.Row(r);
            var expected = zr * inverse * zr;
            var actual = 0.0;
            for (var j = 0; j < p; j++) actual += w[r * p + j] * w[r * p + j];
            Assert.Equal(expected, actual, 1e-7 * Math.Max(1, expected));
        }
    }

    private static Matrix<double> Random(int rows, int columns, int seed)
    {
        var random = new Random(seed);
        return Matrix<double>.Build.Dense(rows, columns, (_, _) => random.NextDouble() * 2 - 1);
    }
}
