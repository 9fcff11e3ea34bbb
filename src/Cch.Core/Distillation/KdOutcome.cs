using System.Text.Json.Serialization;

namespace Cch.Distillation;

/// <summary>
/// What the verification measured on the primary metric's paired differences KD − no KD over seeds,
/// judged against the smallest effect worth having δ (<see cref="VerificationOptions.MinEffect"/>) at
/// α = 1 − <see cref="VerificationOptions.ConfidenceLevel"/> (split over the looks with
/// <see cref="VerificationOptions.AutoSeeds"/>). The four decided/undecided outcomes are mutually
/// exclusive; the rule is in <c>docs/verification.md</c>.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<KdOutcome>))]
public enum KdOutcome
{
    /// <summary>The (1 − α) interval lies entirely on the better side of 0 and the mean effect is at least δ.</summary>
    [JsonStringEnumMemberName("kd-helps")] KdHelps,

    /// <summary>The (1 − α) interval lies entirely on the worse side of 0 and the mean effect is at least δ the wrong way.</summary>
    [JsonStringEnumMemberName("kd-hurts")] KdHurts,

    /// <summary>Equivalent within ±δ by the two one-sided tests (TOST, Schuirmann 1987): the (1 − 2α) interval lies inside (−δ, +δ).</summary>
    [JsonStringEnumMemberName("equivalent")] Equivalent,

    /// <summary>None of the above: the interval is too wide to say (or has zero width, or one seed gave no interval).</summary>
    [JsonStringEnumMemberName("undetermined")] Undetermined,

    /// <summary>
    /// Legacy: the outcome of reports written before <c>--min-effect</c> (the interval contained 0). It is never produced
    /// now and is kept only so that older reports still parse; the agreement rule treats it as <see cref="Undetermined"/>.
    /// </summary>
    [JsonStringEnumMemberName("no-difference")] NoDifference,
}
