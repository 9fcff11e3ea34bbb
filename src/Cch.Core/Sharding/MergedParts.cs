using Cch.Configuration;
using Cch.Data;
using Cch.Reports;

namespace Cch.Sharding;

/// <summary>
/// The parts of one sharded run, checked to belong together (<see cref="ShardMerge.Combine"/>): the run's
/// settings, seed and inputs, and every unit's result.
/// </summary>
public sealed record MergedParts
{
    /// <summary>The part files, in shard order.</summary>
    public required IReadOnlyList<string> Paths { get; init; }

    /// <summary>The run's settings in <c>cch.json</c> form, without report, HTML report or format.</summary>
    public required CchConfig Settings { get; init; }

    /// <summary>The built-in example the run generated, or <c>null</c>.</summary>
    public string? Example { get; init; }

    /// <summary>The config file the settings came from, or <c>null</c>.</summary>
    public string? Config { get; init; }

    /// <summary>The inputs every part read (path, rows, SHA-256).</summary>
    public required IReadOnlyList<InputReport> Inputs { get; init; }

    /// <summary>How many units the run has.</summary>
    public required int Units { get; init; }

    /// <summary>Every unit's result, from all parts.</summary>
    public required IReadOnlyList<UnitResult> Results { get; init; }

    /// <summary>
    /// Checks that the data read for the merge are the data the shards read: the same files, rows and SHA-256.
    /// </summary>
    /// <param name="inputs">What the merge read.</param>
    /// <exception cref="CchInputException">A file differs, or the merge read other files.</exception>
    public void RequireInputs(IReadOnlyList<InputFileInfo> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        foreach (var recorded in Inputs)
        {
            var now = inputs.FirstOrDefault(i => i.Path == recorded.Path);
            if (now is null)
                throw new CchInputException($"The shards read {recorded.Path}, which the merge did not read; merge needs the same inputs at the same paths.", file: recorded.Path);
            if (!string.Equals(now.Sha256, recorded.Sha256, StringComparison.OrdinalIgnoreCase) || now.Rows != recorded.Rows)
                throw new CchInputException(
                    $"{recorded.Path} has changed since the shards read it (SHA-256 {Short(now.Sha256)}…, {now.Rows} rows now; {Short(recorded.Sha256)}…, {recorded.Rows} rows in the parts); merge needs the inputs the shards read.",
                    file: recorded.Path);
        }

        foreach (var extra in inputs.Where(i => Inputs.All(r => r.Path != i.Path)))
            throw new CchInputException($"The merge read {extra.Path}, which the shards did not; merge needs the same inputs at the same paths.", file: extra.Path);
    }

    private static string Short(string sha) => sha.Length > 12 ? sha[..12] : sha;
}
