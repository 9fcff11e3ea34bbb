namespace Cch.Data.Parquet;

/// <summary>
/// The memory the matrices of one read may take: an eighth of what the runtime may use
/// (<see cref="GCMemoryInfo.TotalAvailableMemoryBytes"/>: physical memory, or a container's or
/// <c>GCHeapHardLimit</c>'s cap). The estimators' working copies (normal scores, principal components, the
/// self-check's surrogate) took about 6.5 times the matrices at their peak (10⁵ rows × 1,536 dimensions: 1.2 GB
/// of matrices, 8.0 GB peak; docs/benchmarks.md), so a read within this budget leaves room for them. A read that
/// would exceed it stops before allocating, with an error that says how many rows would fit, instead of failing
/// with an out-of-memory crash after minutes of reading.
/// </summary>
internal sealed class MatrixBudget(int matrices)
{
    private readonly long _limit = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 8;
    private long _used;
    private long _reservedWidth;
    private int _reserved;

    /// <summary>Reserves <paramref name="rows"/> × <paramref name="width"/> doubles for the matrix <paramref name="name"/> of <paramref name="file"/>.</summary>
    /// <exception cref="CchInputException">The matrices of this read would not fit.</exception>
    public void Reserve(int rows, int width, string file, string name)
    {
        var bytes = (long)rows * width * sizeof(double);
        if (_used + bytes > _limit)
        {
            // How many rows would fit for every matrix of the read: those not sized yet are taken to be as wide as this one.
            var perRow = (_reservedWidth + (long)width * Math.Max(1, matrices - _reserved)) * sizeof(double);
            var fit = _limit / Math.Max(1L, perRow);
            throw new CchInputException(
                string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{rows:N0} rows × {width:N0} values need {Size(bytes)} as doubles, and this read may use {Size(_limit)} (an eighth of the memory available to this process: the estimators need several times the data) of which {Size(_used)} is taken; use --max-rows (at most about {fit:N0} rows here) for a seeded sample of the rows, or --where to filter them."),
                file, name);
        }

        _used += bytes;
        _reservedWidth += width;
        _reserved++;
    }

    private static string Size(long bytes) => bytes >= 1_000_000_000
        ? (bytes / 1e9).ToString("0.0 GB", System.Globalization.CultureInfo.InvariantCulture)
        : (bytes / 1e6).ToString("0 MB", System.Globalization.CultureInfo.InvariantCulture);
}
