using Cch.Data;
using Cch.Estimators.Internal;
using Cch.Neural;
using static TorchSharp.torch;

namespace Cch.Estimators.Neural;

/// <summary>
/// Inputs of a trained estimator as float32 rows: X standardised, Y standardised or one-hot (each
/// column first replaced by the normal scores of its ranks when asked).
/// Standardisation uses every row's mean and population SD (an invertible per-column affine map, so
/// it changes no mutual information and learns nothing about which x goes with which y); constant
/// columns are dropped.
/// </summary>
internal sealed class NeuralData
{
    private NeuralData(int rows, float[] x, int xColumns, float[] y, int yColumns, int[]? classes, int classCount)
    {
        Rows = rows;
        X = x;
        XColumns = xColumns;
        Y = y;
        YColumns = yColumns;
        Classes = classes;
        ClassCount = classCount;
    }

    /// <summary>N.</summary>
    public int Rows { get; }

    /// <summary>Standardised X, row-major N×<see cref="XColumns"/>.</summary>
    public float[] X { get; }

    /// <summary>Non-constant columns of X.</summary>
    public int XColumns { get; }

    /// <summary>Standardised Y, or the one-hot label, row-major N×<see cref="YColumns"/>.</summary>
    public float[] Y { get; }

    /// <summary>Columns of <see cref="Y"/> (classes for a label).</summary>
    public int YColumns { get; }

    /// <summary>Dense class 0…C−1 of each row (classes in ascending order of the input index), or <c>null</c> for continuous Y.</summary>
    public int[]? Classes { get; }

    /// <summary>C for a label, 0 otherwise.</summary>
    public int ClassCount { get; }

    /// <summary>Checks and prepares continuous X and Y; <c>null</c> when every column of X or of Y is constant (the MI is 0).</summary>
    /// <exception cref="ArgumentException">Row counts differ, N &lt; <paramref name="minimumRows"/> (message: <paramref name="why"/>), or a value is not finite.</exception>
    public static NeuralData? Continuous(FeatureMatrix x, FeatureMatrix y, int minimumRows, string why, double clip = double.PositiveInfinity, bool ranks = false)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Rows != y.Rows)
            throw new ArgumentException($"X has {x.Rows} rows but Y has {y.Rows}.", nameof(y));
        CheckRows(x.Rows, minimumRows, why);
        if (ranks)
        {
            x = NormalScores.RowMajor(x, nameof(x));
            y = NormalScores.RowMajor(y, nameof(y));
        }

        var sx = ColumnStatistics.Compute(x, default, nameof(x));
        var sy = ColumnStatistics.Compute(y, default, nameof(y));
        if (sx.KeptColumns.Length == 0 || sy.KeptColumns.Length == 0) return null;
        return new NeuralData(x.Rows, Standardised(x, sx, clip), sx.KeptColumns.Length, Standardised(y, sy, clip), sy.KeptColumns.Length, null, 0);
    }

    /// <summary>Checks and prepares X with a label; <c>null</c> when every column of X is constant or there is one class (the MI is 0).</summary>
    /// <exception cref="ArgumentException">Lengths differ, N &lt; <paramref name="minimumRows"/> (message: <paramref name="why"/>), a class index is negative, or a value is not finite.</exception>
    public static NeuralData? Label(FeatureMatrix x, int[] classes, int minimumRows, string why, double clip = double.PositiveInfinity, bool ranks = false)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(classes);
        if (x.Rows != classes.Length)
            throw new ArgumentException($"X has {x.Rows} rows but there are {classes.Length} labels.", nameof(classes));
        CheckRows(x.Rows, minimumRows, why);
        for (var i = 0; i < classes.Length; i++)
            if (classes[i] < 0)
                throw new ArgumentException($"Class index {classes[i]} at row {i} is negative.", nameof(classes));
        if (ranks) x = NormalScores.RowMajor(x, nameof(x));
        var sx = ColumnStatistics.Compute(x, default, nameof(x));
        var distinct = classes.Distinct().Order().ToArray();
        if (sx.KeptColumns.Length == 0 || distinct.Length < 2) return null;
        var dense = new Dictionary<int, int>();
        for (var c = 0; c < distinct.Length; c++) dense[distinct[c]] = c;
        var mapped = classes.Select(c => dense[c]).ToArray();
        var oneHot = new float[classes.Length * distinct.Length];
        for (var i = 0; i < mapped.Length; i++) oneHot[i * distinct.Length + mapped[i]] = 1;
        return new NeuralData(x.Rows, Standardised(x, sx, clip), sx.KeptColumns.Length, oneHot, distinct.Length, mapped, distinct.Length);
    }

    private static void CheckRows(int rows, int minimumRows, string why)
    {
        if (rows < minimumRows)
            throw new ArgumentException($"{why}; got {rows} rows.", "x");
    }

    private static float[] Standardised(FeatureMatrix m, ColumnStatistics s, double clip)
    {
        var kept = s.KeptColumns;
        var result = new float[m.Rows * kept.Length];
        for (var i = 0; i < m.Rows; i++)
        {
            var off = i * m.Columns;
            for (var c = 0; c < kept.Length; c++)
                result[i * kept.Length + c] = (float)Math.Clamp(s.Standardize(m.Values[off + kept[c]], kept[c]), -clip, clip);
        }

        return result;
    }

    /// <summary>X's rows <paramref name="rows"/> as a float32 tensor.</summary>
    public Tensor XRows(int[] rows) => Select(X, XColumns, rows);

    /// <summary>Y's rows <paramref name="rows"/> as a float32 tensor.</summary>
    public Tensor YRows(int[] rows) => Select(Y, YColumns, rows);

    /// <summary>The classes of <paramref name="rows"/> as an int64 tensor (label data only).</summary>
    public Tensor ClassRows(int[] rows) => TorchSession.OnDevice(tensor(rows.Select(r => (long)Classes![r]).ToArray()));

    /// <summary>The dense classes of <paramref name="rows"/> (label data only).</summary>
    public int[] ClassesOf(int[] rows) => rows.Select(r => Classes![r]).ToArray();

    private static Tensor Select(float[] values, int columns, int[] rows)
    {
        var selected = new float[rows.Length * columns];
        for (var i = 0; i < rows.Length; i++)
            Array.Copy(values, rows[i] * columns, selected, i * columns, columns);
        return TorchSession.OnDevice(tensor(selected, [rows.Length, columns]));
    }
}
