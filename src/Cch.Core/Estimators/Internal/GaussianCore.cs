namespace Cch.Estimators.Internal;

/// <summary>A Gaussian (closed-form) mutual information with its influence terms.</summary>
/// <param name="Value">The estimate in nats.</param>
/// <param name="Influence">Per-position influence terms (centred), or <c>null</c> when not requested.</param>
/// <param name="SecondOrderVariance">V₂, the variance of the estimate under independence, where the
/// influence function vanishes (nats²).</param>
/// <param name="BiasCorrected">Whether the unbiased log-determinants were used (else Ledoit–Wolf shrinkage).</param>
/// <param name="Ridge">The ridge ε added to the joint covariance to factor it (0 unless it is numerically singular).</param>
/// <param name="SingularAcross">Some direction of Y is (numerically) a linear function of X: the joint
/// factor has more near-zero pivots among Y's than Y's own factor has, so I(X;Y) is unbounded and the
/// value mostly reflects the ridge and rounding. (Collinear columns within one side give the same
/// near-zero pivots in the joint and in that side's own factor, which cancel in the value; they alone
/// leave this false.) Near zero: L_ii² ≤ max(1e-10, 10⁴·ridge) on standardised columns.</param>
internal sealed record GaussianInformation(double Value, double[]? Influence, double SecondOrderVariance, bool BiasCorrected, double Ridge, bool SingularAcross = false)
{
    /// <summary>
    /// The interval from the influence terms: SE² = max(Var(ψ̂)/N − 2V₂ + V₂, V₂). Influence terms
    /// computed with the estimated covariance carry a noise of variance ≈ 2V₂·N that the true ψ does
    /// not (measured under independence: Var(ψ̂)/N ÷ 2V₂ = 0.99–1.03 for 20–400 dimensions and
    /// N = 2,000–10,000, docs/estimators.md); it is removed and the true second-order variance V₂ added.
    /// </summary>
    public EstimatorInterval? Interval(string method, double[]? influenceByRow = null) =>
        Influence is null ? null : EstimatorInterval.FromInfluence(method, influenceByRow ?? Influence, -SecondOrderVariance, SecondOrderVariance);
}

/// <summary>
/// The Gaussian mutual informations of <see cref="GaussianEstimator"/> and
/// <see cref="GaussianLabelEstimator"/> computed on column-major standardised data with the fast
/// <see cref="DenseAlgebra"/> kernels, plus the influence function of each (for intervals).
/// </summary>
/// <remarks>
/// <para><b>Influence function.</b> For I(Σ) = ½ ln(det Σ_xx det Σ_yy / det Σ) the influence of a
/// (centred) point z = (x, y) is ψ(z) = ½(xᵀΣ_xx⁻¹x + yᵀΣ_yy⁻¹y − zᵀΣ⁻¹z) (the derivative
/// ∂I/∂Σ = ½(Σ_xx⁻¹ ⊕ Σ_yy⁻¹ − Σ⁻¹) applied to zzᵀ − Σ; e.g. Hampel et al., Robust Statistics, 1986,
/// §2.1 for the definition). For the class-conditional form I = ½ ln det Σ − Σ_c π_c ½ ln det Σ_c the
/// influence of (x, c) is ½(x̃ᵀΣ⁻¹x̃ − p) − ½((x − μ_c)ᵀΣ_c⁻¹(x − μ_c) − p) − ½ ln det Σ_c +
/// Σ_c' π_c' ½ ln det Σ_c'. Var(Î) ≈ Var(ψ)/N (delta method).</para>
/// <para><b>Second-order term.</b> ψ vanishes under independence, where the estimator still varies:
/// N·(2Î) is then the likelihood-ratio statistic, asymptotically χ² with d_x·d_y degrees of freedom
/// (Wilks 1935; Bartlett's correction N − (p + 3)/2, Anderson, An Introduction to Multivariate
/// Statistical Analysis, 3rd ed., §12.4), so Var(Î) ≈ d_x·d_y / (2m²); for classes the statistic
/// has (C − 1)(p + p(p+1)/2) degrees of freedom (equality of means and covariances, Anderson §10.3).
/// That variance is <see cref="GaussianInformation.SecondOrderVariance"/>.</para>
/// </remarks>
internal static unsafe class GaussianCore
{
    private const int RowBlock = 256;

