using Cch.Synthetic;
using Cch.Synthetic.Internal;
using MathNet.Numerics.LinearAlgebra;

namespace Cch.Tests.Synthetic;

/// <summary>
/// bmi's v1 tasks (Czyż et al., NeurIPS 2023): ids, names and order as in bmi's task_list.py, and truths
/// against values computed here by independent routes (never from the library's own output).
/// </summary>
public sealed class BmiTasksTests
{
    // BENCHMARK_TASKS_LIST of bmi/src/bmi/benchmark/task_list.py, ids as bmi's f-strings produce them.
    private static readonly string[] ExpectedIds =
    [
        "1v1-normal-0.75", "normal_cdf-1v1-normal-0.75", "1v1-additive-0.1", "1v1-additive-0.75", "1v1-bimodal-0.75",
        "wiggly-1v1-normal-0.75", "half_cube-1v1-normal-0.75", "student-identity-1-1-1", "asinh-student-identity-1-1-1",
        "swissroll_x-normal_cdf-1v1-normal-0.75",
        "multinormal-dense-2-2-0.5", "multinormal-dense-3-3-0.5", "multinormal-dense-5-5-0.5", "multinormal-dense-25-25-0.5",
        "multinormal-dense-50-50-0.5",
        "multinormal-sparse-2-2-2-2.0", "multinormal-sparse-3-3-2-2.0", "multinormal-sparse-5-5-2-2.0", "multinormal-sparse-25-25-2-2.0",
        "student-identity-2-2-1", "student-identity-2-2-2", "student-identity-3-3-2", "student-identity-3-3-3",
        "student-identity-5-5-2", "student-identity-5-5-3",
        "normal_cdf-multinormal-sparse-3-3-2-2.0", "normal_cdf-multinormal-sparse-5-5-2-2.0", "normal_cdf-multinormal-sparse-25-25-2-2.0",
        "half_cube-multinormal-sparse-3-3-2-2.0", "half_cube-multinormal-sparse-5-5-2-2.0", "half_cube-multinormal-sparse-25-25-2-2.0",
        "spiral-multinormal-sparse-3-3-2-2.0", "spiral-multinormal-sparse-5-5-2-2.0", "spiral-multinormal-sparse-25-25-2-2.0",
        "spiral-normal_cdf-multinormal-sparse-3-3-2-2.0", "spiral-normal_cdf-multinormal-sparse-5-5-2-2.0",
        "spiral-normal_cdf-multinormal-sparse-25-25-2-2.0",
        "asinh-student-identity-2-2-1", "asinh-student-identity-3-3-2", "asinh-student-identity-5-5-2",
    ];

    private static ContinuousTask Task(string id) => BmiTasks.V1.Single(t => t.Id == id);

    [Fact]
    public void V1_HasBmisFortyTasksInOrder()
    {
        Assert.Equal(ExpectedIds, BmiTasks.V1.Select(t => t.Id));
        Assert.Equal(40, BmiTasks.V1.Select(t => t.Id).Distinct().Count());
    }

    [Theory]
    [InlineData("1v1-normal-0.75", "Bivariate normal 1 × 1", 1, 1)]
    [InlineData("normal_cdf-1v1-normal-0.75", "Normal CDF @ Bivariate normal 1 × 1", 1, 1)]
    [InlineData("1v1-additive-0.1", "Uniform 1 × 1 (additive noise=0.1)", 1, 1)]
    [InlineData("1v1-bimodal-0.75", "Bimodal 1 × 1", 1, 1)]
    [InlineData("wiggly-1v1-normal-0.75", "Wiggly @ Bivariate normal 1 × 1", 1, 1)]
    [InlineData("half_cube-1v1-normal-0.75", "Half-cube @ Bivariate normal 1 × 1", 1, 1)]
    [InlineData("asinh-student-identity-1-1-1", "Asinh @ Student-t 1 × 1 (dof=1)", 1, 1)]
    [InlineData("swissroll_x-normal_cdf-1v1-normal-0.75", "Swiss roll 2 × 1", 2, 1)]
    [InlineData("multinormal-dense-25-25-0.5", "Multinormal 25 × 25 (dense)", 25, 25)]
    [InlineData("multinormal-sparse-5-5-2-2.0", "Multinormal 5 × 5 (2-pair)", 5, 5)]
    [InlineData("student-identity-3-3-2", "Student-t 3 × 3 (dof=2)", 3, 3)]
    [InlineData("spiral-normal_cdf-multinormal-sparse-25-25-2-2.0", "Spiral @ Normal CDF @ Multinormal 25 × 25 (2-pair)", 25, 25)]
    public void NamesAndDimensions_AreBmis(string id, string name, int dx, int dy)
    {
        var task = Task(id);
        Assert.Equal(name, task.Name);
        Assert.Equal(dx, task.DimX);
        Assert.Equal(dy, task.DimY);
        Assert.False(string.IsNullOrWhiteSpace(task.TruthSource));
    }

