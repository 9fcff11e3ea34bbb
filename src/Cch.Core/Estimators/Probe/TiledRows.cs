using System.Runtime.CompilerServices;

namespace Cch.Estimators.Probe;

/// <summary>
/// The probe's features in float32, grouped by fold, row-major with a row stride of
/// <see cref="Stride"/> = d rounded up to a multiple of 16 (the padding features are zero), in
/// tiles of <see cref="TileWidth"/> consecutive rows. Each fold starts on a fresh tile; slots past a
/// fold's last row are zero padding with label −1. Tiles are split into fixed blocks of at most
/// <see cref="BlockTiles"/> tiles that never straddle folds: the unit of parallel work, whose partial
/// sums are always added in block order, so results do not depend on the thread count.
/// </summary>
internal sealed unsafe class TiledRows
{
    /// <summary>Rows per tile (one 512-bit vector of float32, two 256-bit ones).</summary>
    public const int TileWidth = 16;

    /// <summary>Tiles per block of parallel work (512 rows).</summary>
    public const int BlockTiles = 32;

    private readonly float[] _storage;
    private readonly int _offset;
    private readonly int[] _labelStorage;
    private readonly int _labelOffset;

    private TiledRows(int dims, int stride, int[] foldTileStart, float[] storage, int offset, int[] labelStorage, int labelOffset, int[] rowOfSlot)
    {
        Dims = dims;
        Stride = stride;
        FoldTileStart = foldTileStart;
        _storage = storage;
        _offset = offset;
        _labelStorage = labelStorage;
        _labelOffset = labelOffset;
        RowOfSlot = rowOfSlot;
        var blocks = new List<(int Start, int Count)>();
        var foldBlockStart = new int[foldTileStart.Length];
        for (var f = 0; f + 1 < foldTileStart.Length; f++)
        {
            foldBlockStart[f] = blocks.Count;
            for (var t = foldTileStart[f]; t < foldTileStart[f + 1]; t += BlockTiles)
                blocks.Add((t, Math.Min(BlockTiles, foldTileStart[f + 1] - t)));
        }

        foldBlockStart[^1] = blocks.Count;
        Blocks = blocks.ToArray();
        FoldBlockStart = foldBlockStart;
    }

    /// <summary>Number of features per row.</summary>
    public int Dims { get; }

    /// <summary>Floats per stored row: <see cref="Dims"/> rounded up to a multiple of 16.</summary>
    public int Stride { get; }

    /// <summary>Number of folds K.</summary>
    public int Folds => FoldTileStart.Length - 1;

    /// <summary>First tile of each fold; entry K is the tile count.</summary>
    public int[] FoldTileStart { get; }

    /// <summary>Blocks (first tile, tile count) in fold order.</summary>
    public (int Start, int Count)[] Blocks { get; }

    /// <summary>First block of each fold; entry K is the block count.</summary>
    public int[] FoldBlockStart { get; }

    /// <summary>Index (into the caller's row list) of the row in each slot, −1 for padding.</summary>
    public int[] RowOfSlot { get; }

    /// <summary>Number of tiles.</summary>
    public int Tiles => FoldTileStart[^1];

    /// <summary>Aligned pointer to the first row (the array is pinned); row s starts at s·<see cref="Stride"/>.</summary>
    public float* Pointer => (float*)Unsafe.AsPointer(ref _storage[_offset]);

    /// <summary>Aligned pointer to the label of the first slot (−1 for padding slots).</summary>
    public int* Labels => (int*)Unsafe.AsPointer(ref _labelStorage[_labelOffset]);

    /// <summary>
    /// Packs rows 0..n−1 of the row-major <paramref name="values"/> (n×<paramref name="dims"/>) by fold.
    /// </summary>
    /// <param name="values">Row-major features, already standardised (and possibly rotated).</param>
    /// <param name="dims">Features per row.</param>
    /// <param name="labels">Label of each row (class index), or empty for regression.</param>
    /// <param name="fold">Fold of each row (0..K−1).</param>
    /// <param name="folds">K.</param>
    public static TiledRows Create(double[] values, int dims, ReadOnlySpan<int> labels, ReadOnlySpan<int> fold, int folds)
    {
        var n = fold.Length;
        var counts = new int[folds];
        foreach (var f in fold) counts[f]++;
        var foldTileStart = new int[folds + 1];
        for (var f = 0; f < folds; f++) foldTileStart[f + 1] = foldTileStart[f] + (counts[f] + TileWidth - 1) / TileWidth;
        var tiles = foldTileStart[folds];
        var stride = (dims + TileWidth - 1) / TileWidth * TileWidth;
        var length = (long)tiles * TileWidth * stride;
        if (length > Array.MaxLength - 16)
            throw new ArgumentException($"{n}×{dims} features are too many for the probe's float32 storage.");
        var storage = GC.AllocateArray<float>((int)length + 16, pinned: true);
        var offset = AlignOffset((nint)Unsafe.AsPointer(ref storage[0]));
        var labelStorage = GC.AllocateArray<int>(tiles * TileWidth + 16, pinned: true);
        var labelOffset = AlignOffset((nint)Unsafe.AsPointer(ref labelStorage[0]));
        labelStorage.AsSpan(labelOffset, tiles * TileWidth).Fill(-1);
        var rowOfSlot = new int[tiles * TileWidth];
        rowOfSlot.AsSpan().Fill(-1);
        var next = new int[folds];
        for (var f = 0; f < folds; f++) next[f] = foldTileStart[f] * TileWidth;
        for (var i = 0; i < n; i++)
        {
            var slot = next[fold[i]]++;
            rowOfSlot[slot] = i;
            if (!labels.IsEmpty) labelStorage[labelOffset + slot] = labels[i];
            var target = offset + (long)slot * stride;
            var src = i * dims;
            for (var j = 0; j < dims; j++) storage[target + j] = (float)values[src + j];
        }

        return new TiledRows(dims, stride, foldTileStart, storage, offset, labelStorage, labelOffset, rowOfSlot);
    }

    /// <summary>Blocks of the folds in <paramref name="include"/> (true = included), in fold order.</summary>
    public int[] BlocksOf(ReadOnlySpan<bool> include)
    {
        var list = new List<int>();
        for (var f = 0; f < Folds; f++)
        {
            if (!include[f]) continue;
            for (var b = FoldBlockStart[f]; b < FoldBlockStart[f + 1]; b++) list.Add(b);
        }

        return list.ToArray();
    }

    private static int AlignOffset(nint address) => (int)((64 - address % 64) % 64) / sizeof(float);
}
