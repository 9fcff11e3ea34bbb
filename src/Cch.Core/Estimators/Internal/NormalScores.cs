using Cch.Data;
using MathNet.Numerics.Distributions;

namespace Cch.Estimators.Internal;

/// <summary>
/// The copula normalisation of Ince et al. (2017, Hum. Brain Mapp. 38:1541, "copnorm"): each column
/// is replaced by the standard-normal quantiles of its ranks, Φ⁻¹(r/(N+1)), r = 1..N, then
/// standardised to zero mean and unit population SD. Tied values share their mid-rank (the mean of
/// the positions they occupy), so the result does not depend on row order. Columns whose values are
/// all equal are dropped.
/// </summary>
internal static class NormalScores
{
    /// <summary>
    /// The normal scores of the non-constant columns of <paramref name="m"/>, column-major: kept
    /// column o occupies <c>[o·N, (o+1)·N)</c> of the result, rows in input order.
    /// </summary>
    /// <param name="m">The data, N×d.</param>
    /// <param name="paramName">Parameter name for exceptions.</param>
    /// <exception cref="ArgumentException">A value is NaN or infinite.</exception>
    public static (double[] ColumnMajor, int Kept) Compute(FeatureMatrix m, string paramName)
    {
        var result = GC.AllocateUninitializedArray<double>(checked(m.Rows * m.Columns));
        var kept = Compute(m, result, 0, paramName);
        return (kept * m.Rows == result.Length ? result : result[..(kept * m.Rows)], kept);
    }

    /// <summary>
    /// Writes the normal scores of the non-constant columns of <paramref name="m"/> column-major into
    /// <paramref name="destination"/> from <paramref name="offset"/> on (room for all N·d values is
    /// needed; the kept columns come first) and returns how many columns were kept. One buffer serves
    /// as transpose, sort input and result, so a large input is touched once (fresh large allocations
    /// page-fault expensively on virtual machines).
    /// </summary>
    /// <exception cref="ArgumentException">A value is NaN or infinite.</exception>
    public static int Compute(FeatureMatrix m, double[] destination, int offset, string paramName)
    {
        var n = m.Rows;
        var d = m.Columns;
        var v = m.Values;
        for (var i = 0; i < v.Length; i++)
            if (!double.IsFinite(v[i]))
                throw new ArgumentException($"{m.Name}: value at row {i / d}, column {i % d} is not finite ({v[i]}).", paramName);

        // Φ⁻¹(h/(2(N+1))) for h = 2·mid-rank ∈ [2, 2N]: every score any column can take.
        var table = new double[2 * n + 1];
        for (var h = 2; h <= 2 * n; h++) table[h] = Normal.InvCDF(0, 1, h / (2.0 * (n + 1)));

        // Column-major copy first (cache-friendly blocks), so each column is read contiguously.
        const int tile = 64;
        for (var r0 = 0; r0 < n; r0 += tile)
            for (var c0 = 0; c0 < d; c0 += tile)
                for (var r = r0; r < Math.Min(n, r0 + tile); r++)
                    for (var c = c0; c < Math.Min(d, c0 + tile); c++)
                        destination[offset + c * n + r] = v[r * d + c];

        var constant = new bool[d];
        BlockScheduler.Run(d, () => (Sorter: new RankSort(n), Scores: new double[n]), (c, scratch) =>
        {
            var column = destination.AsSpan(offset + c * n, n);
            var order = scratch.Sorter.Sort(column);
            if (column[order[0]] == column[order[n - 1]])
            {
                constant[c] = true;
                return;
            }

            var scores = scratch.Scores;
            for (var a = 0; a < n;)
            {
                var b = a + 1;
                while (b < n && column[order[b]] == column[order[a]]) b++;
                // Positions a+1..b (1-based) share the mid-rank (a+1+b)/2, i.e. 2·rank = a+1+b.
                var score = table[a + 1 + b];
                for (var t = a; t < b; t++) scores[order[t]] = score;
                a = b;
            }

            Moments.Standardise(scores);
            scores.CopyTo(column);
        });

        // Close the gaps left by constant columns (in order, so kept column o moves to slot o).
        var kept = 0;
        for (var c = 0; c < d; c++)
        {
            if (constant[c]) continue;
            if (kept != c) Array.Copy(destination, offset + c * n, destination, offset + kept * n, n);
            kept++;
        }

        return kept;
    }

    /// <summary>
    /// The normal scores as a row-major matrix of the kept columns (the input itself when every column
    /// is constant, so that callers see the constant data and return their exact zero).
    /// </summary>
    public static FeatureMatrix RowMajor(FeatureMatrix m, string paramName)
    {
        var (zt, p) = Compute(m, paramName);
        if (p == 0) return m;
        var n = m.Rows;
        var values = new double[(long)n * p];
        for (var j = 0; j < p; j++)
            for (var i = 0; i < n; i++)
                values[(long)i * p + j] = zt[(long)j * n + i];
        return new FeatureMatrix(m.Name, n, p, values);
    }
}
