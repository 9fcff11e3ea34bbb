namespace Cch.Data;

/// <summary>
/// One representation or raw-feature column to read on its own (for <c>dotnet cch encode</c>):
/// no teachers, no label. Rows are kept in file order after <see cref="Filters"/>.
/// </summary>
public sealed record ColumnRequest
{
    /// <summary>The file when <see cref="Column"/> names none (<c>--data</c>).</summary>
    public string? DataPath { get; init; }

    /// <summary>Directory relative paths resolve against.</summary>
    public string BaseDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary>The column spec ([PATH:]COLUMN, a list column, a numeric column or a glob over numeric columns).</summary>
    public required ColumnSpec Column { get; init; }

    /// <summary>A key column to carry along (string or integer, unique, non-null), or <c>null</c>.</summary>
    public string? Key { get; init; }

    /// <summary>Row filters COLUMN=VALUE that must all hold.</summary>
    public IReadOnlyList<RowFilter> Filters { get; init; } = [];
}
