using MathNet.Numerics.LinearAlgebra;

namespace Cch.Estimators.Probe;

/// <summary>
/// Cross-fitted ridge regression probe for a one-dimensional label (see <see cref="ProbeEstimator"/>
/// for the protocol): per-row held-out residuals of the ridge fit and of the training-part mean.
/// </summary>
internal static class RegressionProbe
{
    /// <summary>Per-row results (indexed like the input rows) and per-fold fits.</summary>
    /// <param name="Residuals">e_i = y_i − ŷ_i from the fold's ridge model (standardised units).</param>
    /// <param name="NullResiduals">u_i = y_i − ȳ of the fold's training part.</param>
    /// <param name="Fold">Fold of each row.</param>
    /// <param name="Fits">One entry per fold.</param>
    internal sealed record Result(double[] Residuals, double[] NullResiduals, int[] Fold, FoldFit[] Fits);

    /// <summary>Runs the K folds.</summary>
    /// <param name="x">Features, row-major n×d (standardised), rows in the seeded <see cref="RowOrder"/>.</param>
    /// <param name="d">Features per row.</param>
    /// <param name="y">Standardised targets.</param>
    /// <param name="settings">Folds, seed, grid (descending), threads.</param>
    /// <param name="cancellationToken">Checked between fits.</param>
    public static Result Run(double[] x, int d, double[] y, ProbeSettings settings, CancellationToken cancellationToken)
    {
        var n = y.Length;
        var k = settings.Folds;
        var fold = FoldAssignment.Plain(n, k);
        var rowsOf = new List<int>[k];
        for (var f = 0; f < k; f++) rowsOf[f] = [];
        for (var i = 0; i < n; i++) rowsOf[fold[i]].Add(i);
        var moments = new FoldMoments[k];
        for (var f = 0; f < k; f++) moments[f] = FoldMoments.Compute(x, d, y, rowsOf[f].ToArray(), settings.Threads);

        var residuals = new double[n];
        var nullResiduals = new double[n];
        var fits = new FoldFit[k];
        var include = new bool[k];
        var grid = settings.Grid;
        var chosen = -1;
        for (var f = 0; f < k; f++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var v = (f + 1) % k;
            for (var g = 0; g < k; g++) include[g] = g != f && g != v;
            var inner = Centered(FoldMoments.Sum(moments, include, d), d);
            var points = 0;
            double Validate(int g)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (w, b0) = Solve(inner, d, grid[g]);
                points++;
                return SquaredError(moments[v], d, w, b0) / moments[v].Count;
            }

            var bestIndex = LambdaSearch.Run(grid.Length, chosen, settings.Patience, Validate);
            chosen = bestIndex;

            for (var g = 0; g < k; g++) include[g] = g != f;
            var train = Centered(FoldMoments.Sum(moments, include, d), d);
            var (weights, intercept) = Solve(train, d, grid[bestIndex]);
            var mean = train.MeanY;
            double se = 0, sn = 0;
            foreach (var i in rowsOf[f])
            {
                var prediction = intercept;
                for (var j = 0; j < d; j++) prediction += x[i * d + j] * weights[j];
                residuals[i] = y[i] - prediction;
                nullResiduals[i] = y[i] - mean;
                se += residuals[i] * residuals[i];
                sn += nullResiduals[i] * nullResiduals[i];
            }

            fits[f] = new FoldFit(grid[bestIndex], 0, false, 0, 0, points, train.Count, rowsOf[f].Count, 0.5 * Math.Log(sn / se));
        }

        return new Result(residuals, nullResiduals, fold, fits);
    }

    /// <summary>Centred moments of a training part: means, Gram and cross-product about the means.</summary>
    private sealed record CenteredMoments(int Count, double[] MeanX, double MeanY, Matrix<double> Gram, Vector<double> CrossProduct);

    private static CenteredMoments Centered(FoldMoments m, int d)
    {
        var n = m.Count;
        var mean = new double[d];
        for (var j = 0; j < d; j++) mean[j] = m.SumX[j] / n;
        var meanY = m.SumY / n;
        var gram = Matrix<double>.Build.Dense(d, d);
        for (var a = 0; a < d; a++)
            for (var b = 0; b < d; b++)
                gram[a, b] = m.Gram[a * d + b] - n * mean[a] * mean[b];
        var cross = Vector<double>.Build.Dense(d);
        for (var j = 0; j < d; j++) cross[j] = m.SumXy[j] - n * mean[j] * meanY;
        return new CenteredMoments(n, mean, meanY, gram, cross);
    }

    /// <summary>
    /// Ridge solution (G_c + λI)w = Σ(x − x̄)(y − ȳ), intercept ȳ − x̄ᵀw, by MathNet's Cholesky
    /// factorisation (the matrix is positive definite for λ &gt; 0).
    /// </summary>
    private static (double[] Weights, double Intercept) Solve(CenteredMoments m, int d, double lambda)
    {
        var a = m.Gram.Clone();
        for (var j = 0; j < d; j++) a[j, j] += lambda;
        var w = a.Cholesky().Solve(m.CrossProduct).ToArray();
        var intercept = m.MeanY;
        for (var j = 0; j < d; j++) intercept -= m.MeanX[j] * w[j];
        return (w, intercept);
    }

    /// <summary>Σ (y − b₀ − xᵀw)² over a fold from its moments (no pass over the rows).</summary>
    private static double SquaredError(FoldMoments m, int d, double[] w, double b0)
    {
        // Σ(y − b0 − xᵀw)² = Σy² − 2b0Σy − 2wᵀΣxy + n b0² + 2b0 wᵀΣx + wᵀ(Σxxᵀ)w
        var wSumXy = 0.0;
        var wSumX = 0.0;
        var quadratic = 0.0;
        for (var a = 0; a < d; a++)
        {
            wSumXy += w[a] * m.SumXy[a];
            wSumX += w[a] * m.SumX[a];
            var row = 0.0;
            for (var b = 0; b < d; b++) row += m.Gram[a * d + b] * w[b];
            quadratic += w[a] * row;
        }

        return Math.Max(0.0, m.SumYy - 2 * b0 * m.SumY - 2 * wSumXy + m.Count * b0 * b0 + 2 * b0 * wSumX + quadratic);
    }
}
