namespace Cch.Neural;

/// <summary>How one model's training ended.</summary>
/// <param name="BestValidationLoss">Lowest validation loss (the caller's units), reached at <paramref name="BestEpoch"/>.</param>
/// <param name="Epochs">Epochs trained.</param>
/// <param name="BestEpoch">1-based epoch of <paramref name="BestValidationLoss"/>, whose weights the model now holds.</param>
/// <param name="StoppedEarly">Whether patience ran out before the epoch limit.</param>
internal sealed record TrainingOutcome(double BestValidationLoss, int Epochs, int BestEpoch, bool StoppedEarly);
