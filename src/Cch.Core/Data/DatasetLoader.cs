namespace Cch.Data;

/// <summary>
/// Reads representation dumps from Parquet (files written by pyarrow, pandas, DuckDB, Polars,
/// Parquet.Net), joins them on a key, filters rows and validates every value.
/// </summary>
public static class DatasetLoader
{
    /// <summary>Loads the teachers, the student and the label described by <paramref name="request"/>.</summary>
    /// <exception cref="CchInputException">Any bad input; the message names file, column and first offending row.</exception>
    public static Task<Dataset> LoadAsync(DataRequest request, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("Being built: see the data-reader work.");
}
