using Cch.Neural;
using static TorchSharp.torch;

namespace Cch.Estimators.Neural;

/// <summary>
/// The cross-fitted protocol of the variational bounds (<c>infonce</c>, <c>smile</c>, <c>mine</c>): for each
/// fold, a <see cref="SeparableCritic"/> is trained on the other folds' fit rows with early stopping on
/// the bound over their validation rows, then the bound is evaluated on the fold's held-out rows with
/// the kept weights. Runs inside one <see cref="TorchSession"/>.
/// </summary>
internal static class CriticEstimation
{
    /// <summary>What to try when a trained estimator diverges (shared with <see cref="LatentEstimation"/>).</summary>
    internal const string DivergenceAdvice =
        "Lower NeuralEstimatorOptions.LearningRate, or choose an estimator that does not train (--estimator auto, the default).";

    /// <summary>Runs every fold (combine them with <see cref="CrossFit.Combine"/>).</summary>
    /// <param name="data">Prepared inputs.</param>
    /// <param name="o">Validated options.</param>
    /// <param name="objective">Makes the fold's objective (a fresh one per fold).</param>
    /// <param name="cancellationToken">Checked between steps and evaluation chunks.</param>
    /// <returns>The folds, and the model description for <see cref="TrainingSummary.Model"/>.</returns>
    public static (IReadOnlyList<FoldResult> Folds, string Model) Run(NeuralData data, NeuralEstimatorOptions o, Func<CriticObjective> objective, CancellationToken cancellationToken)
    {
        var plan = FoldPlan.Create(data.Rows, o.Folds, data.Classes, SeedStreams.Managed(o.Seed, EstimatorStreams.Folds));
        var trainedOn = objective().TrainedOn;
        var folds = TorchSession.Run(o.Threads, o.Device, () =>
        {
            var results = new List<FoldResult>();
            for (var f = 0; f < plan.Count; f++)
                results.Add(Fold(data, o, plan, f, objective(), cancellationToken));
            return results;
        });
        return (folds, SeparableCritic.Describe(o, trainedOn));
    }

    private static FoldResult Fold(NeuralData data, NeuralEstimatorOptions o, FoldPlan plan, int f, CriticObjective objective, CancellationToken ct)
    {
        var training = plan.Training[f];
        var (fitAt, validationAt) = ValidationSplit.Draw(training.Length, data.Classes is null ? null : data.ClassesOf(training), o.ValidationFraction, SeedStreams.Managed(o.Seed, EstimatorStreams.Split(f)));
        var fit = fitAt.Select(i => training[i]).ToArray();
        var validation = validationAt.Select(i => training[i]).ToArray();

        // Modules are created outside any dispose scope (a scope would own and dispose their parameters).
        manual_seed(SeedStreams.Torch(o.Seed, EstimatorStreams.Init(f)));
        using var critic = new SeparableCritic(data.XColumns, data.YColumns, o);
        using var scope = NewDisposeScope();
        var xFit = data.XRows(fit);
        var yFit = data.YRows(fit);
        var xValidation = data.XRows(validation);
        var yValidation = data.YRows(validation);
        var validationSeed = SeedStreams.Managed(o.Seed, EstimatorStreams.ValidationBatches);
        var outcome = EarlyStoppingTrainer.Train(
            critic,
            fit.Length,
            index => objective.Loss(critic.Scores(xFit.index_select(0, index), yFit.index_select(0, index))),
            () => -Evaluate(critic, objective, xValidation, yValidation, validationSeed, withLoss: false, ct).Value,
            new TrainingSchedule(o.LearningRate, o.WeightDecay ?? NeuralEstimatorOptions.CriticWeightDecay, o.BatchSize, o.MaxEpochs, o.Patience),
            SeedStreams.Managed(o.Seed, EstimatorStreams.Batches(f)),
            null,
            "critic",
            DivergenceAdvice,
            ct,
            critic.InputWeights);

        var heldOut = plan.HeldOut[f];
        HeldOutBound bound;
        using (no_grad())
            bound = Evaluate(critic, objective, data.XRows(heldOut), data.YRows(heldOut), SeedStreams.Managed(o.Seed, EstimatorStreams.Evaluation(f)), withLoss: true, ct);
        return new FoldResult(heldOut, fit.Length, bound, outcome);
    }

    private static HeldOutBound Evaluate(SeparableCritic critic, CriticObjective objective, Tensor x, Tensor y, int seed, bool withLoss, CancellationToken ct)
    {
        using var scope = NewDisposeScope();
        var g = critic.EmbedX(x).to_type(ScalarType.Float64);
        var h = critic.EmbedY(y).to_type(ScalarType.Float64);
        return objective.Evaluate(g, h, seed, withLoss, ct);
    }
}
