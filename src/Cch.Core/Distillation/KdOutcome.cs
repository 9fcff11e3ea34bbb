using System.Text.Json.Serialization;

namespace Cch.Distillation;

/// <summary>What the verification measured: the paired difference of the primary metric (KD − no KD) over seeds.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<KdOutcome>))]
public enum KdOutcome
{
    /// <summary>The interval of the paired difference lies entirely on the better side of 0.</summary>
    [JsonStringEnumMemberName("kd-helps")] KdHelps,

    /// <summary>The interval lies entirely on the worse side of 0.</summary>
    [JsonStringEnumMemberName("kd-hurts")] KdHurts,

    /// <summary>The interval contains 0.</summary>
    [JsonStringEnumMemberName("no-difference")] NoDifference,
}
