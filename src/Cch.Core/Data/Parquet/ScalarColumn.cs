using System.Globalization;

namespace Cch.Data.Parquet;

/// <summary>
/// A scalar column held whole in memory: used for the small columns that decide which rows are
/// used (keys, filters) and for the label. Numeric features never go through this type.
/// </summary>
internal sealed class ScalarColumn
{
    public ScalarColumn(ParquetColumn column, int rows)
    {
        Column = column;
        Rows = rows;
        switch (column.Kind)
        {
            case ValueKind.Float: Floats = new double[rows]; break;
            case ValueKind.Integer: Integers = new long[rows]; break;
            case ValueKind.String: Strings = new string?[rows]; break;
            case ValueKind.Bool: Bools = new bool[rows]; break;
            default: throw new InvalidOperationException($"Column {column} cannot be held as a scalar column.");
        }
    }

    /// <summary>The column described.</summary>
    public ParquetColumn Column { get; }

    /// <summary>Number of rows (the whole file).</summary>
    public int Rows { get; }

    /// <summary>Float values, when the column is float.</summary>
    public double[]? Floats { get; }

    /// <summary>Integer values, when the column is an integer (unsigned 64-bit values are stored bit for bit).</summary>
    public long[]? Integers { get; }

    /// <summary>String values, when the column is a string.</summary>
    public string?[]? Strings { get; }

    /// <summary>Bool values, when the column is a bool.</summary>
    public bool[]? Bools { get; }

    /// <summary>Null flags, allocated on the first null.</summary>
    public bool[]? Nulls { get; private set; }

    /// <summary>Whether any value is null.</summary>
    public bool HasNulls => Nulls is not null;

    public ValueKind Kind => Column.Kind;

    public bool IsNull(int row) => Nulls is not null && Nulls[row];

    public void SetNull(int row)
    {
        Nulls ??= new bool[Rows];
        Nulls[row] = true;
    }

    /// <summary>The value as text: strings as stored, integers in invariant decimal, bools as <c>true</c>/<c>false</c>, floats round-trip.</summary>
    public string Text(int row)
    {
        if (IsNull(row)) return "null";
        return Kind switch
        {
            ValueKind.String => Strings![row]!,
            ValueKind.Integer => Column.IsUInt64
                ? ((ulong)Integers![row]).ToString(CultureInfo.InvariantCulture)
                : Integers![row].ToString(CultureInfo.InvariantCulture),
            ValueKind.Bool => Bools![row] ? "true" : "false",
            ValueKind.Float => FormatFloat(Floats![row], Column.IsSingle),
            _ => throw new InvalidOperationException(),
        };
    }

    /// <summary>The value as a number (integers and floats only).</summary>
    public double Number(int row) => Kind switch
    {
        ValueKind.Float => Floats![row],
        ValueKind.Integer => Column.IsUInt64 ? (ulong)Integers![row] : Integers![row],
        _ => throw new InvalidOperationException(),
    };

    /// <summary>Whether the value equals <paramref name="value"/> compared as text (bools case-insensitively).</summary>
    public bool TextEquals(int row, string value)
    {
        if (IsNull(row)) return false;
        return Kind switch
        {
            ValueKind.String => string.Equals(Strings![row], value, StringComparison.Ordinal),
            ValueKind.Bool => string.Equals(Bools![row] ? "true" : "false", value.Trim(), StringComparison.OrdinalIgnoreCase),
            _ => string.Equals(Text(row), value, StringComparison.Ordinal),
        };
    }

    /// <summary>Formats a float so that it reads back to the same value (float32 values as float32).</summary>
    public static string FormatFloat(double value, bool single) =>
        single ? ((float)value).ToString("R", CultureInfo.InvariantCulture) : value.ToString("R", CultureInfo.InvariantCulture);
}
