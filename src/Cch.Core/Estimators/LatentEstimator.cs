using System.Diagnostics;
using System.Globalization;
using Cch.Data;
using Cch.Estimators.Neural;

namespace Cch.Estimators;

/// <summary>
/// Latent mutual information (LMI) of X and Y in nats: I(Z_x; Z_y) estimated by KSG on learned
/// low-dimensional codes, after Gowri, Lun, Klein &amp; Rosen 2024, "Approximating mutual information of
/// high-dimensional variables using learned representations" (NeurIPS; reference implementation
/// latentmi 0.1.3). X continuous (N×d_x); Y continuous (N×d_y) or a class label.
/// </summary>
/// <remarks>
/// <para><b>Compression, continuous Y</b> (latentmi's <c>AECross</c> with α = λ = 1): encoders E_x, E_y to
/// <see cref="NeuralEstimatorOptions.LatentSize"/> dimensions each (8 by default, as latentmi), decoders D_x, D_y and cross
/// decoders C_x, C_y, trained on MSE(D_x(E_x x), x) + MSE(D_y(E_y y), y) + MSE(C_x(E_y y), x) + MSE(C_y(E_x x), y):
/// self-reconstruction keeps each code informative about its own side, cross-reconstruction (predict Y
/// from X's code and X from Y's) pulls the shared information into the codes. Inputs are standardised
/// and clipped to ±10 SD as in latentmi. Networks: W = <see cref="NeuralEstimatorOptions.HiddenUnits"/>,
/// halving over <see cref="NeuralEstimatorOptions.HiddenLayers"/> layers, LeakyReLU 0.2, dropout 0.5 in the
/// cross decoders (latentmi: 1024, 512, 256). Then I ≈ KSG(E_x x, E_y y), KSG with k = 3
/// (<see cref="KsgEstimator"/>, Kraskov et al. 2004, eq. 8).</para>
/// <para><b>Compression, label</b>: one autoencoder for X whose code also feeds a linear class head,
/// trained on MSE(D(E x), x) + cross-entropy(head(E x), y); then Ross's mixed estimator
/// (<see cref="MixedEstimator"/>, Ross 2014, eq. 2) on the codes and the classes.</para>
/// <para><b>Protocol</b> (unlike latentmi, which stops early on the same rows it then estimates on):
/// cross-fitting over <see cref="NeuralEstimatorOptions.Folds"/> folds; each fold's networks are trained on the other
/// folds' fit rows and stopped on their validation rows, and the k-NN estimate uses only the fold's
/// held-out codes. The estimate is the row-weighted mean of the fold values.</para>
/// <para><b>Interval</b> (<see cref="IntervalStrategy.Own"/>, <c>held-out half-sampling+folds</c>): a k-NN
/// value has no per-row terms, so each fold's evaluation SE is the SD of the estimator on 50 half-samples
/// of its held-out codes (cheap: 8 + 8 dimensions); the excess of the fold spread adds the training
/// variance (see <see cref="InfoNceEstimator"/>). No <see cref="EstimatorInterval.RowInfluence"/>.</para>
/// <para>Not a bound: compression can only lose information (data processing), but KSG's own bias has
/// either sign. Deterministic for the same seed, input and <see cref="NeuralEstimatorOptions.Threads"/>.
/// Needs libtorch (<see cref="Cch.Neural.TorchUnavailableException"/> where it cannot load).</para>
/// </remarks>
public sealed class LatentEstimator : IMutualInformationEstimator, ILabelMutualInformationEstimator
{
    /// <summary>Creates the estimator.</summary>
    /// <param name="options">Settings (defaults when <c>null</c>).</param>
    /// <param name="k">Neighbours of the k-NN estimator on the codes, 1 … 20 (default 3).</param>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public LatentEstimator(NeuralEstimatorOptions? options = null, int k = 3)
    {
        Options = options ?? new NeuralEstimatorOptions();
        Options.Validate();
        if (k is < 1 or > 20)
            throw new ArgumentException($"The latent estimator's k must be in 1 … 20; got {k}.", nameof(k));
        K = k;
    }

    /// <summary>The settings.</summary>
    public NeuralEstimatorOptions Options { get; }

    /// <summary>Neighbours k of the k-NN estimator on the codes.</summary>
    public int K { get; }

