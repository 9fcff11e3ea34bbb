using Cch.Data;
using Cch.Synthetic.Internal;
using MathNet.Numerics.LinearAlgebra;

namespace Cch.Synthetic;

/// <summary>
/// A teacher / student / label distribution whose Δ = I(H_t;H_s) − I(H_s;Y) (Xie, Xu &amp; Sanguinetti 2025,
/// arXiv:2510.13182) is known exactly, for calibrating the criterion's intervals and verdicts.
/// </summary>
/// <remarks>
/// <para><b>Model</b> (linear-Gaussian). Student H_s ~ N(0, I_{d_s}); label noise ε ~ N(0, 1) independent of
/// H_s; label direction a = (α/√m)·(1, …, 1, 0, …, 0) on the first m = min(d_s, 3) student coordinates.
/// Teacher, d_t columns: t_j = g·s_j + ν_j for j &lt; k (k copied student directions, gain g); with
/// <see cref="TeacherLabelNoiseGain"/> λ &gt; 0, column k is λ·ε + ν_k (a share of the label noise: the teacher
/// then knows about Y what the student cannot); every other column is pure noise ν_j. ν ~ N(0, I_{d_t})
/// independent of everything.</para>
/// <para><b>Label.</b> Regression: y = aᵀH_s + σε with σ = 1. Binary: y = 1[aᵀH_s + ε &gt; 0] (classes "0", "1").
/// The label is a function of H_s and ε only, so a teacher sharing ε leaves I(H_s;Y) unchanged.</para>
/// <para><b>Truths</b> (nats). I(H_t;H_s) = ½[ln det Σ_tt + ln det Σ_ss − ln det Σ] from the joint covariance
/// Σ of (H_t, H_s) (<see cref="JointCovariance"/>; Cover &amp; Thomas 2006, eq. 8.56), log-determinants by
/// Cholesky in double precision (MathNet); for this Σ it equals (k/2)·ln(1 + g²). I(H_s;Y): regression
/// ½ ln(1 + α²/σ²) (Gaussian input through the additive Gaussian channel, Cover &amp; Thomas 2006, §9.1); binary ln 2 − E_u[H_b(Φ(u))],
/// u ~ N(0, α²), by adaptive Gauss–Kronrod quadrature (MathNet; error &lt; 1e-10). Both are invariant under the
/// strictly increasing per-coordinate <see cref="Transform"/>.</para>
/// <para><b>Sampling</b> is deterministic: one <see cref="Random"/> seeded with the seed draws, by Box–Muller,
/// the N·d_s student normals row by row, then the N label noises, then the N·d_t teacher noises row by row.
/// A transformed task draws the same base sample as its untransformed twin for the same seed.</para>
/// </remarks>
public sealed class CalibrationTask
{
    /// <summary>The regression label's noise standard deviation σ.</summary>
    public const double LabelNoise = 1.0;

    /// <summary>The largest number m of student coordinates the label direction a spreads over.</summary>
    public const int LabelSpan = 3;

    private readonly Lazy<double> _teacherStudent;
    private readonly Lazy<double> _studentLabel;

