using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace Cch.Estimators.Internal;

/// <summary>Log-determinants for the Gaussian estimators (MathNet Cholesky) and their finite-sample bias.</summary>
internal static class GaussianLogDeterminant
{
    private const double FirstRidge = 1e-12;
    private const double LastRidge = 1e-2;

    /// <summary>
    /// The smallest ridge ε ∈ {0, 1e-12, 1e-11, …, 1e-2} (standardised units; the diagonal is ≈ 1)
    /// for which Σ + εI has a Cholesky factorisation, and ln det(Σ + εI). A ridge is needed only for
    /// (numerically) singular Σ, e.g. exactly collinear columns.
    /// </summary>
    /// <exception cref="InvalidOperationException">Not even ε = 1e-2 works (cannot happen for a covariance matrix).</exception>
    public static (double Ridge, double LogDet) WithRidge(Matrix<double> sigma)
    {
        for (var ridge = 0.0; ridge <= LastRidge; ridge = ridge == 0 ? FirstRidge : ridge * 10)
        {
            if (TryLogDet(sigma, ridge, out var logDet)) return (ridge, logDet);
        }

        throw new InvalidOperationException("The covariance matrix is not positive semi-definite.");
    }

    /// <summary>ln det(Σ + εI) for a ridge that is known to work (e.g. for a principal block of a matrix that worked).</summary>
    public static double LogDet(Matrix<double> sigma, double ridge)
    {
        if (TryLogDet(sigma, ridge, out var logDet)) return logDet;
        return WithRidge(sigma).LogDet;
    }

    /// <summary>
    /// E[ln det S] − ln det Σ for the 1/n sample covariance S of n i.i.d. p-variate Gaussian rows
    /// (mean estimated): p·ln(2/n) + Σ_{i=1..p} ψ((n − i)/2), from nS ~ Wishart_p(n − 1, Σ)
    /// (the Wishart log-determinant expectation, Bishop, Pattern Recognition and Machine Learning, 2006,
    /// eq. B.81; its use for an unbiased Gaussian entropy is Misra, Singh &amp; Demchuk 2005,
    /// J. Multivariate Anal. 92:324).
    /// Requires p ≤ n − 1. Subtracting it from ln det S gives the unbiased estimator of ln det Σ.
    /// </summary>
    public static double Bias(int n, int p)
    {
        var sum = p * Math.Log(2.0 / n);
        for (var i = 1; i <= p; i++) sum += SpecialFunctions.DiGamma((n - i) / 2.0);
        return sum;
    }

    private static bool TryLogDet(Matrix<double> sigma, double ridge, out double logDet)
    {
        var m = sigma;
        if (ridge > 0)
        {
            m = sigma.Clone();
            for (var i = 0; i < m.RowCount; i++) m[i, i] += ridge;
        }

        try
        {
            logDet = m.Cholesky().DeterminantLn;
            return double.IsFinite(logDet);
        }
        catch (ArgumentException)
        {
            logDet = double.NaN;
            return false;
        }
    }
}
