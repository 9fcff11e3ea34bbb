namespace Cch.Data;

/// <summary>
/// What <c>dotnet cch mi</c> reads (<see cref="DatasetLoader.LoadPairAsync"/>): a representation X and
/// either a second representation Y or a label, with the same specs, joins and filters as
/// <see cref="DataRequest"/>. Exactly one of <see cref="Y"/> and <see cref="Label"/> is set.
/// </summary>
public sealed record PairRequest
{
    /// <summary>The default file for specs without a path (<c>--data</c>); may be <c>null</c> if every spec names its file.</summary>
    public string? DataPath { get; init; }

    /// <summary>Directory that relative paths are resolved against.</summary>
    public string BaseDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary>The representation X (<c>--x</c>): a list column, a numeric column or a glob over numeric columns.</summary>
    public required ColumnSpec X { get; init; }

    /// <summary>A second representation Y (<c>--y</c>), or <c>null</c> when <see cref="Label"/> is given.</summary>
    public ColumnSpec? Y { get; init; }

    /// <summary>A label Y (<c>--label</c>, one scalar column), or <c>null</c> when <see cref="Y"/> is given.</summary>
    public ColumnSpec? Label { get; init; }

    /// <summary>Key column joining several files (<c>--key</c>), as in <see cref="DataRequest.Key"/>.</summary>
    public string? Key { get; init; }

    /// <summary>Strict (default), inner or row-order, as in <see cref="DataRequest.Join"/>.</summary>
    public JoinMode Join { get; init; } = JoinMode.Strict;

    /// <summary>Row filters, all of which must hold (<c>--where</c>).</summary>
    public IReadOnlyList<RowFilter> Filters { get; init; } = [];

    /// <summary>Use at most this many rows, a seeded sample (<c>--max-rows</c>), as in <see cref="DataRequest.MaxRows"/>; <c>null</c> reads every row.</summary>
    public int? MaxRows { get; init; }

    /// <summary>Seed of the <see cref="MaxRows"/> draw (the run's <c>--seed</c>).</summary>
    public int SampleSeed { get; init; }

    /// <summary>How to read <see cref="Label"/>: classes, regression, or from its type.</summary>
    public TaskKind Task { get; init; } = TaskKind.Auto;
}
