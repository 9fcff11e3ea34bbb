namespace Cch.Neural;

/// <summary>How <see cref="EarlyStoppingTrainer"/> trains: AdamW settings, mini-batches and early stopping.</summary>
/// <param name="LearningRate">AdamW learning rate (&gt; 0).</param>
/// <param name="WeightDecay">AdamW decoupled weight decay (≥ 0; 0 is Adam).</param>
/// <param name="BatchSize">Rows per gradient step (the last batch of an epoch may be smaller).</param>
/// <param name="MaxEpochs">Epoch limit (≥ 1).</param>
/// <param name="Patience">Stop after this many epochs without a lower validation loss (≥ 1).</param>
internal sealed record TrainingSchedule(double LearningRate, double WeightDecay, int BatchSize, int MaxEpochs, int Patience);
