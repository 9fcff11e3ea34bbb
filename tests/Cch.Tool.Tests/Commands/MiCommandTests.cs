using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cch.Criterion;
using Cch.Tests;
using Parquet.Serialization;

namespace Cch.Tool.Tests.Commands;

/// <summary>
/// <c>dotnet cch mi</c> and <c>dotnet cch mi bmi</c>, run as a process. Truths are closed forms: for
/// jointly Gaussian X and Y whose coordinates pair up with correlations ρ_i (independent otherwise),
/// I(X;Y) = −½ Σ ln(1 − ρ_i²) nats (Cover &amp; Thomas eq. 8.56).
/// </summary>
public sealed partial class MiCommandTests
{
    private static readonly double[] Rho = [0.8, 0.5];

    /// <summary>−½ Σ ln(1 − ρ²) for the correlations used.</summary>
    private static double Truth(params double[] rho) => rho.Sum(r => -0.5 * Math.Log(1 - r * r));

    [Fact]
    public void A_gaussian_pair_in_parquet_has_the_closed_form_inside_the_interval_and_a_schema_valid_document()
    {
        using var dir = new TempFolder();
        var data = WriteGaussianParquet(dir.File("pair.parquet"), rows: 2000, seed: 11);

        var run = CchProcess.Run(dir.Path, "mi", "--data", data, "--x", "x", "--y", "y*", "--format", "json");

        Assert.True(run.ExitCode == 0, run.StdErr + run.StdOut);
        SchemaAssert.Valid("cch-mi.schema.json", run.StdOut);
        var doc = JsonNode.Parse(run.StdOut)!;
        var truth = Truth(Rho); // 0.6547 nats
        Assert.InRange(truth, doc["ciLow"]!.GetValue<double>(), doc["ciHigh"]!.GetValue<double>());
        Assert.True(doc["ciLow"]!.GetValue<double>() < doc["estimate"]!.GetValue<double>() && doc["estimate"]!.GetValue<double>() < doc["ciHigh"]!.GetValue<double>());
        Assert.StartsWith("max(ksg-ranks, copula, cca-ksg) = ", doc["estimator"]!.GetValue<string>()); // auto: 2 + 2 ≤ 20 dimensions
        Assert.Equal("auto", doc["family"]!.GetValue<string>());
        Assert.Contains("2 + 2 ≤ 20 dimensions", doc["autoReason"]!.GetValue<string>());
        Assert.Equal("half-sampling", doc["interval"]!.GetValue<string>());
        Assert.Equal(1000, doc["subsampleRows"]!.GetValue<int>());
        Assert.Equal(2000, doc["n"]!.GetValue<int>());
        Assert.Equal("representation", doc["task"]!.GetValue<string>());
        Assert.Equal((2, 2), (doc["x"]!["dimensions"]!.GetValue<int>(), doc["y"]!["dimensions"]!.GetValue<int>()));
        Assert.Null(doc["label"]);
        Assert.Equal(Sha256(data), doc["inputs"]![0]!["sha256"]!.GetValue<string>());
    }

