using System.Text.Json.Serialization;
using Cch.Distillation;

namespace Cch.Criterion;

/// <summary>Whether the CCH prediction matches what distillation measurably did.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Agreement>))]
public enum Agreement
{
    /// <summary>pass and kd-helps, or fail and kd-hurts / equivalent.</summary>
    [JsonStringEnumMemberName("agree")] Agree,

    /// <summary>pass but KD measurably hurt or made no difference worth having (kd-hurts / equivalent), or fail but KD helped.</summary>
    [JsonStringEnumMemberName("disagree")] Disagree,

    /// <summary>No decided pair: the criterion was inconclusive, or the measurement was undetermined (or a legacy no-difference).</summary>
    [JsonStringEnumMemberName("undecided")] Undecided,
}

/// <summary>The rule behind <see cref="Agreement"/>.</summary>
public static class AgreementRule
{
    /// <summary>
    /// The CCH predicts that KD helps when Δ &gt; 0 and does not when Δ &lt; 0. Only decided pairs count:
    /// pass + <c>kd-helps</c> and fail + (<c>kd-hurts</c> or <c>equivalent</c>) agree; pass + (<c>kd-hurts</c>
    /// or <c>equivalent</c>) and fail + <c>kd-helps</c> disagree; an inconclusive verdict, an
    /// <c>undetermined</c> outcome or a legacy <c>no-difference</c> (reports from before <c>--min-effect</c>,
    /// where "the interval contains 0" could mean too few seeds) are undecided.
    /// </summary>
    public static Agreement Of(Verdict verdict, KdOutcome outcome)
    {
        if (verdict == Verdict.Inconclusive || outcome is KdOutcome.Undetermined or KdOutcome.NoDifference) return Agreement.Undecided;
        var helps = outcome == KdOutcome.KdHelps;
        return (verdict == Verdict.Pass) == helps ? Agreement.Agree : Agreement.Disagree;
    }
}