    /// <summary>I(X;Y) from <paramref name="zt"/> = [X | Y] column-major (p = d_x + d_y columns of N standardised values).</summary>
    public static GaussianInformation Joint(double[] zt, int px, int py, int n, bool biasCorrected, bool influence)
    {
        var p = px + py;
        var s = DenseAlgebra.Gram(zt, p, n, 1.0 / n);
        var corrected = biasCorrected && p <= n - 1;
        if (!corrected) ShrinkageCovariance.LedoitWolfInPlace(s, p, zt, n);
        var (joint, ridge) = DenseAlgebra.CholeskyWithRidge(s, p);
        var lxy = DenseAlgebra.LogDeterminant(joint, p, p);
        var lx = DenseAlgebra.LogDeterminant(joint, p, px);
        // The yy block of the ridged matrix is the trailing block of the joint factor's input; factor it alone.
        // The joint's ridge on the yy block too, so that the three log-determinants agree.
        var (yFactor, _) = DenseAlgebra.CholeskyWithRidge(DenseAlgebra.DiagonalBlock(s, p, px, py, ridge), py);
        // Pivots px..p−1 of the joint factor belong to the Schur complement Σ_yy − Σ_yx Σ_xx⁻¹ Σ_xy
        // (Y given X): more near-zero pivots there than in Σ_yy's own factor means X determines part of Y.
        var pivotFloor = Math.Max(1e-10, 1e4 * ridge);
        var singularAcross = NearZeroPivots(joint, p, px, p, pivotFloor) > NearZeroPivots(yFactor, py, 0, py, pivotFloor);
        var ly = DenseAlgebra.LogDeterminant(yFactor, py, py);
        double value;
        if (corrected)
            value = 0.5 * ((lx - GaussianLogDeterminant.Bias(n, px)) + (ly - GaussianLogDeterminant.Bias(n, py)) - (lxy - GaussianLogDeterminant.Bias(n, p)));
        else
            value = Math.Max(0.0, 0.5 * (lx + ly - lxy));

        double[]? psi = null;
        if (influence)
        {
            psi = new double[n];
            var blocks = (n + RowBlock - 1) / RowBlock;
            BlockScheduler.Run(blocks, () => (Rows: new double[RowBlock * p], Y: new double[RowBlock * py]), (b, scratch) =>
            {
                var r0 = b * RowBlock;
                var rows = Math.Min(RowBlock, n - r0);
                var w = scratch.Rows;
                var wy = scratch.Y;
                Gather(zt, n, p, r0, rows, w);
                for (var i = 0; i < rows; i++) Array.Copy(w, i * p + px, wy, i * py, py);
                fixed (double* wp = w, wyp = wy)
                {
                    DenseAlgebra.SolveRows(joint, p, wp, p, rows);
                    DenseAlgebra.SolveRows(yFactor, py, wyp, py, rows);
                }

                for (var i = 0; i < rows; i++)
                {
                    double qx = 0, q = 0, qy = 0;
                    for (var j = 0; j < px; j++) qx += w[i * p + j] * w[i * p + j];
                    q = qx;
                    for (var j = px; j < p; j++) q += w[i * p + j] * w[i * p + j];
                    for (var j = 0; j < py; j++) qy += wy[i * py + j] * wy[i * py + j];
                    psi[r0 + i] = 0.5 * (qx + qy - q);
                }
            });
            Centre(psi);
        }

        var m = n - (p + 3) / 2.0;
        var extra = m > 0 ? (double)px * py / (2 * m * m) : 0;
        return new GaussianInformation(value, psi, extra, corrected, ridge, singularAcross);
    }

    /// <summary>How many pivots L_ii, i in [from, to), of a p×p Cholesky factor have L_ii² ≤ <paramref name="floor"/>.</summary>
    private static int NearZeroPivots(double[] factor, int p, int from, int to, double floor)
    {
        var count = 0;
        for (var i = from; i < to; i++)
        {
            var l = factor[(long)i * p + i];
            if (l * l <= floor) count++;
        }

        return count;
    }

