namespace Cch.Data;

/// <summary>
/// Keeps rows whose <see cref="Column"/> equals <see cref="Value"/> (<c>--where COLUMN=VALUE</c>),
/// compared as text: strings ordinally, integers in invariant decimal form, bools as
/// <c>true</c>/<c>false</c>. Applied in every input file that has the column.
/// </summary>
/// <param name="Column">The column to test.</param>
/// <param name="Value">The value to keep, as text.</param>
public sealed record RowFilter(string Column, string Value)
{
    /// <summary>Parses <c>COLUMN=VALUE</c>.</summary>
    /// <exception cref="CchInputException">No <c>=</c>, or an empty column name.</exception>
    public static RowFilter Parse(string text)
    {
        var eq = text.IndexOf('=');
        if (eq <= 0)
            throw new CchInputException($"The filter '{text}' is not COLUMN=VALUE (e.g. split=train).");
        return new RowFilter(text[..eq].Trim(), text[(eq + 1)..]);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Column}={Value}";
}
