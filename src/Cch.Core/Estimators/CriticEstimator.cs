using System.Diagnostics;
using Cch.Data;
using Cch.Estimators.Neural;

namespace Cch.Estimators;

/// <summary>
/// What the variational estimators with a trained critic share (<see cref="InfoNceEstimator"/>,
/// <see cref="SmileEstimator"/>, <see cref="MineEstimator"/>): the settings, the input checks, the
/// cross-fitted protocol (train a separable critic g(x)ᵀh(y) on one part, evaluate the bound on held-out
/// rows, swap; <see cref="NeuralEstimatorOptions.Folds"/> folds) and the interval (held-out per-row
/// influence terms plus the excess of the fold spread, <c>held-out+folds</c>). X continuous (N×d_x);
/// Y continuous (N×d_y) or a class label (one-hot encoded). Each subclass supplies its bound.
/// </summary>
/// <remarks>Deterministic for the same seed, input and <see cref="NeuralEstimatorOptions.Threads"/>. Needs
/// libtorch: throws <see cref="Cch.Neural.TorchUnavailableException"/> where it cannot load. Only one
/// trained estimate (or verification) runs at a time per process.</remarks>
public abstract class CriticEstimator : IMutualInformationEstimator, ILabelMutualInformationEstimator
{
    private protected CriticEstimator(NeuralEstimatorOptions? options)
    {
        Options = options ?? new NeuralEstimatorOptions();
        Options.Validate();
    }

    /// <summary>The settings.</summary>
    public NeuralEstimatorOptions Options { get; }

    /// <inheritdoc cref="IMutualInformationEstimator.Name" />
    public abstract string Name { get; }

    /// <summary>20 × <see cref="NeuralEstimatorOptions.Folds"/> (40 by default): every fold holds out at least 10 rows and trains on at least 10.</summary>
    public int MinimumRows => TrainedInputs.MinimumRows(Options);

    /// <summary><see cref="IntervalStrategy.Own"/>: held-out per-row terms plus the fold spread.</summary>
    public IntervalStrategy IntervalStrategy => IntervalStrategy.Own;

    /// <summary>Estimates I(X;Y) in nats; see <see cref="EstimateDetailed(FeatureMatrix, FeatureMatrix, CancellationToken)"/>.</summary>
    public double Estimate(FeatureMatrix x, FeatureMatrix y) => EstimateDetailed(x, y).Value;

    /// <summary>Estimates I(X;Y) in nats for a class label; see <see cref="EstimateDetailed(FeatureMatrix, int[], CancellationToken)"/>.</summary>
    public double Estimate(FeatureMatrix x, ReadOnlySpan<int> classes) => EstimateDetailed(x, classes.ToArray()).Value;

    /// <summary>Estimates I(X;Y) in nats for continuous X (N×d_x) and Y (N×d_y), with interval, training summary and notes.</summary>
    /// <exception cref="ArgumentException">Row counts differ, N &lt; <see cref="MinimumRows"/>, or a value is not finite.</exception>
    /// <exception cref="Cch.Neural.TrainingDivergedException">Training diverged (lower the learning rate).</exception>
    /// <exception cref="Cch.Neural.TorchUnavailableException">libtorch cannot be loaded.</exception>
    /// <exception cref="OperationCanceledException">Cancelled (checked between training steps and evaluation chunks).</exception>
    public MutualInformationEstimate EstimateDetailed(FeatureMatrix x, FeatureMatrix y, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var data = TrainedInputs.Continuous(Name, Options, x, y);
        return data is null ? CrossFit.Zero(x.Rows, TrainedInputs.ConstantNote, clock) : Run(data, clock, cancellationToken);
    }

    /// <summary>Estimates I(X;Y) in nats for X (N×d) and class indices (≥ 0, one-hot encoded for the critic), with interval, training summary and notes.</summary>
    /// <exception cref="ArgumentException">Lengths differ, N &lt; <see cref="MinimumRows"/>, a class index is negative, or a value is not finite.</exception>
    /// <exception cref="Cch.Neural.TrainingDivergedException">Training diverged (lower the learning rate).</exception>
    /// <exception cref="Cch.Neural.TorchUnavailableException">libtorch cannot be loaded.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public MutualInformationEstimate EstimateDetailed(FeatureMatrix x, int[] classes, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var data = TrainedInputs.Label(Name, Options, x, classes);
        return data is null ? CrossFit.Zero(x.Rows, TrainedInputs.ConstantNote, clock) : Run(data, clock, cancellationToken);
    }

    /// <summary>A fresh training objective and held-out bound for one fold.</summary>
    private protected abstract CriticObjective CreateObjective();

    /// <summary>The model text and notes for the report, from the folds' results and the trainer's description.</summary>
    private protected virtual (string Model, IEnumerable<string>? Notes) Describe(IReadOnlyList<FoldResult> folds, int rows, string model) => (model, null);

    private MutualInformationEstimate Run(NeuralData data, Stopwatch clock, CancellationToken ct)
    {
        var (folds, model) = CriticEstimation.Run(data, Options, CreateObjective, ct);
        var (text, notes) = Describe(folds, data.Rows, model);
        return CrossFit.Combine(data.Rows, folds, text, Options.MaxEpochs, clock, notes);
    }
}
