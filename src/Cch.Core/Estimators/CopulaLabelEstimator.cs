using Cch.Data;
using Cch.Estimators.Internal;

namespace Cch.Estimators;

/// <summary>
/// Gaussian-copula estimator of I(X;Y) in nats between continuous X (N×d) and a class label Y: the
/// copula form of the class-conditional Gaussian model (Ince et al. 2017, Hum. Brain Mapp. 38:1541,
/// §2.4, "gcmi_model_cd"). X is copula-normalised over all rows (each column → Φ⁻¹(rank/(N+1))), then
/// <code>I = ½·ln det Σ_X − Σ_c p_c · ½·ln det Σ_{X|c}</code>
/// as in <see cref="GaussianLabelEstimator"/>, with the unbiased log-determinants (Bishop 2006
/// eq. B.81) when every class has more rows than d.
/// </summary>
/// <remarks>
/// <para>Invariant to monotone transforms of each column of X. If the normalised class-conditional
/// distributions are Gaussian, the estimate is an upper bound on I(X;Y) up to sampling error (the
/// Gaussian maximises entropy for a given covariance), tight when the classes overlap strongly; for
/// well-separated or non-Gaussian classes it can exceed H(Y), the true upper bound — the criterion
/// warns when it does. Prefer the <c>probe</c> estimator (a held-out lower bound) for
/// high-dimensional or well-separated classes.</para>
/// <para><b>Interval</b> (<see cref="IntervalStrategy.Own"/>): the delta method on the influence
/// terms ψ_i = ½(x̃_iᵀΣ⁻¹x̃_i) − ½((x_i − μ_c)ᵀΣ_c⁻¹(x_i − μ_c)) − ½ ln det Σ_c + const and the
/// second-order variance V₂ = df/(2N²), df = (C − 1)(d + d(d+1)/2), the degrees of freedom of the
/// likelihood-ratio statistic under independence: SE² = max(Var(ψ̂)/N − V₂, V₂). Singleton classes are excluded (their rows get
/// influence 0); fewer than two remaining classes or all-constant X give exactly 0.
/// Deterministic; no seed. Cost: O(N·d² + C·d³).</para>
/// </remarks>
public sealed class CopulaLabelEstimator : ILabelMutualInformationEstimator
{
    /// <inheritdoc />
    public string Name => "copula";

    /// <summary>Smallest N accepted: 3.</summary>
    public int MinimumRows => 3;

    /// <summary>Own interval from influence terms.</summary>
    public IntervalStrategy IntervalStrategy => IntervalStrategy.Own;

    /// <summary>Estimates I(X;Y) in nats (no interval).</summary>
    /// <param name="x">X, N×d.</param>
    /// <param name="classes">Class index (≥ 0) of each row, length N.</param>
    /// <exception cref="ArgumentException">Lengths differ, N &lt; 3, a class index is negative, or a value is not finite.</exception>
    public double Estimate(FeatureMatrix x, ReadOnlySpan<int> classes) => Run(x, classes, influence: false).Value;

    /// <summary>Estimates I(X;Y) in nats with the influence-function interval.</summary>
    /// <inheritdoc cref="Estimate"/>
    public MutualInformationEstimate EstimateDetailed(FeatureMatrix x, int[] classes, CancellationToken cancellationToken = default) =>
        Run(x, classes, influence: true);

    private MutualInformationEstimate Run(FeatureMatrix x, ReadOnlySpan<int> classes, bool influence)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rows != classes.Length)
            throw new ArgumentException($"X has {x.Rows} rows but there are {classes.Length} labels.", nameof(classes));
        if (x.Rows < MinimumRows)
            throw new ArgumentException($"The copula estimator needs at least {MinimumRows} rows; got {x.Rows}.", nameof(x));
        var groups = ClassGrouping.Create(classes, nameof(classes));
        var zero = new MutualInformationEstimate(0.0) { Interval = influence ? new EstimatorInterval(IntervalMethods.Influence, 0, new double[x.Rows]) : null };
        if (groups.ClassCount < 2) return zero;
        var kept = x.SelectRows(groups.Order);
        var (zt, p) = NormalScores.Compute(kept, nameof(x));
        if (p == 0) return zero;
        var n = groups.Order.Length;
        var g = GaussianCore.Classes(zt, p, n, groups, biasCorrected: true, influence);
        EstimatorInterval? interval = null;
        if (g.Influence is { } psi)
        {
            var byRow = new double[x.Rows];
            for (var pos = 0; pos < n; pos++) byRow[groups.Order[pos]] = psi[pos];
            interval = g.Interval(IntervalMethods.Influence, byRow);
        }

        return new MutualInformationEstimate(g.Value)
        {
            Interval = interval,
            Notes = g.BiasCorrected ? [] : [GaussianNotes.ClassFallback(p)],
        };
    }
}
