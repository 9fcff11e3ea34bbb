using Cch.Data;
using Cch.Estimators.Internal;

namespace Cch.Estimators.Probe;

/// <summary>
/// The probe's canonical row order: rows sorted by a seeded hash of their content, ties (identical
/// rows) by input position. The hash mixes (SplitMix64, <see cref="JitterHash.Mix"/>) the seed, the
/// label and, for every non-constant column, the standardised value rounded to 16 significant bits.
/// </summary>
/// <remarks>
/// The order is a pseudo-random permutation that depends on the seed and on what the rows hold, not
/// on where they stand: permuting the input rows, rescaling or shifting a column, or adding a constant
/// column leaves it unchanged, and so leaves the folds unchanged. (The rounding makes the key immune
/// to the last-bit differences that summing the column statistics in another order, or rescaling,
/// causes in the standardised values: a key changes only if such a difference crosses a rounding
/// boundary, about 1e-16/1.5e-5 ≈ 1e-11 per value.) The caller then recomputes the column statistics
/// in this order, so every later step sees the same sequence of numbers.
/// </remarks>
internal static class RowOrder
{
    /// <summary>
    /// <paramref name="rows"/> sorted by (key, position), the key hashing the standardised kept columns of
    /// <paramref name="x"/> under <paramref name="stats"/> and <paramref name="labelKey"/>(row).
    /// </summary>
    public static int[] Sort(FeatureMatrix x, ReadOnlySpan<int> rows, ColumnStatistics stats, Func<int, ulong> labelKey, int seed)
    {
        var kept = stats.KeptColumns;
        var start = JitterHash.Mix((ulong)(uint)seed ^ 0x70726F6265UL);
        var keys = new (ulong Key, int Row)[rows.Length];
        for (var p = 0; p < rows.Length; p++)
        {
            var r = rows[p];
            var h = Mix(start, labelKey(r));
            foreach (var c in kept) h = Mix(h, Coarse(stats.Standardize(x[r, c], c)));
            keys[p] = (h, r);
        }

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

    private static ulong Mix(ulong h, ulong value) => JitterHash.Mix(h ^ JitterHash.Mix(value));
}