    /// <summary>Truths by hand-derived closed forms, each from a different route than the library's.</summary>
    public static TheoryData<string, double> HandDerivedTruths()
    {
        var binormal = -0.5 * Math.Log(1 - 0.75 * 0.75);        // 0.41330, one canonical correlation 0.75
        var twoPair = -2 * 0.5 * Math.Log(1 - 0.8 * 0.8);       // 1.02165, two canonical correlations 0.8
        // Bivariate standard Cauchy: h(X,Y) = ln 2π + 3 (−∫ p ln p in polar coordinates with r = tan φ),
        // h(X) = h(Y) = ln 4π (Cauchy entropy), so I = 2 ln 4π − ln 2π − 3 = ln 8π − 3 = 0.22417.
        var cauchy = Math.Log(8 * Math.PI) - 3;
        // Equicorrelation c among d + d coordinates: the only canonical correlation is between the sums,
        // r = d²c / (d(1 + (d − 1)c)) = dc / (1 + (d − 1)c).
        static double Dense(int d) { var r = d * 0.5 / (1 + (d - 1) * 0.5); return -0.5 * Math.Log(1 - r * r); }
        var data = new TheoryData<string, double>
        {
            { "1v1-normal-0.75", binormal },
            { "normal_cdf-1v1-normal-0.75", binormal },
            { "1v1-additive-0.1", 0.1 - Math.Log(0.2) },
            { "1v1-additive-0.75", 1 / 3.0 },
            { "1v1-bimodal-0.75", binormal },
            { "wiggly-1v1-normal-0.75", binormal },
            { "half_cube-1v1-normal-0.75", binormal },
            { "student-identity-1-1-1", cauchy },
            { "asinh-student-identity-1-1-1", cauchy },
            { "swissroll_x-normal_cdf-1v1-normal-0.75", binormal },
        };
        foreach (var d in new[] { 2, 3, 5, 25, 50 }) data.Add($"multinormal-dense-{d}-{d}-0.5", Dense(d));
        foreach (var id in ExpectedIds.Where(i => i.Contains("multinormal-sparse"))) data.Add(id, twoPair);
        return data;
    }

    [Theory]
    [MemberData(nameof(HandDerivedTruths))]
    public void Truth_MatchesHandDerivedClosedForm(string id, double expected) =>
        Assert.Equal(expected, Task(id).MutualInformation, 1e-10);

    [Fact]
    public void Truths_MatchClosedFormsWorkedToFourDecimals()
    {
        // The closed forms worked by hand to four decimals (not published figures: bmi's own table was not
        // available offline): 1.0217 = 2 · ½ ln(1/(1 − 0.8²)) for bmi's 2-pair sparse tasks; 0.4133 = ½ ln(1/(1 − 0.75²));
        // 0.2939 and 1.6243 = ½ ln(det Σ_x det Σ_y / det Σ) for equicorrelation 0.5 at 2 + 2 and 50 + 50 dims;
        // 0.2242 = ln 8π − 3 for the bivariate Student-t with one degree of freedom. The exact values are checked
        // by independent routes above.
        Assert.Equal(1.0217, Task("multinormal-sparse-25-25-2-2.0").MutualInformation, 4);
        Assert.Equal(0.4133, Task("1v1-normal-0.75").MutualInformation, 4);
        Assert.Equal(0.2939, Task("multinormal-dense-2-2-0.5").MutualInformation, 4);
        Assert.Equal(1.6243, Task("multinormal-dense-50-50-0.5").MutualInformation, 4);
        Assert.Equal(0.2242, Task("student-identity-1-1-1").MutualInformation, 4);
    }

    [Theory]
    [InlineData("student-identity-1-1-1", 1, 1, 1)]
    [InlineData("student-identity-2-2-1", 2, 2, 1)]
    [InlineData("student-identity-2-2-2", 2, 2, 2)]
    [InlineData("student-identity-3-3-2", 3, 3, 2)]
    [InlineData("student-identity-3-3-3", 3, 3, 3)]
    [InlineData("student-identity-5-5-2", 5, 5, 2)]
    [InlineData("student-identity-5-5-3", 5, 5, 3)]
    public void StudentTruth_MatchesRadialQuadratureOfEntropies(string id, int dx, int dy, int nu)
    {
        // Identity dispersion: the Gaussian term is 0, so I = h(X) + h(Y) − h(X,Y), each entropy by quadrature.
        var expected = IndependentTruths.StudentTEntropyByQuadrature(dx, nu) + IndependentTruths.StudentTEntropyByQuadrature(dy, nu)
                       - IndependentTruths.StudentTEntropyByQuadrature(dx + dy, nu);
        Assert.Equal(expected, Task(id).MutualInformation, 1e-7);
        var asinh = BmiTasks.V1.SingleOrDefault(t => t.Id == "asinh-" + id);
        if (asinh is not null) Assert.Equal(expected, asinh.MutualInformation, 1e-7);
    }

    [Fact]
    public void StudentCorrection_OneByOneNuOne_MatchesNumericalIntegral()
    {
        // The correction for ν = 1, 1 × 1 alone (dispersion identity): radial quadrature and the closed form ln 8π − 3.
        var numeric = 2 * IndependentTruths.StudentTEntropyByQuadrature(1, 1) - IndependentTruths.StudentTEntropyByQuadrature(2, 1);
        Assert.Equal(Math.Log(8 * Math.PI) - 3, numeric, 1e-8);
        Assert.Equal(numeric, TruthFormulas.StudentTCorrection(1, 1, 1), 1e-8);
        Assert.Equal(Math.Log(4 * Math.PI), TruthFormulas.StudentTEntropy(1, 1), 1e-12);
    }

