namespace Cch.Data;

/// <summary>
/// Which rows a run used out of the rows that passed the filters and the join (<c>--max-rows</c>).
/// </summary>
/// <param name="TotalRows">Rows available after filters and the join.</param>
/// <param name="Rows">Rows used, min(<paramref name="TotalRows"/>, <paramref name="MaxRows"/>).</param>
/// <param name="MaxRows">The cap (<c>--max-rows</c>), or <c>null</c> for every row.</param>
/// <param name="Seed">Seed of the draw (the run's <c>--seed</c>).</param>
/// <param name="Method">How the rows were chosen, in words (for the report).</param>
public sealed record RowSample(int TotalRows, int Rows, int? MaxRows, int Seed, string Method)
{
    /// <summary>
    /// The default cap: 20,000 rows, sized so the default estimators (the copula and the probe, with the
    /// self-check) finish in about a minute on 2 cores at 768 + 768 dimensions (docs/scale.md).
    /// </summary>
    public const int DefaultMaxRows = 20_000;

    /// <summary>The smallest cap accepted: 50, the fewest rows the criterion accepts for any k (max(50, 20·k)).</summary>
    public const int MinimumMaxRows = 50;

    /// <summary>Whether fewer rows were used than were available.</summary>
    public bool Subsampled => Rows < TotalRows;

    /// <summary>The method text when every row is used.</summary>
    public const string AllRows = "all rows";

    /// <summary>The method text for a keyed draw.</summary>
    public const string ByKey = "seeded uniform sample without replacement: the rows with the smallest SplitMix64(FNV-1a(key) ⊕ seed), in that order";

    /// <summary>The method text for a draw without a key.</summary>
    public const string ByRowIndex = "seeded uniform sample without replacement: the rows with the smallest SplitMix64(row index in the file ⊕ seed), in that order";
}
