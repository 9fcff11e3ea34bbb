using System.Diagnostics;
using Cch.Checking;
using Cch.Configuration;
using Cch.Criterion;
using Cch.Data;
using Cch.Distillation;
using Cch.Reports;
using Cch.Reproduction;
using Cch.Reproduction.Noise;
using Cch.Tests.Neural;
using Xunit.Abstractions;

namespace Cch.Tests.Reproduction.Noise;

/// <summary>One reduced run of the ablation on the real files: two levels, two seeds, small fast networks.</summary>
public sealed class NoiseRunFixture
{
    internal static readonly NoisePlan Plan = new([0, 16], Seeds: 2, new VerificationOptions { HiddenUnits = 32, MaxEpochs = 25, Patience = 5, BatchSize = 128, LearningRate = 1e-2 });

    public static readonly ReproductionOptions Options = new() { Seed = 3, Threads = 1, DataDirectory = TestPaths.SharedData };

    public NoiseRunFixture()
    {
        TorchCollection.Ready();
        var clock = Stopwatch.StartNew();
        Report = NoiseReproduction.Run(Options, Plan, new Sink(Progress.Add), CancellationToken.None);
        Seconds = clock.Elapsed.TotalSeconds;
    }

    public ReproductionReport Report { get; }

    public List<ReproductionProgress> Progress { get; } = [];

    public double Seconds { get; }

    /// <summary>Synchronous, so every report is recorded before the run returns.</summary>
    private sealed class Sink(Action<ReproductionProgress> add) : IProgress<ReproductionProgress>
    {
        public void Report(ReproductionProgress value) => add(value);
    }
}

[Collection(TorchCollection.Name)]
public sealed class NoiseReproductionTests(NoiseRunFixture run, ITestOutputHelper output) : IClassFixture<NoiseRunFixture>
{
    private ReproductionReport Report => run.Report;

    [Fact]
    public void Two_series_in_order_each_with_every_level_in_order()
    {
        output.WriteLine($"reduced run: {run.Seconds:F1} s");
        Assert.Equal("noise", Report.Experiment);
        Assert.Equal("teacher noise SD (× each column's SD)", Report.Parameter);
        Assert.Equal("test accuracy, KD − no KD", Report.EffectMetric);
        Assert.Equal(["handwritten fac216 → zer47", "breast_tcga mRNA → miRNA"], Report.Series.Select(s => s.Name));
        Assert.All(Report.Series, s => Assert.Equal([0.0, 16.0], s.Points.Select(p => p.Parameter)));
        Assert.Equal(2, Report.PaperClaims.Count);
    }

    [Fact]
    public void Every_interval_is_ordered_and_every_point_is_verified_with_the_planned_seeds()
    {
        foreach (var p in Report.Series.SelectMany(s => s.Points))
        {
            foreach (var i in new[] { p.TeacherStudent, p.StudentLabel, p.Delta, p.KdEffect! })
                Assert.True(i.CiLow <= i.Estimate && i.Estimate <= i.CiHigh, $"{p.Parameter}: {i}");
            Assert.Equal(2, p.Seeds);
            Assert.NotNull(p.Outcome);
            Assert.Equal(AgreementRule.Of(p.Verdict, p.Outcome!.Value), p.Agreement);
            Assert.Equal(p.Measures!["student accuracy, KD"] - p.Measures["student accuracy, no KD"], p.KdEffect!.Estimate, 9);
        }
    }

    [Fact]
    public void Noise_on_the_teacher_lowers_its_information_and_its_accuracy_but_not_the_students()
    {
        foreach (var series in Report.Series)
        {
            var (clean, noisy) = (series.Points[0], series.Points[^1]);
            Assert.True(noisy.TeacherStudent.Estimate < clean.TeacherStudent.Estimate, $"{series.Name}: I(H_t;H_s) {clean.TeacherStudent.Estimate} → {noisy.TeacherStudent.Estimate}");
            Assert.True(noisy.Delta.Estimate < clean.Delta.Estimate, series.Name);
            // At s = 16 a column's noise SD is 16 times its own: the teacher MLP loses most of its accuracy.
            Assert.True(noisy.Measures!["teacher test accuracy"] < clean.Measures!["teacher test accuracy"] - 0.2, series.Name);
            // Student and label are untouched and the criterion is seeded: I(H_s;Y) is the same estimate at both levels.
            Assert.Equal(clean.StudentLabel, noisy.StudentLabel);
        }
    }

