using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Cch.Estimators;
using Cch.Estimators.Internal;

namespace Cch.Benchmarks.Estimators;

/// <summary>
/// <c>kernel-rate [N] [dims] [repeats]</c>: element operations per cycle per core of the max-norm k-NN
/// kernel (<see cref="MaxNormKernel"/>), single-threaded, for every ISA path this process can run, then
/// one whole KSG estimate (N, dims + dims) on all cores. Times are thread (or process) CPU time, not
/// wall time, because the machine may be shared. The core clock is measured, not read: there is no
/// PMU in a VM, so a chain of dependent 1-cycle integer operations (add, xor; latency 1 on every
/// x86-64 core since Sandy Bridge and Zen 1) is timed, giving cycles per CPU second. Results:
/// docs/benchmarks.md, "k-NN kernel: operations per cycle".
/// </summary>
public static class KernelRate
{
    /// <summary>The command-line name.</summary>
    public const string Name = "kernel-rate";

    /// <summary>Element operations per (pair, dimension): one subtract, one abs (and-not sign), one max.</summary>
    public const int OpsPerPairDim = 3;

    /// <summary>Runs the measurement and prints a Markdown-ready summary.</summary>
    /// <param name="args">Optional N (default 10,000), dims per side (default 100), repeats (default 5).</param>
    public static unsafe void Run(string[] args)
    {
        var n = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var dims = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
        var repeats = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
        var inv = CultureInfo.InvariantCulture;

        Console.WriteLine($"cpu: {CpuModel()}; nominal {NominalMhz()} MHz (/proc/cpuinfo); {Environment.ProcessorCount} logical CPUs");
        Console.WriteLine($"isa: Avx2={Avx2.IsSupported} Avx512F={Avx512F.IsSupported} Vector256.HW={Vector256.IsHardwareAccelerated} Vector512.HW={Vector512.IsHardwareAccelerated} -> MaxNormKernel.Best={MaxNormKernel.Best}");
        Console.WriteLine($"env: DOTNET_EnableAVX512={Env("DOTNET_EnableAVX512")} DOTNET_EnableAVX512F={Env("DOTNET_EnableAVX512F")} DOTNET_PreferredVectorBitWidth={Env("DOTNET_PreferredVectorBitWidth")}");
        Console.WriteLine($"load average (start): {LoadAverage()}");

        var ghz = MeasureClockGhz();
        Console.WriteLine($"clock probe: {ghz.ToString("F3", inv)} GHz (dependent add/xor chain, thread CPU time)");

        var (x, y) = SyntheticData.Equicorrelated(n, dims, dims, 0.5, seed: 1);
        var ksg = new KsgEstimator(k: 3, seed: 0);
        var (px, _) = ksg.Prepare(x, y)!.Value;
        var padded = px.PaddedRows;
        var blocks = (n + MaxNormKernel.BlockRows - 1) / MaxNormKernel.BlockRows;
        var buffer = GC.AllocateArray<float>(MaxNormKernel.BlockRows * padded + 16, pinned: true);
        double pairDims = (double)blocks * MaxNormKernel.BlockRows * padded * px.Dims;
        var ops = pairDims * OpsPerPairDim;
        Console.WriteLine($"kernel: N = {n}, d = {px.Dims}, {blocks} blocks × {MaxNormKernel.BlockRows} rows × {padded} padded columns × {px.Dims} dims = {pairDims:E3} pair-dims = {ops:E3} element ops (sub + abs + max)");

        var isas = new List<KernelIsa> { MaxNormKernel.Best };
        if (MaxNormKernel.Best == KernelIsa.Vector512) isas.Add(KernelIsa.Vector256);
        fixed (float* output = buffer)
        {
            foreach (var isa in isas)
            {
                var times = new double[repeats];
                OneSpace(px, blocks, output, padded, isa); // warm-up and tier-up
                for (var r = 0; r < repeats; r++)
                {
                    var t0 = ThreadCpuSeconds();
                    OneSpace(px, blocks, output, padded, isa);
                    times[r] = ThreadCpuSeconds() - t0;
                }

                Array.Sort(times);
                var median = times[repeats / 2];
                var best = times[0];
                Console.WriteLine(
                    $"| {isa} | {median.ToString("F3", inv)} s (best {best.ToString("F3", inv)}) | "
                    + $"{(ops / median / 1e9).ToString("F1", inv)} Gop/s | "
                    + $"{(ops / median / (ghz * 1e9)).ToString("F1", inv)} ops/cycle (measured clock) | "
                    + $"{(ops / median / (NominalMhz() * 1e6)).ToString("F1", inv)} ops/cycle (nominal clock) |");
            }
        }

        // The whole estimate, all cores: process CPU time and wall time.
        ksg.Estimate(x, y);
        for (var r = 0; r < 3; r++)
        {
            var process = Process.GetCurrentProcess();
            var cpu0 = process.TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            var estimate = ksg.Estimate(x, y);
            wall.Stop();
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
            Console.WriteLine($"whole KSG estimate (N = {n}, {dims} + {dims}): wall {wall.Elapsed.TotalSeconds.ToString("F3", inv)} s, CPU {cpu.ToString("F3", inv)} s, I = {estimate.ToString("F6", inv)}");
        }

        Console.WriteLine($"load average (end): {LoadAverage()}");
    }

    private static unsafe void OneSpace(PreparedSpace space, int blocks, float* output, int stride, KernelIsa isa)
    {
        for (var b = 0; b < blocks; b++)
            MaxNormKernel.BlockDistances(space, b * MaxNormKernel.BlockRows, output, stride, isa);
    }

    /// <summary>Cycles per second of thread CPU time, from 8 dependent 1-cycle operations per iteration.</summary>
    private static double MeasureClockGhz()
    {
        const long iterations = 200_000_000;
        Chain(1_000_000, 3); // tier-up
        var best = double.MaxValue;
        for (var r = 0; r < 5; r++)
        {
            var t0 = ThreadCpuSeconds();
            var sink = Chain(iterations, (ulong)r + 3);
            var t = ThreadCpuSeconds() - t0;
            GC.KeepAlive(sink);
            best = Math.Min(best, t);
        }

        return iterations * 8 / best / 1e9;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining
        | System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static ulong Chain(long iterations, ulong seed)
    {
        // x = ((x + a) ^ b) … : every operation depends on the previous one, so one per cycle at most;
        // the loop counter runs beside it on the other ALUs.
        var x = seed;
        var a = seed * 0x9E3779B97F4A7C15UL;
        var b = seed ^ 0xD1B54A32D192ED03UL;
        for (var i = 0L; i < iterations; i++)
        {
            x += a; x ^= b; x += a; x ^= b;
            x += a; x ^= b; x += a; x ^= b;
        }

        return x;
    }

    private static double ThreadCpuSeconds()
    {
        Timespec ts;
        if (clock_gettime(3 /* CLOCK_THREAD_CPUTIME_ID */, out ts) != 0) throw new InvalidOperationException("clock_gettime failed");
        return ts.Seconds + ts.Nanoseconds * 1e-9;
    }

    private static string Env(string name) => Environment.GetEnvironmentVariable(name) ?? "(unset)";

    private static string CpuModel() =>
        File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?";

    private static double NominalMhz() =>
        double.Parse(File.ReadLines("/proc/cpuinfo").First(l => l.StartsWith("cpu MHz", StringComparison.Ordinal)).Split(':', 2)[1].Trim(), CultureInfo.InvariantCulture);

    private static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int clock_gettime(int clockId, out Timespec ts);
}
