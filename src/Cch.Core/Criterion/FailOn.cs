using System.Text.Json.Serialization;

namespace Cch.Criterion;

/// <summary>Which verdicts fail the gate (<c>--fail-on</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FailOn>))]
public enum FailOn
{
    /// <summary>Only <see cref="Verdict.Fail"/> fails the gate (exit code 1); inconclusive passes.</summary>
    [JsonStringEnumMemberName("fail")] Fail,

    /// <summary>Both <see cref="Verdict.Fail"/> and <see cref="Verdict.Inconclusive"/> fail the gate.</summary>
    [JsonStringEnumMemberName("inconclusive")] Inconclusive,
}
