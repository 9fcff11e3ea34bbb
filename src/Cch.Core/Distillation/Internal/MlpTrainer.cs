using TorchSharp;
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

/// <summary>How one model's training ended.</summary>
/// <param name="BestValidationLoss">Lowest validation loss on hard labels (model units: nats, or MSE of the standardised target).</param>
/// <param name="Epochs">Epochs trained.</param>
/// <param name="BestEpoch">1-based epoch of <paramref name="BestValidationLoss"/>, whose weights the model now holds.</param>
/// <param name="StoppedEarly">Whether patience ran out before the epoch limit.</param>
internal sealed record ArmTraining(double BestValidationLoss, int Epochs, int BestEpoch, bool StoppedEarly);

/// <summary>
/// Builds and trains the one-hidden-layer ReLU MLPs with AdamW, shuffled mini-batches and early stopping
/// on the validation loss (best weights kept). Every step and evaluation runs in its own dispose scope;
/// weight snapshots are managed arrays, so nothing but the model and optimizer state outlives a step.
/// </summary>
internal static class MlpTrainer
{
    /// <summary>Linear(inputs→hidden) → ReLU → Linear(hidden→outputs), with libtorch's default (Kaiming-uniform) initialisation from the global generator.</summary>
    public static Sequential Create(int inputs, int hidden, int outputs) =>
        nn.Sequential(("fc1", nn.Linear(inputs, hidden)), ("relu", nn.ReLU()), ("fc2", nn.Linear(hidden, outputs)));

    /// <summary>Copies the parameters (in <c>parameters()</c> order) into managed arrays.</summary>
    public static float[][] Snapshot(nn.Module model)
    {
        var result = new List<float[]>();
        foreach (var p in model.parameters())
        {
            using var accessor = p.data<float>();
            result.Add(accessor.ToArray());
        }

        return result.ToArray();
    }

    /// <summary>Overwrites the parameters with a <see cref="Snapshot"/> of the same architecture.</summary>
    public static void Load(nn.Module model, float[][] state)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var i = 0;
        foreach (var p in model.parameters())
            p.copy_(tensor(state[i++], p.shape));
    }

    /// <summary>
    /// Trains <paramref name="model"/> from its current weights for at most <see cref="VerificationOptions.MaxEpochs"/>
    /// epochs; stops when the validation loss has not improved for <see cref="VerificationOptions.Patience"/> epochs and
    /// restores the best epoch's weights. Batch order: <see cref="Random"/>(<paramref name="shuffleSeed"/>) reshuffles the
    /// fit rows every epoch.
    /// </summary>
    /// <param name="model">The model; holds the best weights on return.</param>
    /// <param name="data">Fit and validation tensors.</param>
    /// <param name="batchLoss">Training loss of (outputs, targets, teacher outputs or null) on a batch.</param>
    /// <param name="validationLoss">Hard-label loss of (outputs, targets) on the validation rows.</param>
    /// <param name="options">Learning rate, weight decay, batch size, epochs, patience.</param>
    /// <param name="shuffleSeed">Seed of the batch order.</param>
    /// <param name="onEpoch">Called after each epoch with the number of epochs done.</param>
    /// <param name="cancellationToken">Checked before every epoch.</param>
    /// <param name="what">Names the model in errors, e.g. "seed 2, kd T=2, λ=0.5".</param>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    /// <exception cref="CchInputException">The validation loss was never finite (training diverged).</exception>
    public static ArmTraining Train(
        Sequential model,
        ArmTensors data,
        Func<Tensor, Tensor, Tensor?, Tensor> batchLoss,
        Func<Tensor, Tensor, Tensor> validationLoss,
        VerificationOptions options,
        int shuffleSeed,
        Action<int> onEpoch,
        CancellationToken cancellationToken,
        string what = "model")
    {
        using var optimizer = new AdamWOptimizer(model.parameters(), options.LearningRate, options.WeightDecay);
        var n = (int)data.XFit.shape[0];
        var order = new long[n];
        for (var i = 0; i < n; i++) order[i] = i;
        var random = new Random(shuffleSeed);
        var best = double.PositiveInfinity;
        var bestEpoch = 0;
        float[][]? bestState = null;
        var epoch = 0;
        var stoppedEarly = false;
        model.train();
        while (epoch < options.MaxEpochs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            random.Shuffle(order);
            for (var start = 0; start < n; start += options.BatchSize)
            {
                using var step = NewDisposeScope();
                var index = tensor(order.AsSpan(start, Math.Min(options.BatchSize, n - start)).ToArray());
                var teacher = data.TeacherFit?.index_select(0, index);
                optimizer.ZeroGrad();
                var loss = batchLoss(model.call(data.XFit.index_select(0, index)), data.YFit.index_select(0, index), teacher);
                loss.backward();
                optimizer.Step();
            }

            epoch++;
            var v = ValidationLoss(model, data, validationLoss);
            if (v < best)
            {
                best = v;
                bestEpoch = epoch;
                bestState = Snapshot(model);
            }

            onEpoch(epoch);
            if (epoch - bestEpoch >= options.Patience)
            {
                stoppedEarly = epoch < options.MaxEpochs;
                break;
            }
        }

        if (bestState is null)
            throw new CchInputException($"Training the {what} diverged: the validation loss was never finite in {epoch} epochs. Try a lower --learning-rate (now {options.LearningRate}).");
        Load(model, bestState);
        return new ArmTraining(best, epoch, bestEpoch, stoppedEarly);
    }

    /// <summary>The model's outputs on <paramref name="x"/> as a managed row-major array (no gradient).</summary>
    public static double[] Predict(nn.Module<Tensor, Tensor> model, Tensor x)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var accessor = model.call(x).to_type(ScalarType.Float64).contiguous().data<double>();
        return accessor.ToArray();
    }

    private static double ValidationLoss(Sequential model, ArmTensors data, Func<Tensor, Tensor, Tensor> loss)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return loss(model.call(data.XValidation), data.YValidation).item<float>();
    }
}
