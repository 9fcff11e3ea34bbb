namespace Cch.Data;

/// <summary>
/// The label Y of N samples: class indices 0..C−1 with their names (classification), or real
/// values (regression).
/// </summary>
public sealed class LabelVector
{
    private LabelVector(string name, LabelKind kind, int[]? classes, string[]? classNames, double[]? values)
    {
        Name = name;
        Kind = kind;
        Classes = classes;
        ClassNames = classNames;
        Values = values;
    }

    /// <summary>The label column name.</summary>
    public string Name { get; }

    /// <summary>Classification or regression.</summary>
    public LabelKind Kind { get; }

    /// <summary>Class index per sample (0..C−1) when <see cref="Kind"/> is classification, else <c>null</c>.</summary>
    public int[]? Classes { get; }

    /// <summary>
    /// Class names by index when classification, else <c>null</c>: string and bool classes sorted
    /// ordinally, integer (and whole-number float) classes sorted numerically (<c>1, 2, 10</c>).
    /// </summary>
    public string[]? ClassNames { get; }

    /// <summary>Target value per sample when <see cref="Kind"/> is regression, else <c>null</c>.</summary>
    public double[]? Values { get; }

    /// <summary>Number of samples N.</summary>
    public int Count => Classes?.Length ?? Values!.Length;

    /// <summary>Number of classes C (0 for regression).</summary>
    public int ClassCount => ClassNames?.Length ?? 0;

    /// <summary>A classification label from class indices and their names.</summary>
    /// <exception cref="ArgumentException">An index is outside 0..names.Length−1.</exception>
    public static LabelVector ForClasses(string name, int[] classes, string[] classNames)
    {
        foreach (var c in classes)
            if ((uint)c >= (uint)classNames.Length)
                throw new ArgumentException($"Class index {c} outside 0..{classNames.Length - 1}.", nameof(classes));
        return new LabelVector(name, LabelKind.Classification, classes, classNames, null);
    }

    /// <summary>A regression label from real values.</summary>
    public static LabelVector ForValues(string name, double[] values) =>
        new(name, LabelKind.Regression, null, null, values);

    /// <summary>A new label holding the given samples, in the given order.</summary>
    public LabelVector SelectRows(ReadOnlySpan<int> rows)
    {
        if (Classes is not null)
        {
            var c = new int[rows.Length];
            for (var i = 0; i < rows.Length; i++) c[i] = Classes[rows[i]];
            return new LabelVector(Name, Kind, c, ClassNames, null);
        }

        var v = new double[rows.Length];
        for (var i = 0; i < rows.Length; i++) v[i] = Values![rows[i]];
        return new LabelVector(Name, Kind, null, null, v);
    }

    /// <summary>The regression values as an N×1 matrix (for KSG with Y as one dimension).</summary>
    /// <exception cref="InvalidOperationException">The label is a classification label.</exception>
    public FeatureMatrix AsMatrix() =>
        Values is null
            ? throw new InvalidOperationException("A classification label has no matrix form.")
            : FeatureMatrix.FromColumn(Name, Values);
}
