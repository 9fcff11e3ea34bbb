namespace Cch.Estimators.Internal;

/// <summary>
/// Counter-based pseudo-random numbers (SplitMix64 finaliser, Steele, Lea &amp; Flood 2014): the value for
/// (seed, space, column, row) depends on nothing else, so jitter is identical whatever the thread
/// scheduling, and dropping a constant column does not shift the jitter of the others.
/// </summary>
internal static class JitterHash
{
    /// <summary>The SplitMix64 finaliser: a bijective 64-bit mix.</summary>
    public static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A key for one column of one space, to pass to <see cref="Uniform"/>.</summary>
    public static ulong ColumnKey(int seed, int space, int column) =>
        Mix(Mix(Mix((ulong)(uint)seed) ^ (ulong)(uint)space) ^ (ulong)(uint)column);

    /// <summary>Uniform on [−1, 1).</summary>
    public static double Uniform(ulong columnKey, int row)
    {
        var u = Mix(columnKey ^ Mix((ulong)(uint)row));
        return (u >> 11) * (1.0 / (1UL << 53)) * 2.0 - 1.0;
    }
}
