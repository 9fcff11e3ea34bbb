using System.Diagnostics;
using Cch.Criterion;
using Cch.Reports;
using Cch.Reproduction;
using Cch.Reproduction.Mnist;
using Cch.Tests.Neural;
using Xunit.Abstractions;

namespace Cch.Tests.Reproduction.Mnist;

/// <summary>
/// The MNIST reproduction end to end at a tiny size (a few hundred digits of <c>../shared/data/mnist.parquet</c>,
/// ≤ 4 epochs, 2 seeds, 2 σ values). Truths come from the design, not from earlier output: the sweep's
/// parameters and names, intervals that contain their estimates, a teacher on clean digits far above chance
/// (0.1), a no-KD student that does not depend on σ in the paper's setting, identical reports for the same
/// seed, and the JSON round trip.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class MnistReproductionTests(ITestOutputHelper output)
{
    private static readonly Lazy<MnistDigits> Digits = new(() => MnistDigits.Load(TestPaths.SharedData, CancellationToken.None));

    /// <summary>Tiny: σ ∈ {0, 3}, 600 training and 200 test digits, 2 seeds, ≤ 4 epochs at learning rate 3e-3, a 4 → 8 channel CNN with 16 penultimate units.</summary>
    private static readonly MnistSettings Tiny = MnistSettings.Full with
    {
        Sigmas = [0, 3],
        TrainRows = 600,
        TestRows = 200,
        Seeds = 2,
        MaxEpochs = 4,
        Patience = 2,
        Architecture = new MnistArchitecture(4, 8, 16),
        BatchSize = 32,
        LearningRate = 3e-3,
    };

    private static readonly ReproductionOptions Options = new() { Seed = 7, Threads = 1 };

    private ReproductionReport Run(bool studentBlur, List<ReproductionProgress>? steps = null)
    {
        var clock = Stopwatch.StartNew();
        var progress = steps is null ? null : new SynchronousProgress(steps);
        var report = MnistReproduction.Run(Options, studentBlur, Tiny, Digits.Value, progress, CancellationToken.None);
        output.WriteLine($"{report.Experiment}: {clock.Elapsed.TotalSeconds:F1} s");
        foreach (var p in report.Series[0].Points)
            output.WriteLine($"σ = {p.Parameter}: Δ {p.Delta.Estimate:F3} [{p.Delta.CiLow:F3}, {p.Delta.CiHigh:F3}] {p.Verdict}; KD {p.KdEffect!.Estimate:F4} {p.Outcome}; " +
                             string.Join(", ", p.Measures!.Select(m => $"{m.Key} {m.Value:F3}")));
        return report;
    }

    private static void AssertOrdered(IntervalEstimate interval, string what)
    {
        Assert.True(double.IsFinite(interval.Estimate), $"{what}: estimate {interval.Estimate}");
        Assert.True(interval.CiLow <= interval.Estimate && interval.Estimate <= interval.CiHigh, $"{what}: [{interval.CiLow}, {interval.CiHigh}] does not hold {interval.Estimate}");
    }

    private static void AssertSweep(ReproductionReport report)
    {
        var series = Assert.Single(report.Series);
        Assert.Equal([0.0, 3.0], series.Points.Select(p => p.Parameter));
        Assert.Equal("test accuracy, KD − no KD", report.EffectMetric);
        Assert.Single(report.PaperClaims);
        Assert.NotEmpty(report.Notes);
        Assert.Equal(7, report.Seed);
        foreach (var p in series.Points)
        {
            AssertOrdered(p.TeacherStudent, "I(H_t;H_s)");
            AssertOrdered(p.StudentLabel, "I(H_s;Y)");
            AssertOrdered(p.Delta, "Δ");
            Assert.Equal(p.TeacherStudent.Estimate - p.StudentLabel.Estimate, p.Delta.Estimate, 9);
            AssertOrdered(p.KdEffect!, "KD effect");
            Assert.Equal(2, p.Seeds);
            Assert.NotNull(p.Outcome);
            Assert.Equal(AgreementRule.Of(p.Verdict, p.Outcome!.Value), p.Agreement);
            var m = p.Measures!;
            Assert.Equal(m["student accuracy, KD"] - m["student accuracy, no KD"], p.KdEffect!.Estimate, 12);
            Assert.All(m.Where(kv => kv.Key.Contains("accuracy", StringComparison.Ordinal)).Select(kv => kv.Value), v => Assert.InRange(v, 0.0, 1.0));
            Assert.All(m.Where(kv => kv.Key.Contains("epoch", StringComparison.Ordinal)).Select(kv => kv.Value), v => Assert.InRange(v, 1.0, Tiny.MaxEpochs));
            Assert.Equal(6, m.Count);
        }

        Assert.Equal(ReproductionBoundary.Of(series.Points), series.Boundary);
    }

    [Fact]
    public void The_papers_setting_sweeps_the_teachers_blur_and_pairs_one_no_kd_student_per_seed_with_every_sigma()
    {
        var steps = new List<ReproductionProgress>();
        var report = Run(studentBlur: false, steps);

        Assert.Equal("mnist", report.Experiment);
        Assert.Equal("teacher blur σ (pixels)", report.Parameter);
        AssertSweep(report);
        var points = report.Series[0].Points;
        Assert.True(points[0].Measures!["teacher accuracy"] > 0.3, $"a teacher on clean digits should be far above chance 0.1, got {points[0].Measures!["teacher accuracy"]}");
        Assert.Equal(points[0].Measures!["student accuracy, no KD"], points[1].Measures!["student accuracy, no KD"]);
        Assert.Equal(points[0].StudentLabel, points[1].StudentLabel);
        Assert.Contains(report.Notes, n => n.Contains("BSDS500", StringComparison.Ordinal));

        // 2 no-KD students, then per σ: teacher, 2 KD students, Δ; then "done".
        Assert.Equal(2 + 2 * (1 + 2 + 1), steps[^1].Total);
        Assert.Equal(Enumerable.Range(0, steps[^1].Total + 1), steps.Select(s => s.Completed));
    }

    [Fact]
    public void The_variant_sweeps_the_students_blur_under_one_clean_teacher()
    {
        var report = Run(studentBlur: true);

        Assert.Equal("mnist-student-blur", report.Experiment);
        Assert.Equal("student blur σ (pixels)", report.Parameter);
        AssertSweep(report);
        var points = report.Series[0].Points;
        Assert.True(points[0].Measures!["teacher accuracy"] > 0.3, $"a teacher on clean digits should be far above chance 0.1, got {points[0].Measures!["teacher accuracy"]}");
        Assert.Equal(points[0].Measures!["teacher accuracy"], points[1].Measures!["teacher accuracy"]);
    }

    [Fact]
    public void The_same_seed_gives_the_same_report_and_the_report_round_trips_through_json()
    {
        var first = Run(studentBlur: true) with { ElapsedSeconds = 0 };
        var second = Run(studentBlur: true) with { ElapsedSeconds = 0 };

        var json = ReportWriter.ToJson(first);
        Assert.Equal(json, ReportWriter.ToJson(second));
        var back = ReportWriter.ReproductionFromJson(json);
        Assert.Equal(json, ReportWriter.ToJson(back));
        Assert.Equal(first.Series[0].Points[1].KdEffect, back.Series[0].Points[1].KdEffect);
    }

    [Fact]
    public void A_folder_without_mnist_parquet_is_an_input_error_naming_the_file()
    {
        using var folder = new TempFolder();

        var e = Assert.Throws<CchInputException>(() => MnistReproduction.Run(new ReproductionOptions { DataDirectory = folder.Path, Quick = true }, studentBlur: false));

        Assert.Contains("mnist.parquet", e.Message);
        Assert.Equal(folder.File("mnist.parquet"), e.File);
    }

    [Fact]
    public void Fewer_than_two_seeds_are_rejected_before_anything_is_read()
    {
        var e = Assert.Throws<CchInputException>(() => MnistReproduction.Run(new ReproductionOptions { DataDirectory = "/nonexistent", Seeds = 1 }, studentBlur: true));
        Assert.Contains("--seeds 1", e.Message);
    }

    [Fact]
    public void A_cancelled_run_stops_before_training()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => MnistReproduction.Run(Options, false, Tiny, Digits.Value, null, cancelled.Token));
    }

    private sealed class SynchronousProgress(List<ReproductionProgress> steps) : IProgress<ReproductionProgress>
    {
        public void Report(ReproductionProgress value) => steps.Add(value);
    }
}
