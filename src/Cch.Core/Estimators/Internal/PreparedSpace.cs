using System.Runtime.CompilerServices;
using Cch.Data;

namespace Cch.Estimators.Internal;

/// <summary>
/// One space (X or Y) ready for the max-norm k-NN kernel: non-constant columns standardised to zero
/// mean and unit population SD, seeded jitter added, stored as float32 in a tiled column-major
/// ("panel") layout: tile t holds points 16t..16t+15, and within a tile dimension m is 16
/// consecutive floats. Points beyond <see cref="Rows"/> up to <see cref="PaddedRows"/> are zero
/// padding; the kernel's callers mask them out. The storage is pinned and 64-byte aligned.
/// </summary>
internal sealed unsafe class PreparedSpace
{
    /// <summary>Points per tile (one 512-bit vector of float32).</summary>
    public const int TileWidth = 16;

    /// <summary>
    /// Jitter amplitude in standardised units: each value z becomes
    /// z + <see cref="JitterScale"/>·max(1,|z|)·u with u uniform on [−1,1). The relative size (≥ 1e-5,
    /// about 80 float32 ulps at any magnitude since the float32 ulp is ≤ 2.4e-7·|z|) survives float32
    /// rounding, so tied points become distinct; and it is ~5 orders of magnitude below the unit SD, so
    /// continuous data are unaffected (k-NN distances at N = 10⁴ in ≤ 10 dims are ≳ 1e-3).
    /// </summary>
    public const double JitterScale = 1e-5;

    private readonly float[] _storage;
    private readonly int _offset;

    private PreparedSpace(int rows, int dims, float[] storage, int offset)
    {
        Rows = rows;
        Dims = dims;
        PaddedRows = Tiles * TileWidth;
        _storage = storage;
        _offset = offset;
    }

    /// <summary>Number of points N.</summary>
    public int Rows { get; }

    /// <summary>Number of kept (non-constant) dimensions.</summary>
    public int Dims { get; }

    /// <summary>Number of tiles, ⌈N/16⌉.</summary>
    public int Tiles => (Rows + TileWidth - 1) / TileWidth;

    /// <summary>Tiles·16.</summary>
    public int PaddedRows { get; }

    /// <summary>Pointer to the aligned panel (the array is pinned, so it never moves).</summary>
    public float* Pointer => (float*)Unsafe.AsPointer(ref _storage[_offset]);

    /// <summary>The standardised, jittered float32 value of point <paramref name="row"/> in kept dimension <paramref name="dim"/>.</summary>
    public float this[int row, int dim] =>
        _storage[_offset + (row / TileWidth) * Dims * TileWidth + dim * TileWidth + row % TileWidth];

    /// <summary>
    /// Prepares <paramref name="m"/>; returns <c>null</c> when every column is constant.
    /// </summary>
    /// <param name="m">The data, N×d.</param>
    /// <param name="order">Original row index for each prepared point (all rows in order when empty).</param>
    /// <param name="seed">Jitter seed.</param>
    /// <param name="space">Distinguishes the jitter streams of X (0) and Y (1).</param>
    /// <param name="paramName">Parameter name for exceptions.</param>
    /// <exception cref="ArgumentException">A value is NaN or infinite.</exception>
    public static PreparedSpace? Create(FeatureMatrix m, ReadOnlySpan<int> order, int seed, int space, string paramName)
    {
        var stats = ColumnStatistics.Compute(m, order, paramName);
        var kept = stats.KeptColumns;
        if (kept.Length == 0) return null;
        var n = order.IsEmpty ? m.Rows : order.Length;
        var dims = kept.Length;
        var tiles = (n + TileWidth - 1) / TileWidth;
        var length = (long)tiles * TileWidth * dims;
        if (length > Array.MaxLength - 16)
            throw new ArgumentException($"{m.Name}: {n}×{dims} is too large for the k-NN kernel.", paramName);
        var storage = GC.AllocateArray<float>((int)length + 16, pinned: true);
        var address = (nint)Unsafe.AsPointer(ref storage[0]);
        var offset = (int)((64 - address % 64) % 64) / sizeof(float);
        var v = m.Values;
        var d = m.Columns;
        for (var o = 0; o < dims; o++)
        {
            var c = kept[o];
            var key = JitterHash.ColumnKey(seed, space, o);
            for (var p = 0; p < n; p++)
            {
                var r = order.IsEmpty ? p : order[p];
                var z = stats.Standardize(v[r * d + c], c);
                z += JitterScale * Math.Max(1.0, Math.Abs(z)) * JitterHash.Uniform(key, r);
                storage[offset + (p / TileWidth) * dims * TileWidth + o * TileWidth + p % TileWidth] = (float)z;
            }
        }

        return new PreparedSpace(n, dims, storage, offset);
    }
}
