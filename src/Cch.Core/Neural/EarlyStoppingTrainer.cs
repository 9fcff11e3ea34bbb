using static TorchSharp.torch;

namespace Cch.Neural;

/// <summary>
/// The one training loop of Cch: AdamW (<see cref="AdamWOptimizer"/>) on shuffled mini-batches, the
/// validation loss after every epoch, early stopping when it has not improved for
/// <see cref="TrainingSchedule.Patience"/> epochs, and the best epoch's weights restored at the end.
/// Every step and every validation pass runs in its own <c>torch.NewDisposeScope()</c>; weight snapshots
/// are managed arrays, so nothing but the model and the optimizer state outlives a step. Used by the
/// distillation verification and by the trained estimators. Call inside a <see cref="TorchSession"/>.
/// </summary>
internal static class EarlyStoppingTrainer
{
    /// <summary>
    /// Trains <paramref name="model"/> from its current weights. Batch order: <see cref="Random"/>(<paramref name="shuffleSeed"/>)
    /// reshuffles the <paramref name="fitRows"/> row indices every epoch.
    /// </summary>
    /// <param name="model">Every trained parameter (use a module list for several networks); holds the best weights on return.</param>
    /// <param name="fitRows">Rows to draw mini-batches from (indices 0 … fitRows − 1).</param>
    /// <param name="batchLoss">The training loss of one mini-batch, given its row indices (int64); a scalar tensor.</param>
    /// <param name="validationLoss">The validation loss at the current weights (called in evaluation mode, without gradients, inside a dispose scope); lower is better.</param>
    /// <param name="schedule">Learning rate, weight decay, batch size, epoch limit, patience.</param>
    /// <param name="shuffleSeed">Seed of the batch order.</param>
    /// <param name="onEpoch">Called after each epoch with the number of epochs done, or <c>null</c>.</param>
    /// <param name="what">Names the model in <see cref="TrainingDivergedException"/>, e.g. <c>critic</c>.</param>
    /// <param name="advice">What to try when training diverges (one sentence), for <see cref="TrainingDivergedException"/>.</param>
    /// <param name="cancellationToken">Checked before every step.</param>
    /// <param name="decayed">The parameters <see cref="TrainingSchedule.WeightDecay"/> applies to, or <c>null</c> for all.</param>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    /// <exception cref="TrainingDivergedException">The validation loss was never finite.</exception>
    public static TrainingOutcome Train(
        nn.Module model,
        int fitRows,
        Func<Tensor, Tensor> batchLoss,
        Func<double> validationLoss,
        TrainingSchedule schedule,
        int shuffleSeed,
        Action<int>? onEpoch,
        string what,
        string advice,
        CancellationToken cancellationToken,
        IReadOnlyCollection<TorchSharp.Modules.Parameter>? decayed = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fitRows, 1);
        using var optimizer = new AdamWOptimizer(
            model.parameters().Select(p => (p, decayed is null || decayed.Any(d => ReferenceEquals(d, p)) ? schedule.WeightDecay : 0.0)),
            schedule.LearningRate);
        var order = new long[fitRows];
        for (var i = 0; i < fitRows; i++) order[i] = i;
        var random = new Random(shuffleSeed);
        var best = double.PositiveInfinity;
        var bestEpoch = 0;
        float[][]? bestState = null;
        var epoch = 0;
        var stoppedEarly = false;
        while (epoch < schedule.MaxEpochs)
        {
            model.train();
            random.Shuffle(order);
            for (var start = 0; start < fitRows; start += schedule.BatchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var step = NewDisposeScope();
                var index = TorchSession.OnDevice(tensor(order.AsSpan(start, Math.Min(schedule.BatchSize, fitRows - start)).ToArray()));
                optimizer.ZeroGrad();
                var loss = batchLoss(index);
                loss.backward();
                optimizer.Step();
            }

            epoch++;
            var v = Validate(model, validationLoss);
            if (v < best)
            {
                best = v;
                bestEpoch = epoch;
                bestState = Mlp.Snapshot(model);
            }

            onEpoch?.Invoke(epoch);
            if (epoch - bestEpoch >= schedule.Patience)
            {
                stoppedEarly = epoch < schedule.MaxEpochs;
                break;
            }
        }

        model.eval();
        if (bestState is null) throw new TrainingDivergedException(what, epoch, schedule.LearningRate, advice);
        Mlp.Load(model, bestState);
        return new TrainingOutcome(best, epoch, bestEpoch, stoppedEarly);
    }

    private static double Validate(nn.Module model, Func<double> validationLoss)
    {
        model.eval();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return validationLoss();
    }
}
