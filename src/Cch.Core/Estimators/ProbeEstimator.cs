using System.Diagnostics;
using System.Globalization;
using Cch.Data;
using Cch.Estimators.Internal;
using Cch.Estimators.Probe;

namespace Cch.Estimators;

/// <summary>
/// Probe (variational) lower bound on I(H;Y) in nats: a model q(y|h) is fitted on part of the rows
/// and scored on the others. For any conditional model q, Barber &amp; Agakov ("The IM algorithm: a
/// variational approach to information maximization", NIPS 2003, eq. 2) give
/// <code>I(H;Y) = H(Y) − H(Y|H) ≥ H(Y) − E[−ln q(Y|H)]</code>
/// since the expected cross-entropy exceeds H(Y|H) by E[KL(p(y|h) ‖ q(y|h))] ≥ 0. The probe estimates
/// both expectations on held-out rows, so the estimate is a lower bound up to sampling noise; it is
/// tight when q is close to the true posterior and falls short by the probe's excess held-out loss
/// (about d/(2·N_fit) nats for an unregularised d-dimensional linear probe on N_fit training rows).
/// </summary>
/// <remarks>
/// <para><b>Classification</b> (<see cref="ILabelMutualInformationEstimator"/>): q is a multinomial
/// logistic regression, softmax(Wᵀz + b) with intercepts, on the standardised columns z of H
/// (constant columns dropped), fitted by minimising Σ_i −ln q(y_i|z_i) + (λ/2)Σ_j ω_j‖W_j‖²
/// (intercepts not penalised) with L-BFGS, where ω_j is feature j's pooled within-class variance on the
/// training rows (floored at 0.01): a feature whose classes are well separated relative to its spread
/// is shrunk less, so the penalty that holds hundreds of noise features down does not also flatten the
/// informative ones (the ridge analogue of the discriminant's σ_j⁻² weighting). Two refinements, both
/// chosen on inner validation rows only: the diagonal linear discriminant (Gaussian classes with a
/// shared diagonal covariance; Dudoit, Fridlyand &amp; Speed, JASA 97:77, 2002; Bickel &amp; Levina,
/// Bernoulli 10:989, 2004) is a candidate beside the λ grid, and the chosen model's logits get one
/// temperature (Guo et al., ICML 2017, §4.2) when it lowers the inner validation log-loss by more than
/// one nat (Akaike's criterion for one parameter). Both change only which q is used, never how it is
/// scored, so the estimate stays a held-out lower bound. Protocol:</para>
/// <list type="number">
/// <item>Rows are put in a seeded pseudo-random order, a hash of the seed, the label and the
/// standardised values rounded to 16 significant bits (ties by position), and each class is dealt
/// round-robin to K folds in that order (stratified: fold sizes per class differ by at most one, and
/// every training part holds every class). Because the order depends on what the rows hold, not on
/// where they stand or on the columns' scales, permuting the input rows gives a bit-identical
/// estimate with the per-row terms permuted alike, and rescaling or shifting a column keeps the folds.</item>
/// <item>For fold k, λ is chosen inside the training part: fits on all folds but k and k+1 (mod K)
/// are scored on fold k+1 over a log-spaced grid, largest λ first with warm starts (the first fold
/// walks the grid until the validation loss stops improving; later folds start at the previous
/// fold's choice and move in the improving direction); the discriminant replaces the best λ if its
/// validation loss is lower; the temperature is fitted on the same validation fold; the model is then
/// refitted on the whole training part (all folds but k) at that λ (or as the discriminant of that
/// part) and its held-out logits multiplied by the temperature.</item>
/// <item>Every row i of fold k gets t_i = ln q_k(y_i|z_i) − ln p̂_k(y_i), p̂_k the class frequencies
/// of fold k's training part, so the H(Y) term is cross-fitted too. The estimate is the mean of t_i
/// over rows. The plug-in −ln p̂ adds a bias of about (C − 1)/(2·N_fit) nats, negligible for C ≪ N.</item>
/// </list>
/// <para>Classes with a single row are excluded (as the other label estimators do); N then counts the
/// remaining rows. Fewer than two remaining classes (e.g. a constant label) or an all-constant H give
/// exactly 0.</para>
/// <para><b>Regression</b> (<see cref="IMutualInformationEstimator"/>, Y of one column): q is a
/// Gaussian around a ridge regression ŷ = b + wᵀz (standardised z and y, penalty λ‖w‖² on the summed
/// squared error, intercept free), with plain folds (the seeded content order dealt round-robin), λ
/// chosen by the same inner validation (the validation error comes from per-fold moments, the solves from
/// MathNet's Cholesky factorisation). With e_i the held-out residual and u_i = y_i − ȳ_k the residual
/// of the training part's mean, MSE = mean e_i², Var = mean u_i² and the estimate is
/// <code>½·ln(Var / MSE)</code>
/// Exactly what this bounds: h(Y|H) ≤ h(Y − ŷ(H)) ≤ ½ln(2πe·MSE) for any predictor ŷ (Cover &amp;
/// Thomas, <i>Elements of Information Theory</i>, 2nd ed., Thm 8.6.5), so
/// I(H;Y) ≥ h(Y) − ½ln(2πe·MSE); since h(Y) ≤ ½ln(2πe·Var) with equality only for Gaussian Y,
/// ½ln(Var/MSE) equals that lower bound when Y is Gaussian and exceeds it by Y's negentropy
/// otherwise. For Y = aᵀX + ε with Gaussian X and ε it tends to ½ln(1 + |a|²/σ²) from below.</para>
/// <para><b>Interval</b> (<see cref="IntervalStrategy.Own"/>, method <c>cross-fit</c>):
/// <see cref="EstimatorInterval.RowInfluence"/> holds per-row influence terms in input row order:
/// (N/n)(t_i − estimate) for classification (0 for excluded singleton rows; N/n = 1 without them,
/// and the factor keeps Var(ψ)/N ≈ Var(t)/n)
/// and ½(u_i²/Var − 1) − ½(e_i²/MSE − 1) for regression (the delta method on ½ln(Var/MSE)).
/// <see cref="EstimatorInterval.ExtraVariance"/> is the between-fold variance component of those
/// terms not explained by row noise (one-way random-effects ANOVA: max(0, (MSB − MSW)/n₀)·Σn_k²/n²),
/// so the interval also covers how much the fitted fold models differ. SE = √(Var(ψ)/N + extra).</para>
/// <para><b>Determinism.</b> The folds depend only on the seed and the rows' content; the hot loops
/// (float32, vectorised with 512- or 256-bit vectors) run in parallel over fixed blocks of 512 rows
/// whose partial sums are added in block order, so the same seed and input give bit-identical results
/// for any thread count. Held-out scores are computed in double precision.</para>
/// <para><b>Cost.</b> Classification: each L-BFGS iteration costs about 2·N_fit·d·C multiply-adds;
/// measured on 2 (shared) cores, N = 10,000: d = 100, C = 2 about 0.1 s; MNIST pixels (673 non-constant
/// columns, C = 10) about 3 s (docs/estimators.md). Regression: O(N·d²) for the moments plus one
/// O(d³) Cholesky factorisation per λ tried per fold.</para>
/// </remarks>
public sealed class ProbeEstimator : ILabelMutualInformationEstimator, IMutualInformationEstimator
{
    private static readonly double[] DefaultGrid = Enumerable.Range(0, 13).Select(i => Math.Pow(10, 4 - 0.5 * i)).ToArray();

