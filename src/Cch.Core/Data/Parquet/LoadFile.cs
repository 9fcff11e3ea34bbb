namespace Cch.Data.Parquet;

/// <summary>
/// One distinct input file of a <see cref="LoadSession"/> and what is read from it: the columns the
/// <see cref="ColumnResolver"/> resolved, the scalar columns and row plan of the <see cref="RowPlanner"/>.
/// </summary>
internal sealed class LoadFile(string path)
{
    /// <summary>Full path.</summary>
    public string Path { get; } = path;

    /// <summary>The open file (set once opened).</summary>
    public ParquetInputFile? File { get; set; }

    /// <summary>The key column, with <c>--key</c>.</summary>
    public ParquetColumn? KeyColumn { get; set; }

    /// <summary>The filters whose column this file has, with that column.</summary>
    public List<(RowFilter Filter, ParquetColumn Column)> FilterColumns { get; } = [];

    /// <summary>The key's values, once read.</summary>
    public ScalarColumn? Key { get; set; }

    /// <summary>The filter columns' values, once read.</summary>
    public List<(RowFilter Filter, ScalarColumn Column)> Filters { get; } = [];

    /// <summary>The label's values (in the label's file), once read.</summary>
    public ScalarColumn? Label { get; set; }

    /// <summary>Which file rows pass this file's filters; <c>null</c> when it has no filter column.</summary>
    public bool[]? Pass { get; set; }

    /// <summary>File row of each key, with <c>--key</c>.</summary>
    public Dictionary<string, int>? KeyIndex { get; set; }

    /// <summary>The file row of each output row, once the rows are planned.</summary>
    public int[]? OutputRows { get; set; }
}
