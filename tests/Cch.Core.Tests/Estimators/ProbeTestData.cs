using Cch.Data;
using MathNet.Numerics;

namespace Cch.Tests.Estimators;

/// <summary>Seeded data with known I(H;Y) for the probe tests, and the truths by quadrature or closed form.</summary>
internal static class ProbeTestData
{
    /// <summary>
    /// Balanced class labels (row i has class i mod C) with H|Y=c ~ N(spacing·(c − (C−1)/2), 1) in the
    /// first coordinate and <paramref name="noiseDims"/> further independent N(0,1) coordinates.
    /// </summary>
    public static (FeatureMatrix X, int[] Classes) ClassMixture(int n, int classes, double spacing, int seed, int noiseDims)
    {
        var d = 1 + noiseDims;
        var g = EstimatorTestData.StandardNormal(new Random(seed), n * d);
        var labels = new int[n];
        for (var i = 0; i < n; i++)
        {
            labels[i] = i % classes;
            g[i * d] += spacing * (labels[i] - (classes - 1) / 2.0);
        }

        return (new FeatureMatrix("x", n, d, g), labels);
    }

    /// <summary>H ~ N(0, I_d), Y = H₀ + 0.5·H₁ + ε with ε ~ N(0,1): I(H;Y) = ½ ln(1 + 1.25) (d ≥ 2).</summary>
    public static (FeatureMatrix X, FeatureMatrix Y) Linear(int n, int d, int seed)
    {
        var g = EstimatorTestData.StandardNormal(new Random(seed), n * (d + 1));
        var x = new double[n * d];
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < d; j++) x[i * d + j] = g[i * (d + 1) + j];
            y[i] = x[i * d] + 0.5 * x[i * d + 1] + g[i * (d + 1) + d];
        }

        return (new FeatureMatrix("x", n, d, x), FeatureMatrix.FromColumn("y", y));
    }

    /// <summary>
    /// I(H;Y) for Y uniform on {0,1} and H|Y ~ N(±μ, 1): ln 2 − E[H_b(P(Y=1|H))], with the posterior
    /// P(Y=1|h) = σ(2μh) and H_b the binary entropy (nats), the expectation over the mixture density
    /// by MathNet's double-exponential quadrature on [−μ−20, μ+20] (the tails beyond hold &lt; 1e-80).
    /// </summary>
    public static double BinaryPosteriorMi(double mu)
    {
        static double Phi(double t) => Math.Exp(-0.5 * t * t) / Math.Sqrt(2 * Math.PI);
        double Integrand(double h)
        {
            var t = Math.Abs(2 * mu * h);
            // H_b(σ(t)) = ln(1 + e^{−t}) + t/(1 + e^{t}), stable for large t.
            var binaryEntropy = Math.Log(1 + Math.Exp(-t)) + t / (1 + Math.Exp(t));
            return 0.5 * (Phi(h - mu) + Phi(h + mu)) * binaryEntropy;
        }

        return Math.Log(2) - Integrate.OnClosedInterval(Integrand, -mu - 20, mu + 20, 1e-12);
    }

    /// <summary>
    /// I(H;Y) for Y uniform on C classes and H|Y=c ~ N(m_c, 1): h(H) − ½ ln(2πe), with h(H) = −∫p ln p of
    /// the mixture density by MathNet's double-exponential quadrature on [min m − 20, max m + 20].
    /// </summary>
    public static double MixtureMi(double[] means)
    {
        static double Phi(double t) => Math.Exp(-0.5 * t * t) / Math.Sqrt(2 * Math.PI);
        double Integrand(double h)
        {
            var p = 0.0;
            foreach (var m in means) p += Phi(h - m);
            p /= means.Length;
            return p > 0 ? -p * Math.Log(p) : 0.0;
        }

        return Integrate.OnClosedInterval(Integrand, means.Min() - 20, means.Max() + 20, 1e-12) - 0.5 * Math.Log(2 * Math.PI * Math.E);
    }
}
