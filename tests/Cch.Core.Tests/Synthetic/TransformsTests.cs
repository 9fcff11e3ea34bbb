using Cch.Synthetic;
using Cch.Synthetic.Internal;

namespace Cch.Tests.Synthetic;

/// <summary>
/// The maps of bmi's tasks are injective (so the truth is the base task's), and transformed tasks
/// really are their base sample pushed through the map.
/// </summary>
public sealed class TransformsTests
{
    private static ContinuousTask Task(string id) => BmiTasks.V1.Single(t => t.Id == id);

    public static TheoryData<string, double, double> MonotoneMaps() => new()
    {
        { nameof(Transforms.NormalCdf), -8, 6 }, // beyond ~7, 1 − Φ is below the double spacing near 1
        { nameof(Transforms.HalfCube), -20, 20 },
        { nameof(Transforms.Asinh), -50, 50 },
        { nameof(Transforms.WigglyX), -30, 30 },
        { nameof(Transforms.WigglyY), -30, 30 },
        { nameof(Transforms.BimodalCdfX), -6, 11 },
        { nameof(Transforms.BimodalCdfY), -8, 10 },
    };

    private static Func<double, double> Map(string name) => name switch
    {
        nameof(Transforms.NormalCdf) => Transforms.NormalCdf,
        nameof(Transforms.HalfCube) => Transforms.HalfCube,
        nameof(Transforms.Asinh) => Transforms.Asinh,
        nameof(Transforms.WigglyX) => Transforms.WigglyX,
        nameof(Transforms.WigglyY) => Transforms.WigglyY,
        nameof(Transforms.BimodalCdfX) => Transforms.BimodalCdfX,
        nameof(Transforms.BimodalCdfY) => Transforms.BimodalCdfY,
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(MonotoneMaps))]
    public void ElementwiseMaps_AreStrictlyIncreasing(string name, double from, double to)
    {
        var f = Map(name);
        var previous = f(from);
        const int steps = 100_000;
        for (var i = 1; i <= steps; i++)
        {
            var value = f(from + (to - from) * i / steps);
            Assert.True(value > previous, $"{name} not increasing at {from + (to - from) * i / steps}");
            previous = value;
        }
    }

    [Fact]
    public void BimodalInverseCdf_InvertsTheMixtureCdf()
    {
        for (var u = 0.001; u < 1; u += 0.001)
        {
            var x = Transforms.InvertIncreasing(Transforms.BimodalCdfX, u);
            var y = Transforms.InvertIncreasing(Transforms.BimodalCdfY, u);
            Assert.Equal(u, Transforms.BimodalCdfX(x), 1e-11);
            Assert.Equal(u, Transforms.BimodalCdfY(y), 1e-11);
        }

        // The X margin: 30 % of its mass around 0, 70 % around 5, so its 15 % and 65 % quantiles are ≈ 0 and ≈ 5.
        Assert.InRange(Transforms.InvertIncreasing(Transforms.BimodalCdfX, 0.15), -0.01, 0.01);
        Assert.InRange(Transforms.InvertIncreasing(Transforms.BimodalCdfX, 0.65), 4.9, 5.1);
    }

    [Fact]
    public void Spiral_KeepsNormsAndIsUndoneByTheOppositeRotation()
    {
        var random = new Random(5);
        var values = new double[200 * 5];
        Samplers.FillStandardNormal(random, values);
        var original = (double[])values.Clone();
        Transforms.Spiral(values, 5, 1, 2, 0.2);
        for (var r = 0; r < 200; r++)
        {
            var a = original.AsSpan(r * 5, 5);
            var b = values.AsSpan(r * 5, 5);
            var normA = 0.0;
            var normB = 0.0;
            for (var k = 0; k < 5; k++) { normA += a[k] * a[k]; normB += b[k] * b[k]; }
            Assert.Equal(normA, normB, 1e-10);
            Assert.Equal(a[0], b[0]);
            Assert.Equal(a[3], b[3]);
            Assert.Equal(a[4], b[4]);
        }

        Transforms.Spiral(values, 5, 1, 2, -0.2);
        for (var i = 0; i < values.Length; i++) Assert.Equal(original[i], values[i], 1e-10);
    }

    [Fact]
    public void Spiral_RotatesByNormSquaredTimesSpeed()
    {
        // x = (1, 0): ‖x‖² = 1 and speed π/2 give exp((π/2)A)·x = (0, 1) (bmi's docstring example).
        var values = new[] { 1.0, 0.0 };
        Transforms.Spiral(values, 2, 0, 1, Math.PI / 2);
        Assert.Equal(0.0, values[0], 1e-15);
        Assert.Equal(1.0, values[1], 1e-15);
    }

    [Fact]
    public void SwissRoll_IsInjective_RadiusIncreasesWithU()
    {
        var previous = -1.0;
        for (var u = 0.0; u <= 1.0; u += 1e-4)
        {
            var (a, b) = Transforms.SwissRoll(u);
            var radius = Math.Sqrt(a * a + b * b);
            Assert.Equal(1.5 * Math.PI * (1 + 2 * u) / 21, radius, 1e-12);
            Assert.True(radius > previous);
            previous = radius;
        }
    }

    [Theory]
    [InlineData("normal_cdf-1v1-normal-0.75", "1v1-normal-0.75")]
    [InlineData("half_cube-multinormal-sparse-5-5-2-2.0", "multinormal-sparse-5-5-2-2.0")]
    [InlineData("asinh-student-identity-3-3-2", "student-identity-3-3-2")]
    [InlineData("wiggly-1v1-normal-0.75", "1v1-normal-0.75")]
    public void ElementwiseTasks_MapTheBaseSample(string id, string baseId)
    {
        var (bx, by) = Task(baseId).SampleUnscaled(100, 4);
        var (tx, ty) = Task(id).SampleUnscaled(100, 4);
        Func<double, double> fx, fy;
        if (id.StartsWith("normal_cdf", StringComparison.Ordinal)) fx = fy = Transforms.NormalCdf;
        else if (id.StartsWith("half_cube", StringComparison.Ordinal)) fx = fy = Transforms.HalfCube;
        else if (id.StartsWith("asinh", StringComparison.Ordinal)) fx = fy = Math.Asinh;
        else (fx, fy) = (Transforms.WigglyX, Transforms.WigglyY);
        Assert.Equal(bx.Select(fx), tx);
        Assert.Equal(by.Select(fy), ty);
    }

    [Fact]
    public void SpiralTask_KeepsTheBaseSamplesNorms()
    {
        var (bx, by) = Task("normal_cdf-multinormal-sparse-3-3-2-2.0").SampleUnscaled(100, 2);
        var (sx, sy) = Task("spiral-normal_cdf-multinormal-sparse-3-3-2-2.0").SampleUnscaled(100, 2);
        for (var r = 0; r < 100; r++)
        {
            Assert.Equal(bx.Skip(3 * r).Take(3).Sum(v => v * v), sx.Skip(3 * r).Take(3).Sum(v => v * v), 1e-12);
            Assert.Equal(by.Skip(3 * r).Take(3).Sum(v => v * v), sy.Skip(3 * r).Take(3).Sum(v => v * v), 1e-12);
            Assert.Equal(bx[3 * r + 2], sx[3 * r + 2]); // X rotates in its (0, 1) plane
            Assert.Equal(by[3 * r], sy[3 * r]);         // Y in its (1, 2) plane
        }
    }

    [Fact]
    public void AdditiveNoise_StaysWithinEpsilon_AndXIsUniform()
    {
        var (x, y) = Task("1v1-additive-0.1").SampleUnscaled(20_000, 1);
        for (var i = 0; i < x.Length; i++)
        {
            Assert.InRange(x[i], 0, 1);
            Assert.InRange(y[i] - x[i], -0.1, 0.1);
        }

        Assert.Equal(0.5, x.Average(), 0.01);            // SE 0.002
        Assert.Equal(0.0, y.Zip(x, (a, b) => a - b).Average(), 0.002); // SE 0.0004
    }

    [Fact]
    public void StudentSamples_HaveStudentMargins()
    {
        // P(|T_ν| < 1): ν = 1 (Cauchy) ½; ν = 2: 1/√3 (t₂ CDF t/(2√(2 + t²)) + ½). SE ≈ 0.0035 at N = 20,000.
        var (cx, _) = Task("student-identity-1-1-1").SampleUnscaled(20_000, 3);
        Assert.Equal(0.5, cx.Count(v => Math.Abs(v) < 1) / 20_000.0, 0.015);
        var (tx, ty) = Task("student-identity-3-3-2").SampleUnscaled(20_000, 3);
        Assert.Equal(1 / Math.Sqrt(3), tx.Concat(ty).Count(v => Math.Abs(v) < 1) / 120_000.0, 0.015);
    }

    [Fact]
    public void PythonFloatFormatting_MatchesBmisIds()
    {
        Assert.Equal("0.1", BmiTaskFactory.Py(0.10));
        Assert.Equal("0.75", BmiTaskFactory.Py(0.75));
        Assert.Equal("2.0", BmiTaskFactory.Py(2));
        Assert.Equal("0.5", BmiTaskFactory.Py(0.5));
    }
}
