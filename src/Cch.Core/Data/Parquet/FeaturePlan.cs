namespace Cch.Data.Parquet;

/// <summary>How one column spec becomes a matrix: one list column, or scalar columns side by side.</summary>
internal sealed class FeaturePlan(string name, LoadFile file)
{
    /// <summary>Display name of the matrix.</summary>
    public string Name { get; } = name;

    /// <summary>The file it is read from.</summary>
    public LoadFile File { get; } = file;

    /// <summary>The list column, or <c>null</c> for scalar columns.</summary>
    public ParquetColumn? ListColumn { get; set; }

    /// <summary>The scalar columns in matrix column order (empty for a list column).</summary>
    public List<ParquetColumn> ScalarColumns { get; } = [];

    /// <summary>The matrix being filled (set by the <see cref="MatrixReader"/>).</summary>
    public MatrixBuilder? Builder { get; set; }
}
