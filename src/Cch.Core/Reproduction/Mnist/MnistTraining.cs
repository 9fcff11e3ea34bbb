using Cch.Distillation.Internal;
using Cch.Neural;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace Cch.Reproduction.Mnist;

/// <summary>One view of the selected digits as tensors: fit, validation and test rows, each N × C × 28 × 28 (float32).</summary>
/// <param name="Channels">C.</param>
/// <param name="Fit">Rows for gradient steps.</param>
/// <param name="Validation">Rows for early stopping.</param>
/// <param name="Test">Held-out rows.</param>
internal sealed record MnistViewTensors(int Channels, Tensor Fit, Tensor Validation, Tensor Test) : IDisposable
{
    /// <summary>Cuts <paramref name="view"/> (rows of the selection, C·28·28 values each, channel-major) into the three tensors.</summary>
    public static MnistViewTensors From(Data.FeatureMatrix view, int channels, MnistSplit split) =>
        new(channels, Rows(view, channels, split.Fit), Rows(view, channels, split.Validation), Rows(view, channels, split.Test));

    private static Tensor Rows(Data.FeatureMatrix view, int channels, int[] rows)
    {
        var columns = view.Columns;
        var values = new float[rows.Length * columns];
        for (var i = 0; i < rows.Length; i++)
        {
            var source = view.Row(rows[i]);
            for (var j = 0; j < columns; j++) values[i * columns + j] = (float)source[j];
        }

        return TorchSession.OnDevice(tensor(values, [rows.Length, channels, MnistCnn.Side, MnistCnn.Side]));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Fit.Dispose();
        Validation.Dispose();
        Test.Dispose();
    }
}

/// <summary>
/// Trains and evaluates <see cref="MnistCnn"/>s with the shared <see cref="EarlyStoppingTrainer"/> (AdamW,
/// shuffled batches, early stopping on the validation cross-entropy, best epoch restored). Call inside a
/// <see cref="TorchSession"/>.
/// </summary>
internal static class MnistTraining
{
    /// <summary>Rows per forward pass when evaluating (bounds the activations' memory).</summary>
    private const int EvaluationBatch = 500;

    /// <summary>
    /// A new network for <paramref name="channels"/> input channels whose weights are drawn from
    /// libtorch's global generator seeded with <paramref name="initSeed"/> (so equal seeds give equal weights).
    /// </summary>
    public static MnistCnn Create(int channels, MnistArchitecture architecture, long initSeed)
    {
        manual_seed(initSeed);
        return new MnistCnn(channels, architecture);
    }

    /// <summary>
    /// Trains <paramref name="model"/> from its current weights on <paramref name="view"/>: plain cross-entropy when
    /// <paramref name="teacherLogits"/> is <c>null</c>, else Hinton's loss (1 − λ)·CE + λ·T²·KL(softmax(t/T) ‖ softmax(s/T))
    /// (<see cref="DistillationLosses.Hinton"/>; Hinton, Vinyals &amp; Dean 2015, arXiv:1503.02531) against the teacher's
    /// logits on the same fit rows. Early stopping always uses the validation cross-entropy.
    /// </summary>
    /// <param name="model">The network; holds the best epoch's weights on return.</param>
    /// <param name="view">The inputs.</param>
    /// <param name="split">The labels of the fit and validation rows.</param>
    /// <param name="teacherLogits">N_fit × 10 teacher logits on the fit rows, or <c>null</c>.</param>
    /// <param name="settings">Schedule, T and λ.</param>
    /// <param name="batchSeed">Seed of the batch order.</param>
    /// <param name="what">Names the model in errors.</param>
    /// <param name="cancellationToken">Checked before every step.</param>
    /// <exception cref="Neural.TrainingDivergedException">The validation loss was never finite.</exception>
    public static TrainingOutcome Train(MnistCnn model, MnistViewTensors view, MnistSplit split, Tensor? teacherLogits, MnistSettings settings, int batchSeed, string what, CancellationToken cancellationToken)
    {
        using var yFit = TorchSession.OnDevice(tensor(split.FitClasses.Select(c => (long)c).ToArray()));
        using var yValidation = TorchSession.OnDevice(tensor(split.ValidationClasses.Select(c => (long)c).ToArray()));
        Func<Tensor, Tensor> batchLoss = teacherLogits is null
            ? index => cross_entropy(model.call(view.Fit.index_select(0, index)), yFit.index_select(0, index))
            : index => DistillationLosses.Hinton(
                model.call(view.Fit.index_select(0, index)), teacherLogits.index_select(0, index), yFit.index_select(0, index), settings.Temperature, settings.Lambda);
        return EarlyStoppingTrainer.Train(
            model,
            (int)view.Fit.shape[0],
            batchLoss,
            () => ValidationLoss(model, view.Validation, yValidation),
            new TrainingSchedule(settings.LearningRate, settings.WeightDecay, settings.BatchSize, settings.MaxEpochs, settings.Patience),
            batchSeed,
            null,
            what,
            "The reproduction's schedule is fixed (docs/reproduction.md); try another --seed, and check that the data folder holds the MNIST digits the tool expects.",
            cancellationToken);
    }

    /// <summary>The network's logits on <paramref name="x"/>, N × 10, as a float32 tensor outside any dispose scope (the caller disposes it).</summary>
    public static Tensor Logits(MnistCnn model, Tensor x)
    {
        var values = Outputs(model, x, features: false);
        var floats = new float[values.Length];
        for (var i = 0; i < values.Length; i++) floats[i] = (float)values[i];
        return TorchSession.OnDevice(tensor(floats, [x.shape[0], MnistCnn.Classes]));
    }

    /// <summary>The penultimate representation on <paramref name="x"/>, row-major N × h.</summary>
    public static double[] Features(MnistCnn model, Tensor x) => Outputs(model, x, features: true);

    /// <summary>Share of rows of <paramref name="x"/> whose largest logit is the true class (first index on ties).</summary>
    public static double Accuracy(MnistCnn model, Tensor x, int[] classes)
    {
        var logits = Outputs(model, x, features: false);
        var correct = 0;
        for (var i = 0; i < classes.Length; i++)
        {
            var best = 0;
            for (var c = 1; c < MnistCnn.Classes; c++)
                if (logits[i * MnistCnn.Classes + c] > logits[i * MnistCnn.Classes + best]) best = c;
            if (best == classes[i]) correct++;
        }

        return (double)correct / classes.Length;
    }

    private static double ValidationLoss(MnistCnn model, Tensor x, Tensor y)
    {
        // Called by the trainer in evaluation mode, without gradients, inside a dispose scope; batched like every evaluation.
        var rows = x.shape[0];
        var sum = 0.0;
        for (long start = 0; start < rows; start += EvaluationBatch)
        {
            var length = Math.Min(EvaluationBatch, rows - start);
            using var loss = cross_entropy(model.call(x.narrow(0, start, length)), y.narrow(0, start, length), reduction: nn.Reduction.Sum);
            sum += loss.item<float>();
        }

        return sum / rows;
    }

    private static double[] Outputs(MnistCnn model, Tensor x, bool features)
    {
        model.eval();
        var rows = (int)x.shape[0];
        var parts = new List<double[]>();
        for (var start = 0; start < rows; start += EvaluationBatch)
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var batch = x.narrow(0, start, Math.Min(EvaluationBatch, rows - start));
            parts.Add(Mlp.ToDoubles(features ? model.Features(batch) : model.call(batch)));
        }

        return parts.SelectMany(p => p).ToArray();
    }
}
