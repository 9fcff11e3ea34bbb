namespace Cch.Estimators;

/// <summary>
/// One mutual information estimate in nats with what the estimator knows about it: its own
/// interval (when it has one), what it trained, and notes for the user.
/// </summary>
/// <param name="Value">The estimate in nats.</param>
public sealed record MutualInformationEstimate(double Value)
{
    /// <summary>
    /// The estimator's own standard error, when it provides one (<see cref="IntervalStrategy.Own"/>);
    /// <c>null</c> when the interval comes from half-sampling.
    /// </summary>
    public EstimatorInterval? Interval { get; init; }

    /// <summary>What a trained estimator trained, or <c>null</c> for closed forms and k-NN estimators.</summary>
    public TrainingSummary? Training { get; init; }

    /// <summary>
    /// The estimator's name for what actually ran when it differs from its family name (e.g. an
    /// <c>auto</c> choice or a fallback), otherwise <c>null</c>.
    /// </summary>
    public string? Estimator { get; init; }

    /// <summary>For a combined estimate, every component's value; empty otherwise.</summary>
    public IReadOnlyList<ComponentEstimate> Components { get; init; } = [];

    /// <summary>Things the user should know about this estimate (a ceiling reached, a fallback taken), one sentence each.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
