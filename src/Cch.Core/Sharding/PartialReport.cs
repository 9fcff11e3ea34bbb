using Cch.Configuration;
using Cch.Reports;

namespace Cch.Sharding;

/// <summary>
/// What <c>check --shard i/N</c> writes (schema <c>schemas/cch-partial.schema.json</c>): the run it belongs to —
/// tool version, settings, seed and inputs, all of which <c>merge</c> requires to agree across parts — and the
/// results of the shard's units.
/// </summary>
public sealed record PartialReport
{
    /// <summary>The document kind, always <see cref="PartialKind"/>, so that a final report is not taken for a part.</summary>
    public string Kind { get; init; } = PartialKind;

    /// <summary>The value of <see cref="Kind"/>.</summary>
    public const string PartialKind = "cch-partial";

    /// <summary>The version of Cch that wrote the part; <c>merge</c> requires its own.</summary>
    public required string ToolVersion { get; init; }

    /// <summary>The run's seed.</summary>
    public required int Seed { get; init; }

    /// <summary>Which shard of how many this part is.</summary>
    public required ShardSpec Shard { get; init; }

    /// <summary>The built-in example the run generated (<c>--example</c>), or <c>null</c> when it read files.</summary>
    public string? Example { get; init; }

    /// <summary>The config file the settings came from, or <c>null</c>.</summary>
    public string? Config { get; init; }

    /// <summary>
    /// The run's settings in <c>cch.json</c> form (command line over config file, paths absolute; <c>report</c>,
    /// <c>html</c> and <c>format</c> left out: each part has its own, the merge its own).
    /// </summary>
    public required CchConfig Settings { get; init; }

    /// <summary>Each input file with its row count and SHA-256, as the final report lists them.</summary>
    public required IReadOnlyList<InputReport> Inputs { get; init; }

    /// <summary>How many units the whole run has (over all shards).</summary>
    public required int Units { get; init; }

    /// <summary>This shard's units, in position order.</summary>
    public required IReadOnlyList<UnitResult> Results { get; init; }
}
