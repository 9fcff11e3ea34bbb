using Cch.Criterion;
using Cch.Data;
using Cch.Neural;
using static TorchSharp.torch;

namespace Cch.Estimators.Neural;

/// <summary>
/// The cross-fitted protocol of <see cref="LatentEstimator"/>: per fold, the compression networks are
/// trained on the other folds' fit rows (early stopping on their loss over the validation rows), the
/// fold's held-out rows are encoded, and the k-NN estimator runs on those latents only: KSG for two
/// continuous sides, Ross's mixed estimator for a label. Its standard error comes from half-samples of
/// the held-out latents (<see cref="HalfSampling"/>: the spread of estimates on ⌊n/2⌋ rows drawn without
/// replacement is the standard error of the estimate on n).
/// </summary>
internal static class LatentEstimation
{
    /// <summary>Half-samples per fold for the evaluation standard error (the SD of 50 values is within about ±10 %).</summary>
    public const int HalfSamples = 50;

    /// <summary>Inputs are clipped to ±10 SD after standardisation, as latentmi does.</summary>
    public const double Clip = 10;

    /// <summary>Runs every fold (combine them with <see cref="CrossFit.Combine"/>).</summary>
    public static IReadOnlyList<FoldResult> Run(NeuralData data, NeuralEstimatorOptions o, int k, CancellationToken ct)
    {
        var plan = FoldPlan.Create(data.Rows, o.Folds, data.Classes, SeedStreams.Managed(o.Seed, EstimatorStreams.Folds));
        var trained = TorchSession.Run(o.Threads, o.Device, () =>
        {
            var results = new List<(int[] HeldOut, int Fit, double[] Zx, double[]? Zy, double Loss, TrainingOutcome Training)>();
            for (var f = 0; f < plan.Count; f++) results.Add(Fold(data, o, plan, f, ct));
            return results;
        });

        var folds = new List<FoldResult>();
        for (var f = 0; f < trained.Count; f++)
        {
            ct.ThrowIfCancellationRequested();
            var (heldOut, fit, zx, zy, loss, training) = trained[f];
            var n = heldOut.Length;
            var latentX = new FeatureMatrix("latent x", n, o.LatentSize, zx);
            var latentY = zy is null ? null : new FeatureMatrix("latent y", n, o.LatentSize, zy);
            var classes = data.Classes is null ? null : data.ClassesOf(heldOut);
            double Estimate(int[]? rows)
            {
                if (latentY is not null)
                    return rows is null ? new KsgEstimator(k, o.Seed).Estimate(latentX, latentY) : new KsgEstimator(k, o.Seed).Estimate(latentX.SelectRows(rows), latentY.SelectRows(rows));
                return rows is null ? new MixedEstimator(k, o.Seed).Estimate(latentX, classes!) : new MixedEstimator(k, o.Seed).Estimate(latentX.SelectRows(rows), rows.Select(r => classes![r]).ToArray());
            }

            var value = Estimate(null);
            var halves = HalfSampling.Draw(n, HalfSamples, SeedStreams.Managed(o.Seed, EstimatorStreams.Evaluation(f)));
            var spread = halves.Select(Estimate).ToArray();
            var se = Math.Sqrt(Cch.Estimators.Internal.Moments.SampleVariance(spread));
            folds.Add(new FoldResult(heldOut, fit, new HeldOutBound(value, [], loss), training, se));
        }

        return folds;
    }

    private static (int[] HeldOut, int Fit, double[] Zx, double[]? Zy, double Loss, TrainingOutcome Training) Fold(NeuralData data, NeuralEstimatorOptions o, FoldPlan plan, int f, CancellationToken ct)
    {
        var training = plan.Training[f];
        var (fitAt, validationAt) = ValidationSplit.Draw(training.Length, data.Classes is null ? null : data.ClassesOf(training), o.ValidationFraction, SeedStreams.Managed(o.Seed, EstimatorStreams.Split(f)));
        var fit = fitAt.Select(i => training[i]).ToArray();
        var validation = validationAt.Select(i => training[i]).ToArray();
        var label = data.Classes is not null;

        manual_seed(SeedStreams.Torch(o.Seed, EstimatorStreams.Init(f)));
        using LatentNetworks networks = label
            ? new LabelAutoencoder(data.XColumns, data.ClassCount, o)
            : new PairedAutoencoders(data.XColumns, data.YColumns, o);
        using var scope = NewDisposeScope();
        Tensor Targets(int[] rows) => label ? data.ClassRows(rows) : data.YRows(rows);
        var xFit = data.XRows(fit);
        var yFit = Targets(fit);
        var xValidation = data.XRows(validation);
        var yValidation = Targets(validation);
        var outcome = EarlyStoppingTrainer.Train(
            networks,
            fit.Length,
            index => networks.Loss(xFit.index_select(0, index), yFit.index_select(0, index)),
            () => networks.Loss(xValidation, yValidation).item<float>(),
            new TrainingSchedule(o.LearningRate, o.WeightDecay ?? NeuralEstimatorOptions.LatentWeightDecay, o.BatchSize, o.MaxEpochs, o.Patience),
            SeedStreams.Managed(o.Seed, EstimatorStreams.Batches(f)),
            null,
            "latent autoencoders",
            CriticEstimation.DivergenceAdvice,
            ct,
            networks.InputWeights);

        var heldOut = plan.HeldOut[f];
        using var noGrad = no_grad();
        var x = data.XRows(heldOut);
        var y = Targets(heldOut);
        var loss = (double)networks.Loss(x, y).item<float>();
        var zx = Mlp.ToDoubles(networks.EncodeX(x));
        var zy = networks is PairedAutoencoders pair ? Mlp.ToDoubles(pair.EncodeY(y)) : null;
        return (heldOut, fit.Length, zx, zy, loss, outcome);
    }
}
