using System.Security.Cryptography;
using Cch.Criterion;
using Cch.Reports;
using Cch.Tests;

namespace Cch.Tool.Tests.Commands;

/// <summary>
/// Acceptance: <c>check</c> end to end on the real data in <c>../shared/data</c> (written by DuckDB).
/// The verdicts are whatever the data says; these tests assert what must hold whatever it says:
/// row counts from the data's README, the report's consistency with itself and its schema, the
/// input hashes, and bounds from information theory.
/// </summary>
public sealed class CheckRealDataTests
{
    [Fact]
    public void Handwritten_digits_ranks_five_teachers_for_the_mor6_student_on_the_training_split()
    {
        using var dir = new TempFolder();
        var data = TestPaths.Shared("handwritten.parquet");

        var report = Check(dir, "--data", data, "--teacher", "fac216", "--teacher", "pix240", "--teacher", "kar64", "--teacher", "zer47", "--teacher", "fou76",
            "--student", "mor6", "--label", "label", "--where", "split=train");

        Assert.Equal(1400, report.N); // README: 1,400 rows with split = 'train'
        Assert.Equal(5, report.Teachers.Count);
        Assert.Equal("classification", report.Task);
        Assert.Equal(10, report.Label.Classes!.Count);
        Assert.Equal("max(mixed-ranks, probe, cca-ksg)", report.Estimator.StudentLabel); // auto: 6 ≤ 20 dimensions
        Assert.Equal(Sha256(data), Assert.Single(report.Inputs).Sha256);
        // I(H_s;Y) ≤ H(Y) ≤ ln 10 for ten classes; the k-NN estimators and the probe stay below it.
        Assert.All(report.Teachers, t => Assert.InRange(t.MiStudentLabel.Estimate, 0, Math.Log(10)));
        Assert.Equal(new[] { 216, 240, 64, 47, 76 }.Order(), report.Teachers.Select(t => t.Dimensions).Order());
    }

    [Fact]
    public void Max_rows_uses_a_seeded_sample_and_the_report_says_how_many_of_how_many()
    {
        using var dir = new TempFolder();
        var data = TestPaths.Shared("handwritten.parquet");
        string[] args = ["--data", data, "--teacher", "zer47", "--student", "mor6", "--label", "label", "--no-self-check", "--max-rows", "300"];

        var report = Check(dir, args);
        var again = Check(dir, args);
        var otherSeed = Check(dir, [.. args, "--seed", "1"]);
        var all = Check(dir, ["--data", data, "--teacher", "zer47", "--student", "mor6", "--label", "label", "--no-self-check", "--max-rows", "all"]);

        Assert.Equal(300, report.N);
        Assert.Equal("cpu", report.Device);
        Assert.Equal(["check", .. args], report.Invocation!.CommandLine.Take(args.Length + 1));
        Assert.True(DateTime.UtcNow - DateTime.Parse(report.Invocation.StartedUtc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind) < TimeSpan.FromMinutes(10));
        Assert.Null(report.Invocation.ConfigSha256);
        Assert.Equal(new SampleReport(2000, 300, 300, 0, Cch.Data.RowSample.ByRowIndex), report.Sample); // README: 2,000 rows
        Assert.Equal(report.Teachers[0].Delta, again.Teachers[0].Delta);
        Assert.NotEqual(report.Teachers[0].Delta.Estimate, otherSeed.Teachers[0].Delta.Estimate);
        Assert.Equal(2000, all.N);
        Assert.Equal(new SampleReport(2000, 2000, null, 0, Cch.Data.RowSample.AllRows), all.Sample);
        var markdown = CchProcess.Run(dir.Path, ["check", .. args, "--format", "markdown"]);
        Assert.Contains("N = 300 (a seeded uniform sample of the 2,000 rows: --max-rows 300)", markdown.StdOut);
    }