    /// <inheritdoc cref="IMutualInformationEstimator.Name" />
    public string Name => "latent";

    /// <summary>
    /// F × (max(10, 4(k + 1)) + 10), 52 by default (k = 3, 2 folds): each fold holds out enough rows
    /// that its half-samples still have 2(k + 1) rows for the k-NN estimator, and trains on at least 10.
    /// </summary>
    public int MinimumRows => Options.Folds * (HeldOutPerFold + TrainedInputs.TrainingRowsPerFold);

    private int HeldOutPerFold => Math.Max(TrainedInputs.HeldOutRowsPerFold, 4 * (K + 1));

    private string Why => string.Create(CultureInfo.InvariantCulture,
        $"The latent estimator needs at least {MinimumRows} rows: with {Options.Folds} folds each fold must hold out at least {HeldOutPerFold} rows (so its half-samples keep 2(k + 1) = {2 * (K + 1)} for the k-NN estimator) and leave at least {TrainedInputs.TrainingRowsPerFold} for training and early stopping");

    /// <summary><see cref="IntervalStrategy.Own"/>: half-sampling of the held-out codes plus the fold spread.</summary>
    public IntervalStrategy IntervalStrategy => IntervalStrategy.Own;

    /// <summary>Estimates I(X;Y) in nats; see <see cref="EstimateDetailed(FeatureMatrix, FeatureMatrix, CancellationToken)"/>.</summary>
    public double Estimate(FeatureMatrix x, FeatureMatrix y) => EstimateDetailed(x, y).Value;

    /// <summary>Estimates I(X;Y) in nats for a class label; see <see cref="EstimateDetailed(FeatureMatrix, int[], CancellationToken)"/>.</summary>
    public double Estimate(FeatureMatrix x, ReadOnlySpan<int> classes) => EstimateDetailed(x, classes.ToArray()).Value;

    /// <summary>Estimates I(X;Y) in nats for continuous X (N×d_x) and Y (N×d_y), with interval, training summary and notes.</summary>
    /// <exception cref="ArgumentException">Row counts differ, N &lt; <see cref="MinimumRows"/>, or a value is not finite.</exception>
    /// <exception cref="Cch.Neural.TrainingDivergedException">Training diverged (lower the learning rate).</exception>
    /// <exception cref="Cch.Neural.TorchUnavailableException">libtorch cannot be loaded.</exception>
    /// <exception cref="OperationCanceledException">Cancelled (checked between training steps).</exception>
    public MutualInformationEstimate EstimateDetailed(FeatureMatrix x, FeatureMatrix y, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var data = NeuralData.Continuous(x, y, MinimumRows, Why, LatentEstimation.Clip, Options.Ranks);
        return data is null ? CrossFit.Zero(x.Rows, TrainedInputs.ConstantNote, clock) : Run(data, "paired autoencoders with cross-reconstruction, KSG k = " + K, clock, cancellationToken);
    }

    /// <summary>Estimates I(X;Y) in nats for X (N×d) and class indices (≥ 0), with interval, training summary and notes.</summary>
    /// <exception cref="ArgumentException">Lengths differ, N &lt; <see cref="MinimumRows"/>, a class index is negative, or a value is not finite.</exception>
    /// <exception cref="Cch.Neural.TrainingDivergedException">Training diverged (lower the learning rate).</exception>
    /// <exception cref="Cch.Neural.TorchUnavailableException">libtorch cannot be loaded.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public MutualInformationEstimate EstimateDetailed(FeatureMatrix x, int[] classes, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var data = NeuralData.Label(x, classes, MinimumRows, Why, LatentEstimation.Clip, Options.Ranks);
        return data is null ? CrossFit.Zero(x.Rows, TrainedInputs.ConstantNote, clock) : Run(data, "autoencoder with a class head, Ross mixed k = " + K, clock, cancellationToken);
    }

    private MutualInformationEstimate Run(NeuralData data, string what, Stopwatch clock, CancellationToken ct)
    {
        var folds = LatentEstimation.Run(data, Options, K, ct);
        return CrossFit.Combine(data.Rows, folds, Neural.LatentNetworks.Describe(Options, what), Options.MaxEpochs, clock);
    }
}
