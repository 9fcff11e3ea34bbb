using Cch.Data;
using Cch.Estimators;
using Cch.Estimators.Internal;

namespace Cch.Benchmarks.Accuracy;

/// <summary>Exploration: KSG on copula-normalised columns.</summary>
internal sealed class KsgOnNormalScores(int seed, int k = 3) : IMutualInformationEstimator, ILabelMutualInformationEstimator
{
    public string Name => "ksg-ns";
    public int MinimumRows => 4;
    public double Estimate(FeatureMatrix x, FeatureMatrix y) => new KsgEstimator(k, seed).Estimate(Scores(x), Scores(y));
    public double Estimate(FeatureMatrix x, ReadOnlySpan<int> classes) => new MixedEstimator(k, seed).Estimate(Scores(x), classes);
    internal static FeatureMatrix Scores(FeatureMatrix m)
    {
        var (zt, p) = NormalScores.Compute(m, "m");
        if (p == 0) return m;
        var n = m.Rows; var v = new double[n * p];
        for (var j = 0; j < p; j++) for (var i = 0; i < n; i++) v[i * p + j] = zt[(long)j * n + i];
        return new FeatureMatrix(m.Name, n, p, v);
    }
}
