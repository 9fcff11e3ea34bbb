using BenchmarkDotNet.Attributes;
using Cch.Estimators;
using Cch.Estimators.Internal;

namespace Cch.Benchmarks.Estimators;

/// <summary>
/// The max-norm k-NN kernel alone, one thread: all N/8 blocks of one 100-dim space of N = 10,000
/// points (10⁸ ordered pairs × 100 dims = 3·10¹⁰ element operations: subtract, abs, max). The
/// <c>Vector256</c> case on an AVX-512 machine still gets EVEX encoding and 32 registers; run the
/// process with <c>DOTNET_EnableAVX512=0</c> for the AVX2 path as an AVX2-only machine runs it.
/// Operations per cycle: <c>-- kernel-rate</c> (<see cref="KernelRate"/>); results in docs/benchmarks.md.
/// </summary>
[BenchmarkCategory("Estimators", "KSG", "Kernel")]
public class MaxNormKernelBenchmarks
{
    private PreparedSpace _space = null!;
    private float[] _output = null!;

    /// <summary>The ISA path: <c>Auto</c> (best available) or a forced one.</summary>
    [Params("Auto", "Vector256")]
    public string Isa { get; set; } = "Auto";

    /// <summary>Prepares the X side of the KSG benchmark's large case (seed 1).</summary>
    [GlobalSetup]
    public void Setup()
    {
        var (x, y) = SyntheticData.Equicorrelated(10_000, 100, 100, 0.5, seed: 1);
        _space = new KsgEstimator(k: 3, seed: 0).Prepare(x, y)!.Value.X;
        _output = GC.AllocateArray<float>(MaxNormKernel.BlockRows * _space.PaddedRows + 16, pinned: true);
    }

    /// <summary>Distances from every point to every point (one space), single-threaded.</summary>
    [Benchmark]
    public unsafe float Kernel_N10000_D100()
    {
        var isa = Enum.Parse<KernelIsa>(Isa);
        var blocks = (_space.Rows + MaxNormKernel.BlockRows - 1) / MaxNormKernel.BlockRows;
        fixed (float* output = _output)
        {
            for (var b = 0; b < blocks; b++)
                MaxNormKernel.BlockDistances(_space, b * MaxNormKernel.BlockRows, output, _space.PaddedRows, isa);
            return output[1];
        }
    }
}
