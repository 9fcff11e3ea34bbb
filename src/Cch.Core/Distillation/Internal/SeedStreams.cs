namespace Cch.Distillation.Internal;

/// <summary>
/// Seeds derived from one seed value, one per random stream (split, teacher weights, student weights,
/// batch order), so the streams do not depend on each other: e.g. the student's initial weights are the
/// same whether or not a teacher was trained first. Mixing is SplitMix64 (Steele, Lea and Flood 2014).
/// </summary>
internal static class SeedStreams
{
    /// <summary>The fit/validation split.</summary>
    public const int Split = 1;

    /// <summary>The teacher's initial weights.</summary>
    public const int TeacherInit = 2;

    /// <summary>The teacher's batch order.</summary>
    public const int TeacherBatches = 3;

    /// <summary>The students' shared initial weights.</summary>
    public const int StudentInit = 4;

    /// <summary>The students' shared batch order.</summary>
    public const int StudentBatches = 5;

    /// <summary>A non-negative 63-bit seed for <c>torch.manual_seed</c>.</summary>
    public static long Torch(int seed, int stream) => (long)(Mix(seed, stream) >> 1);

    /// <summary>A non-negative 31-bit seed for <see cref="Random"/>.</summary>
    public static int Managed(int seed, int stream) => (int)(Mix(seed, stream) >> 33);

    private static ulong Mix(int seed, int stream)
    {
        var z = ((ulong)(uint)seed << 8 | (uint)stream) + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
