using MathNet.Numerics.LinearAlgebra;

namespace Cch.Synthetic.Internal;

/// <summary>The covariance (or dispersion) matrices of bmi's Gaussian and Student-t tasks, X first.</summary>
internal static class Covariances
{
    /// <summary>[[1, ρ], [ρ, 1]] (bmi's <c>BivariateNormalSampler</c> with unit SDs).</summary>
    public static Matrix<double> Bivariate(double rho) => Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, rho }, { rho, 1.0 } });

    /// <summary>bmi's <c>task_multinormal_dense</c>: (1 − c)·I + c·11ᵀ of size d_x + d_y (every off-diagonal entry c).</summary>
    public static Matrix<double> Dense(int dimX, int dimY, double offDiagonal) =>
        Matrix<double>.Build.Dense(dimX + dimY, dimX + dimY, (i, j) => i == j ? 1.0 : offDiagonal);

    /// <summary>The identity of size d_x + d_y (bmi's <c>task_student_identity</c> dispersion).</summary>
    public static Matrix<double> Identity(int dimX, int dimY) => Matrix<double>.Build.DenseIdentity(dimX + dimY);

    /// <summary>
    /// The correlation matrix of bmi's <c>GaussianLVMParametrization</c> as <c>task_multinormal_sparse</c>
    /// sets it (α = 0, β = 0, λ = η = strength, ε = 1), from the latent variable model: X_i = λZ_i + E_i and
    /// Y_i = λZ_i + F_i for i &lt; K (K = <paramref name="interacting"/>), X_i = E_i + ηV_i and Y_i = F_i + ηW_i
    /// otherwise, all latents iid N(0, 1). Covariance: Var = 1 + λ² (i &lt; K), 1 + η² (i ≥ K);
    /// Cov(X_i, Y_i) = λ² for i &lt; K; zero elsewhere; then normalised to correlations, giving
    /// Corr(X_i, Y_i) = λ²/(1 + λ²) = 0.8 for strength 2 and unit variances everywhere.
    /// </summary>
    public static Matrix<double> SparseLvmCorrelation(int dimX, int dimY, int interacting, double strength)
    {
        if (interacting < 0 || interacting > Math.Min(dimX, dimY))
            throw new ArgumentOutOfRangeException(nameof(interacting), interacting, "Must be between 0 and min(d_x, d_y).");
        const double epsilon = 1.0;
        var lambda = strength;
        var eta = strength;
        var p = dimX + dimY;
        var covariance = Matrix<double>.Build.Dense(p, p);
        for (var i = 0; i < dimX; i++) covariance[i, i] = epsilon * epsilon + (i < interacting ? lambda * lambda : eta * eta);
        for (var j = 0; j < dimY; j++) covariance[dimX + j, dimX + j] = epsilon * epsilon + (j < interacting ? lambda * lambda : eta * eta);
        for (var i = 0; i < interacting; i++)
        {
            covariance[i, dimX + i] = lambda * lambda;
            covariance[dimX + i, i] = lambda * lambda;
        }

        return Matrix<double>.Build.Dense(p, p, (i, j) => covariance[i, j] / Math.Sqrt(covariance[i, i] * covariance[j, j]));
    }
}
