using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace Cch.Synthetic.Internal;

/// <summary>
/// The task constructors of bmi (<c>src/bmi/benchmark/tasks/*.py</c>, Czyż et al. 2023), one method per
/// bmi function, with bmi's ids and names. Transformed tasks reuse their base task's sampler, so for a
/// given seed they transform the same base sample.
/// </summary>
internal static class BmiTaskFactory
{
    private const string InvarianceNote = "; invariant under injective maps (Czyż et al. 2023, §2)";

    /// <summary>bmi <c>task_bivariate_normal</c>: (X, Y) standard bivariate normal with correlation ρ; I = −½ ln(1 − ρ²).</summary>
    public static ContinuousTask BivariateNormal(double rho)
    {
        var covariance = Covariances.Bivariate(rho);
        return new ContinuousTask($"1v1-normal-{Py(rho)}", "Bivariate normal 1 × 1", 1, 1,
            () => TruthFormulas.Gaussian(covariance, 1), TruthFormulas.GaussianSource, Samplers.Gaussian(covariance, 1));
    }

    /// <summary>bmi <c>task_additive_noise</c>: X ~ U(0,1), Y = X + U(−ε, ε).</summary>
    public static ContinuousTask AdditiveNoise(double epsilon)
    {
        if (!(epsilon > 0)) throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "ε must be positive.");
        return new ContinuousTask($"1v1-additive-{Py(epsilon)}", $"Uniform 1 × 1 (additive noise={Py(epsilon)})", 1, 1,
            () => TruthFormulas.AdditiveUniform(epsilon), TruthFormulas.AdditiveUniformSource, Samplers.AdditiveUniform(epsilon));
    }

    /// <summary>
    /// bmi <c>task_bimodal_gaussians</c>: the uniform margins of the bivariate normal (normal CDF) pushed
    /// through the inverse CDFs of 0.3·N(0,1) + 0.7·N(5,1) (X) and 0.5·N(−1,1) + 0.5·N(3,1) (Y), each
    /// inverted by bisection on [−10, 10] to 1e-12.
    /// </summary>
    public static ContinuousTask Bimodal(double rho)
    {
        var uniform = NormalCdf(BivariateNormal(rho));
        return Elementwise(uniform, $"1v1-bimodal-{Py(rho)}", "Bimodal 1 × 1",
            u => Transforms.InvertIncreasing(Transforms.BimodalCdfX, u),
            u => Transforms.InvertIncreasing(Transforms.BimodalCdfY, u));
    }

    /// <summary>bmi <c>task_multinormal_dense</c>: N(0, (1 − c)I + c·11ᵀ).</summary>
    public static ContinuousTask MultinormalDense(int dimX, int dimY, double offDiagonal = 0.5)
    {
        var covariance = Covariances.Dense(dimX, dimY, offDiagonal);
        return new ContinuousTask($"multinormal-dense-{dimX}-{dimY}-{Py(offDiagonal)}", $"Multinormal {dimX} × {dimY} (dense)", dimX, dimY,
            () => TruthFormulas.Gaussian(covariance, dimX), TruthFormulas.GaussianSource, Samplers.Gaussian(covariance, dimX));
    }

    /// <summary>
    /// bmi <c>task_multinormal_2pair</c> (= <c>task_multinormal_sparse</c> with 2 interacting pairs): the LVM
    /// correlation matrix of <see cref="Covariances.SparseLvmCorrelation"/>; Corr(X_i, Y_i) = 0.8 for i &lt; 2
    /// at strength 2, so I = −ln(1 − 0.8²) = 1.0217 nats whatever the dimensions.
    /// </summary>
    public static ContinuousTask MultinormalTwoPair(int dimX, int dimY, double strength = 2.0)
    {
        const int interacting = 2;
        var correlation = Covariances.SparseLvmCorrelation(dimX, dimY, interacting, strength);
        return new ContinuousTask($"multinormal-sparse-{dimX}-{dimY}-{interacting}-{Py(strength)}", $"Multinormal {dimX} × {dimY} (2-pair)",
            dimX, dimY, () => TruthFormulas.Gaussian(correlation, dimX), TruthFormulas.GaussianSource, Samplers.Gaussian(correlation, dimX));
    }

    /// <summary>bmi <c>task_student_identity</c>: multivariate Student-t, identity dispersion, ν = <paramref name="dof"/>.</summary>
    public static ContinuousTask StudentIdentity(int dimX, int dimY, int dof)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dof, 1);
        var dispersion = Covariances.Identity(dimX, dimY);
        return new ContinuousTask($"student-identity-{dimX}-{dimY}-{dof}", $"Student-t {dimX} × {dimY} (dof={dof})", dimX, dimY,
            () => TruthFormulas.StudentT(dispersion, dimX, dof), TruthFormulas.StudentSource, Samplers.StudentT(dispersion, dimX, dof));
    }

    /// <summary>bmi <c>transform_normal_cdf_task</c>: Φ on every coordinate of X and Y.</summary>
    public static ContinuousTask NormalCdf(ContinuousTask b) =>
        Elementwise(b, $"normal_cdf-{b.Id}", $"Normal CDF @ {b.Name}", Transforms.NormalCdf, Transforms.NormalCdf);

    /// <summary>bmi <c>transform_half_cube_task</c>: x·√|x| on every coordinate.</summary>
    public static ContinuousTask HalfCube(ContinuousTask b) =>
        Elementwise(b, $"half_cube-{b.Id}", $"Half-cube @ {b.Name}", Transforms.HalfCube, Transforms.HalfCube);

    /// <summary>bmi <c>transform_asinh_task</c>: asinh on every coordinate.</summary>
    public static ContinuousTask Asinh(ContinuousTask b) =>
        Elementwise(b, $"asinh-{b.Id}", $"Asinh @ {b.Name}", Transforms.Asinh, Transforms.Asinh);

    /// <summary>bmi <c>transform_wiggly_task</c>: wiggly_x on X, wiggly_y on Y.</summary>
    public static ContinuousTask Wiggly(ContinuousTask b) =>
        Elementwise(b, $"wiggly-{b.Id}", $"Wiggly @ {b.Name}", Transforms.WigglyX, Transforms.WigglyY);

    /// <summary>
    /// bmi <c>transform_spiral_task</c> (speed 1, normalised): X rotated in its (0, 1) plane by
    /// ‖x‖²/d_x, Y in its (1, 2) plane by ‖y‖²/d_y. Needs d_x ≥ 2 and d_y ≥ 3, as in bmi.
    /// </summary>
    public static ContinuousTask Spiral(ContinuousTask b, double speed = 1.0)
    {
        if (b.DimX < 2 || b.DimY < 3)
            throw new ArgumentException($"The spiral needs d_x ≥ 2 and d_y ≥ 3; task {b.Id} has {b.DimX} and {b.DimY}.", nameof(b));
        var speedX = speed / b.DimX;
        var speedY = speed / b.DimY;
        var inner = b.Sampler;
        return new ContinuousTask($"spiral-{b.Id}", $"Spiral @ {b.Name}", b.DimX, b.DimY, () => b.MutualInformation, WithInvariance(b.TruthSource),
            (n, random) =>
            {
                var (x, y) = inner(n, random);
                Transforms.Spiral(x, b.DimX, 0, 1, speedX);
                Transforms.Spiral(y, b.DimY, 1, 2, speedY);
                return (x, y);
            });
    }

    /// <summary>bmi <c>transform_swissroll_task</c>: the 1-d X (in (0, 1)) embedded as a Swiss roll in 2-d; Y unchanged.</summary>
    public static ContinuousTask SwissRoll(ContinuousTask b, string name)
    {
        if (b.DimX != 1) throw new ArgumentException($"The Swiss roll needs d_x = 1; task {b.Id} has {b.DimX}.", nameof(b));
        var inner = b.Sampler;
        return new ContinuousTask($"swissroll_x-{b.Id}", name, 2, b.DimY, () => b.MutualInformation, WithInvariance(b.TruthSource),
            (n, random) =>
            {
                var (x, y) = inner(n, random);
                var rolled = new double[2 * n];
                for (var i = 0; i < n; i++) (rolled[2 * i], rolled[2 * i + 1]) = Transforms.SwissRoll(x[i]);
                return (rolled, y);
            });
    }

    private static ContinuousTask Elementwise(ContinuousTask b, string id, string name, Func<double, double> fx, Func<double, double> fy)
    {
        var inner = b.Sampler;
        return new ContinuousTask(id, name, b.DimX, b.DimY, () => b.MutualInformation, WithInvariance(b.TruthSource),
            (n, random) =>
            {
                var (x, y) = inner(n, random);
                for (var i = 0; i < x.Length; i++) x[i] = fx(x[i]);
                for (var i = 0; i < y.Length; i++) y[i] = fy(y[i]);
                return (x, y);
            });
    }

    private static string WithInvariance(string source) => source.EndsWith(InvarianceNote, StringComparison.Ordinal) ? source : source + InvarianceNote;

    /// <summary>A float as Python's <c>str</c> writes it in bmi's f-strings: shortest round-trip, with ".0" for integers (2.0, 0.5, 0.75).</summary>
    internal static string Py(double value)
    {
        var s = value.ToString("R", CultureInfo.InvariantCulture);
        return s.Contains('.') || s.Contains('E') ? s : s + ".0";
    }
}
