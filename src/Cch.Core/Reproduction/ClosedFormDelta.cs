namespace Cch.Reproduction;

/// <summary>Exact mutual informations of a model with a closed form, in nats.</summary>
/// <param name="TeacherStudent">I(H_t;H_s).</param>
/// <param name="StudentLabel">I(H_s;Y).</param>
public sealed record ClosedFormDelta(double TeacherStudent, double StudentLabel)
{
    /// <summary>Δ = I(H_t;H_s) − I(H_s;Y).</summary>
    public double Delta => TeacherStudent - StudentLabel;
}
