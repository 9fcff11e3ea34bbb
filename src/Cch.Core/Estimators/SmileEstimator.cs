using System.Globalization;
using Cch.Estimators.Neural;

namespace Cch.Estimators;

/// <summary>
/// SMILE estimate of I(X;Y) in nats (Song &amp; Ermon 2020, "Understanding the limitations of variational
/// mutual information estimators", ICLR, eq. 17):
/// <code>I ≈ E_P[T] − ln E_Q[ clip(e^T, e^−τ, e^τ) ]</code>
/// with P the joint distribution, Q the product of the marginals, a trained critic T and τ = 5 by
/// default. X continuous (N×d_x); Y continuous (N×d_y) or a class label (one-hot encoded).
/// </summary>
/// <remarks>
/// <para><b>Training, as in the paper's reference implementation</b> (github.com/ermongroup/smile-mi-estimator,
/// <c>estimators.py</c>, <c>smile_lower_bound</c>: the returned value is <c>js + (dv − js).detach()</c>, so
/// gradients come from the Jensen–Shannon term only): the critic maximises the Jensen–Shannon f-GAN bound
/// E_P[−softplus(−T)] − E_Q[softplus(T)] (Nowozin et al. 2016), whose optimum is the log density ratio
/// ln p(x,y)/(p(x)p(y)); the clipped Donsker–Varadhan form is only evaluated. Clipping the ratio to
/// [e^−τ, e^τ] bounds the variance of the E_Q term (Song &amp; Ermon, Theorem 3) at the price of a bias:
/// SMILE is not a strict lower bound, and as τ → ∞ it becomes the DV (MINE) form.</para>
/// <para><b>Critic and protocol</b> as <see cref="InfoNceEstimator"/>: separable g(x)ᵀh(y), every mismatched
/// pair of a batch as a negative, cross-fitting over <see cref="NeuralEstimatorOptions.Folds"/> folds, early
/// stopping on the SMILE value over the validation rows. On the held-out rows E_P runs over the n joint
/// pairs and E_Q over all n(n − 1) mismatched pairs (x_i, y_j), i ≠ j, for a low-variance denominator.</para>
/// <para><b>Interval</b> (<see cref="IntervalStrategy.Own"/>, <c>held-out+folds</c>): per-row influence
/// ψ_i = (T_ii − mean T) − (a_i + b_i − 2M)/M, where M is the mean clipped ratio over mismatched pairs and
/// a_i, b_i its row and column means (the delta method on a U-statistic's Hoeffding projection), plus
/// the excess of the fold spread as training variance; see <see cref="InfoNceEstimator"/>.</para>
/// <para>Deterministic for the same seed, input and <see cref="NeuralEstimatorOptions.Threads"/>. Needs
/// libtorch (<see cref="Cch.Neural.TorchUnavailableException"/> where it cannot load).</para>
/// </remarks>
public sealed class SmileEstimator : CriticEstimator
{
    /// <summary>Creates the estimator.</summary>
    /// <param name="options">Settings (defaults when <c>null</c>).</param>
    /// <param name="clip">τ &gt; 0 (default 5, the paper's recommended setting); ratios are clipped to [e^−τ, e^τ].</param>
    /// <exception cref="ArgumentException">A setting is out of range, or τ is not positive and finite.</exception>
    public SmileEstimator(NeuralEstimatorOptions? options = null, double clip = 5)
        : base(options)
    {
        if (!(clip > 0 && clip <= 50))
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The SMILE clip τ must be in (0, 50]; got {clip}."), nameof(clip));
        Clip = clip;
    }


    /// <summary>τ: density ratios are clipped to [e^−τ, e^τ] in the E_Q term.</summary>
    public double Clip { get; }

    /// <inheritdoc />
    public override string Name => "smile";



    private protected override CriticObjective CreateObjective() => new SmileObjective(Clip);

    private protected override (string Model, IEnumerable<string>? Notes) Describe(IReadOnlyList<FoldResult> folds, int rows, string model) =>
        (string.Create(CultureInfo.InvariantCulture, $"{model}, τ = {Clip}; held-out loss: −JS bound"), null);
}