    /// <summary>
    /// I(X;Y) for a class label from <paramref name="zt"/> (p columns of N standardised values,
    /// positions ordered by class as in <paramref name="groups"/>).
    /// </summary>
    public static GaussianInformation Classes(double[] zt, int p, int n, ClassGrouping groups, bool biasCorrected, bool influence)
    {
        var starts = new List<int>();
        for (var s0 = 0; s0 < n; s0 = groups.GroupEnd[s0]) starts.Add(s0);
        var corrected = biasCorrected;
        foreach (var s0 in starts) corrected &= groups.GroupEnd[s0] - s0 >= p + 1;

        var total = Factor(zt, p, n, corrected, out var totalLogDet);
        var classFactors = new double[starts.Count][];
        var classLogDet = new double[starts.Count];
        var classMeans = new double[starts.Count][];
        var conditional = 0.0;
        for (var c = 0; c < starts.Count; c++)
        {
            var s0 = starts[c];
            var nc = groups.GroupEnd[s0] - s0;
            var (centred, mean) = CentredClass(zt, p, n, s0, nc);
            classMeans[c] = mean;
            classFactors[c] = Factor(centred, p, nc, corrected, out classLogDet[c]);
            conditional += (double)nc / n * classLogDet[c];
        }

        var value = 0.5 * (totalLogDet - conditional);
        double[]? psi = null;
        if (influence)
        {
            psi = new double[n];
            var classOf = new int[n];
            for (var c = 0; c < starts.Count; c++)
                for (var i = starts[c]; i < groups.GroupEnd[starts[c]]; i++) classOf[i] = c;
            var blocks = (n + RowBlock - 1) / RowBlock;
            BlockScheduler.Run(blocks, () => (Total: new double[RowBlock * p], Within: new double[RowBlock * p]), (b, scratch) =>
            {
                var r0 = b * RowBlock;
                var rows = Math.Min(RowBlock, n - r0);
                var w = scratch.Total;
                var v = scratch.Within;
                Gather(zt, n, p, r0, rows, w);
                for (var i = 0; i < rows; i++)
                {
                    var mean = classMeans[classOf[r0 + i]];
                    for (var j = 0; j < p; j++) v[i * p + j] = w[i * p + j] - mean[j];
                }

                fixed (double* wp = w, vp = v)
                {
                    DenseAlgebra.SolveRows(total, p, wp, p, rows);
                    // Rows of one block may span classes: solve each run of equal class separately.
                    for (var i = 0; i < rows;)
                    {
                        var c = classOf[r0 + i];
                        var e = i + 1;
                        while (e < rows && classOf[r0 + e] == c) e++;
                        DenseAlgebra.SolveRows(classFactors[c], p, vp + i * p, p, e - i);
                        i = e;
                    }
                }

                for (var i = 0; i < rows; i++)
                {
                    double qt = 0, qc = 0;
                    for (var j = 0; j < p; j++)
                    {
                        qt += w[i * p + j] * w[i * p + j];
                        qc += v[i * p + j] * v[i * p + j];
                    }

                    psi[r0 + i] = 0.5 * (qt - qc) - 0.5 * classLogDet[classOf[r0 + i]];
                }
            });
            Centre(psi);
        }

        var df = (starts.Count - 1) * (p + p * (p + 1) / 2.0);
        return new GaussianInformation(value, psi, df / (2.0 * n * n), corrected, 0);
    }

    /// <summary>Cholesky factor of the (bias-corrected or shrunk) covariance of column-major centred data; its ln det (corrected when asked).</summary>
    private static double[] Factor(double[] zt, int p, int n, bool corrected, out double logDet)
    {
        var s = DenseAlgebra.Gram(zt, p, n, 1.0 / n);
        if (!corrected) ShrinkageCovariance.LedoitWolfInPlace(s, p, zt, n);
        var (factor, _) = DenseAlgebra.CholeskyWithRidge(s, p);
        logDet = DenseAlgebra.LogDeterminant(factor, p, p);
        if (corrected) logDet -= GaussianLogDeterminant.Bias(n, p);
        return factor;
    }

    /// <summary>Copies positions [s0, s0+nc) of every column, centred on the class mean.</summary>
    private static (double[] Centred, double[] Mean) CentredClass(double[] zt, int p, int n, int s0, int nc)
    {
        var centred = new double[(long)p * nc];
        var mean = new double[p];
        for (var j = 0; j < p; j++)
        {
            var sum = 0.0;
            for (var i = 0; i < nc; i++) sum += zt[(long)j * n + s0 + i];
            mean[j] = sum / nc;
            for (var i = 0; i < nc; i++) centred[(long)j * nc + i] = zt[(long)j * n + s0 + i] - mean[j];
        }

        return (centred, mean);
    }

    /// <summary>Rows r0..r0+rows−1 of column-major <paramref name="zt"/> into row-major <paramref name="target"/>.</summary>
    internal static void Gather(double[] zt, int n, int p, int r0, int rows, double[] target)
    {
        for (var j = 0; j < p; j++)
        {
            var column = (long)j * n + r0;
            for (var i = 0; i < rows; i++) target[i * p + j] = zt[column + i];
        }
    }

    private static void Centre(double[] psi)
    {
        var mean = 0.0;
        foreach (var v in psi) mean += v;
        mean /= psi.Length;
        for (var i = 0; i < psi.Length; i++) psi[i] -= mean;
    }
}
