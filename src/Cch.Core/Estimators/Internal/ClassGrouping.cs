namespace Cch.Estimators.Internal;

/// <summary>
/// Rows grouped by class for the label estimators: classes with a single row are dropped (as in
/// scikit-learn's <c>mutual_info_classif</c>); the kept rows are ordered by (class, row).
/// </summary>
internal sealed class ClassGrouping
{
    private ClassGrouping(int[] order, int[] start, int[] end, int classCount)
    {
        Order = order;
        GroupStart = start;
        GroupEnd = end;
        ClassCount = classCount;
    }

    /// <summary>Original row index of each kept position; ascending within each class.</summary>
    public int[] Order { get; }

    /// <summary>For each kept position, the first position of its class.</summary>
    public int[] GroupStart { get; }

    /// <summary>For each kept position, one past the last position of its class.</summary>
    public int[] GroupEnd { get; }

    /// <summary>Number of classes with at least two rows.</summary>
    public int ClassCount { get; }

    /// <summary>Groups <paramref name="classes"/>.</summary>
    /// <exception cref="ArgumentException">A class index is negative.</exception>
    public static ClassGrouping Create(ReadOnlySpan<int> classes, string paramName)
    {
        var n = classes.Length;
        var keys = new long[n];
        for (var i = 0; i < n; i++)
        {
            if (classes[i] < 0)
                throw new ArgumentException($"Class index {classes[i]} at row {i} is negative.", paramName);
            keys[i] = ((long)classes[i] << 32) | (uint)i;
        }

        Array.Sort(keys);
        var order = new List<int>(n);
        var start = new List<int>(n);
        var end = new List<int>(n);
        var count = 0;
        for (var a = 0; a < n;)
        {
            var c = keys[a] >> 32;
            var b = a + 1;
            while (b < n && keys[b] >> 32 == c) b++;
            if (b - a >= 2)
            {
                var s = order.Count;
                for (var i = a; i < b; i++)
                {
                    order.Add((int)(keys[i] & 0xFFFFFFFF));
                    start.Add(s);
                    end.Add(s + b - a);
                }

                count++;
            }

            a = b;
        }

        return new ClassGrouping(order.ToArray(), start.ToArray(), end.ToArray(), count);
    }
}
