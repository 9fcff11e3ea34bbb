using System.Text.Json.Serialization;

namespace Cch.Criterion;

/// <summary>What the exit code gates on (<c>--gate</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Gate>))]
public enum Gate
{
    /// <summary>The CCH verdict (default): fail exits 1 (and inconclusive under <c>--fail-on inconclusive</c>).</summary>
    [JsonStringEnumMemberName("criterion")] Criterion,

    /// <summary>The measured outcome: exits 1 unless verification says <c>kd-helps</c> for the best-ranked teacher.</summary>
    [JsonStringEnumMemberName("verified")] Verified,

    /// <summary>Both: the criterion must pass the gate and verification must say <c>kd-helps</c>.</summary>
    [JsonStringEnumMemberName("both")] Both,
}
