using BenchmarkDotNet.Running;
using Cch.Benchmarks.EndToEnd;

namespace Cch.Benchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project benchmarks/Cch.Benchmarks -- --filter '*Ksg*'</c>
/// for BenchmarkDotNet, or <c>-- check-mnist</c> for the one-shot end-to-end measurement.
/// </summary>
public static class Program
{
    /// <summary>Runs the benchmarks selected on the command line (BenchmarkDotNet switcher).</summary>
    public static async Task Main(string[] args)
    {
        if (args is [MnistSizedCheck.Name])
        {
            await MnistSizedCheck.RunAsync();
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