    [Fact]
    public async Task The_clean_point_is_what_check_reports_for_the_same_files_and_seed()
    {
        // handwritten at s = 0: dotnet cch check -d handwritten.parquet -t fac216 -s zer47 -l label --where split=train --test-where split=test --verify.
        var settings = new CheckSettings
        {
            Criterion = new CriterionOptions { Seed = NoiseRunFixture.Options.Seed },
            Data = new DataRequest
            {
                DataPath = TestPaths.Shared("handwritten.parquet"),
                Teachers = [ColumnSpec.Parse("fac216")],
                Student = ColumnSpec.Parse("zer47"),
                Label = ColumnSpec.Parse("label"),
                Filters = [RowFilter.Parse("split=train")],
            },
            TestFilters = [RowFilter.Parse("split=test")],
            Verification = NoiseRunFixture.Plan.Verification with { Seed = NoiseRunFixture.Options.Seed, Seeds = 2 },
        };

        var check = (await CheckRunner.RunAsync(settings)).Report.Teachers.Single();

        var point = Report.Series[0].Points[0];
        Assert.Equal(check.Delta.Estimate, point.Delta.Estimate, 6);
        Assert.Equal(check.MiTeacherStudent.Estimate, point.TeacherStudent.Estimate, 6);
        Assert.Equal(check.Verdict, point.Verdict);
        Assert.Equal(1400, check.Verification!.TrainRows);
        Assert.Equal(600, check.Verification.TestRows);
        Assert.Equal(check.Verification.Differences.Single(d => d.Metric == "accuracy").Mean, point.KdEffect!.Estimate, 9);
        Assert.Equal(check.Verification.Outcome, point.Outcome);
    }

    [Fact]
    public void Progress_counts_every_criterion_and_seed_up_to_the_total()
    {
        var total = 2 * 2 * (1 + 2);
        Assert.All(run.Progress, p => Assert.Equal(total, p.Total));
        Assert.Equal(run.Progress.Select(p => p.Completed).Order(), run.Progress.Select(p => p.Completed));
        Assert.Equal(total, run.Progress[^1].Completed);
        Assert.Contains(run.Progress, p => p.Phase.Contains("breast_tcga mRNA → miRNA, s = 16", StringComparison.Ordinal));
    }

    [Fact]
    public void The_report_round_trips_through_json()
    {
        var back = ReportWriter.ReproductionFromJson(ReportWriter.ToJson(Report));

        Assert.Equal(Report.Series.Select(s => s.Name), back.Series.Select(s => s.Name));
        for (var s = 0; s < Report.Series.Count; s++)
        {
            Assert.Equal(Report.Series[s].Boundary, back.Series[s].Boundary);
            for (var i = 0; i < Report.Series[s].Points.Count; i++)
            {
                var (a, b) = (Report.Series[s].Points[i], back.Series[s].Points[i]);
                Assert.Equal((a.Parameter, a.TeacherStudent, a.Delta, a.Verdict, a.KdEffect, a.Outcome, a.Agreement), (b.Parameter, b.TeacherStudent, b.Delta, b.Verdict, b.KdEffect, b.Outcome, b.Agreement));
                Assert.Equal(a.Measures, b.Measures);
            }
        }

        Assert.Equal(Report.Notes, back.Notes);
    }

    [Fact]
    public void The_same_seed_gives_the_same_points_whatever_other_levels_run()
    {
        // One draw per series serves every level, and training seeds do not depend on the level, so s = 16 alone
        // must reproduce the sweep's s = 16 points exactly.
        var alone = NoiseReproduction.Run(NoiseRunFixture.Options, NoiseRunFixture.Plan with { Levels = [16] }, null, CancellationToken.None);

        for (var s = 0; s < Report.Series.Count; s++)
        {
            var expected = Report.Series[s].Points[^1];
            var actual = Assert.Single(alone.Series[s].Points);
            Assert.Equal((expected.TeacherStudent, expected.StudentLabel, expected.Delta, expected.Verdict, expected.KdEffect, expected.Outcome), (actual.TeacherStudent, actual.StudentLabel, actual.Delta, actual.Verdict, actual.KdEffect, actual.Outcome));
            Assert.Equal(expected.Measures, actual.Measures);
        }
    }

    [Fact]
    public void A_missing_file_is_an_input_error_naming_it()
    {
        using var folder = new TempFolder();
        File.Copy(TestPaths.Shared("handwritten.parquet"), folder.File("handwritten.parquet"));

        var error = Assert.Throws<CchInputException>(() => NoiseReproduction.Run(NoiseRunFixture.Options with { DataDirectory = folder.Path }));

        Assert.Contains("breast_tcga_mRNA200.parquet", error.Message);
        Assert.Equal(folder.File("breast_tcga_mRNA200.parquet"), error.File);
    }

    [Fact]
    public void Too_few_seeds_and_cancellation_are_refused()
    {
        Assert.Throws<CchInputException>(() => NoiseReproduction.Run(NoiseRunFixture.Options, NoiseRunFixture.Plan with { Seeds = 1 }, null, CancellationToken.None));
        Assert.ThrowsAny<OperationCanceledException>(() => NoiseReproduction.Run(NoiseRunFixture.Options, NoiseRunFixture.Plan, null, new CancellationToken(canceled: true)));
    }
}
