using Cch.Estimators.Internal;
using MathNet.Numerics.Distributions;

namespace Cch.Surrogates;

/// <summary>Seeded multivariate normal draws for the surrogates.</summary>
internal static unsafe class SurrogateDraws
{
    /// <summary>
    /// <paramref name="rows"/> draws z = L·g, g ~ N(0, I_p), row-major (rows×p), where
    /// <paramref name="factor"/> is a p×p lower-triangular L (row-major, upper triangle zero): Z = G·Lᵀ.
    /// </summary>
    public static double[] Correlated(double[] factor, int p, int rows, int seed)
    {
        var g = Standard(checked(rows * p), seed);
        var z = new double[(long)rows * p];
        fixed (double* zp = z, gp = g, lp = factor)
            DenseKernel.MultiplyAddTransposedParallel(zp, p, gp, p, lp, p, rows, p, p, 1.0);
        return z;
    }

    /// <summary><paramref name="count"/> independent standard normal values from a seeded generator.</summary>
    public static double[] Standard(int count, int seed)
    {
        var values = new double[count];
        Normal.Samples(new Random(seed), values, 0, 1);
        return values;
    }
}
