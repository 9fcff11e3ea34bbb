using MathNet.Numerics.LinearAlgebra;

namespace Cch.Estimators.Internal;

/// <summary>
/// The leading principal components of standardised column-major data (p columns of N values):
/// eigenvectors of the p×p covariance when p ≤ N, of the N×N Gram matrix of the rows otherwise
/// (the same components, Jolliffe, Principal Component Analysis, 2nd ed., §3.5). MathNet's symmetric
/// eigendecomposition; the result is standardised scores, column-major (k columns of N values).
/// </summary>
internal static class PrincipalComponents
{
    /// <summary>The first <paramref name="k"/> principal component scores of <paramref name="zt"/>, each standardised.</summary>
    public static double[] Scores(double[] zt, int p, int n, int k)
    {
        var scores = new double[(long)k * n];
        if (p <= n)
        {
            var covariance = Matrix<double>.Build.Dense(p, p, DenseAlgebra.Gram(zt, p, n, 1.0 / n));
            var vectors = covariance.Evd(Symmetricity.Symmetric).EigenVectors; // ascending eigenvalues
            for (var c = 0; c < k; c++)
            {
                var column = vectors.Column(p - 1 - c);
                for (var j = 0; j < p; j++)
                {
                    var w = column[j];
                    var offset = (long)j * n;
                    for (var i = 0; i < n; i++) scores[(long)c * n + i] += w * zt[offset + i];
                }
            }
        }
        else
        {
            var rows = new double[(long)n * p];
            for (var j = 0; j < p; j++)
                for (var i = 0; i < n; i++)
                    rows[(long)i * p + j] = zt[(long)j * n + i];
            var gram = Matrix<double>.Build.Dense(n, n, DenseAlgebra.Gram(rows, n, p, 1.0 / n));
            var vectors = gram.Evd(Symmetricity.Symmetric).EigenVectors;
            for (var c = 0; c < k; c++)
            {
                var column = vectors.Column(n - 1 - c);
                for (var i = 0; i < n; i++) scores[(long)c * n + i] = column[i];
            }
        }

        for (var c = 0; c < k; c++) Moments.Standardise(scores.AsSpan((int)((long)c * n), n));
        return scores;
    }

}
