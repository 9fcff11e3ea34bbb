using System.Diagnostics;
using Cch.Criterion;
using Cch.Data;

namespace Cch.Benchmarks.EndToEnd;

/// <summary>
/// One timed run of the whole criterion on MNIST-sized input (10,000 × 784 per side): the teacher
/// is <c>pixels</c> from <c>../shared/data/mnist.parquet</c> read by the real loader, the student
/// the same digits with seeded Gaussian pixel noise (σ = 64 grey levels), the label the digit.
/// Prints read and criterion times and the process's peak working set. Not a BenchmarkDotNet
/// benchmark: one run takes ~20 s, so it is measured once, in-process.
/// </summary>
internal static class MnistSizedCheck
{
    public const string Name = "check-mnist";

    public static async Task RunAsync()
    {
        var data = Path.GetFullPath(Path.Combine(FindRoot(), "..", "shared", "data", "mnist.parquet"));
        var clock = Stopwatch.StartNew();
        var dataset = await DatasetLoader.LoadAsync(new DataRequest
        {
            DataPath = data,
            Teachers = [new ColumnSpec(null, "pixels")],
            Student = new ColumnSpec(null, "id"),
            Label = new ColumnSpec(null, "label"),
        });
        var read = clock.Elapsed;

        var teacher = dataset.Teachers[0];
        var random = new Random(0);
        var noisy = new double[teacher.Values.Length];
        for (var i = 0; i < noisy.Length; i++)
            noisy[i] = teacher.Values[i] + 64 * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        dataset = dataset with { Student = new FeatureMatrix("pixels+noise", teacher.Rows, teacher.Columns, noisy) };

        clock.Restart();
        var result = CchCriterion.Evaluate(dataset, new CriterionOptions());
        var criterion = clock.Elapsed;
        var best = result.Best;
        Console.WriteLine($"N = {dataset.Rows}, {teacher.Columns} + {teacher.Columns} dims, k = 3, B = 20");
        Console.WriteLine($"I(H_t;H_s) = {best.TeacherStudent.Value.Estimate:0.000}, I(H_s;Y) = {best.StudentLabel.Value.Estimate:0.000}, Δ = {best.Delta.Estimate:0.000} [{best.Delta.CiLow:0.000}, {best.Delta.CiHigh:0.000}] → {best.Verdict}");
        Console.WriteLine($"read {read.TotalSeconds:0.00} s · estimates {result.EstimateTime.TotalSeconds:0.00} s · intervals {result.IntervalTime.TotalSeconds:0.00} s · criterion {criterion.TotalSeconds:0.00} s");
        Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):0} MB");
    }

    internal static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Cch.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Run from inside the repository (Cch.sln not found).");
    }
}
