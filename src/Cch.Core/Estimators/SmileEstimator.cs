using System.Diagnostics;
using System.Globalization;
using Cch.Data;
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
public sealed class SmileEstimator : IMutualInformationEstimator, ILabelMutualInformationEstimator
{
    /// <summary>Creates the estimator.</summary>
    /// <param name="options">Settings (defaults when <c>null</c>).</param>
    /// <param name="clip">τ &gt; 0 (default 5, the paper's recommended setting); ratios are clipped to [e^−τ, e^τ].</param>
    /// <exception cref="ArgumentException">A setting is out of range, or τ is not positive and finite.</exception>
    public SmileEstimator(NeuralEstimatorOptions? options = null, double clip = 5)
    {
        Options = options ?? new NeuralEstimatorOptions();
        Options.Validate();
        if (!(clip > 0 && clip <= 50))
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The SMILE clip τ must be in (0, 50]; got {clip}."), nameof(clip));
        Clip = clip;
    }

    /// <summary>The settings.</summary>
    public NeuralEstimatorOptions Options { get; }

    /// <summary>τ: density ratios are clipped to [e^−τ, e^τ] in the E_Q term.</summary>
    public double Clip { get; }

    /// <inheritdoc cref="IMutualInformationEstimator.Name" />
    public string Name => "smile";

    /// <summary>20 × <see cref="NeuralEstimatorOptions.Folds"/> (40 by default): every fold holds out at least 10 rows and trains on at least 10.</summary>
    public int MinimumRows => TrainedInputs.MinimumRows(Options);

    /// <summary><see cref="IntervalStrategy.Own"/>: held-out per-row terms plus the fold spread.</summary>
    public IntervalStrategy IntervalStrategy => IntervalStrategy.Own;

    /// <summary>Estimates I(X;Y) in nats; see <see cref="EstimateDetailed(FeatureMatrix, FeatureMatrix, CancellationToken)"/>.</summary>
    public double Estimate(FeatureMatrix x, FeatureMatrix y) => EstimateDetailed(x, y).Value;

    /// <summary>Estimates I(X;Y) in nats for a class label; see <see cref="EstimateDetailed(FeatureMatrix, int[], CancellationToken)"/>.</summary>
    public double Estimate(FeatureMatrix x, ReadOnlySpan<int> classes) => EstimateDetailed(x, classes.ToArray()).Value;

    /// <summary>Estimates I(X;Y) in nats for continuous X (N×d_x) and Y (N×d_y), with interval, training summary and notes.</summary>
    /// <exception cref="ArgumentException">Row counts differ, N &lt; <see cref="MinimumRows"/>, a value is not finite, or training diverged (lower the learning rate).</exception>
    /// <exception cref="Cch.Neural.TorchUnavailableException">libtorch cannot be loaded.</exception>
    /// <exception cref="OperationCanceledException">Cancelled (checked between training steps and evaluation chunks).</exception>
    public MutualInformationEstimate EstimateDetailed(FeatureMatrix x, FeatureMatrix y, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var data = TrainedInputs.Continuous(Name, Options, x, y);
        return data is null ? CrossFit.Zero(x.Rows, TrainedInputs.ConstantNote, clock) : Run(data, clock, cancellationToken);
    }

    /// <summary>Estimates I(X;Y) in nats for X (N×d) and class indices (≥ 0, one-hot encoded for the critic), with interval, training summary and notes.</summary>
    /// <exception cref="ArgumentException">Lengths differ, N &lt; <see cref="MinimumRows"/>, a class index is negative, a value is not finite, or training diverged.</exception>
    /// <exception cref="Cch.Neural.TorchUnavailableException">libtorch cannot be loaded.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public MutualInformationEstimate EstimateDetailed(FeatureMatrix x, int[] classes, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var data = TrainedInputs.Label(Name, Options, x, classes);
        return data is null ? CrossFit.Zero(x.Rows, TrainedInputs.ConstantNote, clock) : Run(data, clock, cancellationToken);
    }

    private MutualInformationEstimate Run(NeuralData data, Stopwatch clock, CancellationToken ct)
    {
        var (folds, model) = CriticEstimation.Run(data, Options, () => new SmileObjective(Clip), ct);
        return CrossFit.Combine(data.Rows, folds, string.Create(CultureInfo.InvariantCulture, $"{model}, τ = {Clip}; held-out loss: −JS bound"), Options.MaxEpochs, clock);
    }
}
