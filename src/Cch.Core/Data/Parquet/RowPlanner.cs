namespace Cch.Data.Parquet;

/// <summary>
/// The second step of a <see cref="LoadSession"/>: decides which file rows become which output rows. Reads the
/// small scalar columns that decide (key, filter columns, the label), applies the filters, aligns the files by
/// position or joins them on the key, then draws the <c>--max-rows</c> sample, so the numeric columns are read
/// for the used rows only. Sets each file's <see cref="LoadFile.OutputRows"/>.
/// </summary>
internal sealed class RowPlanner(LoadRequest request, IReadOnlyList<LoadFile> files, CancellationToken cancellationToken)
{
    private readonly LoadRequest _request = request;
    private readonly IReadOnlyList<LoadFile> _files = files;
    private readonly CancellationToken _cancellationToken = cancellationToken;

    /// <summary>Plans the rows; <paramref name="labelFile"/> sets their order and holds <paramref name="labelColumn"/> (when a label is read).</summary>
    /// <returns>The join counts and the sample; every file's <see cref="LoadFile.OutputRows"/> then holds the same number of rows.</returns>
    /// <exception cref="CchInputException">A filter matches no row, the filters or the join leave no rows, a key is null or repeated, or a strict join misses a key.</exception>
    public async Task<(JoinSummary Join, RowSample Sample)> PlanAsync(LoadFile labelFile, ParquetColumn? labelColumn)
    {
        foreach (var state in _files)
            await ReadControlColumnsAsync(state, state == labelFile ? labelColumn : null).ConfigureAwait(false);
        foreach (var state in _files)
            ApplyFilters(state);
        var (rows, summary) = _request.Key is null ? AlignByPosition(labelFile) : JoinOnKey(labelFile);
        return (summary, Subsample(labelFile, rows));
    }

    private async Task ReadControlColumnsAsync(LoadFile state, ParquetColumn? labelColumn)
    {
        var wanted = new List<ParquetColumn>();
        void Want(ParquetColumn? c)
        {
            if (c is not null && !wanted.Contains(c)) wanted.Add(c);
        }

        Want(state.KeyColumn);
        foreach (var (_, column) in state.FilterColumns) Want(column);
        Want(labelColumn);
        if (wanted.Count == 0) return;
        var read = await state.File!.ReadScalarsAsync(wanted, _cancellationToken).ConfigureAwait(false);
        ScalarColumn Get(ParquetColumn c) => read[wanted.IndexOf(c)];
        if (state.KeyColumn is not null) state.Key = Get(state.KeyColumn);
        foreach (var (filter, column) in state.FilterColumns) state.Filters.Add((filter, Get(column)));
        if (labelColumn is not null) state.Label = Get(labelColumn);
    }

    private static void ApplyFilters(LoadFile state)
    {
        if (state.Filters.Count == 0) return;
        var rows = state.File!.Rows;
        var pass = new bool[rows];
        Array.Fill(pass, true);
        foreach (var (filter, column) in state.Filters)
        {
            var matches = 0;
            for (var r = 0; r < rows; r++)
            {
                if (column.TextEquals(r, filter.Value)) matches++;
                else pass[r] = false;
            }

            if (matches == 0)
            {
                var values = new SortedSet<string>(StringComparer.Ordinal);
                for (var r = 0; r < rows && values.Count < 1000; r++) values.Add(column.Text(r));
                var present = values.Count == 0 ? "the file has no rows" : $"values present: {Messages.Some(values, 6)}";
                throw new CchInputException($"--where {filter} matches no row; {present}.", state.Path, filter.Column);
            }
        }

        state.Pass = pass;
    }

    /// <summary>
    /// Keeps at most <see cref="LoadRequest.MaxRows"/> of the planned rows (<see cref="RowSampler"/>), before any
    /// numeric column is read, so only the rows used are ever held.
    /// </summary>
    private RowSample Subsample(LoadFile labelFile, int rows)
    {
        var keyed = _request.Key is not null;
        var planned = labelFile.OutputRows!;
        var positions = RowSampler.Select(
            rows,
            keyed ? i => RowSampler.KeyIdentity(labelFile.Key!.Text(planned[i])) : i => RowSampler.IndexIdentity(planned[i]),
            _request.MaxRows,
            _request.SampleSeed);
        if (positions.Length == rows)
            return new RowSample(rows, rows, _request.MaxRows, _request.SampleSeed, RowSample.AllRows);
        foreach (var state in _files)
        {
            var outputRows = state.OutputRows!;
            state.OutputRows = positions.Select(p => outputRows[p]).ToArray();
        }

        return new RowSample(rows, positions.Length, _request.MaxRows, _request.SampleSeed, keyed ? RowSample.ByKey : RowSample.ByRowIndex);
    }

