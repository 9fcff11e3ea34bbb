namespace Cch.Criterion;

/// <summary>Δ̂ = I(H_t;H_s) − I(H_s;Y) with one estimator for each term, both of which passed the self-check (<see cref="RobustVerdict"/>).</summary>
/// <param name="TeacherStudent">The estimator of I(H_t;H_s) (a component name, e.g. <c>copula</c>).</param>
/// <param name="StudentLabel">The estimator of I(H_s;Y).</param>
/// <param name="Delta">Δ̂ on all rows in nats.</param>
public sealed record EstimatorDelta(string TeacherStudent, string StudentLabel, double Delta);
