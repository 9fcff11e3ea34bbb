namespace Cch.Data;

/// <summary>
/// A dense representation matrix: <see cref="Rows"/> samples × <see cref="Columns"/> features,
/// stored row-major in <see cref="Values"/> (length Rows·Columns). Holds teacher or student
/// representations H_t / H_s, or a regression label as one column.
/// </summary>
public sealed class FeatureMatrix
{
    /// <summary>Wraps row-major <paramref name="values"/> without copying.</summary>
    /// <param name="name">A display name (the column spec it came from).</param>
    /// <param name="rows">Number of samples N ≥ 0.</param>
    /// <param name="columns">Number of features d ≥ 1.</param>
    /// <param name="values">Row-major values, length <paramref name="rows"/>·<paramref name="columns"/>.</param>
    /// <exception cref="ArgumentException">The length does not match the shape.</exception>
    public FeatureMatrix(string name, int rows, int columns, double[] values)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        if (values.Length != (long)rows * columns)
            throw new ArgumentException($"Expected {rows}×{columns} = {(long)rows * columns} values, got {values.Length}.", nameof(values));
        Name = name;
        Rows = rows;
        Columns = columns;
        Values = values;
    }

    /// <summary>Display name, usually the column spec (e.g. <c>fac216</c> or <c>mrna_*</c>).</summary>
    public string Name { get; }

    /// <summary>Number of samples N.</summary>
    public int Rows { get; }

    /// <summary>Number of features d.</summary>
    public int Columns { get; }

    /// <summary>Row-major values, length N·d.</summary>
    public double[] Values { get; }

    /// <summary>The features of one sample.</summary>
    public ReadOnlySpan<double> Row(int row) => Values.AsSpan(row * Columns, Columns);

    /// <summary>Element at (<paramref name="row"/>, <paramref name="column"/>).</summary>
    public double this[int row, int column] => Values[row * Columns + column];

    /// <summary>A new matrix holding the given rows, in the given order (duplicates allowed).</summary>
    public FeatureMatrix SelectRows(ReadOnlySpan<int> rows)
    {
        var values = new double[rows.Length * Columns];
        for (var i = 0; i < rows.Length; i++)
            Row(rows[i]).CopyTo(values.AsSpan(i * Columns, Columns));
        return new FeatureMatrix(Name, rows.Length, Columns, values);
    }

    /// <summary>Creates an N×1 matrix from one value per sample.</summary>
    public static FeatureMatrix FromColumn(string name, double[] values) => new(name, values.Length, 1, values);
}
