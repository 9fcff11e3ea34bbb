using Cch.Data;
using Cch.Estimators.Internal;

namespace Cch.Estimators.Probe;

/// <summary>
/// The probe's canonical row order: rows sorted by a seeded hash of their content, ties (identical
/// rows) by input position. The hash chains the SplitMix64 finaliser (<see cref="JitterHash.Mix"/>)
/// over the seed, the label and, for every non-constant column, the value rescaled to [0, 1] by the
/// column's minimum and maximum and rounded to 16 significant bits.
/// </summary>
/// <remarks>
/// The order is a pseudo-random permutation that depends on the seed and on what the rows hold, not
/// on where they stand: permuting the input rows leaves it unchanged exactly (minimum and maximum do
/// not depend on the order), and so does rescaling a column by a power of two or adding a constant
/// column; any other positive rescaling or shift changes a rescaled value only in its last bits,
/// which the rounding absorbs unless the value sits within ~1e-16 of a rounding boundary (about
/// 1e-11 per value). The caller then computes the column statistics in this order, so every later
/// step sees the same sequence of numbers.
/// </remarks>
internal static class RowOrder
{
    /// <summary>
    /// <paramref name="rows"/> sorted by (key, position), the key hashing the kept columns of
    /// <paramref name="x"/> and <paramref name="labelKey"/>(row).
    /// </summary>
    public static int[] Sort(FeatureMatrix x, int[] rows, Func<int, ulong> labelKey, int seed, int threads)
    {
        var d = x.Columns;
        var min = new double[d];
        var max = new double[d];
        min.AsSpan().Fill(double.PositiveInfinity);
        max.AsSpan().Fill(double.NegativeInfinity);
        var v = x.Values;
        foreach (var r in rows)
        {
            var offset = r * d;
            for (var c = 0; c < d; c++)
            {
                var value = v[offset + c];
                if (value < min[c]) min[c] = value;
                if (value > max[c]) max[c] = value;
            }
        }

        var columns = new List<int>();
        var inverse = new double[d];
        for (var c = 0; c < d; c++)
        {
            if (!(max[c] > min[c])) continue;
            columns.Add(c);
            inverse[c] = 1 / (max[c] - min[c]);
        }

        var start = JitterHash.Mix((ulong)(uint)seed ^ 0x70726F6265UL);
        var keys = new (ulong Key, int Row)[rows.Length];
        Parallel.For(0, (rows.Length + 1023) / 1024, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, chunk =>
        {
            for (var p = chunk * 1024; p < Math.Min(rows.Length, (chunk + 1) * 1024); p++)
            {
                var r = rows[p];
                var h = JitterHash.Mix(start ^ labelKey(r));
                foreach (var c in columns) h = JitterHash.Mix(h ^ Coarse((v[r * d + c] - min[c]) * inverse[c]));
                keys[p] = (h, r);
            }
        });
        Array.Sort(keys);
        var order = new int[rows.Length];
        for (var p = 0; p < order.Length; p++) order[p] = keys[p].Row;
        return order;
    }

    /// <summary>The value as float32 rounded to nearest at mantissa bit 8 (16 significant bits), as bits; zero for ±0.</summary>
    public static ulong Coarse(double value)
    {
        var f = (float)value;
        return f == 0 ? 0UL : (BitConverter.SingleToUInt32Bits(f) + 0x80u) & 0xFFFFFF00u;
    }
}
