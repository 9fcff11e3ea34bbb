using System.Runtime.Intrinsics;

namespace Cch.Estimators.Probe;

/// <summary>
/// Cross-fitted multinomial logistic regression probe: per-row held-out terms
/// t_i = ln q(y_i|z_i) − ln p̂(y_i) (see <see cref="ProbeEstimator"/> for the protocol).
/// </summary>
internal static unsafe class ClassificationProbe
{
    /// <summary>Per-row results (indexed like the input rows of <see cref="Run"/>) and per-fold fits.</summary>
    /// <param name="Terms">t_i, nats.</param>
    /// <param name="LogLikelihood">ln q(y_i|z_i), nats.</param>
    /// <param name="Fold">Fold of each row.</param>
    /// <param name="Fits">One entry per fold.</param>
    internal sealed record Result(double[] Terms, double[] LogLikelihood, int[] Fold, FoldFit[] Fits);

    /// <summary>Runs the K folds.</summary>
    /// <param name="z">Features, row-major n×d (standardised), rows in the seeded <see cref="RowOrder"/>.</param>
    /// <param name="d">Features per row.</param>
    /// <param name="labels">Class of each row, 0..C−1, every class with ≥ 2 rows.</param>
    /// <param name="classes">C ≥ 2.</param>
    /// <param name="settings">Folds, seed, grid (descending), iteration cap, threads.</param>
    /// <param name="cancellationToken">Checked between optimiser iterations.</param>
    public static Result Run(double[] z, int d, int[] labels, int classes, ProbeSettings settings, CancellationToken cancellationToken)
    {
        var n = labels.Length;
        var k = settings.Folds;
        var fold = FoldAssignment.Stratified(labels, classes, k);
        var data = TiledRows.Create(z, d, labels, fold, k);
        var objective = new SoftmaxObjective(data, classes, settings.Threads, settings.Isa);
        var counts = new int[k, classes];
        var foldRows = new int[k];
        for (var i = 0; i < n; i++)
        {
            counts[fold[i], labels[i]]++;
            foldRows[fold[i]]++;
        }

        var terms = new double[n];
        var logLikelihood = new double[n];
        var fits = new FoldFit[k];
        var include = new bool[k];
        // Solutions of the previous fold's inner path at each grid point: the inner training parts of
        // consecutive folds share (K−3)/(K−2) of their rows, so these are close to this fold's optima.
        var previous = new double[settings.Grid.Length][];
        var chosen = -1;
        for (var f = 0; f < k; f++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var v = (f + 1) % k;
            // Inner path: fit on all folds but f and v, validate on v.
            for (var g = 0; g < k; g++) include[g] = g != f && g != v;
            var innerBlocks = data.BlocksOf(include);
            var innerCounts = ClassCounts(counts, include, classes, out var innerRows);
            for (var g = 0; g < k; g++) include[g] = g == v;
            var validationBlocks = data.BlocksOf(include);
            var p = new double[objective.ParameterCount];
            for (var c = 0; c < classes; c++)
                p[d * classes + c] = Math.Log((innerCounts[c] + 0.5) / (innerRows + 0.5 * classes));
            var grid = settings.Grid;
            var solutions = new double[grid.Length][];
            var hitCap = false;
            var points = 0;
            var iterations = 0;
            var evaluations = 0;
            double Evaluate(int g)
            {
                // Warm start: this grid point's solution from the previous fold, else the nearest
                // point fitted in this fold, else the intercept-only start.
                var start = previous[g];
                for (var step = 1; start is null && step < grid.Length; step++)
                    start = (g - step >= 0 ? solutions[g - step] : null) ?? (g + step < grid.Length ? solutions[g + step] : null);
                var q = (double[])(start ?? p).Clone();
                var outcome = objective.Fit(innerBlocks, innerRows, grid[g], q, settings.MaxIterations, settings.PathTolerance, cancellationToken);
                hitCap |= outcome.HitIterationCap;
                iterations += outcome.Iterations;
                evaluations += outcome.Evaluations;
                points++;
                solutions[g] = q;
                previous[g] = q;
                return objective.Loss(validationBlocks, q, null) / foldRows[v];
            }

            var bestIndex = LambdaSearch.Run(grid.Length, chosen, settings.Patience, Evaluate);
            chosen = bestIndex;
            var bestP = solutions[bestIndex];

            // Refit on the whole training part at the chosen λ, from the inner solution.
            for (var g = 0; g < k; g++) include[g] = g != f;
            var trainBlocks = data.BlocksOf(include);
            var trainCounts = ClassCounts(counts, include, classes, out var trainRows);
            var lambda = settings.Grid[bestIndex];
            p = bestP!;
            var final = objective.Fit(trainBlocks, trainRows, lambda, p, settings.MaxIterations, settings.GradientTolerance, cancellationToken);
            hitCap |= final.HitIterationCap;
            iterations += final.Iterations;
            evaluations += final.Evaluations;

            var sum = 0.0;
            Score(data, f, p, classes, logLikelihood);
            for (var slot = data.FoldTileStart[f] * TiledRows.TileWidth; slot < data.FoldTileStart[f + 1] * TiledRows.TileWidth; slot++)
            {
                var row = data.RowOfSlot[slot];
                if (row < 0) continue;
                terms[row] = logLikelihood[row] - Math.Log((double)trainCounts[labels[row]] / trainRows);
                sum += terms[row];
            }

            fits[f] = new FoldFit(lambda, final.Iterations, hitCap, iterations, evaluations, points, trainRows, foldRows[f], sum / foldRows[f]);
        }

        return new Result(terms, logLikelihood, fold, fits);
    }