    [Fact]
    public void The_text_form_is_one_line_on_standard_output_and_the_same_seed_gives_the_same_value()
    {
        using var dir = new TempFolder();
        var data = WriteGaussianParquet(dir.File("pair.parquet"), rows: 600, seed: 5);

        var a = CchProcess.Run(dir.Path, "mi", "--data", data, "--x", "x", "--y", "y*", "--estimator", "ksg", "--k", "5", "--seed", "7", "--confidence", "0.9", "--replicates", "12");
        var b = CchProcess.Run(dir.Path, "mi", "--data", data, "--x", "x", "--y", "y*", "--estimator", "ksg", "--k", "5", "--seed", "7", "--confidence", "0.9", "--replicates", "12");

        Assert.True(a.ExitCode == 0, a.StdErr + a.StdOut);
        var line = Assert.Single(a.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(@"^I\(X;Y\) = -?\d+\.\d{3} nats, 90% CI \[-?\d+\.\d{3}, -?\d+\.\d{3}\] · X = x \(2-d\), Y = y\* \(2-d\) · estimator ksg · interval: half-sampling, 12 × 300 rows · N = 600$", line);
        Assert.Equal(a.StdOut, b.StdOut);
        Assert.Empty(a.StdErr);
    }

    [Fact]
    public void Max_rows_samples_the_pair_and_the_document_says_how_many_of_how_many()
    {
        using var dir = new TempFolder();
        var data = WriteGaussianParquet(dir.File("pair.parquet"), rows: 2000, seed: 11);

        var run = CchProcess.Run(dir.Path, "mi", "--data", data, "--x", "x", "--y", "y*", "--max-rows", "400", "--format", "json");
        var bad = CchProcess.Run(dir.Path, "mi", "--data", data, "--x", "x", "--y", "y*", "--max-rows", "1");

        Assert.True(run.ExitCode == 0, run.StdErr + run.StdOut);
        SchemaAssert.Valid("cch-mi.schema.json", run.StdOut);
        using var json = System.Text.Json.JsonDocument.Parse(run.StdOut);
        Assert.Equal(400, json.RootElement.GetProperty("n").GetInt32());
        Assert.Equal(2000, json.RootElement.GetProperty("sample").GetProperty("totalRows").GetInt32());
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--max-rows '1'", bad.StdErr);
    }

    [Fact]
    public void On_the_real_handwritten_digits_a_label_value_lies_between_0_and_ln_10_and_both_terms_equal_checks()
    {
        using var dir = new TempFolder();
        var data = TestPaths.Shared("handwritten.parquet");
        string[] common = ["--data", data, "--where", "split=train", "--estimator", "ksg", "--format", "json"];

        // The k-NN family: Ross's mixed estimator for the 6-d mor6 view and the digit label, KSG for the pair.
        var label = CchProcess.Run(dir.Path, ["mi", "--x", "mor6", "--label", "label", .. common]);
        var pair = CchProcess.Run(dir.Path, ["mi", "--x", "zer47", "--y", "mor6", .. common]);
        var check = CchProcess.Run(dir.Path, ["check", "--teacher", "zer47", "--student", "mor6", "--label", "label", .. common]);

        Assert.True(label.ExitCode == 0, label.StdErr + label.StdOut);
        SchemaAssert.Valid("cch-mi.schema.json", label.StdOut);
        SchemaAssert.Valid("cch-mi.schema.json", pair.StdOut);
        var doc = JsonNode.Parse(label.StdOut)!;
        Assert.InRange(doc["estimate"]!.GetValue<double>(), 0.01, Math.Log(10)); // 0 ≤ I(X;Y) ≤ H(Y) ≤ ln 10 for ten classes
        Assert.Equal("mixed", doc["estimator"]!.GetValue<string>());
        Assert.Equal(1400, doc["n"]!.GetValue<int>()); // README: 1,400 rows with split = 'train'
        Assert.Equal("classification", doc["task"]!.GetValue<string>());
        Assert.Equal(10, doc["label"]!["classes"]!.AsArray().Count);
        Assert.Equal((6, 1), (doc["x"]!["dimensions"]!.GetValue<int>(), doc["y"]!["dimensions"]!.GetValue<int>()));
        Assert.Equal(600, doc["join"]!["rowsDroppedByFilter"]!.GetValue<int>());

        // The same machinery and seed as the criterion: check's I(H_t;H_s) is I(teacher; student), its I(H_s;Y) is I(student; label).
        var teacher = JsonNode.Parse(check.StdOut)!["teachers"]![0]!;
        foreach (var (mi, term) in new[] { (pair, "miTeacherStudent"), (label, "miStudentLabel") })
        {
            var a = JsonNode.Parse(mi.StdOut)!;
            foreach (var field in new[] { "estimate", "standardError" })
                Assert.Equal(teacher[term]![field]!.GetValue<double>(), a[field]!.GetValue<double>());
            // check's interval is bias-aware (self-check); mi's is the sampling one, which check keeps as `sampling`.
            var sampling = teacher[term]!["sampling"]!;
            foreach (var field in new[] { "ciLow", "ciHigh" })
                Assert.Equal(sampling[field]!.GetValue<double>(), a[field]!.GetValue<double>());
            Assert.True(teacher[term]!["ciLow"]!.GetValue<double>() <= sampling["ciLow"]!.GetValue<double>());
            Assert.Equal(teacher[term]!["estimator"]!.GetValue<string>(), a["estimator"]!.GetValue<string>());
        }
    }

    [Fact]
    public void The_schema_lists_exactly_the_estimator_families_the_tool_accepts()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schemas", "cch-mi.schema.json")));
        var families = schema.RootElement.GetProperty("properties").GetProperty("family").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!);