    private (int Rows, JoinSummary Summary) AlignByPosition(LoadFile labelFile)
    {
        var rows = labelFile.File!.Rows;
        if (_files.Count > 1 && _files.Any(f => f.File!.Rows != rows))
            throw new CchInputException(
                $"The input files have different row counts ({string.Join(", ", _files.Select(f => $"{Path.GetFileName(f.Path)}: {f.File!.Rows}"))}) "
                + "so their rows cannot be matched by position (--join row-order); pass --key COLUMN to join them on a key column instead.");

        var kept = new List<int>(rows);
        for (var r = 0; r < rows; r++)
            if (_files.All(f => f.Pass is null || f.Pass[r]))
                kept.Add(r);
        if (kept.Count == 0)
            throw new CchInputException($"The filters {string.Join(", ", _request.Filters)} together leave no rows.", labelFile.Path);

        var output = kept.ToArray();
        foreach (var state in _files) state.OutputRows = output;
        return (output.Length, new JoinSummary(null, _request.Join, output.Length, 0, rows - output.Length));
    }

    private (int Rows, JoinSummary Summary) JoinOnKey(LoadFile labelFile)
    {
        var keyName = _request.Key!;
        foreach (var state in _files)
        {
            var key = state.Key!;
            var index = new Dictionary<string, int>(state.File!.Rows, StringComparer.Ordinal);
            for (var r = 0; r < key.Rows; r++)
            {
                if (key.IsNull(r))
                    throw new CchInputException("the key is null; every row needs a key.", state.Path, keyName, r);
                var text = key.Text(r);
                if (!index.TryAdd(text, r))
                    throw new CchInputException(
                        $"duplicate key '{text}' in rows {index[text]} and {r}; keys must be unique within a file.",
                        state.Path, keyName, r);
            }

            state.KeyIndex = index;
        }

        // A key filtered out in any file is filtered out everywhere (e.g. split lives only in the labels table).
        var excluded = new HashSet<string>(StringComparer.Ordinal);
        foreach (var state in _files.Where(f => f.Pass is not null))
            for (var r = 0; r < state.Pass!.Length; r++)
                if (!state.Pass[r])
                    excluded.Add(state.Key!.Text(r));

        List<string> Candidates(LoadFile state)
        {
            var list = new List<string>();
            for (var r = 0; r < state.File!.Rows; r++)
            {
                var text = state.Key!.Text(r);
                if ((state.Pass is null || state.Pass[r]) && !excluded.Contains(text)) list.Add(text);
            }

            return list;
        }

        var candidates = _files.ToDictionary(f => f, Candidates);
        var labelCandidates = candidates[labelFile];
        if (labelCandidates.Count == 0)
            throw new CchInputException($"The filters {string.Join(", ", _request.Filters)} together leave no rows.", labelFile.Path);

        List<string> final;
        var droppedByJoin = 0;
        if (_request.Join == JoinMode.Strict)
        {
            foreach (var state in _files)
            {
                foreach (var other in _files.Where(o => o != state))
                {
                    var missing = candidates[state].Where(k => !other.KeyIndex!.ContainsKey(k)).ToList();
                    if (missing.Count > 0)
                        throw new CchInputException(
                            $"{missing.Count} key(s) of {Path.GetFileName(state.Path)} are missing from this file: {Messages.Some(missing, 5)}; "
                            + "every key must be in every file (strict join); use --join inner to keep only the keys found in every file.",
                            other.Path, keyName);
                }
            }

            final = labelCandidates;
        }
        else
        {
            final = labelCandidates.Where(k => _files.All(f => f.KeyIndex!.ContainsKey(k))).ToList();
            if (final.Count == 0)
                throw new CchInputException(
                    $"No key is present in every input file ({string.Join(", ", _files.Select(f => Path.GetFileName(f.Path)))}); the inner join on '{keyName}' leaves no rows.",
                    column: keyName);
            // Counted in the label file's rows (the output rows), not summed over files.
            droppedByJoin = labelCandidates.Count - final.Count;
        }

        foreach (var state in _files)
            state.OutputRows = final.Select(k => state.KeyIndex![k]).ToArray();
        var droppedByFilter = labelFile.File!.Rows - labelCandidates.Count;
        return (final.Count, new JoinSummary(keyName, _request.Join, final.Count, droppedByJoin, droppedByFilter));
    }
}
