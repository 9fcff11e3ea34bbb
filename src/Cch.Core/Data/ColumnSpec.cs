namespace Cch.Data;

/// <summary>
/// Names a representation: <c>[PATH:]COLUMN</c>. PATH defaults to the <c>--data</c> file.
/// COLUMN is either one list column (list, large list or fixed-size list of a numeric type) or a
/// glob (<c>*</c>, <c>?</c>) over scalar numeric columns that form one vector in file column order
/// (e.g. <c>mrna_*</c>); a plain name of a scalar numeric column gives a one-dimensional vector.
/// </summary>
/// <param name="Path">The Parquet file, or <c>null</c> for the default <c>--data</c> file.</param>
/// <param name="Column">A column name or a glob over column names.</param>
public sealed record ColumnSpec(string? Path, string Column)
{
    /// <summary>Whether <see cref="Column"/> contains glob characters.</summary>
    public bool IsGlob => Column.AsSpan().IndexOfAny('*', '?') >= 0;

    /// <summary>
    /// Parses <c>[PATH:]COLUMN</c>, splitting at the last colon (so <c>C:\data\x.parquet:col</c> works).
    /// A single letter before the only colon is taken as a Windows drive, not a path.
    /// </summary>
    /// <exception cref="CchInputException">The spec or its column part is empty.</exception>
    public static ColumnSpec Parse(string spec)
    {
        if (string.IsNullOrWhiteSpace(spec))
            throw new CchInputException("A column spec is empty; expected [PATH:]COLUMN, e.g. data.parquet:fac216 or mrna_*.");
        var colon = spec.LastIndexOf(':');
        if (colon <= 0 || (colon == 1 && char.IsAsciiLetter(spec[0]) && spec.Length > 2 && (spec[2] == '\\' || spec[2] == '/')))
            return new ColumnSpec(null, spec.Trim());
        var column = spec[(colon + 1)..].Trim();
        if (column.Length == 0)
            throw new CchInputException($"The column spec '{spec}' names no column after the colon; expected [PATH:]COLUMN.");
        return new ColumnSpec(spec[..colon], column);
    }

    /// <summary>Resolves <see cref="Path"/> against <paramref name="defaultPath"/> and <paramref name="baseDirectory"/>.</summary>
    /// <exception cref="CchInputException">No path is given and there is no default.</exception>
    public string ResolvePath(string? defaultPath, string baseDirectory)
    {
        var path = Path ?? defaultPath
            ?? throw new CchInputException(Column.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase)
                ? $"The column spec '{this}' names a file but no column; expected [PATH:]COLUMN, e.g. {Column}:pixels."
                : $"The column spec '{this}' names no file and no --data file was given.");
        return System.IO.Path.GetFullPath(path, baseDirectory);
    }

    /// <summary>
    /// A short name for tables and reports: <c>file.parquet:COLUMN</c> (no directories), or COLUMN alone.
    /// When two specs of one request would get the same short name, the loader names them by their
    /// path relative to <see cref="DataRequest.BaseDirectory"/> instead (see <see cref="FeatureMatrix.Name"/>).
    /// </summary>
    public string DisplayName => Path is null ? Column : $"{System.IO.Path.GetFileName(Path)}:{Column}";

    /// <inheritdoc />
    public override string ToString() => Path is null ? Column : $"{Path}:{Column}";
}
