using Cch.Data;
using Cch.Estimators.Internal;

namespace Cch.Estimators;

/// <summary>
/// Ross's k-nearest-neighbour estimator of I(X;Y) in nats between a continuous, possibly
/// multivariate X and a discrete label Y: B. C. Ross, "Mutual information between discrete and
/// continuous data sets", PLoS ONE 9(2): e87357 (2014), eq. 2:
/// <code>I = ψ(N) − ⟨ψ(N_y)⟩ + ⟨ψ(k_i)⟩ − ⟨ψ(m_i)⟩</code>
/// For point i of class c: d_i is the max-norm distance to its k_i-th nearest neighbour among the
/// other points of class c, k_i = min(k, N_c − 1); m_i = number of points j ≠ i of any class with
/// ‖x_j − x_i‖_∞ ≤ d_i (so the k_i-th neighbour itself is counted and m_i ≥ k_i); N_y = N_c is the
/// class size. This is scikit-learn's <c>_compute_mi_cd</c> generalised to several features.
/// </summary>
/// <remarks>
/// <para>Preprocessing as in <see cref="KsgEstimator"/>: per-column standardisation, constant
/// columns dropped (all constant ⇒ exactly 0), seeded jitter of relative size
/// <see cref="KsgEstimator.JitterScale"/> keyed by the original row index; statistics are taken over
/// the kept rows.</para>
/// <para>Singleton classes: points whose class occurs once are excluded, as scikit-learn's
/// <c>mutual_info_classif</c> does; N then counts only the kept points. If fewer than two classes
/// remain (in particular for a constant label) the estimate is exactly 0.</para>
/// <para>The estimate is not clipped at 0 (scikit-learn clips); for independent data it scatters
/// around 0. Since m_i ≥ k_i it never exceeds ψ(N) − ⟨ψ(N_y)⟩, a plug-in-like estimate of H(Y);
/// like KSG it is biased low when the MI approaches that bound.</para>
/// <para>Cost: O(N²·d) time, O(N) memory per thread; deterministic for a given seed.</para>
/// </remarks>
public sealed class MixedEstimator : ILabelMutualInformationEstimator
{
    /// <summary>Creates the estimator.</summary>
    /// <param name="k">Number of neighbours, ≥ 1 (default 3, as scikit-learn).</param>
    /// <param name="seed">Seed of the tie-breaking jitter.</param>
    /// <param name="ranks">Replace every column by the normal scores of its ranks first (over all rows),
    /// as <see cref="KsgEstimator.Ranks"/>. Reported as <c>mixed-ranks</c>. Default <c>false</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> &lt; 1.</exception>
    public MixedEstimator(int k = 3, int seed = 0, bool ranks = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        K = k;
        Seed = seed;
        Ranks = ranks;
    }

    /// <summary>Whether columns are replaced by the normal scores of their ranks first.</summary>
    public bool Ranks { get; }

    /// <summary>Number of neighbours k.</summary>
    public int K { get; }

    /// <summary>Seed of the tie-breaking jitter.</summary>
    public int Seed { get; }

    /// <inheritdoc />
    public string Name => Ranks ? "mixed-ranks" : "mixed";

    /// <summary>Smallest N accepted: k + 1.</summary>
    public int MinimumRows => K + 1;

    /// <summary>Estimates I(X;Y) in nats (Ross 2014, eq. 2).</summary>
    /// <param name="x">X, N×d.</param>
    /// <param name="classes">Class index (≥ 0) of each row, length N.</param>
    /// <returns>The estimate in nats; exactly 0 for a constant label (after dropping singleton
    /// classes) or when every column of X is constant.</returns>
    /// <exception cref="ArgumentException">Lengths differ, N &lt; <see cref="MinimumRows"/>, a class
    /// index is negative, or a value is not finite.</exception>
    public double Estimate(FeatureMatrix x, ReadOnlySpan<int> classes) => Estimate(x, classes, KernelIsa.Auto);

    internal double Estimate(FeatureMatrix x, ReadOnlySpan<int> classes, KernelIsa isa)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rows != classes.Length)
            throw new ArgumentException($"X has {x.Rows} rows but there are {classes.Length} labels.", nameof(classes));
        if (x.Rows < MinimumRows)
            throw new ArgumentException($"The mixed estimator with k = {K} needs at least {MinimumRows} rows; got {x.Rows}.", nameof(x));
        if (Prepare(x, classes) is not var (groups, px)) return 0.0;
        var m = MixedCounts.Compute(px, groups, K, isa);
        return FromCounts(groups, m, K);
    }

    /// <summary>Groups the rows and prepares X; <c>null</c> when the estimate is exactly 0.</summary>
    internal (ClassGrouping Groups, PreparedSpace X)? Prepare(FeatureMatrix x, ReadOnlySpan<int> classes)
    {
        var groups = ClassGrouping.Create(classes, nameof(classes));
        if (groups.ClassCount < 2) return null;
        var px = PreparedSpace.Create(Ranks ? NormalScores.RowMajor(x, nameof(x)) : x, groups.Order, Seed, 0, nameof(x));
        return px is null ? null : (groups, px);
    }

    /// <summary>Eq. 2 from the counts; per-row terms summed sequentially in original row order.</summary>
    internal static double FromCounts(ClassGrouping groups, int[] m, int k)
    {
        var n = groups.Order.Length;
        var psi = DigammaTable.Create(n);
        var byRow = new (int Row, double Term)[n];
        for (var p = 0; p < n; p++)
        {
            var nc = groups.GroupEnd[p] - groups.GroupStart[p];
            var kp = Math.Min(k, nc - 1);
            byRow[p] = (groups.Order[p], psi[nc] - psi[kp] + psi[m[p]]);
        }

        Array.Sort(byRow, (a, b) => a.Row.CompareTo(b.Row));
        var sum = 0.0;
        for (var p = 0; p < n; p++) sum += byRow[p].Term;
        return psi[n] - sum / n;
    }
}
