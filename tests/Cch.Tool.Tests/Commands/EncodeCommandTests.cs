using System.Text.Json;
using Cch.Data;
using Cch.Tests;

namespace Cch.Tool.Tests.Commands;

/// <summary>
/// dotnet cch encode on the real MNIST models in ../shared/models, compared with logits computed
/// outside the product (ONNX Runtime for Node, tests/TestAssets/onnx/mnist_reference.json).
/// </summary>
public sealed class EncodeCommandTests
{
    private static string Models => Path.GetFullPath(Path.Combine(TestPaths.RepoRoot, "..", "shared", "models"));

    private static string Fixture(string file) => Path.Combine(TestPaths.RepoRoot, "tests", "TestAssets", "onnx", file);

    [Theory]
    [InlineData("mnist-8.onnx")]
    [InlineData("mnist-cnn-ruiyangju.onnx")]
    public async Task Encoding_mnist_pixels_gives_the_reference_logits_with_the_key_carried_over(string model)
    {
        using var dir = new TempFolder();
        var reps = dir.File("reps.parquet");

        var run = CchProcess.Run(dir.Path, "encode", "--encoder", Path.Combine(Models, model), "--input", TestPaths.Shared("mnist.parquet") + ":pixels",
            "--key", "id", "--input-scale", "1/255", "--input-shape", "1,28,28", "--batch-size", "64", "--out", reps, "--column", "logits");

        Assert.True(run.ExitCode == 0, run.StdErr);
        Assert.Contains("encoded 10000 rows", run.StdErr);
        var back = await DatasetLoader.LoadColumnAsync(new ColumnRequest { Column = new ColumnSpec(reps, "logits"), Key = "id" });
        Assert.Equal(10000, back.Features.Rows);
        Assert.Equal(10, back.Features.Columns);
        Assert.True(back.IntegerKeys);

        using var reference = JsonDocument.Parse(File.ReadAllText(Fixture("mnist_reference.json")));
        var rows = reference.RootElement.GetProperty("rows").EnumerateArray().Select(r => r.GetInt32()).ToList();
        var logits = reference.RootElement.GetProperty("models").GetProperty(model).GetProperty("logits");
        for (var i = 0; i < rows.Count; i++)
        {
            var expected = logits[i].EnumerateArray().Select(x => x.GetDouble()).ToArray();
            var actual = back.Features.Row(rows[i]).ToArray();
            // Relative to the row's largest |logit|: a logit near 0 beside one of 20 carries float32 noise from a different ONNX Runtime build.
            var scale = expected.Max(Math.Abs);
            for (var j = 0; j < expected.Length; j++)
                Assert.True(Math.Abs(actual[j] - expected[j]) <= 1e-5 * scale, $"{model} row {rows[i]} logit {j}: expected {expected[j]:R}, got {actual[j]:R}");
        }
    }

