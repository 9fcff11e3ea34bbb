using Cch.Data;
using Cch.Reproduction.Noise;
using MathNet.Numerics.Distributions;

namespace Cch.Tests.Reproduction.Noise;

public sealed class TeacherNoiseTests
{
    /// <summary>N×3 with column SDs 1, 5 and 0.01 around means 0, −3 and 100, from MathNet's sampler (not the noise's own).</summary>
    private static FeatureMatrix Generated(int rows, int seed)
    {
        var random = new Random(seed);
        double[] sd = [1, 5, 0.01], mean = [0, -3, 100];
        var values = new double[rows * 3];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < 3; c++)
                values[r * 3 + c] = Normal.Sample(random, mean[c], sd[c]);
        return new FeatureMatrix("x", rows, 3, values);
    }

    private static FeatureMatrix Noisy(FeatureMatrix x, double scale, int seed) =>
        TeacherNoise.Add(x, scale, TeacherNoise.ColumnSds(x), TeacherNoise.StandardNormals(x.Values.Length, seed));

    [Fact]
    public void Column_sds_are_population_sds()
    {
        // Column 0: 1, 2, 3, 4 → mean 2.5, squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5, /4 → SD √1.25. Column 1 constant.
        var x = new FeatureMatrix("x", 4, 2, [1, 7, 2, 7, 3, 7, 4, 7]);

        var sds = TeacherNoise.ColumnSds(x);

        Assert.Equal(Math.Sqrt(1.25), sds[0], 12);
        Assert.Equal(0, sds[1]);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(2)]
    [InlineData(8)]
    public void Every_column_sd_grows_by_sqrt_one_plus_s_squared(double s)
    {
        // Var(X + s·SD·Z) = SD²·(1 + s²) for independent Z ~ N(0, 1). With N = 40,000 a sample SD has relative
        // standard error ≈ 1/√(2N) ≈ 0.0035 and the sample covariance of X and Z adds about as much; 2 % is > 4 SE.
        var x = Generated(40_000, seed: 11);
        var before = TeacherNoise.ColumnSds(x);

        var after = TeacherNoise.ColumnSds(Noisy(x, s, seed: 5));

        for (var c = 0; c < 3; c++)
            Assert.InRange(after[c] / before[c], Math.Sqrt(1 + s * s) * 0.98, Math.Sqrt(1 + s * s) * 1.02);
    }

    [Fact]
    public void The_noise_has_mean_zero()
    {
        // Column means move by s·SD·mean(Z), whose SE is s·SD/√N: at s = 2, N = 40,000 that is 0.01·SD; allow 5 SE.
        var x = Generated(40_000, seed: 12);
        var noisy = Noisy(x, 2, seed: 6);

        var sds = TeacherNoise.ColumnSds(x);
        for (var c = 0; c < 3; c++)
        {
            var shift = Enumerable.Range(0, x.Rows).Average(r => noisy[r, c] - x[r, c]);
            Assert.InRange(shift, -0.05 * sds[c], 0.05 * sds[c]);
        }
    }

    [Fact]
    public void Zero_noise_leaves_the_matrix_unchanged()
    {
        var x = Generated(500, seed: 13);

        var noisy = Noisy(x, 0, seed: 7);

        Assert.Equal(x.Values, noisy.Values);
        Assert.Equal((x.Name, x.Rows, x.Columns), (noisy.Name, noisy.Rows, noisy.Columns));
    }

    [Fact]
    public void The_draw_is_fixed_by_the_seed_and_reused_across_levels()
    {
        var x = Generated(500, seed: 14);

        var a = Noisy(x, 1, seed: 8);
        var again = Noisy(x, 1, seed: 8);
        var other = Noisy(x, 1, seed: 9);
        var doubled = Noisy(x, 2, seed: 8);

        Assert.Equal(a.Values, again.Values);
        Assert.NotEqual(a.Values, other.Values);
        // Common random numbers: level 2 adds exactly twice level 1's noise.
        for (var i = 0; i < x.Values.Length; i++)
            Assert.Equal(2 * (a.Values[i] - x.Values[i]), doubled.Values[i] - x.Values[i], 1e-9 * (1 + Math.Abs(x.Values[i])));
        Assert.Equal(x.Values, Generated(500, seed: 14).Values); // the input is not modified
    }

    [Fact]
    public void A_constant_column_stays_constant()
    {
        var x = new FeatureMatrix("x", 3, 2, [1, 4, 2, 4, 3, 4]);

        var noisy = Noisy(x, 5, seed: 1);

        Assert.Equal([4.0, 4.0, 4.0], Enumerable.Range(0, 3).Select(r => noisy[r, 1]));
        Assert.NotEqual(1.0, noisy[0, 0]);
    }

    [Fact]
    public void A_negative_scale_or_wrong_lengths_are_refused()
    {
        var x = new FeatureMatrix("x", 2, 2, [1, 2, 3, 4]);
        var sds = TeacherNoise.ColumnSds(x);

        Assert.Throws<ArgumentException>(() => TeacherNoise.Add(x, -1, sds, new double[4]));
        Assert.Throws<ArgumentException>(() => TeacherNoise.Add(x, 1, [1.0], new double[4]));
        Assert.Throws<ArgumentException>(() => TeacherNoise.Add(x, 1, sds, new double[3]));
    }
}
