using BenchmarkDotNet.Attributes;
using Cch.Data;
using Cch.Estimators;

namespace Cch.Benchmarks.Estimators;

/// <summary>
/// KSG estimator (k = 3) on fixed-seed synthetic data. Benchmark IDs (class + method names) are
/// stable; results are recorded in docs/benchmarks.md.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Estimators", "KSG")]
public class KsgBenchmarks
{
    private readonly KsgEstimator _ksg = new(k: 3, seed: 0);
    private FeatureMatrix _x = null!;
    private FeatureMatrix _y = null!;

    /// <summary>N = 10,000, X and Y each 100-dim Gaussian with all 200 coordinates correlated 0.5.</summary>
    [GlobalSetup(Target = nameof(Ksg_N10000_Dx100_Dy100))]
    public void SetupLarge() => (_x, _y) = SyntheticData.Equicorrelated(10_000, 100, 100, 0.5, seed: 1);

    /// <summary>
    /// N = 2,000, X 216-dim and Y 6-dim, handwritten-digit-like (UCI Multiple Features: 216
    /// profile correlations + 6 morphological features): 10 latent classes, class-dependent means.
    /// </summary>
    [GlobalSetup(Target = nameof(Ksg_N2000_Dx216_Dy6))]
    public void SetupHandwritten() => (_x, _y) = SyntheticData.HandwrittenLike(2_000, 216, 6, classes: 10, seed: 2);

    /// <summary>The target case: 10⁴ points, 100 + 100 dimensions (goal: under 2 s on 2 cores).</summary>
    [Benchmark]
    [BenchmarkCategory("KsgLarge")]
    public double Ksg_N10000_Dx100_Dy100() => _ksg.Estimate(_x, _y);

    /// <summary>A CCH-sized case: teacher 216 dims, student 6 dims, 2,000 samples.</summary>
    [Benchmark]
    [BenchmarkCategory("KsgHandwritten")]
    public double Ksg_N2000_Dx216_Dy6() => _ksg.Estimate(_x, _y);
}
