using System.Globalization;
using Cch.Estimators.Neural;

namespace Cch.Estimators;

/// <summary>
/// MINE lower bound on I(X;Y) in nats (Belghazi et al. 2018, "Mutual information neural estimation",
/// ICML): the Donsker–Varadhan representation
/// <code>I(X;Y) ≥ E_P[T] − ln E_Q[e^T]</code>
/// (their eq. 7, Theorem 1) with a trained critic T, P the joint distribution and Q the product of the
/// marginals. X continuous (N×d_x); Y continuous (N×d_y) or a class label (one-hot encoded).
/// </summary>
/// <remarks>
/// <para><b>Training</b> (Belghazi et al. §3.2): the mini-batch gradient of the DV bound,
/// E_B[∇T] − E_B̄[e^T ∇T]/E_B̄[e^T], is biased by the batch estimate in the denominator, so the
/// denominator is an exponential moving average m ← (1 − α)·m + α·E_B̄[e^T] (rate α = 0.01 by default,
/// started at the first batch's value). E_B̄ runs over all B(B − 1) mismatched pairs of the batch.
/// Early stopping on the DV bound over the validation rows.</para>
/// <para><b>Evaluation.</b> On each fold's held-out rows, E_P over the n joint pairs and E_Q over all
/// n(n − 1) mismatched pairs (x_i, y_j), i ≠ j (a U-statistic: far lower variance than one shuffled
/// partner per row). The DV estimator's variance can grow exponentially with the true MI (Song &amp;
/// Ermon 2020, Theorem 2); prefer <see cref="SmileEstimator"/> or <see cref="InfoNceEstimator"/> for large MI.</para>
/// <para><b>Critic, protocol and interval</b> as <see cref="SmileEstimator"/> (without clipping). A lower
/// bound up to evaluation noise. Deterministic for the same seed, input and
/// <see cref="NeuralEstimatorOptions.Threads"/>. Needs libtorch (<see cref="Cch.Neural.TorchUnavailableException"/>).</para>
/// </remarks>
public sealed class MineEstimator : CriticEstimator
{
    /// <summary>Creates the estimator.</summary>
    /// <param name="options">Settings (defaults when <c>null</c>).</param>
    /// <param name="movingAverageRate">α ∈ (0, 1], the weight of each new batch in the moving average of E_Q[e^T] (default 0.01; 1 disables the correction).</param>
    /// <exception cref="ArgumentException">A setting is out of range, or α is outside (0, 1].</exception>
    public MineEstimator(NeuralEstimatorOptions? options = null, double movingAverageRate = 0.01)
        : base(options)
    {
        if (!(movingAverageRate > 0 && movingAverageRate <= 1))
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The MINE moving-average rate must be in (0, 1]; got {movingAverageRate}."), nameof(movingAverageRate));
        MovingAverageRate = movingAverageRate;
    }


    /// <summary>α, the rate of the moving average of the denominator.</summary>
    public double MovingAverageRate { get; }

    /// <inheritdoc />
    public override string Name => "mine";



    private protected override CriticObjective CreateObjective() => new MineObjective(MovingAverageRate);
}
