using System.Diagnostics;
using System.Globalization;
using System.Text;
using Cch.Benchmarks.EndToEnd;
using Cch.Criterion;
using Cch.Data;
using Cch.Estimators;
using Cch.Synthetic;

namespace Cch.Benchmarks.Accuracy;

/// <summary>
/// <c>accuracy</c>: runs the registered estimators (<see cref="EstimatorRegistry"/>) on the synthetic tasks
/// with known mutual information (<see cref="BmiTasks.V1"/>, <see cref="HighDimensionalTasks"/>,
/// <see cref="LabelTasks"/>) for several data seeds, and writes a Markdown report plus the raw rows as CSV
/// (<see cref="AccuracyReport"/>). Each task × seed is sampled once and every estimator sees that sample;
/// the time is that of the estimate alone. Progress goes to stderr, the summary to stdout.
/// </summary>
internal static class AccuracyCommand
{
    public const string Name = "accuracy";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Runs the command; returns the process exit code (0, or 2 for a bad command line).</summary>
    public static int Run(IReadOnlyList<string> args)
    {
        AccuracyOptions options;
        try
        {
            options = AccuracyOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var rows = new List<AccuracyRow>();
        var notes = new List<string>();
        foreach (var suite in options.Suites)
        {
            if (suite == "label") RunLabel(options, rows, notes);
            else RunContinuous(suite, suite == "v1" ? BmiTasks.V1 : HighDimensionalTasks.All, options, rows, notes);
        }

        var commit = MachineDescription.GitCommit(RepositoryDirectory());
        var markdown = AccuracyReport.Markdown(options, rows, notes, started, clock.Elapsed, commit);
        var directory = Path.GetDirectoryName(Path.GetFullPath(options.OutPath))!;
        Directory.CreateDirectory(directory);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        File.WriteAllText(options.OutPath, markdown, utf8);
        File.WriteAllText(options.CsvPath, AccuracyReport.Csv(rows), utf8);

        foreach (var s in AccuracyReport.Summarise(rows))
        {
            var relative = s.Suite == "v1" ? "" : $", max relative error {(s.MaxRelativeError * 100).ToString("0.0", Inv)} %";
            Console.WriteLine($"{s.Suite,-5} {s.Estimator,-9} MAE {s.MeanAbsoluteError.ToString("0.0000", Inv)} nats, solved {s.Solved}/{s.Tasks}{relative}, " +
                              $"{(s.MeanSeconds * 1000).ToString("0.0", Inv)} ms per estimate" + (s.Failures > 0 ? $", {s.Failures} failed" : ""));
        }

        foreach (var note in notes) Console.WriteLine($"note: {note}");
        Console.WriteLine($"report: {Path.GetFullPath(options.OutPath)}");
        Console.WriteLine($"rows:   {Path.GetFullPath(options.CsvPath)}");
        return 0;
    }

    private static void RunContinuous(string suite, IReadOnlyList<ContinuousTask> all, AccuracyOptions options, List<AccuracyRow> rows, List<string> notes)
    {
        var estimators = EstimatorRegistry.Continuous.Where(e => options.Estimators is null || options.Estimators.Contains(e.Name)).ToArray();
        NoteSkipped(suite, options, estimators.Select(e => e.Name), notes);
        var tasks = Filter(all, t => t.Id, options.TaskFilter);
        if (estimators.Length == 0 || tasks.Count == 0)
        {
            notes.Add($"suite {suite}: nothing to run ({estimators.Length} estimators, {tasks.Count} tasks).");
            return;
        }

        for (var t = 0; t < tasks.Count; t++)
        {
            var task = tasks[t];
            var dims = $"{task.DimX} × {task.DimY}";
            for (var seed = 0; seed < options.Seeds; seed++)
            {
                var (x, y) = task.Sample(options.Rows, seed);
                foreach (var (name, create) in estimators)
                {
                    var estimator = create(seed);
                    var row = options.Intervals
                        ? MeasureInterval(suite, task.Id, dims, task.MutualInformation, name, seed, options.Rows, Term(estimator, x, y), seed)
                        : Measure(suite, task.Id, dims, task.MutualInformation, name, seed, options.Rows, () => estimator.Estimate(x, y));
                    rows.Add(row);
                    Progress(suite, t, tasks.Count, row);
                }
            }
        }
    }

    private static void RunLabel(AccuracyOptions options, List<AccuracyRow> rows, List<string> notes)
    {
        const string suite = "label";
        var estimators = EstimatorRegistry.Label.Where(e => options.Estimators is null || options.Estimators.Contains(e.Name)).ToArray();
        NoteSkipped(suite, options, estimators.Select(e => e.Name), notes);
        var tasks = Filter(LabelTasks.All, t => t.Id, options.TaskFilter);
        if (estimators.Length == 0 || tasks.Count == 0)
        {
            notes.Add($"suite {suite}: nothing to run ({estimators.Length} estimators, {tasks.Count} tasks).");
            return;
        }

        for (var t = 0; t < tasks.Count; t++)
        {
            var task = tasks[t];
            var dims = $"{task.Dim}, {task.ClassCount} classes";
            for (var seed = 0; seed < options.Seeds; seed++)
            {
                var (x, classes) = task.Sample(options.Rows, seed);
                foreach (var (name, create) in estimators)
                {
                    var estimator = create(seed);
                    var row = options.Intervals
                        ? MeasureInterval(suite, task.Id, dims, task.MutualInformation, name, seed, options.Rows, Term(estimator, x, classes), seed)
                        : Measure(suite, task.Id, dims, task.MutualInformation, name, seed, options.Rows, () => estimator.Estimate(x, classes));
                    rows.Add(row);
                    Progress(suite, t, tasks.Count, row);
                }
            }
        }
    }

    private static AccuracyRow Measure(string suite, string taskId, string dims, double truth, string estimator, int seed, int n, Func<double> estimate)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var value = estimate();
            return new AccuracyRow(suite, taskId, dims, truth, estimator, seed, n, value, clock.Elapsed.TotalSeconds, null);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or ArithmeticException)
        {
            return new AccuracyRow(suite, taskId, dims, truth, estimator, seed, n, double.NaN, clock.Elapsed.TotalSeconds, $"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>The estimate with its 95 % interval from <see cref="MutualInformationRunner"/> (half-sampling or the estimator's own).</summary>
    private static AccuracyRow MeasureInterval(string suite, string taskId, string dims, double truth, string estimator, int seed, int n, TermEstimator term, int runSeed)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var outcome = MutualInformationRunner.Run(term, n, new CriterionOptions { Seed = runSeed });
            var v = outcome.Result.Value;
            return new AccuracyRow(suite, taskId, dims, truth, estimator, seed, n, v.Estimate, clock.Elapsed.TotalSeconds, null, v.CiLow, v.CiHigh);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or ArithmeticException)
        {
            return new AccuracyRow(suite, taskId, dims, truth, estimator, seed, n, double.NaN, clock.Elapsed.TotalSeconds, $"{e.GetType().Name}: {e.Message}");
        }
    }

