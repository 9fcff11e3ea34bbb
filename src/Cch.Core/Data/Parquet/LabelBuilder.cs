using System.Globalization;

namespace Cch.Data.Parquet;

/// <summary>
/// Turns the label column into a <see cref="LabelVector"/>: integer, string and bool labels are
/// classes, float labels are regression targets (unless <see cref="TaskKind"/> says otherwise).
/// Class names are the distinct values as text; integer (and whole-number float) classes are
/// sorted numerically (so 2 comes before 10), string and bool classes ordinally.
/// </summary>
internal static class LabelBuilder
{
    /// <summary>Checks that the label column can serve <paramref name="task"/> at all (before any row is read).</summary>
    public static void CheckType(ParquetColumn column, TaskKind task, string file)
    {
        if (column.Shape != ColumnShape.Scalar)
            throw new CchInputException(
                $"is {Messages.Article(column.TypeName)}; the label must be a scalar column (integer, string or bool for classes, float for regression).",
                file, column.Name);
        if (column.Kind == ValueKind.Other)
            throw new CchInputException(
                $"is {column.TypeName}; the label must be an integer, string or bool column (classes) or a float column (regression).",
                file, column.Name);
        if (task == TaskKind.Regression && column.Kind is ValueKind.String or ValueKind.Bool)
            throw new CchInputException(
                $"is {column.TypeName}; --task regression needs a numeric label (float or integer).",
                file, column.Name);
    }

    /// <summary>Builds the label of the used rows, <paramref name="rows"/> being file rows in output order.</summary>
    public static LabelVector Build(ScalarColumn column, int[] rows, TaskKind task, string file)
    {
        var name = column.Column.Name;
        foreach (var row in rows)
            if (column.IsNull(row))
                throw new CchInputException("is null; every used row needs a label.", file, name, row);

        var regression = task switch
        {
            TaskKind.Regression => true,
            TaskKind.Classification => false,
            _ => column.Kind == ValueKind.Float,
        };

        if (regression)
        {
            var values = new double[rows.Length];
            for (var i = 0; i < rows.Length; i++)
            {
                var v = column.Number(rows[i]);
                if (!double.IsFinite(v))
                    throw new CchInputException(
                        $"is {(double.IsNaN(v) ? "NaN" : v > 0 ? "+infinity" : "-infinity")}; a regression label must be a finite number.",
                        file, name, rows[i]);
                values[i] = v;
            }

            return LabelVector.ForValues(name, values);
        }

        return column.Kind switch
        {
            ValueKind.String => Classes(column, rows, file, r => column.Strings![r]!, StringComparer.Ordinal, v => v),
            ValueKind.Bool => Classes(column, rows, file, r => column.Bools![r], Comparer<bool>.Default, v => v ? "true" : "false"),
            ValueKind.Integer when column.Column.IsUInt64 =>
                Classes(column, rows, file, r => (ulong)column.Integers![r], Comparer<ulong>.Default, v => v.ToString(CultureInfo.InvariantCulture)),
            ValueKind.Integer => Classes(column, rows, file, r => column.Integers![r], Comparer<long>.Default, v => v.ToString(CultureInfo.InvariantCulture)),
            ValueKind.Float => WholeNumberClasses(column, rows, file),
            _ => throw new CchInputException($"is {column.Column.TypeName}; expected a class label.", file, name),
        };
    }

    private static LabelVector WholeNumberClasses(ScalarColumn column, int[] rows, string file)
    {
        foreach (var row in rows)
        {
            var v = column.Floats![row];
            if (!double.IsFinite(v) || Math.Floor(v) != v)
                throw new CchInputException(
                    $"is {ScalarColumn.FormatFloat(v, column.Column.IsSingle)}; a float label used as classes (--task classification) must hold whole numbers.",
                    file, column.Column.Name, row);
        }

        // Adding 0.0 turns −0 into +0 so both name the class "0".
        return Classes(column, rows, file, r => column.Floats![r] + 0.0, Comparer<double>.Default,
            v => v.ToString("R", CultureInfo.InvariantCulture));
    }

    private static LabelVector Classes<T>(ScalarColumn column, int[] rows, string file, Func<int, T> value, IComparer<T> order, Func<T, string> text)
        where T : notnull
    {
        var distinct = new HashSet<T>();
        foreach (var row in rows) distinct.Add(value(row));
        var sorted = distinct.ToList();
        sorted.Sort(order);
        if (sorted.Count < 2)
        {
            var only = sorted.Count == 1 ? $"every used row has class '{text(sorted[0])}'" : "there are no rows";
            throw new CchInputException(
                $"single-class label: {only} (after filters and join); a classification label needs at least two classes.",
                file, column.Column.Name);
        }

        var index = new Dictionary<T, int>(sorted.Count);
        for (var i = 0; i < sorted.Count; i++) index[sorted[i]] = i;
        var classes = new int[rows.Length];
        for (var i = 0; i < rows.Length; i++) classes[i] = index[value(rows[i])];
        return LabelVector.ForClasses(column.Column.Name, classes, sorted.Select(text).ToArray());
    }
}