    private readonly double[] _grid;

    /// <summary>Creates the estimator.</summary>
    /// <param name="folds">Cross-fitting folds K, 3..100 (default 5): each model is fitted on (K−1)/K
    /// of the rows; three are needed because fold k+1 is the inner validation part of fold k.</param>
    /// <param name="seed">Seed of the row order that deals the folds (the only random choice).</param>
    /// <param name="l2Grid">L2 strengths λ (penalty λ/2·‖W‖² on the summed log-loss, or λ‖w‖² on the
    /// summed squared error, on standardised features) searched by inner validation, each finite and
    /// &gt; 0, no duplicates; any order. Default <see cref="DefaultL2Grid"/>: 10⁴ down to 10⁻² in
    /// half-decades.</param>
    /// <param name="maxIterations">Iteration cap of each L-BFGS fit (default 500); a fit that reaches
    /// it keeps its last iterate and the estimate gets a note.</param>
    /// <param name="threads">Worker threads for the hot loops, 0 (default) for
    /// <see cref="Environment.ProcessorCount"/>; results do not depend on it.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="folds"/> outside 3..100,
    /// <paramref name="maxIterations"/> &lt; 1, <paramref name="threads"/> &lt; 0, or a grid value not
    /// finite and &gt; 0.</exception>
    /// <exception cref="ArgumentException">The grid is empty or lists a value twice.</exception>
    public ProbeEstimator(int folds = 5, int seed = 0, IReadOnlyList<double>? l2Grid = null, int maxIterations = 500, int threads = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 3);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(folds, 100);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxIterations, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        var grid = (l2Grid ?? DefaultGrid).ToArray();
        if (grid.Length == 0) throw new ArgumentException("The L2 grid needs at least one value.", nameof(l2Grid));
        foreach (var g in grid)
            if (!(g > 0 && double.IsFinite(g)))
                throw new ArgumentOutOfRangeException(nameof(l2Grid), g, "Every L2 strength must be finite and > 0.");
        Array.Sort(grid);
        Array.Reverse(grid);
        for (var i = 1; i < grid.Length; i++)
            if (grid[i] == grid[i - 1])
                throw new ArgumentException($"The L2 grid lists {grid[i].ToString(CultureInfo.InvariantCulture)} twice.", nameof(l2Grid));
        _grid = grid;
        Folds = folds;
        Seed = seed;
        MaxIterations = maxIterations;
        Threads = threads;
    }

    /// <summary>The default L2 grid: 10⁴, 10^3.5, …, 10⁻² (13 values, largest first).</summary>
    public static IReadOnlyList<double> DefaultL2Grid { get; } = Array.AsReadOnly(DefaultGrid);

    /// <summary>Number of cross-fitting folds K.</summary>
    public int Folds { get; }

    /// <summary>Seed of the row order that deals the folds.</summary>
    public int Seed { get; }

    /// <summary>The L2 strengths searched, largest first.</summary>
    public IReadOnlyList<double> L2Grid => Array.AsReadOnly(_grid);

    /// <summary>Iteration cap of each L-BFGS fit.</summary>
    public int MaxIterations { get; }

    /// <summary>Worker threads (0 = <see cref="Environment.ProcessorCount"/>).</summary>
    public int Threads { get; }

    /// <inheritdoc cref="ILabelMutualInformationEstimator.Name" />
    public string Name => "probe";

    /// <summary>
    /// Smallest N accepted: 2·K (10 by default), two rows per fold, so that every held-out fold (and
    /// the inner validation part, which is one of them) has rows and the within-fold variance of the
    /// interval has n − K &gt; 0 degrees of freedom.
    /// </summary>
    public int MinimumRows => 2 * Folds;

    /// <summary><see cref="IntervalStrategy.Own"/>: the cross-fit interval of <see cref="EstimateDetailed(FeatureMatrix, int[], CancellationToken)"/>.</summary>
    public IntervalStrategy IntervalStrategy => IntervalStrategy.Own;

    /// <summary>Forces the kernels' vector width (tests); <see cref="KernelIsa.Auto"/> picks the widest accelerated.</summary>
    internal KernelIsa Isa { get; init; } = KernelIsa.Auto;

    /// <summary>
    /// Classification with the candidates and calibration of before 2026-12 switched off (false): plain
    /// L2 penalty, logistic regression only, no temperature (tests and side-by-side measurements).
    /// </summary>
    internal bool HighDimensional { get; init; } = true;

    /// <summary>Estimates I(H;Y) in nats for class labels (see the type's remarks).</summary>
    /// <param name="x">H, N×d.</param>
    /// <param name="classes">Class index (≥ 0) of each row, length N.</param>
    /// <returns>The mean held-out t_i; exactly 0 for a constant label or all-constant H.</returns>
    /// <exception cref="ArgumentException">Lengths differ, N &lt; <see cref="MinimumRows"/> (also after
    /// excluding singleton classes), a class index is negative, or a value is not finite.</exception>
    public double Estimate(FeatureMatrix x, ReadOnlySpan<int> classes) => EstimateDetailed(x, classes.ToArray()).Value;

    /// <summary>
    /// Estimates I(H;Y) in nats for class labels, with the cross-fit interval, the training summary
    /// (λ per fold, mean L-BFGS iterations of the final fits, held-out cross-entropy in nats, per-fold
    /// estimates) and notes.
    /// </summary>
    /// <param name="x">H, N×d.</param>
    /// <param name="classes">Class index (≥ 0) of each row, length N.</param>
    /// <param name="cancellationToken">Checked between optimiser iterations.</param>
    /// <exception cref="ArgumentException">Lengths differ, N &lt; <see cref="MinimumRows"/> (also after
    /// excluding singleton classes), a class index is negative, or a value is not finite.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public MutualInformationEstimate EstimateDetailed(FeatureMatrix x, int[] classes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(classes);
        if (x.Rows != classes.Length)
            throw new ArgumentException($"X has {x.Rows} rows but there are {classes.Length} labels.", nameof(classes));
        if (x.Rows < MinimumRows)
            throw new ArgumentException($"Got {x.Rows} rows; {RowsReason()}", nameof(x));
        var clock = Stopwatch.StartNew();
        var groups = ClassGrouping.Create(classes, nameof(classes));
        if (groups.ClassCount < 2)
            return Zero(x.Rows, "The label is constant (after excluding classes with a single row): I(H;Y) = 0 exactly.");
        var n = groups.Order.Length;
        if (n < MinimumRows)
            throw new ArgumentException($"After excluding classes with a single row, {n} rows remain; {RowsReason()}", nameof(classes));
        var settings = Settings();
        var kept = RowOrder.Sort(x, groups.Order, r => (ulong)(uint)classes[r], Seed, settings.Threads);
        var stats = ColumnStatistics.Compute(x, kept, nameof(x));
        var d = stats.KeptColumns.Length;
        if (d == 0) return Zero(x.Rows, "Every column of H is constant: I(H;Y) = 0 exactly.");

        var classIds = kept.Select(r => classes[r]).Distinct().Order().ToArray();
        var labels = new int[n];
        for (var i = 0; i < n; i++) labels[i] = Array.BinarySearch(classIds, classes[kept[i]]);
        var result = ClassificationProbe.Run(Standardized(x, kept, stats, settings.Threads), d, labels, classIds.Length, settings, cancellationToken);

        // Sums run in the seeded row order (position i ↔ input row kept[i]).
        var sum = 0.0;
        var logLikelihood = 0.0;
        for (var i = 0; i < n; i++)
        {
            sum += result.Terms[i];
            logLikelihood += result.LogLikelihood[i];
        }

        var estimate = sum / n;
        var influence = new double[x.Rows];
        var scale = (double)x.Rows / n;
        for (var i = 0; i < n; i++) influence[kept[i]] = scale * (result.Terms[i] - estimate);
        var extra = CrossFitVariance.BetweenFolds(result.Terms, result.Fold, Folds);
        var notes = new List<string>();
        if (estimate <= 0)
            notes.Add("No held-out evidence of dependence: the probe's held-out cross-entropy is not below the label entropy.");
        AddCapNote(notes, result.Fits);
        return new MutualInformationEstimate(estimate)
        {
            Interval = EstimatorInterval.FromInfluence("cross-fit", influence, extra),
            Training = new TrainingSummary(
                $"multinomial logistic regression (softmax, intercepts) on {d} standardised features, {classIds.Length} classes; " +
                $"L2 λ per fold (penalty per feature scaled by its within-class variance; DLDA = the diagonal linear discriminant chosen) = {Lambdas(result.Fits)}; " +
                $"temperature scale per fold = {string.Join(", ", result.Fits.Select(f => f.Scale.ToString("G3", CultureInfo.InvariantCulture)))}; " +
                $"L-BFGS iterations per fold (λ search + final fit) = {string.Join(", ", result.Fits.Select(f => f.PathIterations))}",
                (int)Math.Round(result.Fits.Average(f => f.FitRows)),
                n,
                Folds,
                result.Fits.Average(f => f.Iterations),
                -logLikelihood / n,
                result.Fits.Select(f => f.Value).ToArray(),
                clock.Elapsed.TotalSeconds),
            Notes = notes,
        };
    }

    /// <summary>Estimates I(H;Y) in nats for a one-column regression label (see the type's remarks).</summary>
    /// <param name="x">H, N×d.</param>
    /// <param name="y">Y, N×1.</param>
    /// <returns>½·ln(Var/MSE) on held-out rows; exactly 0 for a constant Y or all-constant H.</returns>
    /// <exception cref="ArgumentException">Y has more than one column, the row counts differ,
    /// N &lt; <see cref="MinimumRows"/>, or a value is not finite.</exception>
    public double Estimate(FeatureMatrix x, FeatureMatrix y) => EstimateDetailed(x, y).Value;

    /// <summary>
    /// Estimates I(H;Y) in nats for a one-column regression label, with the cross-fit interval, the
    /// training summary (λ per fold, held-out MSE in units of Var(y), per-fold estimates) and notes.
    /// </summary>
    /// <param name="x">H, N×d.</param>
    /// <param name="y">Y, N×1.</param>
    /// <param name="cancellationToken">Checked between ridge solves.</param>
    /// <exception cref="ArgumentException">Y has more than one column, the row counts differ,
    /// N &lt; <see cref="MinimumRows"/>, or a value is not finite.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public MutualInformationEstimate EstimateDetailed(FeatureMatrix x, FeatureMatrix y, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (y.Columns != 1)
            throw new ArgumentException(
                $"The probe estimates I(H;Y) for a one-dimensional label only; Y ({y.Name}) has {y.Columns} columns.", nameof(y));
        if (x.Rows != y.Rows)
            throw new ArgumentException($"X has {x.Rows} rows but Y has {y.Rows}.", nameof(y));
        if (x.Rows < MinimumRows)
            throw new ArgumentException($"Got {x.Rows} rows; {RowsReason()}", nameof(x));
        var clock = Stopwatch.StartNew();
        var n = x.Rows;
        var settings = Settings();
        var all = new int[n];
        for (var i = 0; i < n; i++) all[i] = i;
        var yMin = y.Values.Min();
        var yRange = y.Values.Max() - yMin;
        var order = RowOrder.Sort(x, all, r => RowOrder.Coarse((y.Values[r] - yMin) / yRange), Seed, settings.Threads);
        var yStats = ColumnStatistics.Compute(y, order, nameof(y));
        var xStats = ColumnStatistics.Compute(x, order, nameof(x));
        if (yStats.KeptColumns.Length == 0) return Zero(n, "The label is constant: I(H;Y) = 0 exactly.");
        var d = xStats.KeptColumns.Length;
        if (d == 0) return Zero(n, "Every column of H is constant: I(H;Y) = 0 exactly.");
        var target = new double[n];
        for (var i = 0; i < n; i++) target[i] = yStats.Standardize(y.Values[order[i]], 0);
        var result = RegressionProbe.Run(Standardized(x, order, xStats, settings.Threads), d, target, settings, cancellationToken);

        double squared = 0, nullSquared = 0;
        for (var i = 0; i < n; i++)
        {
            squared += result.Residuals[i] * result.Residuals[i];
            nullSquared += result.NullResiduals[i] * result.NullResiduals[i];
        }

        var mse = squared / n;
        var variance = nullSquared / n;
        var estimate = 0.5 * Math.Log(variance / mse);
        var terms = new double[n];
        var influence = new double[n];
        for (var i = 0; i < n; i++)
        {
            var u = result.NullResiduals[i];
            var e = result.Residuals[i];
            terms[i] = 0.5 * (u * u / variance - 1) - 0.5 * (e * e / mse - 1);
            influence[order[i]] = terms[i];
        }

        var extra = CrossFitVariance.BetweenFolds(terms, result.Fold, Folds);
        var notes = new List<string>();
        if (estimate <= 0)
            notes.Add("No held-out evidence of dependence: the ridge probe's held-out squared error is not below that of the training mean.");
        return new MutualInformationEstimate(estimate)
        {
            Interval = EstimatorInterval.FromInfluence("cross-fit", influence, extra),
            Training = new TrainingSummary(
                $"ridge regression (intercept) on {d} standardised features; L2 λ per fold = {Lambdas(result.Fits)}",
                (int)Math.Round(result.Fits.Average(f => f.FitRows)),
                n,
                Folds,
                0,
                mse / variance,
                result.Fits.Select(f => f.Value).ToArray(),
                clock.Elapsed.TotalSeconds),
            Notes = notes,
        };
    }

    private ProbeSettings Settings() =>
        new(Folds, _grid, MaxIterations, Threads == 0 ? Environment.ProcessorCount : Threads, Isa)
        {
            WithinClassPenalty = HighDimensional,
            Discriminant = HighDimensional,
            Calibrate = HighDimensional,
        };

    private string RowsReason() =>
        $"the probe with K = {Folds} folds needs at least {MinimumRows} rows: two per fold, so that every held-out fold " +
        "(and the inner validation part, which is one of them) has rows and the within-fold variance of the interval is defined.";

    /// <summary>
    /// Standardised kept columns of the selected rows, row-major: (x/s − mean/s)/(SD/s) as in
    /// <see cref="ColumnStatistics.Standardize"/>, with the per-column quotients computed once.
    /// </summary>
    private static double[] Standardized(FeatureMatrix x, int[] rows, ColumnStatistics stats, int threads)
    {
        var kept = stats.KeptColumns;
        var d = kept.Length;
        var scale = new double[d];
        var mean = new double[d];
        var sd = new double[d];
        for (var j = 0; j < d; j++)
        {
            var c = kept[j];
            scale[j] = stats.Scale[c];
            mean[j] = stats.Mean[c] / scale[j];
            sd[j] = stats.StandardDeviation[c] / scale[j];
        }

        var z = new double[rows.Length * d];
        var values = x.Values;
        var columns = x.Columns;
        Parallel.For(0, (rows.Length + 255) / 256, new ParallelOptions { MaxDegreeOfParallelism = threads }, chunk =>
        {
            for (var i = chunk * 256; i < Math.Min(rows.Length, (chunk + 1) * 256); i++)
            {
                var src = rows[i] * columns;
                for (var j = 0; j < d; j++) z[i * d + j] = (values[src + kept[j]] / scale[j] - mean[j]) / sd[j];
            }
        });
        return z;
    }

    private static MutualInformationEstimate Zero(int rows, string note) =>
        new(0.0)
        {
            Interval = new EstimatorInterval("cross-fit", 0.0, new double[rows]),
            Notes = [note],
        };

    private static string Lambdas(FoldFit[] fits) =>
        string.Join(", ", fits.Select(f => double.IsPositiveInfinity(f.Lambda) ? "DLDA" : f.Lambda.ToString("G3", CultureInfo.InvariantCulture)));

    private void AddCapNote(List<string> notes, FoldFit[] fits)
    {
        var capped = fits.Select((f, i) => (f, i)).Where(p => p.f.HitIterationCap).Select(p => (p.i + 1).ToString(CultureInfo.InvariantCulture)).ToArray();
        if (capped.Length > 0)
            notes.Add($"L-BFGS stopped at its iteration cap ({MaxIterations}) in fold(s) {string.Join(", ", capped)}; the estimate may be slightly low.");
    }
}
