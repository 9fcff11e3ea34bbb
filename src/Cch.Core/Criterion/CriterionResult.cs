namespace Cch.Criterion;

/// <summary>The outcome of <see cref="CchCriterion.Evaluate"/>.</summary>
/// <param name="Teachers">Every teacher, ranked by Δ (best first).</param>
/// <param name="TeacherStudentEstimator">Name(s) of the estimator(s) used for I(H_t;H_s), comma-separated when <c>auto</c> chose differently per teacher.</param>
/// <param name="StudentLabelEstimator">Name of the estimator used for I(H_s;Y).</param>
/// <param name="Rows">N, the rows used.</param>
/// <param name="HalfSampleRows">Rows in each half-sample, ⌊N/2⌋, or 0 when no term used half-sampling.</param>
/// <param name="EstimateTime">Time spent on the full-sample estimates.</param>
/// <param name="IntervalTime">Time spent on the half-sample replicates.</param>
public sealed record CriterionResult(
    IReadOnlyList<TeacherAssessment> Teachers,
    string TeacherStudentEstimator,
    string StudentLabelEstimator,
    int Rows,
    int HalfSampleRows,
    TimeSpan EstimateTime,
    TimeSpan IntervalTime)
{
    /// <summary>
    /// The level of each teacher's Δ interval: the confidence level itself for one teacher, 1 − α/T for
    /// T teachers (Bonferroni, so that all T intervals hold together at the confidence level).
    /// </summary>
    public double DeltaConfidenceLevel { get; init; } = 0.95;

    /// <summary>The best-ranked teacher, whose verdict is the overall verdict.</summary>
    public TeacherAssessment Best => Teachers[0];

    /// <summary>The overall verdict: that of the teacher with the largest Δ.</summary>
    public Verdict Verdict => Best.Verdict;

    /// <summary>The distinct interval methods used, in first-use order (e.g. <c>half-sampling</c>, <c>influence</c>).</summary>
    public IReadOnlyList<string> IntervalMethods =>
        Teachers.SelectMany(t => new[] { t.TeacherStudent.IntervalMethod, t.StudentLabel.IntervalMethod }).Distinct().ToList();
}
