using Cch.Data;
using MathNet.Numerics.LinearAlgebra;

namespace Cch.Tests.Estimators;

/// <summary>Seeded synthetic data with known mutual information, and the closed forms for it.</summary>
internal static class EstimatorTestData
{
    /// <summary>Standard normal draws by Box–Muller from a seeded <see cref="Random"/>.</summary>
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

    /// <summary>
    /// X, Y each N×d, jointly Gaussian with unit variances and correlation <paramref name="rho"/>
    /// between every pair of the 2d coordinates: z = √ρ·s + √(1−ρ)·e with a shared factor s.
    /// </summary>
    public static (FeatureMatrix X, FeatureMatrix Y) Equicorrelated(int n, int d, double rho, int seed)
    {
        var g = StandardNormal(new Random(seed), n * (2 * d + 1));
        var x = new double[n * d];
        var y = new double[n * d];
        var a = Math.Sqrt(rho);
        var b = Math.Sqrt(1 - rho);
        for (var i = 0; i < n; i++)
        {
            var o = i * (2 * d + 1);
            for (var j = 0; j < d; j++)
            {
                x[i * d + j] = a * g[o] + b * g[o + 1 + j];
                y[i * d + j] = a * g[o] + b * g[o + 1 + d + j];
            }
        }

        return (new FeatureMatrix("x", n, d, x), new FeatureMatrix("y", n, d, y));
    }

    /// <summary>
    /// X, Y each N×d (d ≥ 2), unit-variance Gaussians; (X₀,Y₀) and (X₁,Y₁) have correlation
    /// <paramref name="rho"/>, every other pair is independent.
    /// </summary>
    public static (FeatureMatrix X, FeatureMatrix Y) TwoPairs(int n, int d, double rho, int seed)
    {
        var g = StandardNormal(new Random(seed), n * 2 * d);
        var x = new double[n * d];
        var y = new double[n * d];
        var b = Math.Sqrt(1 - rho * rho);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < d; j++)
            {
                var gx = g[i * 2 * d + j];
                var gy = g[i * 2 * d + d + j];
                x[i * d + j] = gx;
                y[i * d + j] = j < 2 ? rho * gx + b * gy : gy;
            }
        }

        return (new FeatureMatrix("x", n, d, x), new FeatureMatrix("y", n, d, y));
    }

    /// <summary>Independent standard normal X (N×dx) and Y (N×dy).</summary>
    public static (FeatureMatrix X, FeatureMatrix Y) Independent(int n, int dx, int dy, int seed)
    {
        var rng = new Random(seed);
        return (new FeatureMatrix("x", n, dx, StandardNormal(rng, n * dx)),
                new FeatureMatrix("y", n, dy, StandardNormal(rng, n * dy)));
    }

    /// <summary>
    /// Balanced binary label (class i mod 2) with X|Y=c ~ N(±μ, 1) in the first coordinate;
    /// further coordinates (<paramref name="noiseDims"/>) are independent N(0,1) noise.
    /// </summary>
    public static (FeatureMatrix X, int[] Classes) BinaryMixture(int n, double mu, int seed, int noiseDims = 0)
    {
        var d = 1 + noiseDims;
        var g = StandardNormal(new Random(seed), n * d);
        var classes = new int[n];
        for (var i = 0; i < n; i++)
        {
            classes[i] = i % 2;
            g[i * d] += classes[i] == 0 ? -mu : mu;
        }

        return (new FeatureMatrix("x", n, d, g), classes);
    }

    /// <summary>Equicorrelation matrix of size m with correlation ρ.</summary>
    public static Matrix<double> EquicorrelationMatrix(int m, double rho) =>
        Matrix<double>.Build.Dense(m, m, (i, j) => i == j ? 1.0 : rho);

    /// <summary>
    /// I(X;Y) = ½ ln(det Σ_xx det Σ_yy / det Σ) for a joint Gaussian with covariance Σ whose first
    /// <paramref name="dx"/> coordinates are X (Cover &amp; Thomas eq. 8.56).
    /// </summary>
    public static double GaussianMi(Matrix<double> sigma, int dx)
    {
        var dy = sigma.RowCount - dx;
        var ratio = sigma.SubMatrix(0, dx, 0, dx).Determinant() * sigma.SubMatrix(dx, dy, dx, dy).Determinant()
                    / sigma.Determinant();
        return 0.5 * Math.Log(ratio);
    }

    /// <summary>
    /// I(X;Y) for Y uniform on {0,1} and X|Y ~ N(±μ,1): H(X) − ½ ln(2πe), with H(X) of the mixture
    /// by composite Simpson quadrature on [−μ−14, μ+14] with 200,000 intervals (the tails beyond
    /// carry &lt; 1e-40 of mass; Simpson's error at step 1.4e-4 is far below 1e-9).
    /// </summary>
    public static double BinaryMixtureMi(double mu)
    {
        static double Phi(double t) => Math.Exp(-0.5 * t * t) / Math.Sqrt(2 * Math.PI);
        double Integrand(double x)
        {
            var p = 0.5 * (Phi(x - mu) + Phi(x + mu));
            return p > 0 ? -p * Math.Log(p) : 0.0;
        }

        const int intervals = 200_000;
        var a = -mu - 14;
        var b = mu + 14;
        var h = (b - a) / intervals;
        var sum = Integrand(a) + Integrand(b);
        for (var i = 1; i < intervals; i++) sum += (i % 2 == 1 ? 4 : 2) * Integrand(a + i * h);
        var entropy = sum * h / 3;
        return entropy - 0.5 * Math.Log(2 * Math.PI * Math.E);
    }

    /// <summary>A copy of <paramref name="m"/> with column <paramref name="column"/> multiplied by <paramref name="factor"/>.</summary>
    public static FeatureMatrix ScaleColumn(FeatureMatrix m, int column, double factor, double shift = 0)
    {
        var v = (double[])m.Values.Clone();
        for (var i = 0; i < m.Rows; i++) v[i * m.Columns + column] = v[i * m.Columns + column] * factor + shift;
        return new FeatureMatrix(m.Name, m.Rows, m.Columns, v);
    }

    /// <summary>A copy of <paramref name="m"/> with a constant column appended.</summary>
    public static FeatureMatrix AppendConstantColumn(FeatureMatrix m, double value)
    {
        var d = m.Columns + 1;
        var v = new double[m.Rows * d];
        for (var i = 0; i < m.Rows; i++)
        {
            m.Row(i).CopyTo(v.AsSpan(i * d, m.Columns));
            v[i * d + m.Columns] = value;
        }

        return new FeatureMatrix(m.Name, m.Rows, d, v);
    }

    /// <summary>A copy of <paramref name="m"/> with every value rounded to the nearest integer.</summary>
    public static FeatureMatrix Rounded(FeatureMatrix m, double scale = 1)
    {
        var v = new double[m.Values.Length];
        for (var i = 0; i < v.Length; i++) v[i] = Math.Round(m.Values[i] * scale);
        return new FeatureMatrix(m.Name, m.Rows, m.Columns, v);
    }
}
