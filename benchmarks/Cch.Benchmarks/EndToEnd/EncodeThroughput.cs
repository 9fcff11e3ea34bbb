using System.Diagnostics;
using Cch.Data;
using Cch.Encoders;
using Microsoft.ML.OnnxRuntime;

namespace Cch.Benchmarks.EndToEnd;

/// <summary>
/// Encoding throughput (rows/s) of an MNIST CNN over the 10,000 digits of
/// <c>../shared/data/mnist.parquet</c> at batch sizes 1, 64 and 512: Cch's path
/// (<see cref="OnnxEncoder.Encode"/>: scale, convert, batch, run, flatten, widen to double) against
/// ONNX Runtime alone on the same model, threads and batches, fed from a ready float32 array
/// (no data handling). Both reuse one session per batch size; each figure is the best of 3
/// passes after one warm-up pass.
/// </summary>
/// <remarks>
/// The shared models have a fixed batch of 1; batch 64 and 512 need a copy with a free batch axis,
/// made by <c>scripts/make-dynamic-batch-model.py</c> (see docs/benchmarks.md). Usage:
/// <c>-- encode-mnist MODEL.onnx [threads]</c>.
/// </remarks>
internal static class EncodeThroughput
{
    public const string Name = "encode-mnist";

    public static async Task RunAsync(string model, int threads)
    {
        var data = Path.GetFullPath(Path.Combine(MnistSizedCheck.FindRoot(), "..", "shared", "data", "mnist.parquet"));
        var pixels = (await DatasetLoader.LoadColumnAsync(new ColumnRequest { Column = new ColumnSpec(data, "pixels") })).Features;
        const double scale = 1.0 / 255;
        var floats = pixels.Values.Select(v => (float)(v * scale)).ToArray();

        Console.WriteLine($"model {Path.GetFileName(model)}, {pixels.Rows} rows × {pixels.Columns}, {threads} thread(s), {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        Console.WriteLine();
        Console.WriteLine("| batch | Cch OnnxEncoder (rows/s) | ONNX Runtime alone (rows/s) | ratio |");
        Console.WriteLine("|---:|---:|---:|---:|");
        foreach (var batch in new[] { 1, 64, 512 })
        {
            using var encoder = OnnxEncoder.Open(new EncoderOptions(model) { InputScale = scale, BatchSize = batch, Threads = threads });
            if (encoder.Description.FixedBatch is { } fixedBatch && fixedBatch != batch)
            {
                Console.WriteLine($"| {batch} | (model fixes the batch at {fixedBatch}) | | |");
                continue;
            }

            var cch = Best(() => encoder.Encode(pixels, "rep"), pixels.Rows);
            using var options = new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
            using var session = new InferenceSession(model, options);
            var ort = Best(() => RawOrt(session, floats, pixels.Rows, batch), pixels.Rows);
            Console.WriteLine($"| {batch} | {cch:N0} | {ort:N0} | {ort / cch:0.00}× |");
        }
    }

    private static double Best(Action pass, int rows)
    {
        pass();
        var best = double.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            var clock = Stopwatch.StartNew();
            pass();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        return rows / best;
    }

    /// <summary>ONNX Runtime on its own: ready float32 input, one tensor over each slice, output read as a span.</summary>
    private static void RawOrt(InferenceSession session, float[] input, int rows, int batch)
    {
        var inputName = session.InputNames[0];
        var outputName = session.OutputNames[0];
        using var run = new RunOptions();
        var sink = 0f;
        for (var start = 0; start < rows; start += batch)
        {
            var n = Math.Min(batch, rows - start);
            using var tensor = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, input.AsMemory(start * 784, n * 784), [n, 1, 28, 28]);
            using var outputs = session.Run(run, [inputName], [tensor], [outputName]);
            sink += outputs[0].GetTensorDataAsSpan<float>()[0];
        }

        GC.KeepAlive(sink);
    }
}
