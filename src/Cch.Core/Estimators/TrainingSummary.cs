namespace Cch.Estimators;

/// <summary>What a trained estimator (probe, latent, neural bounds, projections) fitted for one estimate.</summary>
/// <param name="Model">What was fitted, e.g. <c>multinomial logistic regression, L2 = 0.01</c> or <c>separable critic 2×256 ReLU</c>.</param>
/// <param name="FitRows">Rows used to fit (per fold or seed).</param>
/// <param name="EvaluationRows">Held-out rows the value was computed on (in total).</param>
/// <param name="Repeats">Folds × seeds whose held-out values were combined.</param>
/// <param name="Epochs">Epochs (or optimiser iterations) per fit, averaged over repeats; 0 for closed-form fits.</param>
/// <param name="HeldOutLoss">The training objective on held-out rows at the kept weights, averaged over repeats (units of the objective, usually nats), or <c>null</c> when the fit has no such loss.</param>
/// <param name="RepeatValues">The estimate of each repeat in nats (their spread shows the training randomness).</param>
/// <param name="Seconds">Wall-clock time of fitting and evaluation.</param>
public sealed record TrainingSummary(
    string Model,
    int FitRows,
    int EvaluationRows,
    int Repeats,
    double Epochs,
    double? HeldOutLoss,
    IReadOnlyList<double> RepeatValues,
    double Seconds);
