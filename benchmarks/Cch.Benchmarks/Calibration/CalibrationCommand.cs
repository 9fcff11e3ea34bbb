using System.Diagnostics;
using System.Globalization;
using System.Text;
using Cch.Benchmarks.Accuracy;
using Cch.Criterion;
using Cch.Data;
using Cch.Synthetic;

namespace Cch.Benchmarks.Calibration;

/// <summary>
/// <c>calibration</c>: runs the criterion, in memory exactly as <c>dotnet cch check</c> runs it
/// (<see cref="CchCriterion.Evaluate"/> with default options but the estimator family and the seed: k = 3,
/// margin 0, 95 %, 20 half-samples), on every <see cref="CalibrationTasks"/> task × seed × family, and writes a
/// Markdown report plus the raw rows as CSV (<see cref="CalibrationReport"/>). Each task × seed is sampled once
/// and every family sees that sample. Progress goes to stderr, the summary to stdout.
/// </summary>
internal static class CalibrationCommand
{
    public const string Name = "calibration";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Runs the command; returns the process exit code (0, or 2 for a bad command line).</summary>
    public static int Run(IReadOnlyList<string> args)
    {
        CalibrationOptions options;
        try
        {
            options = CalibrationOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        var tasks = AccuracyCommand.Filter(CalibrationTasks.All, t => t.Id, options.TaskFilter);
        if (tasks.Count == 0)
        {
            Console.Error.WriteLine($"No calibration task matches '{options.TaskFilter}'.");
            return 2;
        }

        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var rows = new List<CalibrationRow>();
        for (var t = 0; t < tasks.Count; t++)
        {
            var task = tasks[t];
            var n = options.MaxRows is { } cap ? Math.Min(cap, task.Rows) : task.Rows;
            for (var seed = 0; seed < options.Seeds; seed++)
            {
                var data = task.Sample(seed, n).ToDataset();
                foreach (var (name, family) in options.Families)
                {
                    var row = Evaluate(task, n, data, name, family, seed);
                    rows.Add(row);
                    Console.Error.WriteLine(
                        $"[{t + 1}/{tasks.Count}] {task.Id} seed {seed} {name}: " +
                        (row.Failure ?? $"Δ̂ {F(row.Delta.Estimate)} [{F(row.Delta.CiLow)}, {F(row.Delta.CiHigh)}] (true {F(row.TrueDelta)}) {row.Verdict}") +
                        $" {row.Seconds.ToString("0.0", Inv)} s");
                }
            }
        }

        var commit = MachineDescription.GitCommit(AccuracyCommand.RepositoryDirectory());
        var markdown = CalibrationReport.Markdown(options, tasks.Count, rows, started, clock.Elapsed, commit);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.OutPath))!);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        File.WriteAllText(options.OutPath, markdown, utf8);
        File.WriteAllText(options.CsvPath, CalibrationReport.Csv(rows), utf8);

        foreach (var s in CalibrationReport.Summarise(rows))
            Console.WriteLine($"{s.Family,-9} coverage {s.Covered}/{s.Runs}, right sign {s.SignRight}/{s.SignScope} (|Δ| ≥ 0.1, N ≥ 1,000), " +
                              $"wrong-signed verdicts {s.WrongSigned}, decided at Δ = 0: {s.DecidedAtZero}/{s.AtZero}" +
                              (s.Failures > 0 ? $", {s.Failures} failed" : ""));
        Console.WriteLine($"took {clock.Elapsed.TotalSeconds.ToString("0", Inv)} s");
        Console.WriteLine($"report: {Path.GetFullPath(options.OutPath)}");
        Console.WriteLine($"rows:   {Path.GetFullPath(options.CsvPath)}");
        return 0;
    }

    private static CalibrationRow Evaluate(CalibrationTask task, int n, Dataset data, string name, EstimatorFamily family, int seed)
    {
        var clock = Stopwatch.StartNew();
        var label = task.LabelKind == LabelKind.Regression ? "regression" : "binary";
        var transform = task.Transform.ToString().ToLowerInvariant();
        try
        {
            var result = CchCriterion.Evaluate(data, new CriterionOptions { Estimator = family, Seed = seed });
            var best = result.Best;
            return new CalibrationRow(task.Id, label, task.TeacherDimensions, task.StudentDimensions, n, transform,
                task.TeacherStudentInformation, task.StudentLabelInformation, name, seed,
                best.TeacherStudent.Value.Estimate, best.StudentLabel.Value.Estimate, best.Delta, best.Verdict,
                $"{result.TeacherStudentEstimator} / {result.StudentLabelEstimator}", clock.Elapsed.TotalSeconds, null,
                best.SamplingDelta ?? best.Delta, best.Reason is { } why ? Reports.MarkdownReport.ReasonText(why) : null);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or ArithmeticException or CchInputException)
        {
            return new CalibrationRow(task.Id, label, task.TeacherDimensions, task.StudentDimensions, n, transform,
                task.TeacherStudentInformation, task.StudentLabelInformation, name, seed,
                double.NaN, double.NaN, new IntervalEstimate(double.NaN, double.NaN, double.NaN), null, "",
                clock.Elapsed.TotalSeconds, $"{e.GetType().Name}: {e.Message}", new IntervalEstimate(double.NaN, double.NaN, double.NaN), null);
        }
    }

    private static string F(double value) => value.ToString("+0.000;−0.000;0.000", Inv);
}
