using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace Cch.Tests.Synthetic;

/// <summary>
/// Computations of the synthetic tasks' truths by routes independent of the library's formulas:
/// canonical correlations instead of determinants, radial quadrature of −∫ p ln p instead of
/// Arellano-Valle et al.'s eq. 7, Simpson quadrature of h(X) instead of the posterior entropy.
/// </summary>
internal static class IndependentTruths
{
    /// <summary>
    /// I(X;Y) = −½ Σ ln(1 − ρᵢ²) over the canonical correlations ρᵢ of a Gaussian, ρᵢ² the eigenvalues
    /// of Σxx⁻¹ Σxy Σyy⁻¹ Σyx (Kullback 1959, Information Theory and Statistics, ch. 9; Hotelling 1936).
    /// </summary>
    public static double CanonicalCorrelationMi(Matrix<double> sigma, int dx)
    {
        var dy = sigma.RowCount - dx;
        var sxx = sigma.SubMatrix(0, dx, 0, dx);
        var syy = sigma.SubMatrix(dx, dy, dx, dy);
        var sxy = sigma.SubMatrix(0, dx, dx, dy);
        var m = sxx.Inverse() * sxy * syy.Inverse() * sxy.Transpose();
        var total = 0.0;
        foreach (var eigenvalue in m.Evd().EigenValues)
            total += -0.5 * Math.Log(1 - eigenvalue.Real);
        return total;
    }

    /// <summary>
    /// Differential entropy of the k-dimensional Student-t (ν, identity dispersion) as −∫ p ln p in polar
    /// coordinates, from the density p(r) = Γ((ν+k)/2) / (Γ(ν/2)(νπ)^{k/2}) · (1 + r²/ν)^{−(ν+k)/2} and the
    /// sphere area 2π^{k/2}/Γ(k/2): h = −∫₀^∞ S r^{k−1} p(r) ln p(r) dr, with r = t/(1 − t), by MathNet's
    /// double-exponential (tanh-sinh) quadrature on t ∈ [0, 1].
    /// </summary>
    public static double StudentTEntropyByQuadrature(int k, double nu)
    {
        var logNorm = SpecialFunctions.GammaLn((nu + k) / 2) - SpecialFunctions.GammaLn(nu / 2) - k / 2.0 * Math.Log(nu * Math.PI);
        var logSphere = Math.Log(2) + k / 2.0 * Math.Log(Math.PI) - SpecialFunctions.GammaLn(k / 2.0);
        double Integrand(double t)
        {
            if (t <= 0 || t >= 1) return 0;
            var r = t / (1 - t);
            var logP = logNorm - (nu + k) / 2 * Math.Log(1 + r * r / nu);
            var jacobian = 1 / ((1 - t) * (1 - t));
            return -Math.Exp(logSphere + (k - 1) * Math.Log(r) + logP) * logP * jacobian;
        }

        return Integrate.DoubleExponential(Integrand, 0, 1, 1e-12);
    }

    /// <summary>
    /// I(X;Y) for Y uniform on C classes and X | Y = c ~ N(m_c, 1): h(X) − ½ ln(2πe), with h of the
    /// mixture by composite Simpson on [min m − 14, max m + 14] with 400,000 intervals.
    /// </summary>
    public static double MixtureEntropyMi(IReadOnlyList<double> means)
    {
        var c = means.Count;
        double Integrand(double x)
        {
            var p = 0.0;
            foreach (var m in means) p += Math.Exp(-0.5 * (x - m) * (x - m));
            p /= c * Math.Sqrt(2 * Math.PI);
            return p > 0 ? -p * Math.Log(p) : 0.0;
        }

        const int intervals = 400_000;
        var a = means.Min() - 14;
        var b = means.Max() + 14;
        var h = (b - a) / intervals;
        var sum = Integrand(a) + Integrand(b);
        for (var i = 1; i < intervals; i++) sum += (i % 2 == 1 ? 4 : 2) * Integrand(a + i * h);
        return sum * h / 3 - 0.5 * Math.Log(2 * Math.PI * Math.E);
    }
}
