namespace Cch.Data.Parquet;

/// <summary>
/// The first step of a <see cref="LoadSession"/>: turns column specs into files and columns. Before any file is
/// opened it resolves each spec's file (one <see cref="LoadFile"/> per distinct path, in first-use order) and
/// refuses a teacher that is the student or is given twice; once the files are open it resolves every column
/// (globs, list or scalar columns, the label, the key, the filter columns) before any data is read, so spec
/// mistakes fail fast with the file, the column and what exists.
/// </summary>
internal sealed partial class ColumnResolver
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
