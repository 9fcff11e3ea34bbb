using BenchmarkDotNet.Running;
using Cch.Benchmarks.Accuracy;
using Cch.Benchmarks.Calibration;
using Cch.Benchmarks.EndToEnd;
using Cch.Benchmarks.Estimators;

namespace Cch.Benchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project benchmarks/Cch.Benchmarks -- --filter '*Ksg*'</c>
/// for BenchmarkDotNet, <c>-- check-mnist</c> for the one-shot end-to-end measurement,
/// <c>-- kernel-rate [N] [dims] [repeats]</c> for the k-NN kernel's operations per cycle,
/// <c>-- encode-mnist MODEL.onnx [threads]</c> for ONNX encoder throughput, or
/// <c>-- accuracy [--suite v1|high|label|all] …</c> for estimator accuracy on tasks with known mutual information,
/// or <c>-- calibration [--estimators auto,ksg] …</c> for the criterion's intervals and verdicts on tasks with known Δ.
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

        if (args is [ScaleData.Name, .. var scaleArgs])
        {
            Environment.ExitCode = await ScaleData.RunAsync(scaleArgs);
            return;
        }

        if (args is [KernelRate.Name, .. var rateArgs])
        {
            KernelRate.Run(rateArgs);
            return;
        }

        if (args is [AccuracyCommand.Name, .. var accuracyArgs])
        {
            Environment.ExitCode = AccuracyCommand.Run(accuracyArgs);
            return;
        }

        if (args is [CalibrationCommand.Name, .. var calibrationArgs])
        {
            Environment.ExitCode = CalibrationCommand.Run(calibrationArgs);
            return;
        }

        if (args is [EncodeThroughput.Name, var model, ..])
        {
            await EncodeThroughput.RunAsync(model, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
