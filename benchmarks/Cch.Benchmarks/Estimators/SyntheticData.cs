using Cch.Data;

namespace Cch.Benchmarks.Estimators;

/// <summary>Fixed-seed synthetic inputs for the estimator benchmarks (Box–Muller on <see cref="Random"/>).</summary>
public static class SyntheticData
{
    /// <summary>Standard normal draws.</summary>
    public static double[] StandardNormal(Random rng, int count)
    {
        var a = new double[count];
        for (var i = 0; i < count; i += 2)
        {
            var u1 = 1.0 - rng.NextDouble();
            var u2 = rng.NextDouble();
            var r = Math.Sqrt(-2.0 * Math.Log(u1));
            a[i] = r * Math.Cos(2 * Math.PI * u2);
            if (i + 1 < count) a[i + 1] = r * Math.Sin(2 * Math.PI * u2);
        }

        return a;
    }

    /// <summary>X (N×dx), Y (N×dy), unit variances, every pair of the dx + dy coordinates correlated ρ.</summary>
    public static (FeatureMatrix X, FeatureMatrix Y) Equicorrelated(int n, int dx, int dy, double rho, int seed)
    {
        var rng = new Random(seed);
        var shared = StandardNormal(rng, n);
        var ex = StandardNormal(rng, n * dx);
        var ey = StandardNormal(rng, n * dy);
        var a = Math.Sqrt(rho);
        var b = Math.Sqrt(1 - rho);
        var x = new double[n * dx];
        var y = new double[n * dy];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < dx; j++) x[i * dx + j] = a * shared[i] + b * ex[i * dx + j];
            for (var j = 0; j < dy; j++) y[i * dy + j] = a * shared[i] + b * ey[i * dy + j];
        }

        return (new FeatureMatrix("x", n, dx, x), new FeatureMatrix("y", n, dy, y));
    }

    /// <summary>
    /// Two views of the same latent class (0..classes−1, row i has class i mod classes): each view is
    /// a class-specific random mean plus unit Gaussian noise.
    /// </summary>
    public static (FeatureMatrix X, FeatureMatrix Y) HandwrittenLike(int n, int dx, int dy, int classes, int seed)
    {
        var rng = new Random(seed);
        var mx = StandardNormal(rng, classes * dx);
        var my = StandardNormal(rng, classes * dy);
        var ex = StandardNormal(rng, n * dx);
        var ey = StandardNormal(rng, n * dy);
        var x = new double[n * dx];
        var y = new double[n * dy];
        for (var i = 0; i < n; i++)
        {
            var c = i % classes;
            for (var j = 0; j < dx; j++) x[i * dx + j] = mx[c * dx + j] + ex[i * dx + j];
            for (var j = 0; j < dy; j++) y[i * dy + j] = 2 * my[c * dy + j] + ey[i * dy + j];
        }

        return (new FeatureMatrix("fac", n, dx, x), new FeatureMatrix("mor", n, dy, y));
    }
}
