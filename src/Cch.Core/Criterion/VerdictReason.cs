using System.Text.Json.Serialization;

namespace Cch.Criterion;

/// <summary>Why a teacher's verdict is <see cref="Verdict.Inconclusive"/> (<see cref="RobustVerdict"/>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VerdictReason>))]
public enum VerdictReason
{
    /// <summary>Even the sampling-only interval of Δ contains the margin: more rows are needed.</summary>
    [JsonStringEnumMemberName("interval-contains-margin")] IntervalContainsMargin,

    /// <summary>
    /// An estimator is unreliable at these dimensions and this N: its self-check recovery lies outside
    /// [0.5, 2], or the bias measured on the surrogate is what brings the margin inside Δ's interval.
    /// </summary>
    [JsonStringEnumMemberName("estimator-unreliable-here")] EstimatorUnreliableHere,

    /// <summary>Another estimator that passed the self-check puts Δ on the other side of the margin.</summary>
    [JsonStringEnumMemberName("estimators-disagree")] EstimatorsDisagree,
}
