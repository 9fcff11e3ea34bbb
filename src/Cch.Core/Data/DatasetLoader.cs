using Cch.Data.Parquet;

namespace Cch.Data;

/// <summary>
/// Reads representation dumps from Parquet (files written by pyarrow, pandas, DuckDB, Polars,
/// Parquet.Net), joins them on a key, filters rows and validates every value.
/// </summary>
/// <remarks>
/// Each distinct file is opened once and each needed column read once, row group by row group;
/// only the rows that survive the filters and the join are converted, straight into N×d
/// <see cref="double"/> matrices. Columns that are not asked for are never decoded. See
/// <c>docs/data-input.md</c> for the spec grammar, the supported layouts and the error catalogue.
/// </remarks>
public static class DatasetLoader
{
    /// <summary>Loads the teachers, the student and the label described by <paramref name="request"/>.</summary>
    /// <param name="request">What to read.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <param name="progress">Receives <see cref="InputProgress.ReadingPhase"/> reports (file rows read), one per row group; may be <c>null</c>.</param>
    /// <returns>
    /// The aligned dataset: rows in the label file's order after filtering, teachers in request
    /// order, keys as text when <see cref="DataRequest.Key"/> is set.
    /// </returns>
    /// <exception cref="CchInputException">Any bad input; the message names file, column and first offending row.</exception>
    public static Task<Dataset> LoadAsync(DataRequest request, CancellationToken cancellationToken = default, IProgress<InputProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Student);
        ArgumentNullException.ThrowIfNull(request.Label);
        return new LoadSession(LoadRequest.From(request), progress, cancellationToken).RunAsync();
    }

    /// <summary>
    /// Reads one column spec on its own (no teachers, no label), with its key when
    /// <see cref="ColumnRequest.Key"/> is given, after filters.
    /// </summary>
    /// <param name="request">What to read.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <param name="progress">Receives <see cref="InputProgress.ReadingPhase"/> reports, one per row group; may be <c>null</c>.</param>
    /// <exception cref="CchInputException">The file or column is missing or holds bad values (file, column and first row named).</exception>
    public static Task<ColumnData> LoadColumnAsync(ColumnRequest request, CancellationToken cancellationToken = default, IProgress<InputProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Column);
        return new LoadSession(LoadRequest.From(request), progress, cancellationToken).RunColumnAsync();
    }

    /// <summary>
    /// Loads a representation X with a second representation Y or with a label (for <c>dotnet cch mi</c>),
    /// with the same specs, joins, filters, validation and error messages as <see cref="LoadAsync"/>.
    /// </summary>
    /// <param name="request">What to read; exactly one of <see cref="PairRequest.Y"/> and <see cref="PairRequest.Label"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>
    /// X with Y (rows in X's file order after filters) or with the label (rows in the label file's
    /// order, as for <see cref="LoadAsync"/>); keys as text when <see cref="PairRequest.Key"/> is set.
    /// </returns>
    /// <exception cref="CchInputException">
    /// Both or neither of Y and the label, Y the same column as X, or any bad input as for
    /// <see cref="LoadAsync"/>; the message names file, column and first offending row.
    /// </exception>
    public static Task<PairData> LoadPairAsync(PairRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.X);
        if (request.Y is not null && request.Label is not null)
            throw new CchInputException($"Both --y '{request.Y}' and --label '{request.Label}' were given; Y is either a second representation (--y) or a label (--label), not both.");
        if (request.Y is null && request.Label is null)
            throw new CchInputException("Neither --y nor --label was given; Y is a second representation (--y SPEC) or a label column (--label SPEC).");
        return new LoadSession(LoadRequest.From(request), null, cancellationToken).RunPairAsync();
    }
}
