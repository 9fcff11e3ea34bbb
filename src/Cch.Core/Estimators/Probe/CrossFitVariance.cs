namespace Cch.Estimators.Probe;

/// <summary>
/// The part of the fold-to-fold spread of a cross-fitted estimate that row-to-row noise does not
/// explain, from a one-way random-effects analysis of variance of the per-row terms grouped by fold
/// (Searle, Casella &amp; McCulloch, <i>Variance Components</i>, Wiley 1992, §3.5, the ANOVA
/// estimator for unbalanced data).
/// </summary>
/// <remarks>
/// With per-row terms u_i (i = 1..n) in K folds of sizes n_k, fold means ū_k and overall mean ū:
/// <code>
/// MSB = Σ_k n_k (ū_k − ū)² / (K − 1)            (between folds)
/// MSW = Σ_k Σ_{i∈k} (u_i − ū_k)² / (n − K)      (within folds)
/// n₀  = (n − Σ_k n_k² / n) / (K − 1)
/// σ²_B = max(0, (MSB − MSW) / n₀)               (variance of a fold's own offset)
/// extra = σ²_B · Σ_k n_k² / n²                  (its variance contribution to ū = Σ_k (n_k/n) ū_k)
/// </code>
/// Under pure row noise E[MSB] = E[MSW], so σ²_B estimates the variance that each fold's fitted model
/// adds to all of its rows at once (the training randomness: which rows the model saw, where the
/// optimiser stopped, which λ the inner split chose). Added to Var(u)/n it widens the interval by
/// the spread of the fold models.
/// </remarks>
internal static class CrossFitVariance
{
    /// <summary>The extra variance of the mean of <paramref name="terms"/> (nats²); 0 when K &lt; 2 or n ≤ K.</summary>
    /// <param name="terms">Per-row terms u_i.</param>
    /// <param name="fold">Fold of each row, 0..K−1.</param>
    /// <param name="folds">K.</param>
    public static double BetweenFolds(ReadOnlySpan<double> terms, ReadOnlySpan<int> fold, int folds)
    {
        var n = terms.Length;
        if (folds < 2 || n <= folds) return 0.0;
        var sums = new double[folds];
        var sizes = new int[folds];
        var total = 0.0;
        for (var i = 0; i < n; i++)
        {
            sums[fold[i]] += terms[i];
            sizes[fold[i]]++;
            total += terms[i];
        }

        var mean = total / n;
        var between = 0.0;
        var sumSquaredSizes = 0.0;
        for (var k = 0; k < folds; k++)
        {
            if (sizes[k] == 0) continue;
            var m = sums[k] / sizes[k];
            between += sizes[k] * (m - mean) * (m - mean);
            sumSquaredSizes += (double)sizes[k] * sizes[k];
        }

        var within = 0.0;
        for (var i = 0; i < n; i++)
        {
            var r = terms[i] - sums[fold[i]] / sizes[fold[i]];
            within += r * r;
        }

        var msb = between / (folds - 1);
        var msw = within / (n - folds);
        var n0 = (n - sumSquaredSizes / n) / (folds - 1);
        var sigmaB = Math.Max(0.0, (msb - msw) / n0);
        return sigmaB * sumSquaredSizes / ((double)n * n);
    }
}
