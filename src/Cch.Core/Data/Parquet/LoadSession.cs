namespace Cch.Data.Parquet;

/// <summary>
/// One run of <see cref="DatasetLoader.LoadAsync"/>: opens every file once, resolves column
/// specs, reads the small scalar columns (key, filters, label), plans the rows (filters, join),
/// then streams only the needed numeric columns into exactly-sized matrices.
/// </summary>
internal sealed class LoadSession
{
    private readonly DataRequest _request;
    private readonly CancellationToken _cancellationToken;
    private readonly StringComparer _pathComparer = OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
    private readonly List<FileState> _files = [];
    private readonly LoadRoles _roles;

    /// <param name="request">What to read.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <param name="roles">
    /// Which specs are read: teachers, student and label (<c>check</c>); the student spec alone
    /// (<c>encode</c>); or, for <c>mi</c>, X (the student spec) with Y (the one teacher spec) or with the label.
    /// </param>
    public LoadSession(DataRequest request, CancellationToken cancellationToken, LoadRoles roles = LoadRoles.Check)
    {
        _request = request;
        _cancellationToken = cancellationToken;
        _roles = roles;
    }

    /// <summary>Whether the label spec is read (otherwise the student's file sets the row order).</summary>
    private bool ReadsLabel => _roles is LoadRoles.Check or LoadRoles.Labelled;

    /// <summary>Reads the student spec alone, with its keys when a key is given.</summary>
    public async Task<ColumnData> RunColumnAsync()
    {
        var dataset = await RunAsync().ConfigureAwait(false);
        return new ColumnData
        {
            Features = dataset.Student,
            Keys = dataset.Keys,
            IntegerKeys = _files[0].KeyColumn is { Kind: ValueKind.Integer },
            Input = dataset.Inputs[0],
        };
    }

    /// <summary>Reads X (the student spec) with Y (the one teacher spec, <see cref="LoadRoles.Pair"/>) or with the label (<see cref="LoadRoles.Labelled"/>).</summary>
    public async Task<PairData> RunPairAsync()
    {
        var dataset = await RunAsync().ConfigureAwait(false);
        return new PairData
        {
            X = dataset.Student,
            Y = _roles == LoadRoles.Pair ? dataset.Teachers[0] : null,
            Label = _roles == LoadRoles.Labelled ? dataset.Label : null,
            Keys = dataset.Keys,
            Inputs = dataset.Inputs,
            Join = dataset.Join,
            Sample = dataset.Sample,
        };
    }

