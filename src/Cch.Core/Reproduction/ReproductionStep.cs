using Cch.Criterion;
using Cch.Data;
using Cch.Distillation;

namespace Cch.Reproduction;

/// <summary>
/// The two measurements every reproduction makes at each point of its sweep: the criterion on the
/// representations (exactly what <c>dotnet cch check</c> computes) and the measured effect of distillation.
/// </summary>
public static class ReproductionStep
{
    /// <summary>
    /// Evaluates the criterion for one teacher → student pair with <paramref name="options"/> (the check's
    /// defaults when <c>new CriterionOptions()</c>) and returns the point without a KD effect.
    /// </summary>
    /// <param name="parameter">Value of the swept parameter.</param>
    /// <param name="teacher">H_t (N×d_t).</param>
    /// <param name="student">H_s (N×d_s), same rows.</param>
    /// <param name="label">Y, same rows.</param>
    /// <param name="options">Criterion settings (estimators, seed, replicates).</param>
    /// <param name="cancellationToken">Cancels between estimates.</param>
    /// <exception cref="CchInputException">The representations cannot be estimated (too few rows, constant columns…).</exception>
    public static ReproductionPoint Criterion(
        double parameter, FeatureMatrix teacher, FeatureMatrix student, LabelVector label, CriterionOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(teacher);
        ArgumentNullException.ThrowIfNull(student);
        ArgumentNullException.ThrowIfNull(label);
        var data = new Dataset
        {
            Teachers = [teacher],
            Student = student,
            Label = label,
            Inputs = [],
            Join = new JoinSummary(null, JoinMode.Strict, student.Rows, 0, 0),
        };
        var result = CchCriterion.Evaluate(data, options, null, cancellationToken);
        var best = result.Best;
        return new ReproductionPoint
        {
            Parameter = parameter,
            TeacherStudent = best.TeacherStudent.Value,
            StudentLabel = best.StudentLabel.Value,
            Delta = best.Delta,
            Verdict = best.Verdict,
            Reason = best.Reason,
            Estimator = $"{best.TeacherStudent.Estimator}; {best.StudentLabel.Estimator}",
        };
    }

    /// <summary>
    /// Adds a verification's measured effect to <paramref name="point"/>: the primary metric's paired
    /// difference signed so that positive means KD helped (accuracy: KD − no KD; MSE: no KD − KD), its
    /// outcome, the number of seeds and the agreement with the verdict (<see cref="AgreementRule"/>).
    /// </summary>
    public static ReproductionPoint WithVerification(ReproductionPoint point, VerificationResult verification)
    {
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(verification);
        var primary = verification.Differences.First(d => d.Metric == verification.PrimaryMetric);
        return WithKdEffect(point, primary, verification.Outcome);
    }

    /// <summary>
    /// Adds a measured effect given as the paired per-seed difference of one metric (KD − no KD, e.g. from a
    /// reproduction's own training loop) and the outcome decided on it: the mean difference with its interval
    /// signed so that positive means KD helped (accuracy: KD − no KD; MSE: no KD − KD), both arms' means in
    /// <see cref="ReproductionPoint.Measures"/> ("student METRIC, no KD" / ", KD"), the number of seeds and the
    /// agreement with the verdict (<see cref="AgreementRule"/>).
    /// </summary>
    /// <param name="point">The point with the criterion's verdict.</param>
    /// <param name="difference">The metric's paired difference over seeds with its interval.</param>
    /// <param name="outcome">The outcome decided on <paramref name="difference"/>.</param>
    public static ReproductionPoint WithKdEffect(ReproductionPoint point, PairedDifference difference, KdOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(difference);
        var effect = difference.HigherIsBetter
            ? new IntervalEstimate(difference.Mean, difference.CiLow, difference.CiHigh)
            : new IntervalEstimate(-difference.Mean, -difference.CiHigh, -difference.CiLow);
        var measures = new Dictionary<string, double>(point.Measures ?? new Dictionary<string, double>())
        {
            [$"student {difference.Metric}, no KD"] = difference.NoKdMean,
            [$"student {difference.Metric}, KD"] = difference.KdMean,
        };
        return point with
        {
            KdEffect = effect,
            Outcome = outcome,
            Agreement = AgreementRule.Of(point.Verdict, outcome),
            Seeds = difference.PerSeed.Count,
            Measures = measures,
        };
    }
}
