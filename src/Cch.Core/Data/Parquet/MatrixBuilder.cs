namespace Cch.Data.Parquet;

/// <summary>
/// The output matrix of one column spec while it is being filled: exactly N×d doubles, written
/// in place row group by row group (only rows that survive filters and the join are stored).
/// </summary>
internal sealed class MatrixBuilder
{
    private readonly MatrixBudget _budget;

    /// <summary>Creates a builder; a <paramref name="width"/> of 0 means "set by the first list row read".</summary>
    /// <exception cref="CchInputException">The matrix would not fit in <paramref name="budget"/>.</exception>
    public MatrixBuilder(string name, string file, int rows, int width, MatrixBudget budget)
    {
        _budget = budget;
        Name = name;
        File = file;
        Rows = rows;
        if (width > 0) Allocate(width, -1);
    }

    /// <summary>Display name (the column spec).</summary>
    public string Name { get; }

    /// <summary>The file the values come from.</summary>
    public string File { get; }

    /// <summary>Number of output rows N.</summary>
    public int Rows { get; }

    /// <summary>Number of features d, or 0 until known.</summary>
    public int Width { get; private set; }

    /// <summary>The row-major values, allocated once the width is known.</summary>
    public double[]? Values { get; private set; }

    /// <summary>The file row whose list length fixed <see cref="Width"/> (−1 for scalar globs).</summary>
    public long WidthRow { get; private set; } = -1;

    /// <summary>How many used list rows read so far have <see cref="Width"/> values (for ragged-list messages).</summary>
    public int WidthCount { get; set; }

    /// <summary>Allocates N×<paramref name="width"/> values.</summary>
    public void Allocate(int width, long widthRow)
    {
        if ((long)width * Rows > Array.MaxLength)
            throw new CchInputException(
                $"{Rows} rows × {width} values do not fit in memory as one matrix (at most {Array.MaxLength} values); filter rows or reduce the dimension.",
                File, Name);
        _budget.Reserve(Rows, width, File, Name);
        Width = width;
        WidthRow = widthRow;
        Values = new double[(long)width * Rows];
    }

    /// <summary>The finished matrix.</summary>
    public FeatureMatrix Build() =>
        Values is null
            ? throw new InvalidOperationException($"No values were read for {Name}.")
            : new FeatureMatrix(Name, Rows, Width, Values);
}
