using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace Cch.Synthetic.Internal;

/// <summary>Closed-form mutual informations (nats) of the synthetic tasks' base distributions.</summary>
internal static class TruthFormulas
{
    /// <summary>Citation of the Gaussian closed form.</summary>
    public const string GaussianSource = "Cover & Thomas 2006, eq. 8.56: ½ ln(det Σxx det Σyy / det Σ)";

    /// <summary>Citation of the Student-t closed form.</summary>
    public const string StudentSource =
        "Arellano-Valle, Contreras-Reyes & Genton 2013, eq. 7: Gaussian term of the dispersion + h(dx,ν) + h(dy,ν) − h(dx+dy,ν) (bmi SplitStudentT)";

    /// <summary>Citation of the additive-uniform closed form.</summary>
    public const string AdditiveUniformSource = "Czyż et al. 2023 (bmi AdditiveUniformSampler): 1/(4ε) if ε > 0.5, else ε − ln 2ε";

    /// <summary>
    /// I(X;Y) = ½·(ln det Σ_xx + ln det Σ_yy − ln det Σ) for (X, Y) ~ N(μ, Σ), X the first
    /// <paramref name="dimX"/> coordinates (Cover &amp; Thomas, Elements of Information Theory, 2nd ed.,
    /// eq. 8.56, h = ½ ln((2πe)ⁿ det K), with I = h(X) + h(Y) − h(X,Y)); log-determinants by Cholesky.
    /// </summary>
    public static double Gaussian(Matrix<double> covariance, int dimX)
    {
        var p = covariance.RowCount;
        var dimY = p - dimX;
        var xx = covariance.SubMatrix(0, dimX, 0, dimX).Cholesky().DeterminantLn;
        var yy = covariance.SubMatrix(dimX, dimY, dimX, dimY).Cholesky().DeterminantLn;
        var all = covariance.Cholesky().DeterminantLn;
        return 0.5 * (xx + yy - all);
    }

    /// <summary>
    /// Differential entropy (nats) of the k-dimensional Student-t with ν degrees of freedom, location 0 and
    /// identity dispersion (Arellano-Valle, Contreras-Reyes &amp; Genton, Scand. J. Stat. 40:42–62, 2013,
    /// eq. 7): h = ln Γ(ν/2) − ln Γ((ν+k)/2) + (k/2) ln(νπ) + ((ν+k)/2)·[ψ((ν+k)/2) − ψ(ν/2)].
    /// </summary>
    public static double StudentTEntropy(int k, double dof)
    {
        var half = 0.5 * (dof + k);
        return SpecialFunctions.GammaLn(0.5 * dof) - SpecialFunctions.GammaLn(half) + 0.5 * k * Math.Log(dof * Math.PI)
               + half * (SpecialFunctions.DiGamma(half) - SpecialFunctions.DiGamma(0.5 * dof));
    }

    /// <summary>
    /// The Student-t correction h(d_x, ν) + h(d_y, ν) − h(d_x + d_y, ν) (bmi's
    /// <c>SplitStudentT.mi_correction_function</c>); it depends only on the dimensions and ν, and is
    /// added to the Gaussian mutual information of the dispersion matrix.
    /// </summary>
    public static double StudentTCorrection(int dimX, int dimY, double dof) =>
        StudentTEntropy(dimX, dof) + StudentTEntropy(dimY, dof) - StudentTEntropy(dimX + dimY, dof);

    /// <summary>I(X;Y) of the multivariate Student-t with dispersion Ω: <see cref="Gaussian"/>(Ω) + <see cref="StudentTCorrection"/>.</summary>
    public static double StudentT(Matrix<double> dispersion, int dimX, double dof) =>
        Gaussian(dispersion, dimX) + StudentTCorrection(dimX, dispersion.RowCount - dimX, dof);

    /// <summary>
    /// I(X; X + E) for X ~ U(0,1), E ~ U(−ε, ε): 1/(4ε) when ε &gt; 0.5, else ε − ln(2ε)
    /// (bmi <c>AdditiveUniformSampler.mutual_information_function</c>; h(Y) − h(E) with h(E) = ln 2ε).
    /// </summary>
    public static double AdditiveUniform(double epsilon) =>
        epsilon > 0.5 ? 0.25 / epsilon : epsilon - Math.Log(2 * epsilon);
}
