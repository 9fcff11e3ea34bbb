using System.Diagnostics;
using System.Globalization;
using Cch.Data;
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
public sealed class MineEstimator : IMutualInformationEstimator, ILabelMutualInformationEstimator
{
    /// <summary>Creates the estimator.</summary>
    /// <param name="options">Settings (defaults when <c>null</c>).</param>
    /// <param name="movingAverageRate">α ∈ (0, 1], the weight of each new batch in the moving average of E_Q[e^T] (default 0.01; 1 disables the correction).</param>
    /// <exception cref="ArgumentException">A setting is out of range, or α is outside (0, 1].</exception>
    public MineEstimator(NeuralEstimatorOptions? options = null, double movingAverageRate = 0.01)
    {
        Options = options ?? new NeuralEstimatorOptions();
        Options.Validate();
        if (!(movingAverageRate > 0 && movingAverageRate <= 1))
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The MINE moving-average rate must be in (0, 1]; got {movingAverageRate}."), nameof(movingAverageRate));
        MovingAverageRate = movingAverageRate;
    }

    /// <summary>The settings.</summary>
    public NeuralEstimatorOptions Options { get; }

    /// <summary>α, the rate of the moving average of the denominator.</summary>
    public double MovingAverageRate { get; }

    /// <inheritdoc cref="IMutualInformationEstimator.Name" />
    public string Name => "mine";

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
        var (folds, model) = CriticEstimation.Run(data, Options, () => new MineObjective(MovingAverageRate), ct);
        return CrossFit.Combine(data.Rows, folds, model, Options.MaxEpochs, clock);
    }
}
