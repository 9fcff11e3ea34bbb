using Cch.Neural;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Cch.Distillation.Internal;

/// <summary>The tensors one model trains on: fit rows for gradient steps, validation rows for early stopping.</summary>
/// <param name="XFit">Inputs of the fit rows, N_fit×d (float32).</param>
/// <param name="YFit">Targets of the fit rows: N_fit class indices (int64) or N_fit×1 values (float32).</param>
/// <param name="TeacherFit">Teacher outputs on the fit rows (N_fit×C or N_fit×1), or <c>null</c> when the loss ignores them.</param>
/// <param name="XValidation">Inputs of the validation rows.</param>
/// <param name="YValidation">Targets of the validation rows.</param>
internal sealed record ArmTensors(Tensor XFit, Tensor YFit, Tensor? TeacherFit, Tensor XValidation, Tensor YValidation);

/// <summary>
/// Trains one arm of the verification (teacher, student without KD, student with KD) with the shared
/// <see cref="EarlyStoppingTrainer"/>: the batch loss sees the student's outputs, the targets and the
/// teacher's outputs on the same rows; the validation loss is always the hard-label loss.
/// </summary>
internal static class ArmTrainer
{
    /// <summary>
    /// Trains <paramref name="model"/> from its current weights for at most <see cref="VerificationOptions.MaxEpochs"/>
    /// epochs with early stopping (<see cref="VerificationOptions.Patience"/>) and restores the best epoch's weights.
    /// </summary>
    /// <param name="model">The model; holds the best weights on return.</param>
    /// <param name="data">Fit and validation tensors.</param>
    /// <param name="batchLoss">Training loss of (outputs, targets, teacher outputs or null) on a batch.</param>
    /// <param name="validationLoss">Hard-label loss of (outputs, targets) on the validation rows.</param>
    /// <param name="options">Learning rate, weight decay, batch size, epochs, patience.</param>
    /// <param name="shuffleSeed">Seed of the batch order.</param>
    /// <param name="onEpoch">Called after each epoch with the number of epochs done.</param>
    /// <param name="cancellationToken">Checked before every step.</param>
    /// <param name="what">Names the model in errors, e.g. "seed 2, kd T=2, λ=0.5".</param>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    /// <exception cref="Neural.TrainingDivergedException">The validation loss was never finite (training diverged).</exception>
    public static TrainingOutcome Train(
        Sequential model,
        ArmTensors data,
        Func<Tensor, Tensor, Tensor?, Tensor> batchLoss,
        Func<Tensor, Tensor, Tensor> validationLoss,
        VerificationOptions options,
        int shuffleSeed,
        Action<int> onEpoch,
        CancellationToken cancellationToken,
        string what = "model") =>
        EarlyStoppingTrainer.Train(
            model,
            (int)data.XFit.shape[0],
            index => batchLoss(model.call(data.XFit.index_select(0, index)), data.YFit.index_select(0, index), data.TeacherFit?.index_select(0, index)),
            () => validationLoss(model.call(data.XValidation), data.YValidation).item<float>(),
            new TrainingSchedule(options.LearningRate, options.WeightDecay, options.BatchSize, options.MaxEpochs, options.Patience),
            shuffleSeed,
            onEpoch,
            what,
            "Try a lower --learning-rate (learningRate in cch.json), or standardise the features.",
            cancellationToken);
}
