using Cch.Data;
using MathNet.Numerics.LinearAlgebra;

namespace Cch.Reproduction.Gaussian;

/// <summary>
/// The paper's linear teacher and student, fitted by least squares (Xie, Xu &amp; Sanguinetti 2025, arXiv:2510.13182,
/// the joint-Gaussian analysis): the teacher ŵ₁ = argmin Σ‖y − w₁ᵀx₁‖² on the training rows; the student without
/// distillation ŵ₂⁰ = argmin Σ‖y − w₂ᵀx₂‖², and with it ŵ₂^λ = argmin Σ‖y − w₂ᵀx₂‖² + λ·Σ‖w₂ᵀx₂ − ŵ₁ᵀx₁‖², whose
/// normal equations (1 + λ)·X₂ᵀX₂·w = X₂ᵀ(y + λ·X₁ŵ₁) give ŵ₂^λ = (ŵ₂⁰ + λ·ŵ₂ᵗ)/(1 + λ) with ŵ₂ᵗ the least-squares
/// fit of the teacher's predictions on x₂. No intercept: every variable of the model has mean 0.
/// </summary>
internal static class LeastSquaresDistillation
{
    /// <summary>Test and validation mean squared errors of one fit.</summary>
    /// <param name="NoKdValidation">MSE of ŵ₂⁰ on the validation rows.</param>
    /// <param name="NoKdTest">MSE of ŵ₂⁰ on the test rows.</param>
    /// <param name="KdValidation">MSE of ŵ₂^λ on the validation rows, one per λ.</param>
    /// <param name="KdTest">MSE of ŵ₂^λ on the test rows, one per λ.</param>
    /// <param name="TeacherTest">MSE of the teacher ŵ₁ on the test rows.</param>
    public sealed record Fit(double NoKdValidation, double NoKdTest, double[] KdValidation, double[] KdTest, double TeacherTest);

    /// <summary>Fits teacher and student on <paramref name="train"/> rows and scores every λ of <paramref name="lambdas"/>.</summary>
    /// <param name="teacher">x₁, N×p₁.</param>
    /// <param name="student">x₂, N×p₂.</param>
    /// <param name="y">Regression targets, N values.</param>
    /// <param name="train">Row indices to fit on (more than p₁ and p₂).</param>
    /// <param name="validation">Row indices λ is chosen on.</param>
    /// <param name="test">Held-out row indices.</param>
    /// <param name="lambdas">Distillation weights λ ≥ 0.</param>
    public static Fit Run(FeatureMatrix teacher, FeatureMatrix student, double[] y, int[] train, int[] validation, int[] test, IReadOnlyList<double> lambdas)
    {
        var x1 = Rows(teacher, train);
        var x2 = Rows(student, train);
        var yTrain = Vector<double>.Build.Dense(train.Length, i => y[train[i]]);
        var w1 = Solve(x1, yTrain);
        var teacherPrediction = x1 * w1;
        var gram = x2.TransposeThisAndMultiply(x2).Cholesky();
        var w0 = gram.Solve(x2.TransposeThisAndMultiply(yTrain));
        var wt = gram.Solve(x2.TransposeThisAndMultiply(teacherPrediction));

        var kdValidation = new double[lambdas.Count];
        var kdTest = new double[lambdas.Count];
        for (var l = 0; l < lambdas.Count; l++)
        {
            var w = (w0 + lambdas[l] * wt) / (1 + lambdas[l]);
            kdValidation[l] = MeanSquaredError(student, y, validation, w);
            kdTest[l] = MeanSquaredError(student, y, test, w);
        }

        return new Fit(MeanSquaredError(student, y, validation, w0), MeanSquaredError(student, y, test, w0), kdValidation, kdTest, MeanSquaredError(teacher, y, test, w1));
    }

    private static Vector<double> Solve(Matrix<double> x, Vector<double> y) => x.TransposeThisAndMultiply(x).Cholesky().Solve(x.TransposeThisAndMultiply(y));

    private static Matrix<double> Rows(FeatureMatrix m, int[] rows) =>
        Matrix<double>.Build.Dense(rows.Length, m.Columns, (i, j) => m.Values[rows[i] * m.Columns + j]);

    private static double MeanSquaredError(FeatureMatrix x, double[] y, int[] rows, Vector<double> w)
    {
        var sum = 0.0;
        foreach (var i in rows)
        {
            var prediction = 0.0;
            for (var j = 0; j < x.Columns; j++) prediction += x.Values[i * x.Columns + j] * w[j];
            var e = y[i] - prediction;
            sum += e * e;
        }

        return sum / rows.Length;
    }
}
