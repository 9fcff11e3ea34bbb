namespace Cch.Configuration;

/// <summary>
/// What <c>dotnet cch mi</c> was told, as typed (options by their long names); every property is
/// optional here and checked by <see cref="MutualInformationSettings.From"/>.
/// </summary>
public sealed record MutualInformationConfig
{
    /// <summary>Default Parquet file for column specs without a path (<c>--data</c>).</summary>
    public string? Data { get; init; }

    /// <summary>The representation X, <c>[PATH:]COLUMN</c> (<c>--x</c>).</summary>
    public string? X { get; init; }

    /// <summary>A second representation Y, <c>[PATH:]COLUMN</c> (<c>--y</c>).</summary>
    public string? Y { get; init; }

    /// <summary>A label column as Y, <c>[PATH:]COLUMN</c> (<c>--label</c>).</summary>
    public string? Label { get; init; }

    /// <summary>Key column joining several files (<c>--key</c>).</summary>
    public string? Key { get; init; }

    /// <summary><c>strict</c>, <c>inner</c> or <c>row-order</c> (<c>--join</c>).</summary>
    public string? Join { get; init; }

    /// <summary>Row filters <c>COLUMN=VALUE</c> (<c>--where</c>, repeatable).</summary>
    public IReadOnlyList<string>? Where { get; init; }

    /// <summary><c>auto</c>, <c>classification</c> or <c>regression</c> (<c>--task</c>; with <c>--label</c> only).</summary>
    public string? Task { get; init; }

    /// <summary>An estimator family name (<c>--estimator</c>; see <see cref="Criterion.EstimatorFamilyNames.All"/>).</summary>
    public string? Estimator { get; init; }

    /// <summary>k nearest neighbours (<c>--k</c>).</summary>
    public int? K { get; init; }

    /// <summary>Seed (<c>--seed</c>).</summary>
    public int? Seed { get; init; }

    /// <summary>Confidence level in (0, 1) (<c>--confidence</c>).</summary>
    public double? Confidence { get; init; }

    /// <summary>Half-sample replicates B (<c>--replicates</c>).</summary>
    public int? Replicates { get; init; }

    /// <summary>Where a trained estimator trains: <c>cpu</c> (default) or <c>cuda</c> (<c>--device</c>).</summary>
    public string? Device { get; init; }

    /// <summary><c>text</c> or <c>json</c> (<c>--format</c>).</summary>
    public string? Format { get; init; }

    /// <summary>Rows to use at most (<c>--max-rows</c>), a seeded sample; 0 uses every row; default <see cref="Data.RowSample.DefaultMaxRows"/>.</summary>
    public int? MaxRows { get; init; }
}
