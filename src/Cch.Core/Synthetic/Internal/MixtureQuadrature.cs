using MathNet.Numerics.Integration;

namespace Cch.Synthetic.Internal;

/// <summary>
/// I(X;Y) for a label Y uniform on C classes and a 1-d X | Y = c ~ N(m_c, 1), by quadrature of
/// I = ln C − E_X[H(Y | X = x)], the posterior P(c | x) = φ(x − m_c)/Σ_k φ(x − m_k) (Bayes; Cover &amp;
/// Thomas 2006, eq. 2.43 I = H(Y) − H(Y|X)). Extra coordinates of X independent of Y add nothing.
/// </summary>
internal static class MixtureQuadrature
{
    /// <summary>How many SDs beyond the outermost means the integral runs (the mixture density there is below 1e-31).</summary>
    public const double TailSds = 12.0;

    /// <summary>
    /// The mutual information in nats and an error bound. Method: the interval
    /// [min m − 12, max m + 12] is cut into unit-width panels, each integrated by MathNet's adaptive
    /// Gauss–Kronrod rule (15-point Kronrod / 7-point Gauss, target relative error 1e-12); the returned
    /// error is the sum of the panels' Kronrod–Gauss error estimates plus the tail mass outside the range
    /// times ln C.
    /// </summary>
    public static (double MutualInformation, double Error) LabelMutualInformation(IReadOnlyList<double> means)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(means.Count, 2);
        var c = means.Count;
        var logC = Math.Log(c);
        var norm = 1.0 / (c * Math.Sqrt(2 * Math.PI));

        double Integrand(double x)
        {
            // f(x)·H(Y | X = x). With l_k = −(x − m_k)²/2 and the largest l_j: s = Σ_{k≠j} e^{l_k − l_j},
            // ln P(k | x) = l_k − l_j − ln(1 + s). ln(1 + s) is taken by Log1P so that the posterior entropy
            // keeps its relative precision in the tails, where it is ~ s·ln(1/s) and tiny (without it the
            // adaptive rule chases rounding noise).
            Span<double> logWeights = stackalloc double[c];
            var top = 0;
            for (var k = 0; k < c; k++)
            {
                var d = x - means[k];
                logWeights[k] = -0.5 * d * d;
                if (logWeights[k] > logWeights[top]) top = k;
            }

            var rest = 0.0;
            for (var k = 0; k < c; k++)
                if (k != top) rest += Math.Exp(logWeights[k] - logWeights[top]);
            var log1PRest = Log1P(rest);
            var entropy = 0.0;
            for (var k = 0; k < c; k++)
            {
                var logPost = logWeights[k] - logWeights[top] - log1PRest;
                entropy -= Math.Exp(logPost) * logPost;
            }

            return norm * Math.Exp(logWeights[top]) * (1 + rest) * entropy;
        }

        var lo = means.Min() - TailSds;
        var hi = means.Max() + TailSds;
        var panels = (int)Math.Ceiling(hi - lo);
        var width = (hi - lo) / panels;
        var expected = 0.0;
        var error = 0.0;
        for (var i = 0; i < panels; i++)
        {
            var a = lo + i * width;
            var b = i == panels - 1 ? hi : a + width;
            expected += GaussKronrodRule.Integrate(Integrand, a, b, out var panelError, out _, 1e-12, 15, 15);
            error += panelError;
        }

        // Mass of the mixture beyond ±12 SD of the outer means: 2·Φ(−12) ≈ 3.6e-33 per component at most.
        error += 2 * Transforms.NormalCdf(-TailSds) * logC;
        return (logC - expected, error);
    }

    /// <summary>ln(1 + x) to full relative precision for small x ≥ 0 (Goldberg 1991, Theorem 4: ln(u)·x/(u − 1), u = 1 ⊕ x).</summary>
    internal static double Log1P(double x)
    {
        var u = 1.0 + x;
        return u == 1.0 ? x : Math.Log(u) * x / (u - 1.0);
    }
}
