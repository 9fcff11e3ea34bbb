using System.Text.Json.Serialization;

namespace Cch.Distillation;

/// <summary>How the outcome was decided: the smallest effect worth having, the error rate per look, the equivalence interval and why the seeds stopped.</summary>
/// <param name="MinEffect">δ in the primary metric's units (accuracy as a share, MSE in the target's squared units).</param>
/// <param name="MinEffectSource"><c>given</c> (<see cref="VerificationOptions.MinEffect"/>), <c>default-accuracy</c> (0.005) or <c>default-mse</c> (1 % of the no-KD arm's mean MSE).</param>
/// <param name="Alpha">α = 1 − confidence level, the error rate over the whole run.</param>
/// <param name="Looks">K, the planned looks (1 for a fixed number of seeds).</param>
/// <param name="AlphaPerLook">α / K (Bonferroni), the level each look decides at; the reported difference intervals have level 1 − α / K.</param>
/// <param name="EquivalenceLow">Lower end of the 1 − 2α/K interval of the primary difference (the TOST interval).</param>
/// <param name="EquivalenceHigh">Upper end of the TOST interval; equivalent when both ends lie inside ±δ.</param>
/// <param name="SeedsRun">Seeds trained.</param>
/// <param name="Stop">Why the seeds stopped: <c>fixed</c>, <c>decided</c> or <c>cap</c>.</param>
public sealed record VerificationDecision(
    double MinEffect,
    string MinEffectSource,
    double Alpha,
    int Looks,
    double AlphaPerLook,
    double EquivalenceLow,
    double EquivalenceHigh,
    int SeedsRun,
    SeedStop Stop);

/// <summary>Why a verification stopped adding seeds.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SeedStop>))]
public enum SeedStop
{
    /// <summary>A fixed number of seeds (<c>--seeds N</c>) ran.</summary>
    [JsonStringEnumMemberName("fixed")] Fixed,

    /// <summary><c>--seeds auto</c>: the outcome was decided at a look.</summary>
    [JsonStringEnumMemberName("decided")] Decided,

    /// <summary><c>--seeds auto</c>: the cap was reached undecided.</summary>
    [JsonStringEnumMemberName("cap")] Cap,
}
