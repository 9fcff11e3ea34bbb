using System.Globalization;
using Cch.Data;
using Cch.Synthetic.Internal;

namespace Cch.Synthetic;

/// <summary>
/// The calibration suite (issue 11, §1): <see cref="CalibrationTask"/>s with exact Δ = I(H_t;H_s) − I(H_s;Y)
/// in nats, for measuring whether the criterion's intervals cover the true Δ and whether its verdicts have the
/// right sign.
/// </summary>
/// <remarks>
/// <para>40 tasks: d_t + d_s from 2 + 2 to 500 + 200, N from 500 to 10,000, Δ from −1 to +1.5 nats with twelve
/// tasks at |Δ| &lt; 0.1 (four at Δ = 0), 19 regression and 13 binary tasks on the Gaussian sample and 8
/// variants of them under the per-coordinate maps x ↦ x³ + x or eˣ (<see cref="CalibrationTransform"/>;
/// same truths).</para>
/// <para>Each task is designed from target values of I(H_t;H_s) and I(H_s;Y) written into its id; the
/// parameters solve the targets (g = √(e^{2 I_ts / k} − 1); regression α = σ·√(e^{2 I_sy} − 1); binary α by
/// bisection on the quadrature), and the truths are then recomputed from the parameters by the formulas in
/// <see cref="CalibrationTask"/>, so they equal the targets to rounding.</para>
/// </remarks>
public static class CalibrationTasks
{
    private static readonly Lazy<IReadOnlyList<CalibrationTask>> Tasks = new(Build);

    /// <summary>Every task, Gaussian ones first (regression, then binary), then the transformed variants.</summary>
    public static IReadOnlyList<CalibrationTask> All => Tasks.Value;

    /// <summary>
    /// A task designed from target mutual informations (nats).
    /// </summary>
    /// <param name="labelKind">Regression or binary classification.</param>
    /// <param name="teacherDimensions">d_t.</param>
    /// <param name="studentDimensions">d_s.</param>
    /// <param name="copiedDirections">k; 0 only with <paramref name="teacherStudent"/> = 0.</param>
    /// <param name="rows">N.</param>
    /// <param name="teacherStudent">Target I(H_t;H_s) ≥ 0.</param>
    /// <param name="studentLabel">Target I(H_s;Y) &gt; 0 (below ln 2 for a binary label).</param>
    /// <param name="sharesLabelNoise">Whether the teacher carries a column ε + noise (λ = 1).</param>
    /// <param name="transform">The per-coordinate map.</param>
    /// <exception cref="ArgumentOutOfRangeException">A target is unreachable or a dimension is out of range.</exception>
    public static CalibrationTask Design(LabelKind labelKind, int teacherDimensions, int studentDimensions, int copiedDirections, int rows,
                                         double teacherStudent, double studentLabel, bool sharesLabelNoise = false,
                                         CalibrationTransform transform = CalibrationTransform.Identity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(teacherStudent);
        if (copiedDirections == 0 && teacherStudent > 0)
            throw new ArgumentOutOfRangeException(nameof(copiedDirections), "A teacher that copies no direction has I(H_t;H_s) = 0.");
        var gain = copiedDirections == 0 ? 0 : Math.Sqrt(double.ExpM1(2 * teacherStudent / copiedDirections));
        var labelGain = labelKind == LabelKind.Regression
            ? CalibrationTask.LabelNoise * Math.Sqrt(double.ExpM1(2 * studentLabel))
            : ProbitLabelQuadrature.SolveAlpha(studentLabel);
        var id = string.Create(CultureInfo.InvariantCulture,
            $"{(labelKind == LabelKind.Regression ? "reg" : "bin")}-t{teacherDimensions}-s{studentDimensions}-k{copiedDirections}-n{rows}-ts{teacherStudent:0.00}-sy{studentLabel:0.00}");
        if (sharesLabelNoise) id += "-eps";
        if (transform != CalibrationTransform.Identity) id += "-" + transform.ToString().ToLowerInvariant();
        return new CalibrationTask(id, labelKind, teacherDimensions, studentDimensions, copiedDirections, gain, labelGain,
            sharesLabelNoise ? 1.0 : 0.0, rows, transform);
    }

