using System.Text.Json.Serialization;

namespace Cch.Criterion;

/// <summary>
/// The CCH decision for one teacher: is Δ = I(H_t;H_s) − I(H_s;Y) above the margin with the
/// stated confidence?
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<Verdict>))]
public enum Verdict
{
    /// <summary>The whole confidence interval of Δ lies above the margin: distillation is predicted to help.</summary>
    [JsonStringEnumMemberName("pass")] Pass,

    /// <summary>The whole confidence interval of Δ lies below the margin: distillation is predicted not to help.</summary>
    [JsonStringEnumMemberName("fail")] Fail,

    /// <summary>The interval contains the margin: the data cannot decide at this confidence.</summary>
    [JsonStringEnumMemberName("inconclusive")] Inconclusive,
}
