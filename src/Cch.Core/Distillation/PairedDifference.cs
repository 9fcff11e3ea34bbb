namespace Cch.Distillation;

/// <summary>
/// A metric's paired difference KD − no KD over seeds, with a t interval (B − 1 degrees of freedom),
/// and both arms' absolute values (means over the same seeds).
/// For accuracy, F1 and AUC a positive difference favours KD; for log-loss and MSE a negative one does.
/// </summary>
/// <param name="Metric">accuracy, weightedF1, macroAuc, logLoss or mse.</param>
/// <param name="HigherIsBetter">Whether larger values of the metric are better.</param>
/// <param name="Mean">Mean difference over seeds, in the metric's units (accuracy as a share, log-loss in nats, MSE in the target's squared units).</param>
/// <param name="CiLow">Lower end of the interval.</param>
/// <param name="CiHigh">Upper end of the interval.</param>
/// <param name="PerSeed">The difference of each seed, in seed order.</param>
/// <param name="NoKdMean">Mean over seeds of the metric for the student trained without KD.</param>
/// <param name="KdMean">Mean over seeds of the metric for the student trained with KD; <c>KdMean − NoKdMean = Mean</c> up to rounding.</param>
public sealed record PairedDifference(string Metric, bool HigherIsBetter, double Mean, double CiLow, double CiHigh, IReadOnlyList<double> PerSeed, double NoKdMean, double KdMean);
