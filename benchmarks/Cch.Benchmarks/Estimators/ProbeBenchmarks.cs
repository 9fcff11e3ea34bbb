using BenchmarkDotNet.Attributes;
using Cch.Benchmarks.EndToEnd;
using Cch.Data;
using Cch.Estimators;

namespace Cch.Benchmarks.Estimators;

/// <summary>
/// The probe estimator (classification, default settings: 5 folds, inner-validated L2) on its two
/// target cases. The whole estimate is timed, λ search and refits included. Results are recorded in
/// docs/estimators.md (probe section).
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Estimators", "Probe")]
public class ProbeBenchmarks
{
    private readonly ProbeEstimator _probe = new();
    private FeatureMatrix _x = null!;
    private int[] _classes = null!;

    /// <summary>N = 10,000, two balanced classes N(±e₁, I₁₀₀) (seed 1).</summary>
    [GlobalSetup(Target = nameof(Probe_N10000_D100_C2))]
    public void SetupBinary()
    {
        const int n = 10_000, d = 100;
        var g = SyntheticData.StandardNormal(new Random(1), n * d);
        _classes = new int[n];
        for (var i = 0; i < n; i++)
        {
            _classes[i] = i % 2;
            g[i * d] += _classes[i] == 0 ? -1 : 1;
        }

        _x = new FeatureMatrix("x", n, d, g);
    }

    /// <summary>MNIST: 10,000 digits × 784 pixels from <c>../shared/data/mnist.parquet</c>, 10 classes.</summary>
    [GlobalSetup(Target = nameof(Probe_Mnist_N10000_D784_C10))]
    public void SetupMnist()
    {
        var path = Path.GetFullPath(Path.Combine(MnistSizedCheck.FindRoot(), "..", "shared", "data", "mnist.parquet"));
        var dataset = DatasetLoader.LoadAsync(new DataRequest
        {
            DataPath = path,
            Teachers = [new ColumnSpec(null, "pixels")],
            Student = new ColumnSpec(null, "id"),
            Label = new ColumnSpec(null, "label"),
        }).GetAwaiter().GetResult();
        _x = dataset.Teachers[0];
        _classes = dataset.Label.Classes!;
    }

    /// <summary>Target: under 1 s on 2 cores.</summary>
    [Benchmark]
    [BenchmarkCategory("ProbeBinary")]
    public double Probe_N10000_D100_C2() => _probe.Estimate(_x, _classes);

    /// <summary>Target: under 4 s on 2 cores.</summary>
    [Benchmark]
    [BenchmarkCategory("ProbeMnist")]
    public double Probe_Mnist_N10000_D784_C10() => _probe.Estimate(_x, _classes);
}
