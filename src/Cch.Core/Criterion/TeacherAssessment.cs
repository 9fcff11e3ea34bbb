namespace Cch.Criterion;

/// <summary>The criterion for one teacher: both mutual informations, Δ and the verdict.</summary>
/// <param name="Name">The teacher's column spec.</param>
/// <param name="Rank">1 for the teacher with the largest Δ estimate.</param>
/// <param name="Dimensions">d_t, the teacher representation's width.</param>
/// <param name="TeacherStudent">I(H_t;H_s) in nats.</param>
/// <param name="StudentLabel">I(H_s;Y) in nats (the same for every teacher).</param>
/// <param name="Delta">Δ = I(H_t;H_s) − I(H_s;Y) in nats, with its interval at <see cref="CriterionResult.DeltaConfidenceLevel"/> (simultaneous over the teachers; bias-aware when the self-check ran).</param>
/// <param name="Verdict">Pass, fail or inconclusive against the margin (<see cref="RobustVerdict"/>).</param>
public sealed record TeacherAssessment(
    string Name,
    int Rank,
    int Dimensions,
    MutualInformationResult TeacherStudent,
    MutualInformationResult StudentLabel,
    IntervalEstimate Delta,
    Verdict Verdict)
{
    /// <summary>SE of Δ̂ in nats (see <see cref="DeltaDistribution"/>).</summary>
    public double DeltaStandardError { get; init; }

    /// <summary>The probability that the true Δ lies on the other side of the margin than Δ̂ (<see cref="DeltaDistribution.WrongSignProbability"/>).</summary>
    public double WrongSignProbability { get; init; }

    /// <summary>The probability that this teacher has the largest Δ (<see cref="TeacherSelection.BestProbabilities"/>); 1 for a single teacher.</summary>
    public double BestProbability { get; init; } = 1;

    /// <summary>Δ with its sampling-only interval (at the same level as <see cref="Delta"/>).</summary>
    public IntervalEstimate? SamplingDelta { get; init; }

    /// <summary>B in nats, the bias allowed for in <see cref="Delta"/>'s interval (0 without the self-check).</summary>
    public double DeltaBiasBound { get; init; }

    /// <summary>Why the verdict is inconclusive (<see cref="RobustVerdict"/>); <c>null</c> for pass and fail.</summary>
    public VerdictReason? Reason { get; init; }

    /// <summary>Δ̂ under every pair of estimators that passed the self-check (<see cref="RobustVerdict.Deltas"/>).</summary>
    public IReadOnlyList<EstimatorDelta> EstimatorDeltas { get; init; } = [];
}