    private static IReadOnlyList<CalibrationTask> Build()
    {
        const LabelKind reg = LabelKind.Regression;
        const LabelKind bin = LabelKind.Classification;
        var gaussian = new List<CalibrationTask>
        {
            // Regression: (d_t, d_s, k, N, I_ts, I_sy[, teacher shares ε]); Δ in the comment.
            Design(reg, 2, 2, 1, 500, 0.50, 0.20),             // +0.30
            Design(reg, 2, 2, 1, 1000, 0.20, 0.80),            // −0.60
            Design(reg, 2, 2, 1, 1000, 0.35, 0.30),            // +0.05
            Design(reg, 2, 2, 2, 2000, 1.20, 0.20),            // +1.00
            Design(reg, 2, 2, 1, 5000, 0.30, 0.30, true),      //  0
            Design(reg, 5, 5, 2, 1000, 0.60, 0.10),            // +0.50
            Design(reg, 5, 5, 1, 2000, 0.10, 1.10),            // −1.00
            Design(reg, 5, 5, 3, 5000, 0.55, 0.60),            // −0.05
            Design(reg, 5, 5, 2, 10000, 1.60, 0.10),           // +1.50
            Design(reg, 10, 10, 2, 1000, 0.40, 0.40, true),    //  0
            Design(reg, 10, 10, 3, 2000, 0.90, 0.40),          // +0.50
            Design(reg, 20, 10, 4, 5000, 0.30, 0.80),          // −0.50
            Design(reg, 50, 20, 5, 2000, 1.00, 0.50),          // +0.50
            Design(reg, 50, 20, 2, 1000, 0.20, 0.70),          // −0.50
            Design(reg, 100, 50, 5, 5000, 0.50, 0.45),         // +0.05
            Design(reg, 100, 50, 10, 10000, 1.80, 0.30),       // +1.50
            Design(reg, 200, 100, 5, 2000, 0.40, 0.32),        // +0.08
            Design(reg, 500, 200, 10, 10000, 1.20, 0.20),      // +1.00
            Design(reg, 500, 200, 5, 5000, 0.30, 1.30),        // −1.00

            // Binary (I(H_s;Y) < ln 2).
            Design(bin, 2, 2, 1, 500, 0.60, 0.20),             // +0.40
            Design(bin, 2, 2, 1, 1000, 0.10, 0.40),            // −0.30
            Design(bin, 2, 2, 1, 2000, 0.30, 0.25, true),      // +0.05
            Design(bin, 2, 2, 2, 5000, 1.00, 0.10),            // +0.90
            Design(bin, 5, 5, 2, 1000, 0.15, 0.50),            // −0.35
            Design(bin, 5, 5, 2, 2000, 0.40, 0.40),            //  0
            Design(bin, 5, 5, 3, 10000, 1.70, 0.20),           // +1.50
            Design(bin, 10, 10, 2, 5000, 0.25, 0.30),          // −0.05
            Design(bin, 20, 10, 3, 1000, 0.80, 0.30),          // +0.50
            Design(bin, 50, 20, 5, 2000, 0.20, 0.60),          // −0.40
            Design(bin, 100, 50, 5, 5000, 0.70, 0.35),         // +0.35
            Design(bin, 500, 200, 10, 10000, 0.50, 0.45),      // +0.05
            Design(bin, 500, 200, 5, 2000, 1.20, 0.30),        // +0.90
        };

        // Transformed variants: the same parameters (and base sample per seed) under a monotone map.
        var variants = new (int Index, CalibrationTransform Transform)[]
        {
            (0, CalibrationTransform.Cubic), (2, CalibrationTransform.Cubic), (6, CalibrationTransform.Cubic),
            (5, CalibrationTransform.Exp), (12, CalibrationTransform.Cubic),
            (20, CalibrationTransform.Cubic), (24, CalibrationTransform.Exp), (27, CalibrationTransform.Exp),
        };
        var all = new List<CalibrationTask>(gaussian);
        foreach (var (index, transform) in variants)
            all.Add(gaussian[index].With(transform, gaussian[index].Id + "-" + transform.ToString().ToLowerInvariant()));
        return all;
    }
}