    [Fact]
    public void Check_from_raw_pixels_records_both_encoders_in_a_schema_valid_report()
    {
        using var dir = new TempFolder();
        var report = dir.File("report.json");
        var model = Path.Combine(Models, "mnist-cnn-ruiyangju.onnx");

        var run = CchProcess.Run(dir.Path, "check", "--data", TestPaths.Shared("mnist.parquet"), "--label", "label",
            "--teacher", "pixels", "--teacher-encoder", model, "--student", "pixels", "--student-blur", "1", "--image-shape", "28,28", "--student-encoder", model,
            "--input-scale", "1/255", "--replicates", "4", "--report", report);

        Assert.True(run.ExitCode is 0 or 1, run.StdErr);
        var json = File.ReadAllText(report);
        SchemaAssert.Valid("cch-report.schema.json", json);
        var parsed = Cch.Reports.ReportWriter.FromJson(json);
        Assert.Equal(["teacher", "student"], parsed.Encoders!.Select(e => e.Role));
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(model)));
        Assert.All(parsed.Encoders!, e =>
        {
            Assert.Equal(sha, e.Sha256);
            Assert.Equal("input.1", e.Input.Name);
            Assert.Equal([1L, 1L, 28L, 28L], e.Input.Shape);
            Assert.Equal("26", e.Output.Name);
            Assert.Equal(10, e.Dimensions);
            Assert.Equal(1, e.FixedBatch);
        });
        // Sanity: the CNN classifies clean digits (published MNIST test accuracy of such CNNs ≈ 99 %).
        Assert.True(parsed.Encoders![0].ArgmaxAccuracy > 0.98, $"teacher argmax accuracy {parsed.Encoders[0].ArgmaxAccuracy}");
        Assert.Equal("pixels → mnist-cnn-ruiyangju.onnx", parsed.Teachers[0].Name);
        Assert.StartsWith("pixels (blur", parsed.Student.Name);
        Assert.Contains("teacher encoder: mnist-cnn-ruiyangju.onnx", run.StdOut);
    }

    [Theory]
    [InlineData("missing.onnx", "does not exist")]
    [InlineData("two_inputs.onnx", "2 required inputs")]
    [InlineData("bool_output.onnx", "not numeric")]
    [InlineData("conv_image.onnx", "has 6 values per row")]
    public void Bad_encoders_exit_2_with_a_clear_message_and_write_nothing(string model, string expected)
    {
        using var dir = new TempFolder();
        var reps = dir.File("reps.parquet");

        var run = CchProcess.Run(dir.Path, "encode", "--encoder", Fixture(model), "--input", TestPaths.Shared("handwritten.parquet") + ":mor6", "--out", reps);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.StdErr);
        Assert.DoesNotContain("   at ", run.StdErr);
        Assert.False(File.Exists(reps));
    }

    [Fact]
    public void An_unknown_output_lists_the_outputs_that_exist()
    {
        using var dir = new TempFolder();
        var run = CchProcess.Run(dir.Path, "check", "--data", TestPaths.Shared("handwritten.parquet"), "--label", "label",
            "--teacher", "fac216", "--student", "mor6", "--student-encoder", Fixture("gemm_relu.onnx"), "--output", "embedding");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no output 'embedding'", run.StdErr);
        Assert.Contains("'h' float[?,4], 'logits' float[?,3]", run.StdErr);
    }

    [Fact]
    public void A_file_that_is_not_onnx_exits_2_naming_it()
    {
        using var dir = new TempFolder();
        var fake = dir.Write("model.onnx", "not a model");
        var run = CchProcess.Run(dir.Path, "encode", "--encoder", fake, "--input", TestPaths.Shared("handwritten.parquet") + ":mor6", "--out", dir.File("reps.parquet"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(fake, run.StdErr);
        Assert.Contains("not an ONNX model", run.StdErr);
    }

    [Fact]
    public void Encoder_options_without_an_encoder_are_refused()
    {
        using var dir = new TempFolder();
        var run = CchProcess.Run(dir.Path, "check", "--data", TestPaths.Shared("handwritten.parquet"), "--label", "label", "--teacher", "fac216", "--student", "mor6", "--input-scale", "1/255");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("only apply with --teacher-encoder or --student-encoder", run.StdErr);
    }

    [Fact]
    public void Out_naming_the_model_is_refused_and_the_model_kept()
    {
        using var dir = new TempFolder();
        var model = dir.File("model.onnx");
        File.Copy(Fixture("gemm_relu.onnx"), model);
        var before = File.ReadAllBytes(model);

        var run = CchProcess.Run(dir.Path, "encode", "--encoder", model, "--input", TestPaths.Shared("handwritten.parquet") + ":mor6", "--out", model);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--out names a file this run reads", run.StdErr);
        Assert.Equal(before, File.ReadAllBytes(model));
    }

    [Fact]
    public void Report_naming_an_input_is_refused_before_any_work_and_the_input_kept()
    {
        using var dir = new TempFolder();
        var data = dir.File("hw.parquet");
        File.Copy(TestPaths.Shared("handwritten.parquet"), data);
        var model = dir.File("model.onnx");
        File.Copy(Fixture("gemm_relu.onnx"), model);
        var before = File.ReadAllBytes(data);

        foreach (var report in new[] { data, model })
        {
            var run = CchProcess.Run(dir.Path, "check", "--data", data, "--label", "label", "--teacher", "fac216", "--student", "mor6", "--student-encoder", model, "--report", report);

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("--report names a file this run reads", run.StdErr);
        }

        Assert.Equal(before, File.ReadAllBytes(data));
        Assert.Equal(File.ReadAllBytes(Fixture("gemm_relu.onnx")), File.ReadAllBytes(model));
    }

    [Fact]
    public void A_failed_encode_leaves_no_file_and_no_new_directory()
    {
        using var dir = new TempFolder();
        var run = CchProcess.Run(dir.Path, "encode", "--encoder", Fixture("conv_image.onnx"), "--input", TestPaths.Shared("handwritten.parquet") + ":mor6",
            "--out", Path.Combine(dir.Path, "new", "sub", "reps.parquet"));

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }
}
