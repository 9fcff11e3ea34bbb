namespace Cch.Estimators.Probe;

/// <summary>
/// Per fold and class: row counts, Σz and Σz² of every standardised feature, so that the class means and
/// the pooled within-class variances of any union of folds (a training or inner training part) come
/// without another pass over the rows.
/// </summary>
internal sealed class ClassMoments
{
    private readonly int _folds;
    private readonly int _classes;
    private readonly int _dims;
    private readonly int[] _counts;
    private readonly double[] _sums;
    private readonly double[] _squares;

    private ClassMoments(int folds, int classes, int dims)
    {
        _folds = folds;
        _classes = classes;
        _dims = dims;
        _counts = new int[folds * classes];
        _sums = new double[folds * classes * dims];
        _squares = new double[folds * classes * dims];
    }

    /// <summary>
    /// Smallest pooled within-class variance used (features are standardised to total variance 1):
    /// a feature that is nearly constant within every class would otherwise get an unbounded weight.
    /// </summary>
    public const double VarianceFloor = 0.01;

    /// <summary>Accumulates the moments of row-major <paramref name="z"/> (n×d) in row order.</summary>
    public static ClassMoments Compute(double[] z, int d, ReadOnlySpan<int> labels, ReadOnlySpan<int> fold, int folds, int classes)
    {
        var m = new ClassMoments(folds, classes, d);
        for (var i = 0; i < labels.Length; i++)
        {
            var cell = fold[i] * classes + labels[i];
            m._counts[cell]++;
            var o = cell * d;
            for (var j = 0; j < d; j++)
            {
                var value = z[i * d + j];
                m._sums[o + j] += value;
                m._squares[o + j] += value * value;
            }
        }

        return m;
    }

    /// <summary>Moments of one union of folds.</summary>
    /// <param name="Means">Class means m_cj, C×d row-major.</param>
    /// <param name="Counts">Rows per class.</param>
    /// <param name="WithinVariance">Pooled within-class variance σ²_j of every feature, floored at <see cref="VarianceFloor"/>.</param>
    internal sealed record Part(double[] Means, int[] Counts, double[] WithinVariance);

    /// <summary>
    /// Class means, class counts and pooled within-class variances
    /// σ²_j = max(Σ_c Σ_{i∈c} (z_ij − m_cj)² / (n − C), <see cref="VarianceFloor"/>) over the folds in
    /// <paramref name="include"/>.
    /// </summary>
    public Part Pooled(ReadOnlySpan<bool> include)
    {
        var d = _dims;
        var means = new double[_classes * d];
        var counts = new int[_classes];
        var within = new double[d];
        var rows = 0;
        for (var c = 0; c < _classes; c++)
        {
            var mean = means.AsSpan(c * d, d);
            for (var f = 0; f < _folds; f++)
            {
                if (!include[f]) continue;
                var cell = f * _classes + c;
                counts[c] += _counts[cell];
                var o = cell * d;
                for (var j = 0; j < d; j++)
                {
                    mean[j] += _sums[o + j];
                    within[j] += _squares[o + j];
                }
            }

            rows += counts[c];
            if (counts[c] == 0) continue;
            for (var j = 0; j < d; j++)
            {
                within[j] -= mean[j] * mean[j] / counts[c];
                mean[j] /= counts[c];
            }
        }

        var degrees = Math.Max(1, rows - _classes);
        for (var j = 0; j < d; j++) within[j] = Math.Max(within[j] / degrees, VarianceFloor);
        return new Part(means, counts, within);
    }
}
