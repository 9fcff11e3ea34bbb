using System.Globalization;
using Cch.Data;
using Cch.Synthetic;
using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace Cch.Tests.Synthetic;

/// <summary>
/// The calibration suite (issue 11, §1): its span, and every truth against a route independent of the one the
/// library takes (canonical correlations instead of log-determinants, the per-pair closed form, Simpson's rule
/// instead of Gauss–Kronrod, Monte Carlo on generated rows, empirical covariances), never against its own output.
/// </summary>
public sealed class CalibrationTasksTests
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static CalibrationTask Task(string id) => CalibrationTasks.All.Single(t => t.Id == id);

    /// <summary>Indices of every task, for theories.</summary>
    public static TheoryData<int> Indices()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < CalibrationTasks.All.Count; i++) data.Add(i);
        return data;
    }

    [Fact]
    public void All_SpansTheIssuesRanges()
    {
        var tasks = CalibrationTasks.All;
        Assert.InRange(tasks.Count, 30, 50);
        Assert.Equal(tasks.Count, tasks.Select(t => t.Id).Distinct().Count());
        Assert.Equal(4, tasks.Min(t => t.TeacherDimensions + t.StudentDimensions));
        Assert.Contains(tasks, t => t.TeacherDimensions == 500 && t.StudentDimensions == 200);
        Assert.Equal(500, tasks.Min(t => t.Rows));
        Assert.Equal(10_000, tasks.Max(t => t.Rows));
        Assert.InRange(tasks.Min(t => t.Delta), -1.05, -0.95);
        Assert.InRange(tasks.Max(t => t.Delta), 1.45, 1.55);
        Assert.True(tasks.Count(t => Math.Abs(t.Delta) < 0.1) >= 8);
        Assert.Contains(tasks, t => t.LabelKind == LabelKind.Regression);
        Assert.Contains(tasks, t => t.LabelKind == LabelKind.Classification);
        Assert.Contains(tasks, t => t.Transform == CalibrationTransform.Cubic);
        Assert.Contains(tasks, t => t.Transform == CalibrationTransform.Exp);
        Assert.Contains(tasks, t => t.TeacherLabelNoiseGain > 0);
        // Ids are stable: the first one, spelled out.
        Assert.Equal("reg-t2-s2-k1-n500-ts0.50-sy0.20", tasks[0].Id);
    }

    [Theory]
    [MemberData(nameof(Indices))]
    public void TeacherStudentTruth_MatchesCanonicalCorrelationsAndThePerPairForm(int index)
    {
        var task = CalibrationTasks.All[index];
        var canonical = IndependentTruths.CanonicalCorrelationMi(task.JointCovariance(), task.TeacherDimensions);
        Assert.Equal(canonical, task.TeacherStudentInformation, 1e-9);
        // k independent pairs (s, g·s + ν), each with ρ² = g²/(1 + g²): −½ ln(1 − ρ²) = ½ ln(1 + g²).
        var g = task.Gain;
        Assert.Equal(task.CopiedDirections * 0.5 * Math.Log(1 + g * g), task.TeacherStudentInformation, 1e-9);
        // The design target written into the id (two decimals).
        Assert.Equal(Target(task.Id, "ts"), task.TeacherStudentInformation, 1e-9);
    }

    [Theory]
    [MemberData(nameof(Indices))]
    public void StudentLabelTruth_MatchesAnIndependentRouteAndTheTarget(int index)
    {
        var task = CalibrationTasks.All[index];
        var a = task.LabelDirection();
        var alpha2 = a.Sum(v => v * v);
        if (task.LabelKind == LabelKind.Regression)
        {
            // (H_s, y) jointly Gaussian: Σ = [[I, a], [aᵀ, |a|² + σ²]]; canonical correlation route.
            var d = task.StudentDimensions;
            var sigma = Matrix<double>.Build.DenseIdentity(d + 1);
            for (var j = 0; j < d; j++)
            {
                sigma[j, d] = a[j];
                sigma[d, j] = a[j];
            }

            sigma[d, d] = alpha2 + CalibrationTask.LabelNoise * CalibrationTask.LabelNoise;
            Assert.Equal(IndependentTruths.CanonicalCorrelationMi(sigma, d), task.StudentLabelInformation, 1e-9);
        }
        else
        {
            Assert.Equal(ProbitBySimpson(Math.Sqrt(alpha2)), task.StudentLabelInformation, 1e-8);
            // Data processing: Y = 1[u + ε > 0] is a function of u + ε, so I(H_s;Y) ≤ ½ ln(1 + α²).
            Assert.True(task.StudentLabelInformation < 0.5 * Math.Log(1 + alpha2));
        }

        Assert.Equal(Target(task.Id, "sy"), task.StudentLabelInformation, 1e-9);
        Assert.Equal(task.TeacherStudentInformation - task.StudentLabelInformation, task.Delta, 1e-15);
    }

    [Theory]
    [InlineData("reg-t2-s2-k1-n5000-ts0.30-sy0.30-eps")]
    [InlineData("reg-t5-s5-k2-n1000-ts0.60-sy0.10")]
    [InlineData("bin-t5-s5-k2-n2000-ts0.40-sy0.40")]
    public void Samples_HaveTheTasksCovariance(string id)
    {
        var task = Task(id);
        const int n = 100_000;
        var sample = task.Sample(seed: 5, rows: n);
        var dt = task.TeacherDimensions;
        var ds = task.StudentDimensions;
        var p = dt + ds + 1;
        var joint = new double[n, p];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < dt; j++) joint[i, j] = sample.Teacher[i, j];
            for (var j = 0; j < ds; j++) joint[i, dt + j] = sample.Student[i, j];
            joint[i, p - 1] = task.LabelKind == LabelKind.Regression ? sample.Label.Values![i] : sample.Label.Classes![i];
        }

        var empirical = Covariance(joint, n, p);
        var expected = task.JointCovariance();
        // Entries of Σ are O(1); the SE of a sample covariance at N = 10⁵ is below 0.015 for variances up to 2.
        for (var r = 0; r < dt + ds; r++)
            for (var c = 0; c < dt + ds; c++)
                Assert.True(Math.Abs(empirical[r, c] - expected[r, c]) < 0.04, $"Σ[{r},{c}]: {empirical[r, c]} vs {expected[r, c]}");

        var a = task.LabelDirection();
        if (task.LabelKind == LabelKind.Regression)
        {
            Assert.Equal(a.Sum(v => v * v) + 1, empirical[p - 1, p - 1], 0.05);
            for (var j = 0; j < ds; j++) Assert.Equal(a[j], empirical[dt + j, p - 1], 0.02);
            // The teacher's ε column covaries with y through ε: Cov(λε + ν, aᵀs + σε) = λσ.
            if (task.TeacherLabelNoiseGain > 0)
                Assert.Equal(task.TeacherLabelNoiseGain * CalibrationTask.LabelNoise, empirical[task.CopiedDirections, p - 1], 0.02);
        }
        else
        {
            // P(y = 1) = ½; Cov(s_j, 1[u + ε > 0]) = a_j φ(0)/√(1 + α²) (Stein's lemma on u + ε ~ N(0, 1 + α²)).
            Assert.Equal(0.25, empirical[p - 1, p - 1], 0.005);
            var scale = 1 / Math.Sqrt(2 * Math.PI) / Math.Sqrt(1 + a.Sum(v => v * v));
            for (var j = 0; j < ds; j++) Assert.Equal(a[j] * scale, empirical[dt + j, p - 1], 0.01);
        }
    }

    [Fact]
    public void BinaryTruth_MatchesMonteCarloOfPointwiseMiOnGeneratedRows()
    {
        // I = E[ln P(y | H_s) + ln 2] with P(y = 1 | H_s) = Φ(aᵀH_s), averaged over generated rows.
        var task = Task("bin-t2-s2-k1-n1000-ts0.10-sy0.40");
        const int n = 200_000;
        var sample = task.Sample(seed: 3, rows: n);
        var a = task.LabelDirection();
        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            var u = 0.0;
            for (var j = 0; j < a.Length; j++) u += a[j] * sample.Student[i, j];
            var p1 = MathNet.Numerics.Distributions.Normal.CDF(0, 1, u);
            values[i] = Math.Log(sample.Label.Classes![i] == 1 ? p1 : 1 - p1) + Math.Log(2);
        }

        var mean = values.Average();
        var se = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (n - 1) / n);
        Assert.InRange(task.StudentLabelInformation, mean - 4 * se, mean + 4 * se);
    }

    [Fact]
    public void Sample_IsDeterministicPerSeed()
    {
        var task = Task("reg-t10-s10-k2-n1000-ts0.40-sy0.40-eps");
        var first = task.Sample(seed: 7);
        var again = task.Sample(seed: 7);
        var other = task.Sample(seed: 8);
        Assert.Equal(task.Rows, first.Rows);
        Assert.Equal(first.Teacher.Values, again.Teacher.Values);
        Assert.Equal(first.Student.Values, again.Student.Values);
        Assert.Equal(first.Label.Values, again.Label.Values);
        Assert.NotEqual(first.Student.Values, other.Student.Values);
        Assert.NotEqual(first.Teacher.Values, other.Teacher.Values);
        Assert.Throws<ArgumentOutOfRangeException>(() => task.Sample(seed: -1));
    }

    [Theory]
    [InlineData("reg-t2-s2-k1-n500-ts0.50-sy0.20", "cubic")]
    [InlineData("reg-t5-s5-k2-n1000-ts0.60-sy0.10", "exp")]
    [InlineData("bin-t5-s5-k2-n2000-ts0.40-sy0.40", "exp")]
    public void TransformedVariant_MapsTheSameBaseSampleAndKeepsTheTruths(string baseId, string transform)
    {
        var plain = Task(baseId);
        var mapped = Task(baseId + "-" + transform);
        Func<double, double> f = transform == "cubic" ? x => x * x * x + x : Math.Exp;
        Assert.Equal(plain.Delta, mapped.Delta);
        Assert.Equal(plain.TeacherStudentInformation, mapped.TeacherStudentInformation);
        var x = plain.Sample(seed: 4);
        var y = mapped.Sample(seed: 4);
        for (var i = 0; i < x.Student.Values.Length; i++) Assert.Equal(f(x.Student.Values[i]), y.Student.Values[i], 1e-12);
        for (var i = 0; i < x.Teacher.Values.Length; i++) Assert.Equal(f(x.Teacher.Values[i]), y.Teacher.Values[i], 1e-12);
        if (plain.LabelKind == LabelKind.Regression)
            for (var i = 0; i < x.Rows; i++) Assert.Equal(f(x.Label.Values![i]), y.Label.Values![i], 1e-12);
        else
            Assert.Equal(x.Label.Classes, y.Label.Classes);
    }

    [Fact]
    public void Design_RefusesUnreachableTargets()
    {
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => CalibrationTasks.Design(LabelKind.Classification, 2, 2, 1, 500, 0.5, 0.70));
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => CalibrationTasks.Design(LabelKind.Regression, 2, 2, 0, 500, 0.5, 0.2));
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => CalibrationTasks.Design(LabelKind.Regression, 2, 2, 3, 500, 0.5, 0.2));
    }

    [Fact]
    public void SampleDataset_IsAcceptedAsTheCriterionsInput()
    {
        var data = Task("bin-t2-s2-k1-n500-ts0.60-sy0.20").Sample(seed: 0).ToDataset();
        Assert.Equal(500, data.Rows);
        Assert.Single(data.Teachers);
        Assert.Equal(LabelKind.Classification, data.Label.Kind);
        Assert.Equal(2, data.Label.ClassCount);
    }

    /// <summary>ln 2 − ∫ φ(z) H_b(Φ(αz)) dz by composite Simpson on [−14, 14], 280,000 intervals, Φ from MathNet's Normal.CDF.</summary>
    private static double ProbitBySimpson(double alpha)
    {
        const double lo = -14, hi = 14;
        const int intervals = 280_000;
        var h = (hi - lo) / intervals;
        double F(double z)
        {
            var p = MathNet.Numerics.Distributions.Normal.CDF(0, 1, alpha * z);
            var q = MathNet.Numerics.Distributions.Normal.CDF(0, 1, -alpha * z);
            var hb = (p > 0 ? -p * Math.Log(p) : 0) + (q > 0 ? -q * Math.Log(q) : 0);
            return Math.Exp(-0.5 * z * z) / Math.Sqrt(2 * Math.PI) * hb;
        }

        var sum = F(lo) + F(hi);
        for (var i = 1; i < intervals; i++) sum += (i % 2 == 1 ? 4 : 2) * F(lo + i * h);
        return Math.Log(2) - sum * h / 3;
    }

    private static double Target(string id, string key)
    {
        var part = id.Split('-').Single(p => p.StartsWith(key, StringComparison.Ordinal) && p.Length > key.Length && (char.IsDigit(p[key.Length])));
        return double.Parse(part[key.Length..], Inv);
    }

    private static double[,] Covariance(double[,] x, int n, int p)
    {
        var mean = new double[p];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < p; j++) mean[j] += x[i, j];
        for (var j = 0; j < p; j++) mean[j] /= n;
        var c = new double[p, p];
        for (var i = 0; i < n; i++)
            for (var r = 0; r < p; r++)
            {
                var dr = x[i, r] - mean[r];
                for (var s = r; s < p; s++) c[r, s] += dr * (x[i, s] - mean[s]);
            }

        for (var r = 0; r < p; r++)
            for (var s = r; s < p; s++) c[s, r] = c[r, s] = c[r, s] / (n - 1);
        return c;
    }
}
