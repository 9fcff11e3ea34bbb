namespace Cch.Data;

/// <summary>What to read: the representations, the label, how to join and filter.</summary>
public sealed record DataRequest
{
    /// <summary>The default file for specs without a path (<c>--data</c>); may be <c>null</c> if every spec names its file.</summary>
    public string? DataPath { get; init; }

    /// <summary>Directory that relative paths are resolved against (the working directory, or the config file's directory).</summary>
    public string BaseDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary>One or more teacher representations H_t.</summary>
    public required IReadOnlyList<ColumnSpec> Teachers { get; init; }

    /// <summary>The student representation H_s.</summary>
    public required ColumnSpec Student { get; init; }

    /// <summary>The label Y (a scalar column).</summary>
    public required ColumnSpec Label { get; init; }

    /// <summary>
    /// Key column joining several files (<c>--key</c>). Required when the specs read more than one
    /// distinct file, unless <see cref="Join"/> is <see cref="JoinMode.RowOrder"/>; <c>null</c> otherwise.
    /// </summary>
    public string? Key { get; init; }

    /// <summary>Strict (default) or inner join on <see cref="Key"/>, or <see cref="JoinMode.RowOrder"/> for row-aligned files without a key.</summary>
    public JoinMode Join { get; init; } = JoinMode.Strict;

    /// <summary>Row filters, all of which must hold (<c>--where</c>).</summary>
    public IReadOnlyList<RowFilter> Filters { get; init; } = [];

    /// <summary>
    /// Use at most this many of the rows that pass the filters and the join (<c>--max-rows</c>), drawn by
    /// <see cref="SampleSeed"/> (see <see cref="RowSample"/>); <c>null</c> reads every row.
    /// </summary>
    public int? MaxRows { get; init; }

    /// <summary>Seed of the <see cref="MaxRows"/> draw (the run's <c>--seed</c>).</summary>
    public int SampleSeed { get; init; }

    /// <summary>Classification, regression, or detect from the label's type.</summary>
    public TaskKind Task { get; init; } = TaskKind.Auto;

    /// <summary>
    /// Set by the step of <c>check</c> that transforms the representations after loading (a student blur,
    /// encoders): for each teacher, in <see cref="Teachers"/> order, whether it
    /// becomes a different representation from the student even where both name the same columns, so that the
    /// teacher may name the student's column (clean against blurred pixels). Empty (the default): none does, and a
    /// teacher naming the student's column, or sharing a column with it, is refused.
    /// </summary>
    public IReadOnlyList<bool> TeachersTransformedApart { get; init; } = [];

    /// <summary>
    /// Whether the student is encoded after loading; the error for a teacher that is the student then says
    /// "the same column through the same encoder".
    /// </summary>
    public bool StudentEncoded { get; init; }
}
