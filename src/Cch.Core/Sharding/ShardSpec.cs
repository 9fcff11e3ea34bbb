using System.Globalization;

namespace Cch.Sharding;

/// <summary>
/// One share of a sharded run (<c>--shard INDEX/COUNT</c>): shard <see cref="Index"/> of <see cref="Count"/>,
/// 0-based (<c>0/4</c> … <c>3/4</c>, as Kubernetes' <c>JOB_COMPLETION_INDEX</c> counts). The shard computes
/// the work units whose position p in the run's <see cref="WorkLedger"/> has p mod Count = Index.
/// </summary>
/// <param name="Index">i, 0 ≤ i &lt; <see cref="Count"/>.</param>
/// <param name="Count">N ≥ 1, the number of shards.</param>
public sealed record ShardSpec(int Index, int Count)
{
    /// <summary>Whether the unit at <paramref name="position"/> belongs to this shard.</summary>
    /// <param name="position">The unit's 0-based position in the run.</param>
    public bool Owns(int position) => position % Count == Index;

    /// <summary>The spec as written on the command line, e.g. <c>1/4</c>.</summary>
    public override string ToString() => $"{Index.ToString(CultureInfo.InvariantCulture)}/{Count.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Parses <c>INDEX/COUNT</c> (0-based index, e.g. <c>0/4</c> … <c>3/4</c>).</summary>
    /// <param name="text">The option's value.</param>
    /// <exception cref="CchInputException">Not two whole numbers separated by '/', a count below 1, or an index outside 0 … COUNT−1.</exception>
    public static ShardSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Trim().Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0].Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(parts[1].Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count))
            throw new CchInputException($"--shard '{text}': expected INDEX/COUNT, two whole numbers such as 0/4 (shards are numbered from 0: 0/4, 1/4, 2/4, 3/4).");
        if (count < 1)
            throw new CchInputException($"--shard '{text}': the shard count must be at least 1.");
        if (index < 0 || index >= count)
            throw new CchInputException($"--shard '{text}': shards are numbered from 0 (as Kubernetes' JOB_COMPLETION_INDEX), so for {count} shard(s) give {(count == 1 ? "0/1" : $"0/{count} … {count - 1}/{count}")}.");
        return new ShardSpec(index, count);
    }
}
