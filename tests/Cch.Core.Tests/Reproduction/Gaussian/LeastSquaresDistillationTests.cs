using Cch.Data;
using Cch.Reproduction.Gaussian;
using MathNet.Numerics.LinearAlgebra;

namespace Cch.Tests.Reproduction.Gaussian;

public sealed class LeastSquaresDistillationTests
{
    [Fact]
    public void The_kd_student_minimises_the_papers_objective()
    {
        // Independent route: Σ‖y − Xw‖² + λ·Σ‖Xw − t‖² is ordinary least squares on the stacked system
        // [X; √λ·X]·w ≈ [y; √λ·t]; solve it by QR and compare test errors.
        var sample = new CouplingModel(8, 3, 1, 1).Draw(0.6, 400, seed: 5);
        var y = sample.Label.Values!;
        var train = Enumerable.Range(0, 240).ToArray();
        var validation = Enumerable.Range(240, 80).ToArray();
        var test = Enumerable.Range(320, 80).ToArray();
        const double lambda = 0.7;

        var fit = LeastSquaresDistillation.Run(sample.Teacher, sample.Student, y, train, validation, test, [0.0, lambda]);

        var x1 = Rows(sample.Teacher, train);
        var x2 = Rows(sample.Student, train);
        var yTrain = Vector<double>.Build.Dense(train.Length, i => y[train[i]]);
        var teacherPrediction = x1 * x1.QR().Solve(yTrain);
        var stacked = x2.Stack(Math.Sqrt(lambda) * x2);
        var target = Vector<double>.Build.Dense(2 * train.Length, i => i < train.Length ? yTrain[i] : Math.Sqrt(lambda) * teacherPrediction[i - train.Length]);
        var w = stacked.QR().Solve(target);
        var expected = test.Average(i =>
        {
            var e = y[i] - Enumerable.Range(0, sample.Student.Columns).Sum(j => sample.Student[i, j] * w[j]);
            return e * e;
        });

        Assert.Equal(expected, fit.KdTest[1], 9);
        Assert.Equal(fit.NoKdTest, fit.KdTest[0], 12); // λ = 0 is the plain student
        Assert.Equal(fit.NoKdValidation, fit.KdValidation[0], 12);
    }

    private static Matrix<double> Rows(FeatureMatrix m, int[] rows) =>
        Matrix<double>.Build.Dense(rows.Length, m.Columns, (i, j) => m[rows[i], j]);
}
