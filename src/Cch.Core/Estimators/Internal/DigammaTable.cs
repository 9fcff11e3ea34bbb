using MathNet.Numerics;

namespace Cch.Estimators.Internal;

/// <summary>ψ(1..n) from MathNet's <see cref="SpecialFunctions.DiGamma"/>; entry 0 is NaN.</summary>
internal static class DigammaTable
{
    public static double[] Create(int n)
    {
        var t = new double[n + 1];
        t[0] = double.NaN;
        for (var i = 1; i <= n; i++) t[i] = SpecialFunctions.DiGamma(i);
        return t;
    }
}
