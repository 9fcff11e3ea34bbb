namespace Cch.Distillation;

/// <summary>
/// Held-out metrics of one trained model (teacher, student without KD, or student with KD) for one
/// seed. Classification fills accuracy, weighted F1, macro one-vs-rest AUC and log-loss (nats);
/// regression fills MSE. <see cref="Epochs"/> is the number of epochs trained (early stopping included)
/// and <see cref="BestEpoch"/> the epoch whose weights were kept.
/// </summary>
/// <param name="Accuracy">Share of test rows whose argmax class is right.</param>
/// <param name="WeightedF1">F1 per class weighted by class support.</param>
/// <param name="MacroAuc">Mean over classes of the one-vs-rest ROC AUC (classes absent from the test rows are skipped).</param>
/// <param name="LogLoss">Mean negative log-likelihood of the true class, in nats.</param>
/// <param name="Mse">Mean squared error (regression).</param>
/// <param name="Epochs">Epochs trained.</param>
/// <param name="BestEpoch">Epoch (1-based) with the lowest validation loss, whose weights were kept.</param>
public sealed record ArmMetrics(double? Accuracy, double? WeightedF1, double? MacroAuc, double? LogLoss, double? Mse, int Epochs, int BestEpoch);
