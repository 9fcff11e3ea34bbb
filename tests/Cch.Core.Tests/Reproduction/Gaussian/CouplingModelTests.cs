using Cch.Examples;
using Cch.Reproduction.Gaussian;
using MathNet.Numerics.LinearAlgebra;

namespace Cch.Tests.Reproduction.Gaussian;

public sealed class CouplingModelTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.3)]
    [InlineData(0.9)]
    public void Closed_forms_match_the_log_determinant_formula_on_the_full_covariance(double rho)
    {
        // Independent route: build the (2p + 1)×(2p + 1) covariance of (x₁, x₂, y) and apply
        // I(a;b) = ½(ln det Σ_aa + ln det Σ_bb − ln det Σ) (Cover & Thomas eq. 8.56).
        var model = new CouplingModel(Dimensions: 6, Coupled: 3, Signal: 1.5, NoiseSd: 0.8);
        var p = model.Dimensions;
        var k = model.Coupled;
        var c = Matrix<double>.Build.DenseIdentity(2 * p + 1);
        var w = model.Signal / Math.Sqrt(k);
        for (var j = 0; j < k; j++)
        {
            c[j, p + j] = c[p + j, j] = rho;          // Cov(x₁ⱼ, x₂ⱼ)
            c[p + j, 2 * p] = c[2 * p, p + j] = w;    // Cov(x₂ⱼ, y)
            c[j, 2 * p] = c[2 * p, j] = rho * w;      // Cov(x₁ⱼ, y)
        }

        c[2 * p, 2 * p] = model.Signal * model.Signal + model.NoiseSd * model.NoiseSd;
        var teacher = Enumerable.Range(0, p).ToArray();
        var student = Enumerable.Range(p, p).ToArray();

        var closed = model.ClosedForm(rho);

        Assert.Equal(GaussianExample.MutualInformation(c, teacher, student), closed.TeacherStudent, 10);
        Assert.Equal(GaussianExample.MutualInformation(c, student, [2 * p]), closed.StudentLabel, 10);
    }

    [Fact]
    public void The_boundary_is_where_the_closed_form_delta_is_zero()
    {
        var model = CouplingModel.Default;

        Assert.Equal(0.0, model.ClosedForm(model.Boundary).Delta, 12);
        Assert.True(model.ClosedForm(model.Boundary - 0.05).Delta < 0);
        Assert.True(model.ClosedForm(model.Boundary + 0.05).Delta > 0);
    }

    [Fact]
    public void Draws_have_the_model_covariance()
    {
        // N = 40,000: a sample correlation has sd ≤ 1/√N = 0.005; 0.025 is 5 sd.
        var model = new CouplingModel(Dimensions: 5, Coupled: 2, Signal: 1, NoiseSd: 1);
        var sample = model.Draw(0.7, 40_000, seed: 11);
        var x1 = sample.Teacher;
        var x2 = sample.Student;
        var y = sample.Label.Values!;
        var n = x1.Rows;

        Assert.Equal(0.7, Correlation(i => x1[i, 1], i => x2[i, 1], n), 0.025);
        Assert.Equal(0.0, Correlation(i => x1[i, 3], i => x2[i, 3], n), 0.025);
        Assert.Equal(Math.Sqrt(0.5) / Math.Sqrt(2), Correlation(i => x2[i, 0], i => y[i], n), 0.025); // Cov = α/√k, Var y = 2
        Assert.Equal(0.0, Correlation(i => x2[i, 4], i => y[i], n), 0.025);
    }

    [Fact]
    public void Coupling_outside_zero_to_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CouplingModel.Default.ClosedForm(1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => CouplingModel.Default.Draw(-0.1, 10, 0));
    }

    private static double Correlation(Func<int, double> a, Func<int, double> b, int n)
    {
        double ma = 0, mb = 0;
        for (var i = 0; i < n; i++) { ma += a(i); mb += b(i); }
        ma /= n;
        mb /= n;
        double sab = 0, saa = 0, sbb = 0;
        for (var i = 0; i < n; i++)
        {
            var da = a(i) - ma;
            var db = b(i) - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }

        return sab / Math.Sqrt(saa * sbb);
    }
}
