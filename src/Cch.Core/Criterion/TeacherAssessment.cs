namespace Cch.Criterion;

/// <summary>The criterion for one teacher: both mutual informations, Δ and the verdict.</summary>
/// <param name="Name">The teacher's column spec.</param>
/// <param name="Rank">1 for the teacher with the largest Δ estimate.</param>
/// <param name="Dimensions">d_t, the teacher representation's width.</param>
/// <param name="TeacherStudent">I(H_t;H_s) in nats.</param>
/// <param name="StudentLabel">I(H_s;Y) in nats (the same for every teacher).</param>
/// <param name="Delta">Δ = I(H_t;H_s) − I(H_s;Y) in nats, with its interval at <see cref="CriterionResult.DeltaConfidenceLevel"/> (simultaneous over the teachers).</param>
/// <param name="Verdict">Pass, fail or inconclusive against the margin.</param>
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
}
