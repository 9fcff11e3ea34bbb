using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace Cch.Synthetic.Internal;

/// <summary>
/// Seeded base samplers of the synthetic tasks. Every draw comes from the one <see cref="Random"/>
/// passed in, in a fixed order, so a seed fixes the sample.
/// </summary>
internal static class Samplers
{
    /// <summary>
    /// Fills <paramref name="destination"/> with independent N(0,1) draws in order, by the Box–Muller
    /// transform (Box &amp; Muller 1958): r = √(−2 ln(1 − u₁)), (r cos 2πu₂, r sin 2πu₂), u ~ U[0,1).
    /// </summary>
    public static void FillStandardNormal(Random random, Span<double> destination)
    {
        for (var i = 0; i < destination.Length; i += 2)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            var r = Math.Sqrt(-2.0 * Math.Log(u1));
            destination[i] = r * Math.Cos(2 * Math.PI * u2);
            if (i + 1 < destination.Length) destination[i + 1] = r * Math.Sin(2 * Math.PI * u2);
        }
    }

    /// <summary>A χ²_ν draw: Gamma(shape ν/2, rate 1/2) by MathNet's seeded gamma sampler (Marsaglia &amp; Tsang 2000).</summary>
    public static double ChiSquared(Random random, double dof) => Gamma.Sample(random, dof / 2, 0.5);

    /// <summary>
    /// Jointly Gaussian (X, Y) ~ N(0, Σ), X the first <paramref name="dimX"/> coordinates: x = L·z with
    /// Σ = L·Lᵀ (Cholesky, computed on first use) and z ~ N(0, I); the N·p normals are drawn row by row.
    /// </summary>
    /// <exception cref="ArgumentException">Σ is not symmetric positive definite (on first use).</exception>
    public static RawContinuousSampler Gaussian(Matrix<double> covariance, int dimX)
    {
        var factor = new Lazy<SparseLowerFactor>(() => SparseLowerFactor.Cholesky(covariance));
        var dimY = covariance.RowCount - dimX;
        return (n, random) =>
        {
            var joint = CorrelatedNormals(factor.Value, n, random);
            return Split(joint, n, dimX, dimY);
        };
    }

    /// <summary>
    /// Multivariate Student-t with ν degrees of freedom, location 0 and dispersion Ω, as SciPy's
    /// <c>multivariate_t.rvs</c> draws it: x = z / √(u/ν), z ~ N(0, Ω), u ~ χ²_ν (all N·p normals
    /// first, then the N χ² draws). X is the first <paramref name="dimX"/> coordinates.
    /// </summary>
    public static RawContinuousSampler StudentT(Matrix<double> dispersion, int dimX, double dof)
    {
        var factor = new Lazy<SparseLowerFactor>(() => SparseLowerFactor.Cholesky(dispersion));
        var p = dispersion.RowCount;
        var dimY = p - dimX;
        return (n, random) =>
        {
            var joint = CorrelatedNormals(factor.Value, n, random);
            for (var i = 0; i < n; i++)
            {
                var scale = 1.0 / Math.Sqrt(ChiSquared(random, dof) / dof);
                var row = joint.AsSpan(i * p, p);
                for (var j = 0; j < p; j++) row[j] *= scale;
            }

            return Split(joint, n, dimX, dimY);
        };
    }

    /// <summary>
    /// X ~ U(0, 1), Y = X + E with E ~ U(−ε, ε) (bmi's <c>AdditiveUniformSampler</c>): the N values of X
    /// are drawn first, then the N noise values.
    /// </summary>
    public static RawContinuousSampler AdditiveUniform(double epsilon) => (n, random) =>
    {
        var x = new double[n];
        var y = new double[n];
        for (var i = 0; i < n; i++) x[i] = random.NextDouble();
        for (var i = 0; i < n; i++) y[i] = x[i] + epsilon * (2 * random.NextDouble() - 1);
        return (x, y);
    };

    private static double[] CorrelatedNormals(SparseLowerFactor factor, int n, Random random)
    {
        var p = factor.Dimension;
        var z = new double[p];
        var joint = new double[(long)n * p];
        for (var i = 0; i < n; i++)
        {
            FillStandardNormal(random, z);
            factor.Multiply(z, joint.AsSpan(i * p, p));
        }

        return joint;
    }

    private static (double[] X, double[] Y) Split(double[] joint, int n, int dimX, int dimY)
    {
        var p = dimX + dimY;
        var x = new double[n * dimX];
        var y = new double[n * dimY];
        for (var i = 0; i < n; i++)
        {
            joint.AsSpan(i * p, dimX).CopyTo(x.AsSpan(i * dimX, dimX));
            joint.AsSpan(i * p + dimX, dimY).CopyTo(y.AsSpan(i * dimY, dimY));
        }

        return (x, y);
    }
}
