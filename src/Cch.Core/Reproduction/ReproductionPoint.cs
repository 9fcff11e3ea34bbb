using Cch.Criterion;
using Cch.Distillation;

namespace Cch.Reproduction;

/// <summary>One step of a sweep: the criterion's estimate and verdict and the measured effect of distillation.</summary>
public sealed record ReproductionPoint
{
    /// <summary>Value of the swept parameter (see <see cref="ReproductionReport.Parameter"/>).</summary>
    public required double Parameter { get; init; }

    /// <summary>Closed-form I(H_t;H_s), I(H_s;Y) and Δ in nats where the model has one (the Gaussian sweep), else <c>null</c>.</summary>
    public ClosedFormDelta? ClosedForm { get; init; }

    /// <summary>Estimated I(H_t;H_s) in nats with its interval.</summary>
    public required IntervalEstimate TeacherStudent { get; init; }

    /// <summary>Estimated I(H_s;Y) in nats with its interval.</summary>
    public required IntervalEstimate StudentLabel { get; init; }

    /// <summary>Estimated Δ = I(H_t;H_s) − I(H_s;Y) in nats with the criterion's (bias-aware) interval.</summary>
    public required IntervalEstimate Delta { get; init; }

    /// <summary>The criterion's verdict.</summary>
    public required Verdict Verdict { get; init; }

    /// <summary>Why the verdict is inconclusive, when it is.</summary>
    public VerdictReason? Reason { get; init; }

    /// <summary>The estimator the criterion used for I(H_t;H_s), as named in the check report.</summary>
    public string? Estimator { get; init; }

    /// <summary>
    /// Measured effect of distillation on held-out rows, in the unit of <see cref="ReproductionReport.EffectMetric"/>
    /// (positive = KD helped): mean over seeds with its interval; <c>null</c> when not measured.
    /// </summary>
    public IntervalEstimate? KdEffect { get; init; }

    /// <summary>The measured outcome (kd-helps, kd-hurts, equivalent, undetermined); <c>null</c> when not measured.</summary>
    public KdOutcome? Outcome { get; init; }

    /// <summary>Whether the verdict and the measured outcome agree (<see cref="AgreementRule"/>); <c>null</c> when not measured.</summary>
    public Agreement? Agreement { get; init; }

    /// <summary>Number of training seeds behind <see cref="KdEffect"/>.</summary>
    public int? Seeds { get; init; }

    /// <summary>Other measured figures of this point by name (e.g. "teacher accuracy", "student accuracy, no KD"), unit in the name.</summary>
    public IReadOnlyDictionary<string, double>? Measures { get; init; }
}
