using Cch.Neural;
using TorchSharp;
using static TorchSharp.torch;

namespace Cch.Tests.Neural;

/// <summary>
/// Truth: the loop's stated rules, driven by a scripted validation loss: it stops once
/// <c>Patience</c> epochs pass without a new minimum, and the weights it returns are those recorded
/// at the best epoch. The model is a single weight pushed by a constant gradient, so every epoch
/// changes it and a wrong restore is visible.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class EarlyStoppingTrainerTests
{
    public EarlyStoppingTrainerTests() => TorchCollection.Ready();

    private static readonly TrainingSchedule Schedule = new(LearningRate: 0.1, WeightDecay: 0, BatchSize: 2, MaxEpochs: 50, Patience: 3);

    [Fact]
    public void Stops_after_patience_and_restores_the_best_epochs_weights()
    {
        double[] script = [5, 4, 3, 3.5, 3.6, 3.7, 1, 1];
        var weights = new List<float>();
        var epochs = new List<int>();
        var outcome = TorchSession.Run(1, () =>
        {
            using var model = nn.Linear(1, 1, hasBias: false);
            var result = EarlyStoppingTrainer.Train(
                model, fitRows: 4,
                _ => model.weight!.sum(),
                () =>
                {
                    weights.Add(model.weight!.item<float>());
                    return script[weights.Count - 1];
                },
                Schedule, shuffleSeed: 1, epochs.Add, "model", "advice.", CancellationToken.None);
            return (result, Final: model.weight!.item<float>());
        });

        Assert.Equal(new TrainingOutcome(3, 6, 3, true), outcome.result);
        Assert.Equal([1, 2, 3, 4, 5, 6], epochs);
        Assert.Equal(weights[2], outcome.Final);
        Assert.NotEqual(weights[5], outcome.Final); // the weights did move after the best epoch
    }

    [Fact]
    public void A_loss_that_is_never_finite_raises_training_diverged_with_what_epochs_and_learning_rate()
    {
        var e = Assert.Throws<TrainingDivergedException>(() => TorchSession.Run(1, () =>
        {
            using var model = nn.Linear(1, 1, hasBias: false);
            return EarlyStoppingTrainer.Train(model, 4, _ => model.weight!.sum(), () => double.NaN, Schedule, 1, null,
                "student (seed 2)", "Try a lower --learning-rate.", CancellationToken.None);
        }));

        // Patience 3 with no finite loss ever: it gives up after the third epoch.
        Assert.Equal(("student (seed 2)", 3, 0.1), (e.What, e.Epochs, e.LearningRate));
        Assert.Equal("Training the student (seed 2) diverged: the validation loss was never finite in 3 epochs at learning rate 0.1. Try a lower --learning-rate.", e.Message);
    }

    [Fact]
    public void Cancellation_is_honoured_between_steps()
    {
        using var cts = new CancellationTokenSource();
        var steps = 0;
        Assert.ThrowsAny<OperationCanceledException>(() => TorchSession.Run(1, () =>
        {
            using var model = nn.Linear(1, 1, hasBias: false);
            return EarlyStoppingTrainer.Train(model, 8, _ =>
            {
                if (++steps == 2) cts.Cancel();
                return model.weight!.sum();
            }, () => 1.0, Schedule, 1, null, "model", "", cts.Token);
        }));

        Assert.Equal(2, steps); // the third step never started
    }

    [Fact]
    public void Weight_decay_reaches_only_the_listed_parameters()
    {
        // With a zero gradient AdamW's moment update is 0, so each step only decays: p ← p·(1 − lr·λ)
        // (Loshchilov & Hutter 2019, Algorithm 2). 4 rows in batches of 2 → 2 steps per epoch; 1 epoch.
        var schedule = new TrainingSchedule(LearningRate: 0.1, WeightDecay: 0.5, BatchSize: 2, MaxEpochs: 1, Patience: 1);
        var (weight, bias, w0, b0) = TorchSession.Run(1, () =>
        {
            using var model = nn.Linear(1, 1);
            var w = model.weight!.item<float>();
            var b = model.bias!.item<float>();
            EarlyStoppingTrainer.Train(model, 4, _ => ExplicitScalars.Scale(ExplicitScalars.Sum(model.weight!.sum(), model.bias!.sum()), 0), () => 1.0,
                schedule, 1, null, "model", "", CancellationToken.None, [model.weight!]);
            return (model.weight!.item<float>(), model.bias!.item<float>(), w, b);
        });

        Assert.Equal(w0 * 0.95 * 0.95, weight, 1e-6); // float32 arithmetic: 1e-6 is ~10 ulps
        Assert.Equal(b0, bias);
    }
}