    private static int[] ClassCounts(int[,] counts, bool[] include, int classes, out int rows)
    {
        var result = new int[classes];
        rows = 0;
        for (var f = 0; f < include.Length; f++)
        {
            if (!include[f]) continue;
            for (var c = 0; c < classes; c++)
            {
                result[c] += counts[f, c];
                rows += counts[f, c];
            }
        }

        return result;
    }

    /// <summary>
    /// ln q(y|z) in double precision for every row of fold <paramref name="f"/>, written at the row's
    /// index: each logit is a dot product of the stored float32 features (widened) with the double
    /// weights, four lanes of fused multiply-adds per 4 features, the lanes added in a fixed order,
    /// then a max-shifted log-sum-exp.
    /// </summary>
    private static void Score(TiledRows data, int f, double[] p, int classes, double[] output)
    {
        var d = data.Dims;
        var stride = data.Stride;
        var weights = new double[classes * stride];
        for (var j = 0; j < d; j++)
            for (var c = 0; c < classes; c++)
                weights[c * stride + j] = p[j * classes + c];
        var logits = new double[classes];
        fixed (double* w = weights)
        {
            for (var slot = data.FoldTileStart[f] * TiledRows.TileWidth; slot < data.FoldTileStart[f + 1] * TiledRows.TileWidth; slot++)
            {
                var row = data.RowOfSlot[slot];
                if (row < 0) continue;
                var z = data.Pointer + (long)slot * stride;
                var max = double.NegativeInfinity;
                for (var c = 0; c < classes; c++)
                {
                    var a0 = Vector256<double>.Zero;
                    var a1 = Vector256<double>.Zero;
                    var wc = w + c * stride;
                    for (var m = 0; m < stride; m += 8)
                    {
                        var (lo, hi) = Vector256.Widen(Vector256.Load(z + m));
                        a0 = Vector256.FusedMultiplyAdd(lo, Vector256.Load(wc + m), a0);
                        a1 = Vector256.FusedMultiplyAdd(hi, Vector256.Load(wc + m + 4), a1);
                    }

                    logits[c] = Vector256.Sum(a0 + a1) + p[d * classes + c];
                    max = Math.Max(max, logits[c]);
                }

                var sum = 0.0;
                for (var c = 0; c < classes; c++) sum += Math.Exp(logits[c] - max);
                output[row] = logits[data.Labels[slot]] - max - Math.Log(sum);
            }
        }
    }
}
