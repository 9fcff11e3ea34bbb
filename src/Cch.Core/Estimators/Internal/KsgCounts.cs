namespace Cch.Estimators.Internal;

/// <summary>
/// The fast path of KSG algorithm 1: for every point i, ε_i = k-th smallest joint distance
/// max(dx_j, dy_j) over j ≠ i, then n_x(i) = #{j ≠ i : dx_j &lt; ε_i} and n_y(i) likewise.
/// Blocks of 8 points run in parallel; each block computes its two distance rows into per-thread
/// O(N) buffers and writes its counts into the output arrays at the points' own indices, so the
/// result does not depend on thread scheduling.
/// </summary>
internal static unsafe class KsgCounts
{
    public static (int[] Nx, int[] Ny) Compute(PreparedSpace x, PreparedSpace y, int k, KernelIsa isa)
    {
        var n = x.Rows;
        var padded = x.PaddedRows;
        var nx = new int[n];
        var ny = new int[n];
        var blocks = (n + MaxNormKernel.BlockRows - 1) / MaxNormKernel.BlockRows;
        var rowsPerBuffer = MaxNormKernel.BlockRows * padded;
        BlockScheduler.Run(
            blocks,
            () => new Scratch(2 * rowsPerBuffer, k),
            (block, scratch) =>
            {
                var i0 = block * MaxNormKernel.BlockRows;
                var dx = scratch.Pointer;
                var dy = dx + rowsPerBuffer;
                MaxNormKernel.BlockDistances(x, i0, dx, padded, isa);
                MaxNormKernel.BlockDistances(y, i0, dy, padded, isa);
                var end = Math.Min(n, i0 + MaxNormKernel.BlockRows);
                for (var i = i0; i < end; i++)
                {
                    var rx = new Span<float>(dx + (i - i0) * (long)padded, padded);
                    var ry = new Span<float>(dy + (i - i0) * (long)padded, padded);
                    rx[i] = float.PositiveInfinity;
                    ry[i] = float.PositiveInfinity;
                    rx[n..].Fill(float.PositiveInfinity);
                    ry[n..].Fill(float.PositiveInfinity);
                    var eps = NeighbourSelection.KthSmallestOfMax(rx, ry, k, scratch.Top);
                    (nx[i], ny[i]) = NeighbourSelection.CountLess(rx, ry, eps);
                }
            });
        return (nx, ny);
    }
}