        Assert.Equal(EstimatorFamilyNames.All, families);
    }

    [Theory]
    [InlineData("Missing --x", "mi")]
    [InlineData("Missing --y or --label", "mi", "--data", "{H}", "--x", "mor6")]
    [InlineData("Both --y 'zer47' and --label 'label' were given", "mi", "--data", "{H}", "--x", "mor6", "--y", "zer47", "--label", "label")]
    [InlineData("handwritten.parquet, column 'mor7': column not found; available columns: 'id', 'split', 'label'", "mi", "--data", "{H}", "--x", "mor7", "--y", "zer47")]
    [InlineData("label column not found", "mi", "--data", "{H}", "--x", "mor6", "--label", "digit")]
    [InlineData("--y 'mor6' is the same column as --x 'mor6'", "mi", "--data", "{H}", "--x", "mor6", "--y", "mor6")]
    [InlineData("--task regression applies to a label (--label)", "mi", "--data", "{H}", "--x", "mor6", "--y", "zer47", "--task", "regression")]
    [InlineData("--estimator 'knn' is not allowed; expected one of: auto, ksg, mixed, gaussian, copula, cca-ksg", "mi", "--data", "{H}", "--x", "mor6", "--y", "zer47", "--estimator", "knn")]
    [InlineData("--format 'markdown' is not allowed; expected one of: text, json", "mi", "--data", "{H}", "--x", "mor6", "--y", "zer47", "--format", "markdown")]
    [InlineData("--k: 'three' is not a whole number", "mi", "--data", "{H}", "--x", "mor6", "--y", "zer47", "--k", "three")]
    [InlineData("--where split=validation matches no row; values present: 'test', 'train'", "mi", "--data", "{H}", "--x", "mor6", "--label", "label", "--where", "split=validation")]
    [InlineData("The label 'id' has 2000 distinct values in 2000 rows", "mi", "--data", "{H}", "--x", "mor6", "--label", "id")]
    [InlineData("The label 'label' is constant: every one of its 200 rows is 3", "mi", "--data", "{H}", "--x", "mor6", "--label", "label", "--task", "regression", "--where", "label=3")]
    [InlineData("1 rows are used (after filters, joins and --max-rows), but an estimate with k = 3 needs at least 60", "mi", "--data", "{H}", "--x", "mor6", "--y", "zer47", "--where", "id=5")]
    [InlineData("in mi: give the label with --label instead of --y", "mi", "--data", "{H}", "--x", "mor6", "--y", "zer47", "--estimator", "probe")]
    [InlineData("mi bmi needs the arguments SAMPLE DIM_X DIM_Y", "mi", "bmi")]
    [InlineData("mi bmi SAMPLE DIM_X DIM_Y: 'two' is not a whole number", "mi", "bmi", "s.csv", "two", "1")]
    [InlineData("s.csv: file not found", "mi", "bmi", "s.csv", "2", "1")]
    public void Bad_input_exits_with_code_2_and_a_message_on_standard_error_only(string message, params string[] args)
    {
        using var dir = new TempFolder();
        var data = TestPaths.Shared("handwritten.parquet");

        var run = CchProcess.Run(dir.Path, [.. args.Select(a => a == "{H}" ? data : a)]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error:", run.StdErr);
        Assert.Contains(message, run.StdErr);
        Assert.DoesNotContain("System.", run.StdErr);
        Assert.Empty(run.StdOut);
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>
    /// N draws of X = (z₁, z₂) and Y = (ρ₁z₁ + √(1−ρ₁²)e₁, ρ₂z₂ + √(1−ρ₂²)e₂) with independent standard
    /// normals (Box–Muller from a seeded <see cref="Random"/>): X as a list&lt;double&gt; column <c>x</c>,
    /// Y as scalar double columns <c>y0</c>, <c>y1</c> (read with the glob <c>y*</c>).
    /// </summary>
    private static string WriteGaussianParquet(string path, int rows, int seed)
    {
        var (x, y) = GaussianSample(rows, seed, 2);
        var records = Enumerable.Range(0, rows).Select(i => new PairRow { X = [x[i, 0], x[i, 1]], Y0 = y[i, 0], Y1 = y[i, 1] }).ToList();
        ParquetSerializer.SerializeAsync(records, path).GetAwaiter().GetResult();
        return path;
    }

    /// <summary>X (N×d) and Y (N×d) with corr(X_i, Y_i) = <see cref="Rho"/>[i] and all else independent.</summary>
    private static (double[,] X, double[,] Y) GaussianSample(int rows, int seed, int d)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var x = new double[rows, d];
        var y = new double[rows, d];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < d; j++)
            {
                x[i, j] = Normal();
                y[i, j] = Rho[j] * x[i, j] + Math.Sqrt(1 - Rho[j] * Rho[j]) * Normal();
            }
        }

        return (x, y);
    }

    /// <summary>One Parquet row: X as a list column, Y as two scalar columns.</summary>
    private sealed class PairRow
    {
        [System.Text.Json.Serialization.JsonPropertyName("x")]
        public double[] X { get; set; } = [];

        [System.Text.Json.Serialization.JsonPropertyName("y0")]
        public double Y0 { get; set; }

        [System.Text.Json.Serialization.JsonPropertyName("y1")]
        public double Y1 { get; set; }
    }
}
