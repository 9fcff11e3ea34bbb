namespace Cch.Estimators.Internal;

/// <summary>
/// Runs blocks 0..count−1 on at most <see cref="Environment.ProcessorCount"/> workers, each with
/// its own scratch state created once (so per-thread buffers are allocated once per worker, not per
/// task). Blocks are handed out dynamically; bodies must write only their own outputs, which makes
/// the result independent of the scheduling.
/// </summary>
internal static class BlockScheduler
{
    public static void Run<TScratch>(int count, Func<TScratch> createScratch, Action<int, TScratch> body)
    {
        var next = -1;
        var workers = Math.Max(1, Math.Min(Environment.ProcessorCount, count));
        Parallel.For(0, workers, _ =>
        {
            var scratch = createScratch();
            int block;
            while ((block = Interlocked.Increment(ref next)) < count) body(block, scratch);
        });
    }
}
