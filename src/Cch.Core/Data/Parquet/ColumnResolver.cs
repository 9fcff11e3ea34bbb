namespace Cch.Data.Parquet;

/// <summary>
/// The first step of a <see cref="LoadSession"/>: turns column specs into files and columns. Before any file is
/// opened it resolves each spec's file (one <see cref="LoadFile"/> per distinct path, in first-use order) and
/// refuses a teacher that is the student or is given twice; once the files are open it resolves every column
/// (globs, list or scalar columns, the label, the key, the filter columns) before any data is read, so spec
/// mistakes fail fast with the file, the column and what exists.
/// </summary>
internal sealed class ColumnResolver
{
    private readonly LoadRequest _request;
    private readonly StringComparer _pathComparer = OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
    private readonly List<LoadFile> _files = [];

    /// <summary>Resolves the specs' files (in first-use order: teachers, student, label; for <c>mi</c>: X, then Y or the label).</summary>
    /// <exception cref="CchInputException">A teacher is the student, or a teacher is given twice.</exception>
    public ColumnResolver(LoadRequest request)
    {
        _request = request;
        if (request.Roles is LoadRoles.Pair or LoadRoles.Labelled) Resolve(request.Student);
        TeacherFiles = request.Teachers.Select(Resolve).ToList();
        StudentFile = Resolve(request.Student);
        LabelFile = request.Label is { } label ? Resolve(label) : StudentFile;
        CheckDistinctRepresentations(TeacherFiles, StudentFile);
    }

    /// <summary>Every distinct file, in first-use order.</summary>
    public IReadOnlyList<LoadFile> Files => _files;

    /// <summary>The file of each teacher spec.</summary>
    public List<LoadFile> TeacherFiles { get; }

    /// <summary>The student's file.</summary>
    public LoadFile StudentFile { get; }

    /// <summary>The label's file, which sets the row order (the student's without a label).</summary>
    public LoadFile LabelFile { get; }

    /// <summary>
    /// Resolves every column once the files are open: the join mode, each representation's columns (a spec
    /// read twice is planned once), the label, the key and the filter columns.
    /// </summary>
    /// <exception cref="CchInputException">A spec, the label, the key or a filter names a missing or unusable column, or the files cannot be joined as asked.</exception>
    public ResolvedColumns ResolveColumns()
    {
        CheckJoinMode();
        var features = new Dictionary<(LoadFile, string), FeaturePlan>();
        var names = DisplayNames([.. _request.Teachers.Select((spec, i) => (spec, TeacherFiles[i])), (_request.Student, StudentFile)]);
        var teacherPlans = _request.Teachers.Select((spec, i) => Plan(features, TeacherFiles[i], spec, names[i])).ToList();
        var studentPlan = Plan(features, StudentFile, _request.Student, names[^1]);
        CheckDisjointColumns(teacherPlans, studentPlan);
        var labelColumn = _request.ReadsLabel ? ResolveLabel(LabelFile) : null;
        ResolveKey();
        ResolveFilters();
        return new ResolvedColumns(teacherPlans, studentPlan, [.. features.Values], labelColumn);
    }

    private LoadFile Resolve(ColumnSpec spec)
    {
        var path = spec.ResolvePath(_request.DataPath, _request.BaseDirectory);
        var state = _files.FirstOrDefault(f => _pathComparer.Equals(f.Path, path));
        if (state is null)
        {
            state = new LoadFile(path);
            _files.Add(state);
        }

        return state;
    }

    /// <summary>
    /// A teacher that is the student itself gives I(H_s;H_s), the student's entropy (infinite for
    /// continuous values), and a teacher given twice is ranked against itself; both are mistakes.
    /// Specs are compared after resolving their file, so <c>x</c> and <c>data.parquet:x</c> match.
    /// </summary>
    private void CheckDistinctRepresentations(List<LoadFile> teacherFiles, LoadFile studentFile)
    {
        var teachers = _request.Teachers;
        if (_request.Roles == LoadRoles.Pair)
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
            if (teacherFiles[i] == studentFile && spec.Column == _request.Student.Column && _request.TeacherAlikeStudent(i))
                throw new CchInputException(
                    $"teacher '{spec}' is the student representation itself{(_request.StudentEncoded ? " (the same column through the same encoder)" : string.Empty)}; I(H_s;H_s) is its entropy, not a CCH quantity; give a teacher other than the student.",
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
            var sameInput = _request.Roles == LoadRoles.Pair || _request.TeacherAlikeStudent(i);
            var shared = plan.File == student.File && plan != student && sameInput
                ? plan.ScalarColumns.Intersect(student.ScalarColumns).Select(c => c.Name).ToList()
                : [];
            if (shared.Count > 0)
            {
                var (role, other, consequence) = _request.Roles == LoadRoles.Pair
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
        var sources = _request.Roles switch
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
    private string[] DisplayNames(List<(ColumnSpec Spec, LoadFile File)> specs)
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

    private static FeaturePlan Plan(Dictionary<(LoadFile, string), FeaturePlan> plans, LoadFile state, ColumnSpec spec, string name)
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

    private ParquetColumn ResolveLabel(LoadFile state)
    {
        var spec = _request.Label!;
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
}
