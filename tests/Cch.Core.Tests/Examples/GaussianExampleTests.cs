using Cch.Examples;

namespace Cch.Tests.Examples;

public sealed class GaussianExampleTests
{
    [Fact]
    public void Closed_forms_match_the_hand_derived_values()
    {
        // Truth by hand from the model in GaussianExample's remarks:
        // I(H_s;Y) = ½ ln(Var Y / Var ε) = ½ ln 3; aligned: two pairs H_t,j = H_s,j + 0.3·ξ with
        // ρ² = 1/1.09, so −2·½ ln(1 − 1/1.09) = ln(1.09/0.09);
        // label-only: one pair with ρ = 0.3 to the student, −½ ln(1 − 0.09).
        var example = GaussianExample.Create(rows: 100, seed: 0);

        Assert.Equal(0.5 * Math.Log(3), example.ClosedForm["aligned"].StudentLabel, 12);
        Assert.Equal(Math.Log(1.09 / 0.09), example.ClosedForm["aligned"].TeacherStudent, 12);
        Assert.Equal(-0.5 * Math.Log(0.91), example.ClosedForm["label-only"].TeacherStudent, 12);
        Assert.True(example.ClosedForm["aligned"].Delta > 0.5);
        Assert.True(example.ClosedForm["label-only"].Delta < -0.4);
    }

    [Fact]
    public void Samples_have_the_model_covariance()
    {
        // With N = 20,000 a sample correlation has sd ≈ (1 − ρ²)/√N ≤ 0.007; 0.03 is over 4 sd.
        var data = GaussianExample.Create(rows: 20_000, seed: 3).Data;
        var student = data.Student;
        var aligned = data.Teachers[0];
        var y = data.Label.Values!;

        Assert.Equal(1 / Math.Sqrt(1.09), Correlation(i => aligned[i, 1], i => student[i, 1], student.Rows), 0.03);
        Assert.Equal(1 / Math.Sqrt(3), Correlation(i => y[i], i => student[i, 0], student.Rows), 0.03);
        Assert.Equal(0.0, Correlation(i => student[i, 0], i => student[i, 1], student.Rows), 0.03);
        Assert.Equal(0.9 / Math.Sqrt(3), Correlation(i => data.Teachers[1][i, 0], i => y[i], student.Rows), 0.03);
    }

    [Fact]
    public void The_same_seed_gives_the_same_samples()
    {
        var a = GaussianExample.Create(500, seed: 11).Data;
        var b = GaussianExample.Create(500, seed: 11).Data;
        var c = GaussianExample.Create(500, seed: 12).Data;

        Assert.Equal(a.Student.Values, b.Student.Values);
        Assert.NotEqual(a.Student.Values, c.Student.Values);
    }

    private static double Correlation(Func<int, double> x, Func<int, double> y, int n)
    {
        double mx = 0, my = 0;
        for (var i = 0; i < n; i++) { mx += x(i); my += y(i); }
        mx /= n; my /= n;
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < n; i++)
        {
            var dx = x(i) - mx;
            var dy = y(i) - my;
            sxy += dx * dy; sxx += dx * dx; syy += dy * dy;
        }

        return sxy / Math.Sqrt(sxx * syy);
    }
}
