using Cch.Criterion;

namespace Cch.Benchmarks.Calibration;

/// <summary>One run of the criterion: a calibration task, a seed and an estimator family.</summary>
/// <param name="TaskId">The task id (<see cref="Synthetic.CalibrationTask.Id"/>).</param>
/// <param name="Label"><c>regression</c> or <c>binary</c>.</param>
/// <param name="TeacherDimensions">d_t.</param>
/// <param name="StudentDimensions">d_s.</param>
/// <param name="Rows">N actually used (the task's N, or the <c>--max-n</c> cap).</param>
/// <param name="Transform">The task's per-coordinate map.</param>
/// <param name="TrueTeacherStudent">Exact I(H_t;H_s), nats.</param>
/// <param name="TrueStudentLabel">Exact I(H_s;Y), nats.</param>
/// <param name="Family">The estimator family's name.</param>
/// <param name="Seed">Data seed, also the criterion's seed.</param>
/// <param name="TeacherStudent">Estimated I(H_t;H_s), nats (NaN on failure).</param>
/// <param name="StudentLabel">Estimated I(H_s;Y), nats (NaN on failure).</param>
/// <param name="Delta">Estimated Δ with its interval, nats (NaN on failure).</param>
/// <param name="Verdict">The criterion's verdict at margin 0, or null on failure.</param>
/// <param name="Estimators">The estimators the criterion used, "pair / label".</param>
/// <param name="Seconds">Wall time of the criterion alone (not the sampling).</param>
/// <param name="Failure">The exception message when the criterion threw, else null.</param>
/// <param name="SamplingDelta">Δ with its sampling-only interval (the same as <paramref name="Delta"/> without the self-check).</param>
/// <param name="Reason">Why the verdict is inconclusive (<c>interval-contains-margin</c>, …), or null.</param>
internal sealed record CalibrationRow(
    string TaskId, string Label, int TeacherDimensions, int StudentDimensions, int Rows, string Transform,
    double TrueTeacherStudent, double TrueStudentLabel, string Family, int Seed,
    double TeacherStudent, double StudentLabel, IntervalEstimate Delta, Verdict? Verdict, string Estimators, double Seconds, string? Failure,
    IntervalEstimate SamplingDelta, string? Reason)
{
    /// <summary>Whether the sampling-only interval of Δ contains the true Δ (false on failure).</summary>
    public bool SamplingCovers => SamplingDelta.CiLow <= TrueDelta && TrueDelta <= SamplingDelta.CiHigh;

    /// <summary>The exact Δ = I(H_t;H_s) − I(H_s;Y), nats.</summary>
    public double TrueDelta => TrueTeacherStudent - TrueStudentLabel;

    /// <summary>Whether the interval of Δ contains the true Δ (false on failure).</summary>
    public bool Covers => Delta.CiLow <= TrueDelta && TrueDelta <= Delta.CiHigh;

    /// <summary>|Δ| below which a true Δ counts as exactly 0 (the truths are exact to about 1e-13 nats).</summary>
    public const double ZeroTolerance = 1e-9;

    /// <summary>The sign of the true Δ: 0 within <see cref="ZeroTolerance"/>.</summary>
    public int TrueSign => Math.Abs(TrueDelta) < ZeroTolerance ? 0 : Math.Sign(TrueDelta);

    /// <summary>Whether the row counts for the sign target: |Δ| ≥ 0.1 nats and N ≥ 1,000.</summary>
    public bool InSignScope => Math.Abs(TrueDelta) >= CalibrationReport.SignThreshold && Rows >= CalibrationReport.SignMinimumRows;

    /// <summary>Whether the estimated Δ has the sign of the true Δ (false on failure or an estimate of exactly 0).</summary>
    public bool SignRight => TrueSign != 0 && Math.Sign(Delta.Estimate) == TrueSign;

    /// <summary>A pass with true Δ &lt; 0 or a fail with true Δ &gt; 0 (a decision at Δ = 0 is counted apart, in the report).</summary>
    public bool WrongSignedVerdict =>
        (Verdict == Criterion.Verdict.Pass && TrueSign < 0) || (Verdict == Criterion.Verdict.Fail && TrueSign > 0);
}
