namespace Cch;

/// <summary>
/// Bad input or configuration: a missing file or column, a value of the wrong kind, NaN, a null,
/// a ragged list, duplicate keys, too few rows. Front ends map it to exit code 2 (and the MSBuild
/// gate to CCH003). The message always says what was expected; <see cref="File"/>,
/// <see cref="Column"/> and <see cref="Row"/> locate the first offending value when known.
/// </summary>
public sealed class CchInputException : Exception
{
    /// <summary>Creates the exception; <paramref name="message"/> must read on its own.</summary>
    /// <param name="message">What is wrong and what was expected.</param>
    /// <param name="file">The file at fault, if any.</param>
    /// <param name="column">The column at fault, if any.</param>
    /// <param name="row">The zero-based row index in the file of the first offending value, if any.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public CchInputException(string message, string? file = null, string? column = null, long? row = null, Exception? inner = null)
        : base(Compose(message, file, column, row), inner)
    {
        File = file;
        Column = column;
        Row = row;
        Reason = message;
    }

    /// <summary>The file at fault, or <c>null</c>.</summary>
    public string? File { get; }

    /// <summary>The column at fault, or <c>null</c>.</summary>
    public string? Column { get; }

    /// <summary>Zero-based row index (within the file, before any filter) of the first offending value, or <c>null</c>.</summary>
    public long? Row { get; }

    /// <summary>The message without the location prefix.</summary>
    public string Reason { get; }

    private static string Compose(string message, string? file, string? column, long? row)
    {
        var where = new List<string>(3);
        if (file is not null) where.Add(file);
        if (column is not null) where.Add($"column '{column}'");
        if (row is not null) where.Add($"row {row}");
        return where.Count == 0 ? message : $"{string.Join(", ", where)}: {message}";
    }
}