    [Fact]
    public void Data_larger_than_the_memory_allowed_is_refused_before_reading_with_how_many_rows_fit()
    {
        // A 96 MB heap: MNIST's 10,000 × 784 pixels take 63 MB as doubles, over half of it.
        using var dir = new TempFolder();
        var report = dir.File("report.json");
        var environment = new Dictionary<string, string?> { ["DOTNET_GCHeapHardLimit"] = "0x6000000" };

        var run = CchProcess.Run(dir.Path, environment, "check", "--data", TestPaths.Shared("mnist.parquet"), "--teacher", "pixels", "--student", "pixels",
            "--student-blur", "1", "--image-shape", "28,28", "--label", "label", "--max-rows", "all", "--report", report);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("mnist.parquet, column 'pixels': 10,000 rows × 784 values need 63 MB as doubles", run.StdErr);
        Assert.Contains("use --max-rows (at most about", run.StdErr);
        Assert.False(File.Exists(report));
    }

    [Fact]
    public void Knn_at_two_hundred_dimensions_gives_no_verdict_where_it_once_failed_confidently()
    {
        // mor6 ← fac216 under KSG: Δ̂ ≈ −0.72 nats with a sampling-only interval below 0 (a "fail", docs/validation.md),
        // while auto, which recovers a matched known value, passes it. At 216 + 6 dimensions KSG recovers a small share of a
        // known mutual information of that size: the verdict must not rest on it.
        using var dir = new TempFolder();
        var data = TestPaths.Shared("handwritten.parquet");
        string[] args = ["--data", data, "--teacher", "fac216", "--student", "mor6", "--label", "label", "--where", "split=train", "--estimator", "ksg"];

        var report = Check(dir, args);
        var old = Check(dir, [.. args, "--no-self-check"]);

        Assert.Equal(Verdict.Fail, old.Verdict);
        var t = Assert.Single(report.Teachers);
        Assert.Equal(Verdict.Inconclusive, t.Verdict);
        Assert.Equal(VerdictReason.EstimatorUnreliableHere, t.Reason);
        Assert.True(t.MiTeacherStudent.Surrogate!.Recovery < SurrogateCheck.UnreliableLow);
        Assert.Contains(report.Warnings, w => w.Contains("estimator-unreliable-here"));
        Assert.Equal(0, report.ExitCode);

        var markdown = CchProcess.Run(dir.Path, ["check", .. args, "--format", "markdown"]);
        Assert.Contains("inconclusive (estimator-unreliable-here)", markdown.StdOut);
    }

    [Fact]
    public void Breast_cancer_omics_are_joined_on_sample_id_across_files_stored_in_different_orders()
    {
        using var dir = new TempFolder();
        var labels = TestPaths.Shared("breast_tcga_labels.parquet");
        var mrna = TestPaths.Shared("breast_tcga_mRNA200.parquet");
        var mirna = TestPaths.Shared("breast_tcga_miRNA184.parquet");
        var protein = TestPaths.Shared("breast_tcga_protein142.parquet");

        var report = Check(dir, "--data", labels, "--label", "subtype", "--key", "sample_id",
            "--teacher", $"{mrna}:mrna_*", "--teacher", $"{protein}:protein_*", "--student", $"{mirna}:mirna_*");

        Assert.Equal(150, report.N);
        Assert.Equal(["Basal", "Her2", "LumA"], report.Label.Classes!);
        Assert.Equal(184, report.Student.Dimensions);
        Assert.Equal(new[] { 142, 200 }, report.Teachers.Select(t => t.Dimensions).Order());
        Assert.Equal(4, report.Inputs.Count);
        Assert.All(report.Inputs, i => Assert.Equal(Sha256(i.Path), i.Sha256));
        Assert.All(report.Teachers, t => Assert.InRange(t.MiStudentLabel.Estimate, 0, Math.Log(3)));
        // The self-check warnings name the whole estimator, parentheses and "N = 150" included.
        Assert.Contains(report.Warnings, w => w.Contains("columns; N = 150)) recovers"));
        Assert.DoesNotContain(report.Warnings, w => w.Contains("; N)"));
    }

