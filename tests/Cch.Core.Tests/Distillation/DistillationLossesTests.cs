using Cch.Distillation.Internal;
using Cch.Tests.Neural;
using TorchSharp;
using static TorchSharp.torch;

namespace Cch.Tests.Distillation;

/// <summary>
/// Truth: closed forms worked out by hand for a 2×3 batch (student s, teacher t, T = 2). Row 1: the
/// tempered teacher p = softmax(1.5, 1, 0.5) and student q = softmax(0.5, 1, 1.5) are mirror images, so
/// log(p/q) = (1, 0, −1) and KL(p‖q) = p₁ − p₃. Row 2: the student is uniform, so KL(p‖q) = ln 3 + Σ p ln p.
/// The spike evaluated the same batch with Python's math module: T²·batchmean = 0.7971552395421696.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class DistillationLossesTests
{
    private static readonly double[,] Student = { { 1, 2, 3 }, { 0.5, 0.5, 0.5 } };
    private static readonly double[,] Teacher = { { 3, 2, 1 }, { 0, 1, 2 } };

    public DistillationLossesTests() => TorchCollection.Ready();

    private static double[] Softmax(params double[] z)
    {
        var e = z.Select(Math.Exp).ToArray();
        return e.Select(x => x / e.Sum()).ToArray();
    }

    /// <summary>KL(softmax(t/T) ‖ softmax(s/T)) per row, by the closed forms above (valid for this batch at any T).</summary>
    private static (double Row1, double Row2) TeacherToStudentKl(double temperature)
    {
        var p1 = Softmax(3 / temperature, 2 / temperature, 1 / temperature);
        var row1 = 2 / temperature * (p1[0] - p1[2]); // log(p/q) = (2/T)·(1, 0, −1)
        var p2 = Softmax(0, 1 / temperature, 2 / temperature);
        var row2 = Math.Log(3) + p2.Sum(p => p * Math.Log(p));
        return (row1, row2);
    }

    [Fact]
    public void The_soft_target_term_is_T_squared_times_the_batch_mean_of_KL_teacher_to_student()
    {
        using var scope = NewDisposeScope();
        var (row1, row2) = TeacherToStudentKl(2);

        var kd = DistillationLosses.SoftTargetKl(tensor(Student), tensor(Teacher), 2).item<double>();

        Assert.Equal(4 * (row1 + row2) / 2, kd, 12);
        Assert.Equal(0.7971552395421696, kd, 12);
    }

    [Fact]
    public void The_reversed_direction_KL_student_to_teacher_gives_a_different_value()
    {
        using var scope = NewDisposeScope();
        // Row 1 is symmetric (mirror images); row 2: KL(uniform ‖ p) = −ln 3 − (1/3) Σ ln p.
        var (row1, _) = TeacherToStudentKl(2);
        var p2 = Softmax(0, 0.5, 1);
        var reversedRow2 = -Math.Log(3) - p2.Sum(Math.Log) / 3;
        var reversed = 4 * (row1 + reversedRow2) / 2;

        var kd = DistillationLosses.SoftTargetKl(tensor(Student), tensor(Teacher), 2).item<double>();

        Assert.True(Math.Abs(kd - reversed) > 1e-3, $"{kd} vs reversed {reversed}");
    }

    [Fact]
    public void At_T_1_there_is_no_extra_factor_and_the_mean_is_over_rows_not_rows_times_classes()
    {
        using var scope = NewDisposeScope();
        var (row1, row2) = TeacherToStudentKl(1);

        var kd = DistillationLosses.SoftTargetKl(tensor(Student), tensor(Teacher), 1).item<double>();

        Assert.Equal((row1 + row2) / 2, kd, 12);
    }

    [Fact]
    public void Hinton_loss_mixes_hard_label_cross_entropy_and_the_soft_term_by_lambda()
    {
        using var scope = NewDisposeScope();
        // Labels (2, 0): CE row 1 = ln(e + e² + e³) − 3; row 2 (uniform) = ln 3.
        var ce = (Math.Log(Math.E + Math.Exp(2) + Math.Exp(3)) - 3 + Math.Log(3)) / 2;
        var (row1, row2) = TeacherToStudentKl(2);
        var soft = 4 * (row1 + row2) / 2;
        var labels = tensor(new long[] { 2, 0 });

        var mixed = DistillationLosses.Hinton(tensor(Student), tensor(Teacher), labels, 2, 0.3).item<double>();
        var hardOnly = DistillationLosses.Hinton(tensor(Student), tensor(Teacher), labels, 2, 0).item<double>();

        Assert.Equal(0.7 * ce + 0.3 * soft, mixed, 12);
        Assert.Equal(ce, hardOnly, 12);
    }

    [Fact]
    public void Gradients_reach_the_student_only()
    {
        using var scope = NewDisposeScope();
        var s = tensor(Student, requires_grad: true);
        var t = tensor(Teacher, requires_grad: true);

        DistillationLosses.Hinton(s, t, tensor(new long[] { 2, 0 }), 2, 0.5).backward();

        Assert.NotNull(s.grad);
        Assert.Null(t.grad);
    }

    [Fact]
    public void The_regression_objective_is_mse_to_the_labels_plus_lambda_times_mse_to_the_teacher()
    {
        using var scope = NewDisposeScope();
        // MSE(y, ŷ_s) = (1² + 2²)/2 = 2.5; MSE(ŷ_s, ŷ_t) = (0.5² + 1²)/2 = 0.625; λ = 0.5.
        var loss = DistillationLosses.Regression(
            tensor(new double[,] { { 1 }, { 2 } }),
            tensor(new double[,] { { 0 }, { 4 } }),
            tensor(new double[,] { { 1.5 }, { 1 } }),
            0.5).item<double>();

        Assert.Equal(2.5 + 0.5 * 0.625, loss, 12);
    }
}