    public async Task<Dataset> RunAsync()
    {
        var request = _request;
        if (_roles == LoadRoles.Check && (request.Teachers is null || request.Teachers.Count == 0))
            throw new CchInputException("No teacher representation was given; expected at least one teacher column spec ([PATH:]COLUMN).");
        ArgumentNullException.ThrowIfNull(request.Student);
        ArgumentNullException.ThrowIfNull(request.Label);
        if (request.TeacherEncoders.Count > 1 && request.TeacherEncoders.Count != request.Teachers.Count)
            throw new CchInputException($"--teacher-encoder was given {request.TeacherEncoders.Count} times for {request.Teachers.Count} teacher(s); give one for every teacher or one per --teacher, in the same order.");

        if (_roles == LoadRoles.Pair && request.Teachers.Count != 1)
            throw new ArgumentException("A pair of representations has exactly one Y.", nameof(request));

        // Files in first-use order: teachers, student, label (for mi: X, then Y or the label).
        if (_roles is LoadRoles.Pair or LoadRoles.Labelled) Resolve(request.Student);
        var teacherFiles = request.Teachers.Select(Resolve).ToList();
        var studentFile = Resolve(request.Student);
        var labelFile = ReadsLabel ? Resolve(request.Label) : studentFile;
        CheckDistinctRepresentations(teacherFiles, studentFile);
        // Each file's SHA-256 is computed on another thread while the file is read (a 6 GB file takes ~5 s to hash).
        using var hashing = CancellationTokenSource.CreateLinkedTokenSource(_cancellationToken);
        var hashes = new List<Task<string>>();
        try
        {
            foreach (var state in _files)
            {
                state.File = await ParquetInputFile.OpenAsync(state.Path, _cancellationToken).ConfigureAwait(false);
                if (state.File.Rows == 0)
                    throw new CchInputException("has no rows; expected at least one sample.", state.Path);
                var file = state.File;
                hashes.Add(Task.Run(() => file.ComputeSha256Async(hashing.Token), hashing.Token));
            }

            CheckJoinMode();

            // Resolve every column before reading any data, so spec mistakes fail fast.
            var features = new Dictionary<(FileState, string), FeaturePlan>();
            var names = DisplayNames([.. request.Teachers.Select((spec, i) => (spec, teacherFiles[i])), (request.Student, studentFile)]);
            var teacherPlans = request.Teachers.Select((spec, i) => Plan(features, teacherFiles[i], spec, names[i])).ToList();
            var studentPlan = Plan(features, studentFile, request.Student, names[^1]);
            CheckDisjointColumns(teacherPlans, studentPlan);
            var labelColumn = ReadsLabel ? ResolveLabel(labelFile) : null;
            ResolveKey();
            ResolveFilters();

            // Read the scalar columns that decide the rows, then plan the rows.
            foreach (var state in _files)
                await ReadControlColumnsAsync(state, state == labelFile ? labelColumn : null).ConfigureAwait(false);
            foreach (var state in _files)
                ApplyFilters(state);
            var (rows, summary) = _request.Key is null ? AlignByPosition(labelFile) : JoinOnKey(labelFile);
            var sample = Subsample(labelFile, rows);
            rows = sample.Rows;

            var label = ReadsLabel
                ? LabelBuilder.Build(labelFile.Label!, labelFile.OutputRows!, request.Task, labelFile.Path)
                : LabelVector.ForValues("none", new double[rows]);
            var keys = request.Key is null ? null : labelFile.OutputRows!.Select(r => labelFile.Key!.Text(r)).ToArray();

            // Stream the numeric columns into N×d matrices.
            var budget = new MatrixBudget(features.Count);
            foreach (var plan in features.Values)
                plan.Builder = new MatrixBuilder(plan.Name, plan.File.Path, rows, plan.ListColumn is null ? plan.ScalarColumns.Count : 0, budget);
            foreach (var state in _files)
            {
                var reads = new Dictionary<ParquetColumn, ColumnRead>();
                foreach (var plan in features.Values.Where(p => p.File == state))
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

                if (reads.Count == 0) continue;
                var outputRow = new int[state.File!.Rows];
                Array.Fill(outputRow, -1);
                var used = state.OutputRows!;
                for (var i = 0; i < used.Length; i++) outputRow[used[i]] = i;
                await state.File.ReadNumericAsync(reads.Values.OrderBy(r => r.Column.Ordinal).ToList(), outputRow, _cancellationToken).ConfigureAwait(false);
            }

            var matrices = features.Values.ToDictionary(p => p, p => p.Builder!.Build());
            var inputs = new List<InputFileInfo>(_files.Count);
            for (var i = 0; i < _files.Count; i++)
                inputs.Add(new InputFileInfo(_files[i].Path, _files[i].File!.Rows, await hashes[i].ConfigureAwait(false)));

            var rawStudent = request.StudentBlur is { } blur ? GaussianBlur.Apply(matrices[studentPlan], blur) : matrices[studentPlan];
            var (teachers, student, encoders) = Cch.Encoders.Internal.RepresentationEncoding.Apply(
                request, teacherPlans.Select(p => matrices[p]).ToList(), rawStudent, label, _cancellationToken);
            return new Dataset
            {
                Teachers = teachers,
                Student = student,
                Encoders = encoders,
                Label = label,
                Keys = keys,
                Inputs = inputs,
                Join = summary,
                Sample = sample,
            };
        }
        finally
        {
            // A read that failed stops the hashing before the files are closed.
            await hashing.CancelAsync().ConfigureAwait(false);
            foreach (var hash in hashes)
                await Task.WhenAny(hash).ConfigureAwait(false);
            foreach (var state in _files)
                if (state.File is not null)
                    await state.File.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static ColumnRead GetRead(Dictionary<ParquetColumn, ColumnRead> reads, ParquetColumn column)
    {
        if (!reads.TryGetValue(column, out var read))
            reads[column] = read = new ColumnRead(column);
        return read;
    }

    private FileState Resolve(ColumnSpec spec)
    {
        var path = spec.ResolvePath(_request.DataPath, _request.BaseDirectory);
        var state = _files.FirstOrDefault(f => _pathComparer.Equals(f.Path, path));
        if (state is null)
        {
            state = new FileState(path);
            _files.Add(state);
        }

        return state;
    }

    /// <summary>
    /// A teacher that is the student itself gives I(H_s;H_s), the student's entropy (infinite for
    /// continuous values), and a teacher given twice is ranked against itself; both are mistakes.
    /// Specs are compared after resolving their file, so <c>x</c> and <c>data.parquet:x</c> match.
    /// </summary>
    private void CheckDistinctRepresentations(List<FileState> teacherFiles, FileState studentFile)
    {
        var teachers = _request.Teachers;
        if (_roles == LoadRoles.Pair)
        {
            if (teacherFiles[0] == studentFile && teachers[0].Column == _request.Student.Column)
                throw new CchInputException(
                    $"--y '{teachers[0]}' is the same column as --x '{_request.Student}'; I(X;X) is the entropy of X (infinite for continuous values), not a mutual information between two representations; give two different columns.",
                    studentFile.Path, teachers[0].Column);
            return;
        }

        for (var i = 0; i < teachers.Count; i++)
        {
            var spec = teachers[i];
            if (teacherFiles[i] == studentFile && spec.Column == _request.Student.Column && _request.StudentBlur is null
                && SameEncoding(Cch.Encoders.Internal.RepresentationEncoding.TeacherEncoder(_request, i), _request.StudentEncoder))
                throw new CchInputException(
                    $"teacher '{spec}' is the student representation itself{(_request.StudentEncoder is null ? string.Empty : " (the same column through the same encoder)")}; I(H_s;H_s) is its entropy, not a CCH quantity; give a teacher other than the student.",
                    teacherFiles[i].Path, spec.Column);
            for (var j = 0; j < i; j++)
            {
                if (teacherFiles[j] != teacherFiles[i] || teachers[j].Column != spec.Column) continue;
                var also = teachers[j].ToString() == spec.ToString() ? string.Empty : $", also as '{teachers[j]}'";
                throw new CchInputException(
                    $"teacher '{spec}' is given twice (teachers {j + 1} and {i + 1}{also}); give each teacher once.",
                    teacherFiles[i].Path, spec.Column);
            }
        }
    }

    /// <summary>
    /// The same check as <see cref="CheckDistinctRepresentations"/> on the resolved columns, for specs
    /// that differ as text but select the same columns (two globs, or a glob and one of its columns): a
    /// column on both sides makes the mutual information infinite, and a teacher selecting exactly
    /// another teacher's columns is ranked against itself.
    /// </summary>
    private void CheckDisjointColumns(List<FeaturePlan> teachers, FeaturePlan student)
    {
        var specs = _request.Teachers;
        for (var i = 0; i < teachers.Count; i++)
        {
            var plan = teachers[i];
            var sameInput = _roles == LoadRoles.Pair
                || (_request.StudentBlur is null && SameEncoding(Cch.Encoders.Internal.RepresentationEncoding.TeacherEncoder(_request, i), _request.StudentEncoder));
            var shared = plan.File == student.File && plan != student && sameInput
                ? plan.ScalarColumns.Intersect(student.ScalarColumns).Select(c => c.Name).ToList()
                : [];
            if (shared.Count > 0)
            {
                var (role, other, consequence) = _roles == LoadRoles.Pair
                    ? ($"--y '{specs[i]}'", $"--x '{_request.Student}'", "I(X;Y) is infinite when a column is on both sides")
                    : ($"teacher '{specs[i]}'", $"the student '{_request.Student}'", "I(H_t;H_s) is infinite when a column is on both sides");
                throw new CchInputException(
                    $"{role} and {other} share {shared.Count} column(s) ({Messages.Some(shared, 5)}); {consequence}; give disjoint columns.",
                    plan.File.Path, shared[0]);
            }

            for (var j = 0; j < i; j++)
            {
                var earlier = teachers[j];
                if (earlier.File != plan.File || earlier == plan || earlier.ListColumn is not null || plan.ListColumn is not null
                    || !earlier.ScalarColumns.SequenceEqual(plan.ScalarColumns))
                    continue;
                throw new CchInputException(
                    $"teachers {j + 1} ('{specs[j]}') and {i + 1} ('{specs[i]}') select the same {plan.ScalarColumns.Count} column(s); give each teacher once.",
                    plan.File.Path, plan.ScalarColumns[0].Name);
            }
        }
    }

    private bool SameEncoding(Cch.Encoders.EncoderOptions? teacher, Cch.Encoders.EncoderOptions? student) =>
        teacher is null ? student is null : teacher.SameComputation(student, _request.BaseDirectory);

    /// <summary>
    /// Several files need a key (or an explicit <see cref="JoinMode.RowOrder"/>): aligning them by
    /// position without being told to would silently pair unrelated rows when their orders differ.
    /// </summary>
    private void CheckJoinMode()
    {
        if (_request.Key is { } key && _request.Join == JoinMode.RowOrder)
            throw new CchInputException(
                $"--key {key} and --join row-order contradict each other: a key matches rows by its value, row-order matches them by position; give only one of them.",
                column: key);
        if (_request.Key is not null || _request.Join == JoinMode.RowOrder || _files.Count < 2)
            return;

        // Scalar string or integer columns that every file has: likely keys, worth naming.
        static bool KeyLike(ParquetColumn? c) => c is { Shape: ColumnShape.Scalar, Kind: ValueKind.String or ValueKind.Integer };
        var common = _files[0].File!.Columns
            .Where(c => KeyLike(c) && _files.All(f => KeyLike(f.File!.Find(c.Name))))
            .Select(c => c.Name)
            .ToList();
        var hint = common.Count == 0 ? string.Empty : $" (string or integer columns that every file has: {Messages.Some(common, 5)})";
        var sources = _roles switch
        {
            LoadRoles.Pair => "X (--x) and Y (--y)",
            LoadRoles.Labelled => "X (--x) and the label (--label)",
            _ => "The teachers, the student and the label",
        };
        throw new CchInputException(
            $"{sources} come from {_files.Count} files ({string.Join(", ", _files.Select(f => Path.GetFileName(f.Path)))}) "
            + $"but no --key was given; rows of several files must be matched with --key COLUMN{hint}, "
            + "or, if the files are row-aligned by construction (row i of every file is the same sample), with --join row-order.");
    }

    /// <summary>
    /// <see cref="ColumnSpec.DisplayName"/> for each spec, except where two different columns would
    /// get the same name (the same file name in two directories): those get the file's path
    /// relative to <see cref="DataRequest.BaseDirectory"/>, or its full path when it is not below it.
    /// </summary>
    private string[] DisplayNames(List<(ColumnSpec Spec, FileState File)> specs)
    {
        var names = specs.Select(s => s.Spec.DisplayName).ToArray();
        foreach (var group in Enumerable.Range(0, specs.Count).GroupBy(i => names[i], StringComparer.Ordinal))
        {
            if (group.Select(i => (specs[i].File, specs[i].Spec.Column)).Distinct().Count() < 2) continue;
            foreach (var i in group)
                names[i] = $"{PathForDisplay(specs[i].File.Path)}:{specs[i].Spec.Column}";
        }

        return names;
    }

    private string PathForDisplay(string fullPath)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(_request.BaseDirectory), fullPath);
        var outside = relative == ".." || relative.StartsWith($"..{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            || relative.StartsWith($"..{Path.AltDirectorySeparatorChar}", StringComparison.Ordinal)
            || Path.IsPathRooted(relative);
        return outside ? fullPath : relative;
    }

    private static FeaturePlan Plan(Dictionary<(FileState, string), FeaturePlan> plans, FileState state, ColumnSpec spec, string name)
    {
        if (plans.TryGetValue((state, spec.Column), out var existing)) return existing;
        var file = state.File!;
        var plan = new FeaturePlan(name, state);
        if (spec.IsGlob)
        {
            var matched = file.Columns.Where(c => Glob.IsMatch(spec.Column, c.Name)).ToList();
            if (matched.Count == 0)
                throw new CchInputException(
                    $"the glob '{spec.Column}' matches no column; expected it to match scalar numeric columns; {Messages.Available(file)}.",
                    state.Path, spec.Column);
            foreach (var column in matched)
            {
                if (column.Shape != ColumnShape.Scalar || !column.IsNumeric)
                    throw new CchInputException(
                        $"the glob '{spec.Column}' matches '{column.Name}', which is {Messages.Article(column.TypeName)}; a glob must match only scalar numeric columns (float, double or integer).",
                        state.Path, column.Name);
                plan.ScalarColumns.Add(column);
            }
        }
        else
        {
            var column = file.Find(spec.Column)
                ?? throw new CchInputException(
                    $"column not found{Messages.Hint(file, spec.Column)}; {Messages.Available(file)}.",
                    state.Path, spec.Column);
            switch (column.Shape)
            {
                case ColumnShape.List when column.IsNumeric:
                    plan.ListColumn = column;
                    break;
                case ColumnShape.List:
                    throw new CchInputException(
                        $"is {Messages.Article(column.TypeName)}; expected a list of numbers (float, double or an integer type){Decimal(column)}.",
                        state.Path, column.Name);
                case ColumnShape.Scalar when column.IsNumeric:
                    plan.ScalarColumns.Add(column);
                    break;
                default:
                    throw new CchInputException(
                        $"is {Messages.Article(column.TypeName)}; expected a representation: a list column of numbers (list<float>, fixed-size list, …), a numeric column, or a glob over numeric columns{Decimal(column)}.",
                        state.Path, column.Name);
            }
        }

        plans[(state, spec.Column)] = plan;
        return plan;
    }

    private static string Decimal(ParquetColumn column) =>
        column.ValueType == "decimal" ? "; decimal columns are not supported, cast them to float64 first" : string.Empty;

    private ParquetColumn ResolveLabel(FileState state)
    {
        var spec = _request.Label;
        var file = state.File!;
        if (spec.IsGlob)
            throw new CchInputException($"the label '{spec.Column}' is a glob; the label must be one scalar column.", state.Path, spec.Column);
        var column = file.Find(spec.Column)
            ?? throw new CchInputException(
                $"label column not found{Messages.Hint(file, spec.Column)}; {Messages.Available(file)}.",
                state.Path, spec.Column);
        LabelBuilder.CheckType(column, _request.Task, state.Path);
        return column;
    }

    private void ResolveKey()
    {
        if (_request.Key is not { } key) return;
        foreach (var state in _files)
        {
            var file = state.File!;
            var column = file.Find(key)
                ?? throw new CchInputException(
                    $"key column (--key) not found{Messages.Hint(file, key)}; every input file must have the key column; {Messages.Available(file)}.",
                    state.Path, key);
            if (column.Shape != ColumnShape.Scalar || column.Kind is not (ValueKind.String or ValueKind.Integer))
                throw new CchInputException(
                    $"the key column is {Messages.Article(column.TypeName)}; expected a string or integer column.",
                    state.Path, key);
            state.KeyColumn = column;
        }
    }

    private void ResolveFilters()
    {
        foreach (var filter in _request.Filters)
        {
            var found = false;
            foreach (var state in _files)
            {
                var column = state.File!.Find(filter.Column);
                if (column is null) continue;
                found = true;
                if (column.Shape != ColumnShape.Scalar || column.Kind == ValueKind.Other)
                    throw new CchInputException(
                        $"--where {filter} filters on {Messages.Article(column.TypeName)} column; expected a string, integer, bool or float column.",
                        state.Path, column.Name);
                state.FilterColumns.Add((filter, column));
            }

            if (!found)
                throw new CchInputException(
                    $"--where {filter}: the column is in none of the input files ({string.Join(", ", _files.Select(f => Path.GetFileName(f.Path)))}).",
                    column: filter.Column);
        }
    }

    private async Task ReadControlColumnsAsync(FileState state, ParquetColumn? labelColumn)
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

    private static void ApplyFilters(FileState state)
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
    /// Keeps at most <see cref="DataRequest.MaxRows"/> of the planned rows (<see cref="RowSampler"/>), before any
    /// numeric column is read, so only the rows used are ever held.
    /// </summary>
    private RowSample Subsample(FileState labelFile, int rows)
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

    private (int Rows, JoinSummary Summary) AlignByPosition(FileState labelFile)
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

    private (int Rows, JoinSummary Summary) JoinOnKey(FileState labelFile)
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

        List<string> Candidates(FileState state)
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

    /// <summary>One distinct input file and what is read from it.</summary>
    private sealed class FileState(string path)
    {
        public string Path { get; } = path;
        public ParquetInputFile? File { get; set; }
        public ParquetColumn? KeyColumn { get; set; }
        public List<(RowFilter Filter, ParquetColumn Column)> FilterColumns { get; } = [];
        public ScalarColumn? Key { get; set; }
        public List<(RowFilter Filter, ScalarColumn Column)> Filters { get; } = [];
        public ScalarColumn? Label { get; set; }
        public bool[]? Pass { get; set; }
        public Dictionary<string, int>? KeyIndex { get; set; }
        public int[]? OutputRows { get; set; }
    }

    /// <summary>How one column spec becomes a matrix.</summary>
    private sealed class FeaturePlan(string name, FileState file)
    {
        public string Name { get; } = name;
        public FileState File { get; } = file;
        public ParquetColumn? ListColumn { get; set; }
        public List<ParquetColumn> ScalarColumns { get; } = [];
        public MatrixBuilder? Builder { get; set; }
    }
}
