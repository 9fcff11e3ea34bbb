using System.Runtime.Intrinsics;

namespace Cch.Estimators.Probe;

/// <summary>
/// Cross-fitted classification probe: per-row held-out terms t_i = ln q(y_i|z_i) − ln p̂(y_i) (see
/// <see cref="ProbeEstimator"/> for the protocol). Candidates per fold: multinomial logistic regression
/// at each L2 strength of the grid and the diagonal linear discriminant; the one with the least inner
/// validation loss is refitted on the training part and its logits are temperature-scaled.
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
    /// <param name="settings">Folds, seed, grid (descending), iteration cap, threads, candidate set.</param>
    /// <param name="cancellationToken">Checked between optimiser iterations.</param>
    public static Result Run(double[] z, int d, int[] labels, int classes, ProbeSettings settings, CancellationToken cancellationToken)
    {
        var n = labels.Length;
        var k = settings.Folds;
        var fold = FoldAssignment.Stratified(labels, classes, k);
        var data = TiledRows.Create(z, d, labels, fold, k);
        var objective = new SoftmaxObjective(data, classes, settings.Threads, settings.Isa);
        var moments = ClassMoments.Compute(z, d, labels, fold, k, classes);
        var foldRows = new int[k];
        foreach (var f in fold) foldRows[f]++;

        var terms = new double[n];
        var logLikelihood = new double[n];
        var fits = new FoldFit[k];
        var include = new bool[k];
        var grid = settings.Grid;
        // Solutions of the previous fold's inner path at each grid point: the inner training parts of
        // consecutive folds share (K−3)/(K−2) of their rows, so these are close to this fold's optima.
        var previous = new double[grid.Length][];
        var chosen = -1;
        for (var f = 0; f < k; f++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var v = (f + 1) % k;
            // Inner path: fit on all folds but f and v, validate on v.
            for (var g = 0; g < k; g++) include[g] = g != f && g != v;
            var innerBlocks = data.BlocksOf(include);
            var inner = moments.Pooled(include);
            var innerRows = inner.Counts.Sum();
            var innerPenalty = settings.WithinClassPenalty ? inner.WithinVariance : null;
            for (var g = 0; g < k; g++) include[g] = g == v;
            var validationBlocks = data.BlocksOf(include);
            var p = new double[objective.ParameterCount];
            for (var c = 0; c < classes; c++)
                p[d * classes + c] = Math.Log((inner.Counts[c] + 0.5) / (innerRows + 0.5 * classes));
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
                var outcome = objective.Fit(innerBlocks, innerRows, grid[g], q, settings.MaxIterations, settings.PathTolerance, cancellationToken, innerPenalty);
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
            var bestP = solutions[bestIndex]!;
            // The discriminant (λ = ∞ of the within-class-weighted path, up to class constants) is
            // compared after the walk, which assumes one minimum along the grid.
            var discriminant = false;
            if (settings.Discriminant)
            {
                var candidate = Discriminant(inner, d, classes);
                if (objective.Loss(validationBlocks, candidate, null) < objective.Loss(validationBlocks, bestP, null))
                {
                    discriminant = true;
                    bestP = candidate;
                }
            }

            // Temperature of the chosen inner model, from its validation logits.
            var scale = 1.0;
            if (settings.Calibrate)
            {
                var (_, validationLabels, validationLogits) = FoldLogits(data, v, bestP, classes);
                scale = LogitCalibration.Accept(validationLogits, validationLabels, classes);
            }

            // Refit on the whole training part with the chosen candidate (ridge: same λ, from the inner solution).
            for (var g = 0; g < k; g++) include[g] = g != f;
            var train = moments.Pooled(include);
            var trainRows = train.Counts.Sum();
            var lambda = double.PositiveInfinity;
            var finalIterations = 0;
            if (discriminant)
            {
                p = Discriminant(train, d, classes);
            }
            else
            {
                lambda = grid[bestIndex];
                p = bestP;
                var final = objective.Fit(data.BlocksOf(include), trainRows, lambda, p, settings.MaxIterations, settings.GradientTolerance, cancellationToken,
                    settings.WithinClassPenalty ? train.WithinVariance : null);
                hitCap |= final.HitIterationCap;
                iterations += final.Iterations;
                evaluations += final.Evaluations;
                finalIterations = final.Iterations;
            }

            var (heldRows, heldLabels, heldLogits) = FoldLogits(data, f, p, classes);
            var heldLog = new double[heldRows.Length];
            LogitCalibration.LogProbabilities(heldLogits, heldLabels, classes, scale, heldLog);
            var sum = 0.0;
            for (var r = 0; r < heldRows.Length; r++)
            {
                var row = heldRows[r];
                logLikelihood[row] = heldLog[r];
                terms[row] = heldLog[r] - Math.Log((double)train.Counts[labels[row]] / trainRows);
                sum += terms[row];
            }

            fits[f] = new FoldFit(lambda, finalIterations, hitCap, iterations, evaluations, points, trainRows, foldRows[f], sum / foldRows[f]) { Scale = scale };
        }

        return new Result(terms, logLikelihood, fold, fits);
    }

    /// <summary>
    /// The diagonal linear discriminant ("DLDA", Dudoit, Fridlyand &amp; Speed, JASA 97:77, 2002; "naive
    /// Bayes" in Bickel &amp; Levina, Bernoulli 10:989, 2004): Gaussian classes with a shared diagonal
    /// covariance, logit_c(z) = Σ_j m_cj z_j / σ²_j − ½ Σ_j m²_cj / σ²_j + ln π̂_c, with class means m_c,
    /// pooled within-class variances σ²_j and class frequencies π̂_c of the part, in the parameter layout
    /// of <see cref="SoftmaxObjective"/>.
    /// </summary>
    private static double[] Discriminant(ClassMoments.Part part, int d, int classes)
    {
        var p = new double[(d + 1) * classes];
        var rows = part.Counts.Sum();
        for (var c = 0; c < classes; c++)
        {
            var constant = 0.0;
            for (var j = 0; j < d; j++)
            {
                var m = part.Means[c * d + j];
                p[j * classes + c] = m / part.WithinVariance[j];
                constant += m * m / part.WithinVariance[j];
            }

            p[d * classes + c] = -0.5 * constant + Math.Log((double)part.Counts[c] / rows);
        }

        return p;
    }

    /// <summary>
    /// Logits of every row of fold <paramref name="f"/> in double precision, in slot order: each logit is
    /// a dot product of the stored float32 features (widened) with the double weights, four lanes of
    /// fused multiply-adds per 4 features, the lanes added in a fixed order, plus the intercept.
    /// Returns the rows (indices into the caller's row list), their labels and the logits (rows×C).
    /// </summary>
    private static (int[] Rows, int[] Labels, double[] Logits) FoldLogits(TiledRows data, int f, double[] p, int classes)
    {
        var d = data.Dims;
        var stride = data.Stride;
        var weights = new double[classes * stride];
        for (var j = 0; j < d; j++)
            for (var c = 0; c < classes; c++)
                weights[c * stride + j] = p[j * classes + c];
        var first = data.FoldTileStart[f] * TiledRows.TileWidth;
        var last = data.FoldTileStart[f + 1] * TiledRows.TileWidth;
        var count = 0;
        for (var slot = first; slot < last; slot++)
            if (data.RowOfSlot[slot] >= 0) count++;
        var rows = new int[count];
        var labels = new int[count];
        var logits = new double[count * classes];
        var r = 0;
        fixed (double* w = weights)
        {
            for (var slot = first; slot < last; slot++)
            {
                var row = data.RowOfSlot[slot];
                if (row < 0) continue;
                rows[r] = row;
                labels[r] = data.Labels[slot];
                var z = data.Pointer + (long)slot * stride;
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

                    logits[r * classes + c] = Vector256.Sum(a0 + a1) + p[d * classes + c];
                }

                r++;
            }
        }

        return (rows, labels, logits);
    }
}