    [Fact]
    public void Rosmap_uses_the_training_split_from_the_labels_table()
    {
        using var dir = new TempFolder();
        var labels = TestPaths.Shared("rosmap_labels.parquet");

        var report = Check(dir, "--data", labels, "--label", "diagnosis", "--key", "sample_id", "--where", "split=train",
            "--teacher", $"{TestPaths.Shared("rosmap_mRNA.parquet")}:mrna_*", "--student", $"{TestPaths.Shared("rosmap_meth.parquet")}:meth_*");

        Assert.Equal(245, report.N); // README: 245 train / 106 test
        Assert.Equal(["AD", "NC"], report.Label.Classes!);
        Assert.Equal(["split=train"], report.Join.Filters);
        Assert.All(report.Teachers, t => Assert.InRange(t.MiStudentLabel.Estimate, -0.5, Math.Log(2)));
    }

    [Fact]
    public void A_missing_column_in_real_data_is_an_input_error_listing_what_exists()
    {
        using var dir = new TempFolder();

        var run = CchProcess.Run(dir.Path, "check", "--data", TestPaths.Shared("handwritten.parquet"), "--teacher", "fac217", "--student", "mor6", "--label", "label",
            "--report", dir.File("r.json"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("handwritten.parquet", run.StdErr);
        Assert.Contains("fac217", run.StdErr);
        Assert.Contains("fac216", run.StdErr);
        Assert.False(File.Exists(dir.File("r.json")));
    }

    private static CchReport Check(TempFolder dir, params string[] args)
    {
        var path = dir.File("report.json");
        var run = CchProcess.Run(dir.Path, ["check", .. args, "--report", path]);
        Assert.True(run.ExitCode is 0 or 1, $"exit {run.ExitCode}: {run.StdErr}");
        var json = File.ReadAllText(path);
        SchemaAssert.Valid("cch-report.schema.json", json);
        var report = ReportWriter.FromJson(json);

        // The report agrees with itself: ranks follow Δ, each verdict follows its interval and the
        // margin, the overall verdict is the best teacher's, and the exit code follows the verdict.
        Assert.Equal(Enumerable.Range(1, report.Teachers.Count), report.Teachers.Select(t => t.Rank));
        Assert.True(report.Teachers.Zip(report.Teachers.Skip(1)).All(p => p.First.Delta.Estimate >= p.Second.Delta.Estimate));
        foreach (var t in report.Teachers)
        {
            // The robust verdict: the interval's, unless a reason made it inconclusive; a decided verdict
            // holds under every estimator pair that passed the self-check.
            var byInterval = GatePolicy.Decide(new IntervalEstimate(t.Delta.Estimate, t.Delta.CiLow, t.Delta.CiHigh), report.Margin);
            Assert.Equal(t.Reason is null ? byInterval : Verdict.Inconclusive, t.Verdict);
            if (byInterval == Verdict.Inconclusive)
                Assert.True(t.Reason is VerdictReason.IntervalContainsMargin or VerdictReason.EstimatorUnreliableHere, $"{t.Name}: {t.Reason}");
            if (t.Verdict == Verdict.Pass) Assert.All(t.EstimatorDeltas ?? [], d => Assert.True(d.Delta > report.Margin));
            if (t.Verdict == Verdict.Fail) Assert.All(t.EstimatorDeltas ?? [], d => Assert.True(d.Delta < report.Margin));
            Assert.InRange(Math.Abs(t.MiTeacherStudent.Estimate - t.MiStudentLabel.Estimate - t.Delta.Estimate), 0, 2e-6); // each rounded to 6 decimals
        }

        Assert.Equal(report.Teachers[0].Verdict, report.Verdict);
        Assert.Equal(report.Teachers[0].Name, report.BestTeacher);
        Assert.Equal(GatePolicy.ExitCode(report.Verdict, report.FailOn), run.ExitCode);
        Assert.Equal(run.ExitCode, report.ExitCode);
        return report;
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
