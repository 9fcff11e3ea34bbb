namespace Cch.Distillation.Internal;

/// <summary>The random streams of one verification seed (see <see cref="Neural.SeedStreams"/>).</summary>
internal static class DistillationStreams
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
}