    internal CalibrationTask(string id, LabelKind labelKind, int teacherDimensions, int studentDimensions, int copiedDirections,
                             double gain, double labelGain, double teacherLabelNoiseGain, int rows, CalibrationTransform transform)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(studentDimensions, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(copiedDirections);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(copiedDirections, studentDimensions);
        ArgumentOutOfRangeException.ThrowIfLessThan(teacherDimensions, copiedDirections + (teacherLabelNoiseGain > 0 ? 1 : 0));
        ArgumentOutOfRangeException.ThrowIfLessThan(teacherDimensions, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(gain);
        ArgumentOutOfRangeException.ThrowIfNegative(labelGain);
        ArgumentOutOfRangeException.ThrowIfNegative(teacherLabelNoiseGain);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 2);
        Id = id;
        LabelKind = labelKind;
        TeacherDimensions = teacherDimensions;
        StudentDimensions = studentDimensions;
        CopiedDirections = copiedDirections;
        Gain = gain;
        LabelGain = labelGain;
        TeacherLabelNoiseGain = teacherLabelNoiseGain;
        Rows = rows;
        Transform = transform;
        _teacherStudent = new(() => TruthFormulas.Gaussian(JointCovariance(), TeacherDimensions), LazyThreadSafetyMode.ExecutionAndPublication);
        _studentLabel = new(() => labelKind == LabelKind.Regression
            ? 0.5 * Math.Log(1 + LabelGain * LabelGain / (LabelNoise * LabelNoise))
            : ProbitLabelQuadrature.MutualInformation(LabelGain).MutualInformation, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The stable task id, e.g. <c>reg-t5-s5-k2-n1000-ts0.60-sy0.10</c> (label kind, d_t, d_s, k, N, design I(H_t;H_s) and I(H_s;Y) in nats, then <c>-eps</c> and the transform when present).</summary>
    public string Id { get; }

    /// <summary>Regression (real y) or classification (binary y).</summary>
    public LabelKind LabelKind { get; }

    /// <summary>d_t, the teacher's columns.</summary>
    public int TeacherDimensions { get; }

    /// <summary>d_s, the student's columns.</summary>
    public int StudentDimensions { get; }

    /// <summary>k, the number of student directions the teacher copies (0 ≤ k ≤ d_s).</summary>
    public int CopiedDirections { get; }

    /// <summary>g, the gain of each copied direction (teacher noise has unit variance).</summary>
    public double Gain { get; }

    /// <summary>α = |a|, the norm of the label direction.</summary>
    public double LabelGain { get; }

    /// <summary>λ, the gain on ε of the teacher's label-noise column, or 0 when the teacher shares no label noise.</summary>
    public double TeacherLabelNoiseGain { get; }

    /// <summary>N, the rows the task prescribes (<see cref="Sample(int)"/>).</summary>
    public int Rows { get; }

    /// <summary>The per-coordinate strictly increasing map applied after sampling.</summary>
    public CalibrationTransform Transform { get; }

    /// <summary>The exact I(H_t;H_s) in nats (log-det form, computed on first use).</summary>
    public double TeacherStudentInformation => _teacherStudent.Value;

    /// <summary>The exact I(H_s;Y) in nats (closed form or quadrature, computed on first use).</summary>
    public double StudentLabelInformation => _studentLabel.Value;

    /// <summary>The exact Δ = I(H_t;H_s) − I(H_s;Y) in nats.</summary>
    public double Delta => TeacherStudentInformation - StudentLabelInformation;

    /// <summary>A short citation of the formulas behind the truths.</summary>
    public string TruthSource => LabelKind == LabelKind.Regression
        ? "I(H_t;H_s): " + TruthFormulas.GaussianSource + "; I(H_s;Y) = ½ ln(1 + α²/σ²) (Cover & Thomas 2006, §9.1)"
        : "I(H_t;H_s): " + TruthFormulas.GaussianSource + "; I(H_s;Y) = ln 2 − E[H_b(Φ(u))], u ~ N(0, α²), by Gauss–Kronrod quadrature (MathNet)";

    /// <summary>
    /// Σ, the (d_t + d_s) × (d_t + d_s) covariance of (H_t, H_s) before the transform, teacher first:
    /// Σ_ss = I; Σ_tt diagonal with 1 + g² on the k copied columns, 1 + λ² on the label-noise column, 1 elsewhere;
    /// Cov(t_j, s_j) = g for j &lt; k, 0 otherwise.
    /// </summary>
    public Matrix<double> JointCovariance()
    {
        var dt = TeacherDimensions;
        var sigma = Matrix<double>.Build.DenseIdentity(dt + StudentDimensions);
        for (var j = 0; j < CopiedDirections; j++)
        {
            sigma[j, j] = 1 + Gain * Gain;
            sigma[j, dt + j] = Gain;
            sigma[dt + j, j] = Gain;
        }

        if (TeacherLabelNoiseGain > 0) sigma[CopiedDirections, CopiedDirections] = 1 + TeacherLabelNoiseGain * TeacherLabelNoiseGain;
        return sigma;
    }

    /// <summary>The label direction a (d_s entries): α/√m on the first m = min(d_s, 3) coordinates, 0 elsewhere.</summary>
    public double[] LabelDirection()
    {
        var m = Math.Min(StudentDimensions, LabelSpan);
        var a = new double[StudentDimensions];
        for (var j = 0; j < m; j++) a[j] = LabelGain / Math.Sqrt(m);
        return a;
    }

    /// <summary>Draws the task's <see cref="Rows"/> rows.</summary>
    /// <param name="seed">Seed ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seed"/> &lt; 0.</exception>
    public CalibrationSample Sample(int seed) => Sample(seed, Rows);

    /// <summary>Draws <paramref name="rows"/> rows (any N, e.g. for tests of the moments).</summary>
    /// <param name="seed">Seed ≥ 0 (negative seeds are refused: <see cref="Random"/> would treat −s like s).</param>
    /// <param name="rows">N ≥ 2.</param>
    /// <returns>H_t (N×d_t), H_s (N×d_s) and Y, row i of each from the same joint draw.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seed"/> &lt; 0 or <paramref name="rows"/> &lt; 2.</exception>
    public CalibrationSample Sample(int seed, int rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seed);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 2);
        var ds = StudentDimensions;
        var dt = TeacherDimensions;
        var random = new Random(seed);
        var student = new double[(long)rows * ds];
        Samplers.FillStandardNormal(random, student);
        var noise = new double[rows];
        Samplers.FillStandardNormal(random, noise);
        var teacher = new double[(long)rows * dt];
        Samplers.FillStandardNormal(random, teacher);

        var a = LabelDirection();
        var m = Math.Min(ds, LabelSpan);
        var classes = LabelKind == LabelKind.Classification ? new int[rows] : null;
        var values = LabelKind == LabelKind.Regression ? new double[rows] : null;
        for (var i = 0; i < rows; i++)
        {
            var s = (long)i * ds;
            var t = (long)i * dt;
            for (var j = 0; j < CopiedDirections; j++) teacher[t + j] += Gain * student[s + j];
            if (TeacherLabelNoiseGain > 0) teacher[t + CopiedDirections] += TeacherLabelNoiseGain * noise[i];
            var u = 0.0;
            for (var j = 0; j < m; j++) u += a[j] * student[s + j];
            if (classes is not null) classes[i] = u + noise[i] > 0 ? 1 : 0;
            else values![i] = u + LabelNoise * noise[i];
        }

        Apply(teacher);
        Apply(student);
        if (values is not null) Apply(values);
        var label = classes is not null ? LabelVector.ForClasses("y", classes, ["0", "1"]) : LabelVector.ForValues("y", values!);
        return new CalibrationSample(new FeatureMatrix(Id + ":teacher", rows, dt, teacher), new FeatureMatrix(Id + ":student", rows, ds, student), label);
    }

    /// <summary>The task with the same parameters and id stem under another transform (the same base sample per seed).</summary>
    internal CalibrationTask With(CalibrationTransform transform, string id) =>
        new(id, LabelKind, TeacherDimensions, StudentDimensions, CopiedDirections, Gain, LabelGain, TeacherLabelNoiseGain, Rows, transform);

    private void Apply(double[] values)
    {
        switch (Transform)
        {
            case CalibrationTransform.Identity:
                return;
            case CalibrationTransform.Cubic:
                for (var i = 0; i < values.Length; i++) values[i] = values[i] * values[i] * values[i] + values[i];
                return;
            case CalibrationTransform.Exp:
                for (var i = 0; i < values.Length; i++) values[i] = Math.Exp(values[i]);
                return;
            default:
                throw new InvalidOperationException($"Unknown transform {Transform}.");
        }
    }

    /// <inheritdoc />
    public override string ToString() => Id;
}
