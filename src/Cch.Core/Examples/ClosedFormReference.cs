namespace Cch.Examples;

/// <summary>Exact mutual informations of a generated example, in nats, to print beside the estimates.</summary>
/// <param name="TeacherStudent">I(H_t;H_s) from the model's covariance.</param>
/// <param name="StudentLabel">I(H_s;Y) from the model's covariance.</param>
public sealed record ClosedFormReference(double TeacherStudent, double StudentLabel)
{
    /// <summary>Δ = I(H_t;H_s) − I(H_s;Y) in nats.</summary>
    public double Delta => TeacherStudent - StudentLabel;
}
