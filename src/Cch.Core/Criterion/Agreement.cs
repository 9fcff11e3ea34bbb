using System.Text.Json.Serialization;
using Cch.Distillation;

namespace Cch.Criterion;

/// <summary>Whether the CCH prediction matches what distillation measurably did.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Agreement>))]
public enum Agreement
{
    /// <summary>pass and kd-helps, or fail and kd-hurts / no-difference.</summary>
    [JsonStringEnumMemberName("agree")] Agree,

    /// <summary>pass but KD did not help, or fail but KD helped.</summary>
    [JsonStringEnumMemberName("disagree")] Disagree,

    /// <summary>The criterion was inconclusive: there is no prediction to check.</summary>
    [JsonStringEnumMemberName("undecided")] Undecided,
}

/// <summary>The rule behind <see cref="Agreement"/>.</summary>
public static class AgreementRule
{
    /// <summary>
    /// The CCH predicts that KD helps when Δ &gt; 0 and does not when Δ &lt; 0: a pass agrees with
    /// <c>kd-helps</c>; a fail agrees with <c>kd-hurts</c> and <c>no-difference</c>.
    /// </summary>
    public static Agreement Of(Verdict verdict, KdOutcome outcome) => verdict switch
    {
        Verdict.Pass => outcome == KdOutcome.KdHelps ? Agreement.Agree : Agreement.Disagree,
        Verdict.Fail => outcome == KdOutcome.KdHelps ? Agreement.Disagree : Agreement.Agree,
        _ => Agreement.Undecided,
    };
}
