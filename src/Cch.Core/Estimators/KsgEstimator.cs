using Cch.Data;
using Cch.Estimators.Internal;
using MathNet.Numerics;

namespace Cch.Estimators;

/// <summary>
/// Kraskov–Stögbauer–Grassberger k-nearest-neighbour estimator of I(X;Y) in nats, algorithm 1 of
/// Kraskov, Stögbauer &amp; Grassberger, "Estimating mutual information", Phys. Rev. E 69, 066138
/// (2004), eq. 8:
/// <code>I = ψ(k) + ψ(N) − ⟨ψ(n_x + 1) + ψ(n_y + 1)⟩</code>
/// where ε_i is the distance from point i to its k-th nearest neighbour in the joint space under the
/// max-norm ‖(x,y)‖ = max(‖x‖_∞, ‖y‖_∞), and n_x(i), n_y(i) count the points j ≠ i with
/// ‖x_j − x_i‖_∞ &lt; ε_i, resp. ‖y_j − y_i‖_∞ &lt; ε_i (strictly).
/// </summary>
/// <remarks>
/// <para>Preprocessing (in this order): each column is standardised to zero mean and unit population
/// SD; constant columns are dropped (if all columns of X or of Y are constant the estimate is exactly 0);
/// each standardised value z gets seeded jitter <see cref="JitterScale"/>·max(1,|z|)·u, u ~ U[−1,1),
/// which breaks ties between repeated values (integer or rounded data) and survives the float32
/// storage used by the k-NN kernel. The estimate is therefore invariant to affine rescaling of any
/// input column.</para>
/// <para>The estimate can never exceed <see cref="Ceiling"/> = ψ(N) − ψ(k), because n_x, n_y ≥ k − 1.
/// KSG underestimates large MI (the estimate saturates towards the ceiling well before the truth);
/// use <see cref="IsNearCeiling"/> to flag such values.</para>
/// <para>Cost: exact brute-force k-NN, O(N²·(d_x + d_y)) time, O(N) memory per thread
/// (no N×N matrix), vectorised with AVX-512/AVX2 on float32 copies and parallel over points. About
/// 0.25 s for N = 10,000 with 100 + 100 dimensions on 2 cores (see docs/benchmarks.md).</para>
/// <para>Deterministic: the same seed and input give a bit-identical result on any thread count.</para>
/// </remarks>
public sealed class KsgEstimator : IMutualInformationEstimator
{
    /// <summary>
    /// Relative jitter amplitude in standardised units (1e-5): z ↦ z + 1e-5·max(1,|z|)·u,
    /// u ~ U[−1,1). At least ~80 float32 ulps at any magnitude, five orders below the unit SD.
    /// </summary>
    public const double JitterScale = PreparedSpace.JitterScale;

    /// <summary>
    /// The margin of the near-ceiling rule, 2·ln 2 ≈ 1.386 nats; see <see cref="IsNearCeiling"/>.
    /// </summary>
    public static readonly double NearCeilingMargin = 2 * Math.Log(2);

    /// <summary>Creates the estimator.</summary>
    /// <param name="k">Number of neighbours, ≥ 1 (KSG recommend 2–4; default 3).</param>
    /// <param name="seed">Seed of the tie-breaking jitter.</param>
    /// <param name="ranks">Replace every column by the normal scores of its ranks, Φ⁻¹(r/(N+1)), before
    /// the neighbour search (as bmi's "gaussianise" preprocessing, Czyż et al. 2023 §5): mutual
    /// information is unchanged by such monotone maps, but heavy tails and skew no longer distort the
    /// max-norm neighbourhoods. Reported as <c>ksg-ranks</c>. Default <c>false</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> &lt; 1.</exception>
    public KsgEstimator(int k = 3, int seed = 0, bool ranks = false)
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
    public string Name => Ranks ? "ksg-ranks" : "ksg";

    /// <summary>Smallest N accepted: k + 1 (every point needs k neighbours).</summary>
    public int MinimumRows => K + 1;

