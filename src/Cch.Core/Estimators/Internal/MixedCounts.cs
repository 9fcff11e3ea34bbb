namespace Cch.Estimators.Internal;

/// <summary>
/// The fast path of Ross's estimator: for every kept point p (in class-grouped order), d_p = distance
/// to its k_p-th nearest neighbour within its own class (k_p = min(k, N_c − 1)), and
/// m_p = #{q ≠ p : dist(p, q) ≤ d_p} over all kept points. Parallel over blocks of 8 points with
/// per-thread O(N) buffers; outputs are written at each point's own index.
/// </summary>
internal static unsafe class MixedCounts
{
    public static int[] Compute(PreparedSpace x, ClassGrouping groups, int k, KernelIsa isa)
    {
        var n = x.Rows;
        var padded = x.PaddedRows;
        var m = new int[n];
        var blocks = (n + MaxNormKernel.BlockRows - 1) / MaxNormKernel.BlockRows;
        BlockScheduler.Run(
            blocks,
            () => new Scratch(MaxNormKernel.BlockRows * padded, k),
            (block, scratch) =>
            {
                var p0 = block * MaxNormKernel.BlockRows;
                var buffer = scratch.Pointer;
                MaxNormKernel.BlockDistances(x, p0, buffer, padded, isa);
                var end = Math.Min(n, p0 + MaxNormKernel.BlockRows);
                for (var p = p0; p < end; p++)
                {
                    var row = new Span<float>(buffer + (p - p0) * (long)padded, padded);
                    row[p] = float.PositiveInfinity;
                    row[n..].Fill(float.PositiveInfinity);
                    var s = groups.GroupStart[p];
                    var e = groups.GroupEnd[p];
                    var kp = Math.Min(k, e - s - 1);
                    var d = NeighbourSelection.KthSmallest(row[s..e], kp, scratch.Top);
                    m[p] = NeighbourSelection.CountLessOrEqual(row, d);
                }
            });
        return m;
    }
}
