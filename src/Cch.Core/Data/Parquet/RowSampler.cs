namespace Cch.Data.Parquet;

/// <summary>
/// Draws the rows a run uses when more are available than <c>--max-rows</c>: a bottom-k sample by a
/// seeded hash of each row's identity (its key, or its row index in the file). Every row's hash is an
/// independent uniform draw, so the k smallest are a uniform sample without replacement; because the
/// hash depends only on the identity and the seed, the same rows are drawn (and put in the same order)
/// whatever the order of the files or their row groups.
/// </summary>
internal static class RowSampler
{
    /// <summary>
    /// The positions (0 … <paramref name="rows"/> − 1) of the sampled rows, ordered by hash; all positions
    /// in order when <paramref name="maxRows"/> is <c>null</c> or not below <paramref name="rows"/>.
    /// </summary>
    /// <param name="rows">Rows available.</param>
    /// <param name="identity">Hash input of the row at each position (see <see cref="KeyIdentity"/>, <see cref="IndexIdentity"/>).</param>
    /// <param name="maxRows">The cap, or <c>null</c>.</param>
    /// <param name="seed">The run's seed.</param>
    public static int[] Select(int rows, Func<int, ulong> identity, int? maxRows, int seed)
    {
        if (maxRows is not { } cap || cap >= rows) return Enumerable.Range(0, rows).ToArray();
        var hashes = new ulong[rows];
        var positions = new int[rows];
        var salt = Mix(unchecked((ulong)(uint)seed * 0x9E3779B97F4A7C15UL));
        for (var i = 0; i < rows; i++)
        {
            hashes[i] = Mix(identity(i) ^ salt);
            positions[i] = i;
        }

        // Ties (two identities with one 64-bit hash) are broken by position; they have probability ~N²/2⁶⁵.
        Array.Sort(hashes, positions);
        return positions[..cap];
    }

    /// <summary>The identity of a keyed row: FNV-1a (64-bit) over the key's UTF-16 code units.</summary>
    public static ulong KeyIdentity(string key)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in key) hash = unchecked((hash ^ c) * 1099511628211UL);
        return hash;
    }

    /// <summary>The identity of a row without a key: its row index in the file.</summary>
    public static ulong IndexIdentity(int fileRow) => (ulong)fileRow;

    /// <summary>SplitMix64's finaliser (Steele, Lea &amp; Flood 2014): a bijection of 64-bit words with full avalanche.</summary>
    internal static ulong Mix(ulong z)
    {
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }
}
