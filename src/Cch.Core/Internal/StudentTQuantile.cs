using MathNet.Numerics.Distributions;

namespace Cch.Internal;

/// <summary>
/// Quantiles of Student's t distribution that do not fail in the far tail at few degrees of freedom,
/// where MathNet's root finder does not converge (ν = 1 at p = 0.99995: exit code 3 before this existed).
/// </summary>
internal static class StudentTQuantile
{
    /// <summary>The p-quantile of Student's t with ν degrees of freedom.</summary>
    /// <remarks>
    /// Closed forms for ν = 1 (Cauchy: tan(π(p − ½))) and ν = 2 ((2p − 1)/√(2p(1 − p))) (Johnson, Kotz &amp;
    /// Balakrishnan, <i>Continuous Univariate Distributions</i> vol. 2, 2nd ed., ch. 28); otherwise
    /// MathNet, and bisection on the CDF if MathNet does not converge.
    /// </remarks>
    /// <param name="nu">ν &gt; 0.</param>
    /// <param name="p">p in (0, 1).</param>
    public static double Of(double nu, double p)
    {
        if (nu == 1) return Math.Tan(Math.PI * (p - 0.5));
        if (nu == 2) return (2 * p - 1) / Math.Sqrt(2 * p * (1 - p));
        try
        {
            return StudentT.InvCDF(0, 1, nu, p);
        }
        catch (MathNet.Numerics.NonConvergenceException)
        {
            // Monotone CDF: bisect on a bracket that doubles until it holds p.
            var sign = p < 0.5 ? -1.0 : 1.0;
            var target = p < 0.5 ? 1 - p : p;
            double lo = 0, hi = 1;
            while (StudentT.CDF(0, 1, nu, hi) < target) hi *= 2;
            for (var i = 0; i < 200 && hi - lo > 1e-12 * hi; i++)
            {
                var mid = (lo + hi) / 2;
                if (StudentT.CDF(0, 1, nu, mid) < target) lo = mid; else hi = mid;
            }

            return sign * (lo + hi) / 2;
        }
    }
}
