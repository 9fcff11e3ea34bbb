namespace Cch.Neural;

/// <summary>
/// Seeds derived from one seed value, one per random stream, so that streams do not depend on each
/// other: e.g. a student's initial weights are the same whether or not a teacher was trained first, and
/// a critic's batch order does not move when its initialisation changes. Each caller names its streams
/// with small integers 0–255 of its own (the distillation run in <c>Distillation/Internal/DistillationStreams</c>,
/// the trained estimators in <c>Estimators/Neural/EstimatorStreams</c>); the pair (seed, stream) is mixed
/// with SplitMix64's finaliser (Steele, Lea &amp; Flood 2014, "Fast splittable pseudorandom number
/// generators", OOPSLA), so neighbouring seeds or streams give unrelated values.
/// </summary>
internal static class SeedStreams
{
    /// <summary>The largest stream id, 255 (the id occupies the low 8 bits of the mixed word).</summary>
    public const int MaxStream = 255;

    /// <summary>A non-negative 63-bit seed for <c>torch.manual_seed</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stream"/> is outside 0–255.</exception>
    public static long Torch(int seed, int stream) => (long)(Mix(seed, stream) >> 1);

    /// <summary>A non-negative 31-bit seed for <see cref="Random"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stream"/> is outside 0–255.</exception>
    public static int Managed(int seed, int stream) => (int)(Mix(seed, stream) >> 33);

    private static ulong Mix(int seed, int stream)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(stream);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(stream, MaxStream);
        var z = ((ulong)(uint)seed << 8 | (uint)stream) + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