    /// <summary>
    /// The largest value the estimator can return for N points and k neighbours, ψ(N) − ψ(k) nats
    /// (from eq. 8 with n_x = n_y = k − 1, the fewest possible).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> &lt; 1 or <paramref name="n"/> ≤ <paramref name="k"/>.</exception>
    public static double Ceiling(int n, int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(n, k);
        return SpecialFunctions.DiGamma(n) - SpecialFunctions.DiGamma(k);
    }

    /// <summary>
    /// Whether <paramref name="estimate"/> is within <see cref="NearCeilingMargin"/> (2·ln 2 nats) of
    /// <see cref="Ceiling"/>(n, k). The gap Ceiling − I equals ⟨[ψ(n_x+1) − ψ(k)] + [ψ(n_y+1) − ψ(k)]⟩,
    /// so a gap below 2·ln 2 means the marginal neighbourhoods hold on (geometric) average fewer than
    /// about 2k points — barely more than the joint one. The estimate is then limited by N, not by the
    /// dependence, and the true MI may be much larger: treat it as a lower bound. (Measured on
    /// Gaussians, docs/estimators.md: flagged estimates were 0.2–2.9 nats below the truth.) At small N
    /// the ceiling itself is below 2·ln 2, so the estimate must also exceed half the ceiling: a value
    /// near zero is never "near the ceiling".
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> &lt; 1 or <paramref name="n"/> ≤ <paramref name="k"/>.</exception>
    public static bool IsNearCeiling(double estimate, int n, int k) =>
        estimate >= Math.Max(Ceiling(n, k) - NearCeilingMargin, Ceiling(n, k) / 2);

    /// <summary>Estimates I(X;Y) in nats (KSG algorithm 1, eq. 8).</summary>
    /// <param name="x">X, N×d_x.</param>
    /// <param name="y">Y, N×d_y.</param>
    /// <returns>The estimate in nats; exactly 0 when all columns of X or of Y are constant. May be
    /// slightly negative for independent data (not clipped); never above <see cref="Ceiling"/>.</returns>
    /// <exception cref="ArgumentException">Row counts differ, N &lt; <see cref="MinimumRows"/>, or a value is not finite.</exception>
    public double Estimate(FeatureMatrix x, FeatureMatrix y) => Estimate(x, y, KernelIsa.Auto);

    internal double Estimate(FeatureMatrix x, FeatureMatrix y, KernelIsa isa)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Rows != y.Rows)
            throw new ArgumentException($"X has {x.Rows} rows but Y has {y.Rows}.", nameof(y));
        if (x.Rows < MinimumRows)
            throw new ArgumentException($"KSG with k = {K} needs at least {MinimumRows} rows; got {x.Rows}.", nameof(x));
        if (Prepare(x, y) is not var (px, py)) return 0.0;
        var (nx, ny) = KsgCounts.Compute(px, py, K, isa);
        return FromCounts(nx, ny, K);
    }

    /// <summary>Eq. 8 from the neighbour counts; per-row terms summed sequentially in row order.</summary>
    internal static double FromCounts(int[] nx, int[] ny, int k)
    {
        var n = nx.Length;
        var psi = DigammaTable.Create(n);
        var terms = new double[n];
        for (var i = 0; i < n; i++) terms[i] = psi[nx[i] + 1] + psi[ny[i] + 1];
        var sum = 0.0;
        for (var i = 0; i < n; i++) sum += terms[i];
        return psi[k] + psi[n] - sum / n;
    }

    /// <summary>The prepared spaces; <c>null</c> when the estimate is exactly 0 (a space is all constant).</summary>
    internal (PreparedSpace X, PreparedSpace Y)? Prepare(FeatureMatrix x, FeatureMatrix y)
    {
        if (Ranks)
        {
            x = NormalScores.RowMajor(x, nameof(x));
            y = NormalScores.RowMajor(y, nameof(y));
        }

        var px = PreparedSpace.Create(x, default, Seed, 0, nameof(x));
        var py = PreparedSpace.Create(y, default, Seed, 1, nameof(y));
        return px is null || py is null ? null : (px, py);
    }
}
