using MathNet.Numerics;
using MathNet.Numerics.Integration;

namespace Cch.Synthetic.Internal;

/// <summary>
/// I(X;Y) in nats for a binary label Y = 1[u + ε &gt; 0] with u = aᵀX ~ N(0, α²), α = |a|, and ε ~ N(0, 1)
/// independent of X: P(Y = 1 | X) = Φ(u) (a probit model), P(Y = 1) = ½ by symmetry, so
/// I = H(Y) − H(Y | X) = ln 2 − E_u[H_b(Φ(u))] (Cover &amp; Thomas 2006, eq. 2.43), with H_b the binary
/// entropy in nats. X enters only through u, so the expectation is one-dimensional:
/// E = ∫ φ(z) H_b(Φ(α z)) dz.
/// </summary>
internal static class ProbitLabelQuadrature
{
    /// <summary>The integral runs over z ∈ [−12, 12]; the standard normal mass outside is 2Φ(−12) ≈ 3.6e-33.</summary>
    public const double TailSds = 12.0;

    /// <summary>
    /// The mutual information (nats) and an error bound. Method: [−12, 12] cut into 24 unit panels, each
    /// integrated by MathNet's adaptive Gauss–Kronrod rule (15-point Kronrod / 7-point Gauss, target relative
    /// error 1e-12); the bound is the sum of the panels' error estimates plus the tail mass times ln 2.
    /// </summary>
    /// <param name="alpha">|a| ≥ 0, the standard deviation of u.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is negative or not finite.</exception>
    public static (double MutualInformation, double Error) MutualInformation(double alpha)
    {
        if (!(alpha >= 0) || !double.IsFinite(alpha)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "α must be finite and ≥ 0.");
        var norm = 1.0 / Math.Sqrt(2 * Math.PI);
        double Integrand(double z) => norm * Math.Exp(-0.5 * z * z) * BinaryEntropyOfProbit(alpha * z);

        var panels = (int)(2 * TailSds);
        var expected = 0.0;
        var error = 0.0;
        for (var i = 0; i < panels; i++)
        {
            var a = -TailSds + i;
            expected += GaussKronrodRule.Integrate(Integrand, a, a + 1, out var panelError, out _, 1e-12, 15, 15);
            error += panelError;
        }

        error += 2 * Transforms.NormalCdf(-TailSds) * Math.Log(2);
        return (Math.Log(2) - expected, error);
    }

    /// <summary>
    /// H_b(Φ(x)) = −p ln p − q ln q in nats with p = Φ(x) = ½ erfc(−x/√2) and q = Φ(−x) = ½ erfc(x/√2), each
    /// from erfc so the smaller one keeps its relative precision in the tails; 0·ln 0 = 0.
    /// </summary>
    public static double BinaryEntropyOfProbit(double x)
    {
        var p = 0.5 * SpecialFunctions.Erfc(-x / Math.Sqrt(2));
        var q = 0.5 * SpecialFunctions.Erfc(x / Math.Sqrt(2));
        return (p > 0 ? -p * Math.Log(p) : 0) + (q > 0 ? -q * Math.Log(q) : 0);
    }

    /// <summary>
    /// The α with I(α) = <paramref name="target"/> by bisection on [0, 64] (I is increasing in α: a larger α is
    /// a less noisy channel), to 1e-13 in α.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The target is not in (0, I(64)).</exception>
    public static double SolveAlpha(double target)
    {
        const double hiAlpha = 64;
        if (!(target > 0) || target >= MutualInformation(hiAlpha).MutualInformation)
            throw new ArgumentOutOfRangeException(nameof(target), target, "A probit label's I(X;Y) must lie in (0, ln 2) and be reachable with α ≤ 64.");
        double lo = 0, hi = hiAlpha;
        while (hi - lo > 1e-13 * Math.Max(1, hi))
        {
            var mid = 0.5 * (lo + hi);
            if (MutualInformation(mid).MutualInformation < target) lo = mid;
            else hi = mid;
        }

        return 0.5 * (lo + hi);
    }
}