    private static TermEstimator Term(IMutualInformationEstimator e, FeatureMatrix x, FeatureMatrix y) =>
        new(e.Name, EstimatorFamily.Auto, null, e.MinimumRows, e.IntervalStrategy, null,
            (rows, ct) => e.EstimateDetailed(rows is null ? x : x.SelectRows(rows), rows is null ? y : y.SelectRows(rows), ct));

    private static TermEstimator Term(ILabelMutualInformationEstimator e, FeatureMatrix x, int[] classes) =>
        new(e.Name, EstimatorFamily.Auto, null, e.MinimumRows, e.IntervalStrategy, null,
            (rows, ct) => e.EstimateDetailed(rows is null ? x : x.SelectRows(rows), rows is null ? classes : rows.Select(r => classes[r]).ToArray(), ct));

    private static void Progress(string suite, int index, int count, AccuracyRow row) =>
        Console.Error.WriteLine(
            $"[{suite} {index + 1}/{count}] {row.TaskId} seed {row.Seed} {row.Estimator}: " +
            (row.Failure ?? $"{row.Estimate.ToString("0.0000", Inv)} (truth {row.Truth.ToString("0.0000", Inv)})") +
            $" {row.Seconds.ToString("0.000", Inv)} s");

    private static void NoteSkipped(string suite, AccuracyOptions options, IEnumerable<string> used, List<string> notes)
    {
        if (options.Estimators is null) return;
        var skipped = options.Estimators.Except(used).ToArray();
        if (skipped.Length > 0)
            notes.Add($"suite {suite}: {string.Join(", ", skipped)} not registered for this kind of task (skipped).");
    }

    /// <summary>Tasks whose id contains the filter, or equals it when the filter starts with '='; comma-separated alternatives.</summary>
    internal static IReadOnlyList<T> Filter<T>(IReadOnlyList<T> tasks, Func<T, string> id, string? filter)
    {
        if (filter is null) return tasks;
        var parts = filter.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return tasks.Where(t => parts.Any(p => p.StartsWith('=')
            ? string.Equals(id(t), p[1..], StringComparison.OrdinalIgnoreCase)
            : id(t).Contains(p, StringComparison.OrdinalIgnoreCase))).ToArray();
    }

    internal static string RepositoryDirectory()
    {
        try
        {
            return MnistSizedCheck.FindRoot();
        }
        catch (DirectoryNotFoundException)
        {
            return Environment.CurrentDirectory;
        }
    }
}
