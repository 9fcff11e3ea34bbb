namespace Cch.Distillation;

/// <summary>
/// A metric's paired difference KD − no KD over seeds, with a t interval (B − 1 degrees of freedom).
/// For accuracy, F1 and AUC a positive difference favours KD; for log-loss and MSE a negative one does.
/// </summary>
/// <param name="Metric">accuracy, weightedF1, macroAuc, logLoss or mse.</param>
/// <param name="HigherIsBetter">Whether larger values of the metric are better.</param>
/// <param name="Mean">Mean difference over seeds.</param>
/// <param name="CiLow">Lower end of the interval.</param>
/// <param name="CiHigh">Upper end of the interval.</param>
/// <param name="PerSeed">The difference of each seed, in seed order.</param>
public sealed record PairedDifference(string Metric, bool HigherIsBetter, double Mean, double CiLow, double CiHigh, IReadOnlyList<double> PerSeed);
