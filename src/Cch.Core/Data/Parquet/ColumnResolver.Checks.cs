namespace Cch.Data.Parquet;

/// <summary>The checks of <see cref="ColumnResolver"/> that refuse specs which resolve but make no sense together.</summary>
internal sealed partial class ColumnResolver
{
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
}
