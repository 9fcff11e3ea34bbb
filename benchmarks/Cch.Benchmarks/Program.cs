using BenchmarkDotNet.Running;

namespace Cch.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release --project benchmarks/Cch.Benchmarks -- --filter '*Ksg*'</c>.</summary>
public static class Program
{
    /// <summary>Runs the benchmarks selected on the command line (BenchmarkDotNet switcher).</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