    [Fact]
    public void GaussianTruths_MatchCanonicalCorrelations()
    {
        foreach (var (d, offDiagonal) in new[] { (2, 0.5), (3, 0.5), (5, 0.5), (25, 0.5), (50, 0.5), (4, 0.3) })
        {
            var sigma = Covariances.Dense(d, d + 1, offDiagonal);
            Assert.Equal(IndependentTruths.CanonicalCorrelationMi(sigma, d), TruthFormulas.Gaussian(sigma, d), 1e-9);
        }

        foreach (var d in new[] { 2, 3, 5, 25, 100 })
        {
            var sigma = Covariances.SparseLvmCorrelation(d, d, 2, 2.0);
            Assert.Equal(IndependentTruths.CanonicalCorrelationMi(sigma, d), TruthFormulas.Gaussian(sigma, d), 1e-9);
        }
    }

    [Fact]
    public void TwoPairCorrelation_IsBmisLvm()
    {
        // bmi's LVM with λ = η = 2, ε = 1: Corr(X_i, Y_i) = 4/5 for i < 2, all else independent, unit variances.
        var sigma = Covariances.SparseLvmCorrelation(5, 4, 2, 2.0);
        for (var i = 0; i < 9; i++)
        for (var j = 0; j < 9; j++)
        {
            var expected = i == j ? 1.0 : (i < 2 && j == 5 + i) || (j < 2 && i == 5 + j) ? 0.8 : 0.0;
            Assert.Equal(expected, sigma[i, j], 1e-15);
        }
    }

    [Theory]
    [InlineData("1v1-normal-0.75")]
    [InlineData("multinormal-dense-5-5-0.5")]
    [InlineData("multinormal-dense-25-25-0.5")]
    [InlineData("multinormal-sparse-25-25-2-2.0")]
    public void GaussianSamples_HaveTheModelsCorrelations(string id)
    {
        const int n = 10_000;
        var task = Task(id);
        var (x, y) = task.Sample(n, seed: 3);
        var p = task.DimX + task.DimY;
        var z = Matrix<double>.Build.Dense(n, p, (i, j) => j < task.DimX ? x[i, j] : y[i, j - task.DimX]);
        var sample = z.TransposeThisAndMultiply(z) / n; // columns are standardised: this is the correlation matrix
        var sigma = id.Contains("dense") ? Covariances.Dense(task.DimX, task.DimY, 0.5)
            : id.Contains("sparse") ? Covariances.SparseLvmCorrelation(task.DimX, task.DimY, 2, 2.0)
            : Covariances.Bivariate(0.75);
        for (var i = 0; i < p; i++)
        for (var j = 0; j < p; j++)
        {
            // SE of a sample correlation ≈ (1 − ρ²)/√N; allow 5 SE.
            var tolerance = 5 * Math.Max(1 - sigma[i, j] * sigma[i, j], 1e-9) / Math.Sqrt(n) + 1e-9;
            Assert.InRange(sample[i, j], sigma[i, j] - tolerance, sigma[i, j] + tolerance);
        }
    }

    [Fact]
    public void EveryTask_SamplesStandardisedFiniteColumnsOfTheRightShape()
    {
        foreach (var task in BmiTasks.V1)
        {
            var (x, y) = task.Sample(300, seed: 1);
            Assert.Equal((300, task.DimX), (x.Rows, x.Columns));
            Assert.Equal((300, task.DimY), (y.Rows, y.Columns));
            foreach (var m in new[] { x, y })
            {
                Assert.All(m.Values, v => Assert.True(double.IsFinite(v), task.Id));
                for (var c = 0; c < m.Columns; c++)
                {
                    var column = Enumerable.Range(0, m.Rows).Select(r => m[r, c]).ToArray();
                    var mean = column.Average();
                    Assert.Equal(0.0, mean, 1e-12);
                    Assert.Equal(1.0, column.Sum(v => (v - mean) * (v - mean)) / m.Rows, 1e-10);
                }
            }
        }
    }

    [Fact]
    public void SameSeed_IdenticalSamples_OtherSeed_Different()
    {
        foreach (var task in BmiTasks.V1)
        {
            var (x1, y1) = task.Sample(50, seed: 7);
            var (x2, y2) = task.Sample(50, seed: 7);
            var (x3, y3) = task.Sample(50, seed: 8);
            Assert.Equal(x1.Values, x2.Values);
            Assert.Equal(y1.Values, y2.Values);
            Assert.NotEqual(x1.Values, x3.Values);
            Assert.NotEqual(y1.Values, y3.Values);
        }
    }

    [Fact]
    public void BadArguments_Throw()
    {
        var task = BmiTasks.V1[0];
        Assert.Throws<ArgumentOutOfRangeException>(() => task.Sample(1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => task.Sample(10, -1));
    }
}
