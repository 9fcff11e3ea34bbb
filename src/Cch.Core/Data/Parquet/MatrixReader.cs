namespace Cch.Data.Parquet;

/// <summary>
/// The last step of a <see cref="LoadSession"/>: streams the numeric columns of the planned rows, file by file and
/// row group by row group, into exactly-sized N×d matrices (each column read once however many specs use it;
/// rows that are not used are skipped, not validated). Reports progress once per row group.
/// </summary>
internal sealed class MatrixReader(IReadOnlyList<LoadFile> files, IProgress<InputProgress>? progress, CancellationToken cancellationToken)
{
    /// <summary>Reads the matrix of every plan; <paramref name="rows"/> is N, the planned rows of every file.</summary>
    /// <returns>Each plan's matrix.</returns>
    /// <exception cref="CchInputException">The matrices would not fit in memory (<see cref="MatrixBudget"/>), or a used value is missing, not finite or of another length.</exception>
    public async Task<Dictionary<FeaturePlan, FeatureMatrix>> ReadAsync(IReadOnlyList<FeaturePlan> features, int rows)
    {
        var budget = new MatrixBudget(features.Count);
        foreach (var plan in features)
            plan.Builder = new MatrixBuilder(plan.Name, plan.File.Path, rows, plan.ListColumn is null ? plan.ScalarColumns.Count : 0, budget);

        var work = files
            .Select(state => (State: state, Reads: Reads(state, features)))
            .Where(w => w.Reads.Count > 0)
            .ToList();
        var total = work.Sum(w => (long)w.State.File!.Rows);
        var done = 0L;
        progress?.Report(new InputProgress(InputProgress.ReadingPhase, 0, total));
        foreach (var (state, reads) in work)
        {
            var outputRow = new int[state.File!.Rows];
            Array.Fill(outputRow, -1);
            var used = state.OutputRows!;
            for (var i = 0; i < used.Length; i++) outputRow[used[i]] = i;
            var before = done;
            await state.File.ReadNumericAsync(
                reads, outputRow, cancellationToken,
                progress is null ? null : fileRows => progress.Report(new InputProgress(InputProgress.ReadingPhase, before + fileRows, total))).ConfigureAwait(false);
            done += state.File.Rows;
        }

        progress?.Report(new InputProgress(InputProgress.ReadingPhase, total, total));
        return features.ToDictionary(p => p, p => p.Builder!.Build());
    }

    /// <summary>The columns of <paramref name="state"/> that plans read, in file order, each with the matrices it fills.</summary>
    private static List<ColumnRead> Reads(LoadFile state, IReadOnlyList<FeaturePlan> features)
    {
        var reads = new Dictionary<ParquetColumn, ColumnRead>();
        foreach (var plan in features.Where(p => p.File == state))
        {
            if (plan.ListColumn is { } list)
            {
                GetRead(reads, list).ListTarget = plan.Builder;
            }
            else
            {
                for (var c = 0; c < plan.ScalarColumns.Count; c++)
                    GetRead(reads, plan.ScalarColumns[c]).ScalarTargets.Add((plan.Builder!, c));
            }
        }

        return reads.Values.OrderBy(r => r.Column.Ordinal).ToList();
    }

    private static ColumnRead GetRead(Dictionary<ParquetColumn, ColumnRead> reads, ParquetColumn column)
    {
        if (!reads.TryGetValue(column, out var read))
            reads[column] = read = new ColumnRead(column);
        return read;
    }
}
