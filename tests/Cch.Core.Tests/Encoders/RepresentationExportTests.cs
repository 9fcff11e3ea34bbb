using Cch.Data;
using Cch.Data.Parquet;
using Cch.Encoders;

namespace Cch.Tests.Encoders;

/// <summary>
/// encode end to end: fixture inputs written to Parquet, encoded, written, read back and compared
/// with the numpy reference (tests/TestAssets/onnx/reference.json).
/// </summary>
public sealed class RepresentationExportTests
{
    [Theory]
    [InlineData("gemm_relu.onnx", "h", false)]
    [InlineData("conv_image.onnx", "features", true)]
    public async Task Written_representations_equal_the_reference_and_keep_the_keys(string model, string output, bool integerKeys)
    {
        using var dir = new TempFolder();
        var input = OnnxFixtures.Input(model);
        var keys = Enumerable.Range(0, input.Rows).Select(i => integerKeys ? (100 + i).ToString() : $"s{i:00}").ToList();
        var raw = await WriteAsync(dir.File("raw.parquet"), "x", input, "sample_id", keys, integerKeys);

        var result = await RepresentationExport.RunAsync(new EncodeRequest
        {
            Input = new ColumnRequest { Column = new ColumnSpec(raw, "x"), Key = "sample_id" },
            Encoder = new EncoderOptions(OnnxFixtures.Model(model)) { BatchSize = 4 },
            OutputPath = dir.File("reps.parquet"),
        });

        Assert.Equal("representation", result.Column);
        var back = await DatasetLoader.LoadColumnAsync(new ColumnRequest { Column = new ColumnSpec(result.OutputPath, "representation"), Key = "sample_id" });
        Assert.Equal(keys, back.Keys);
        Assert.Equal(integerKeys, back.IntegerKeys);
        OnnxFixtures.AssertClose(OnnxFixtures.Expected(model, output), back.Features);
    }

    [Fact]
    public async Task A_bad_row_length_leaves_no_output_file()
    {
        using var dir = new TempFolder();
        var raw = await WriteAsync(dir.File("raw.parquet"), "x", new FeatureMatrix("x", 3, 5, new double[15]), null, null, false);
        var target = dir.File("reps.parquet");

        var e = await Assert.ThrowsAsync<CchInputException>(() => RepresentationExport.RunAsync(new EncodeRequest
        {
            Input = new ColumnRequest { Column = new ColumnSpec(raw, "x") },
            Encoder = new EncoderOptions(OnnxFixtures.Model("gemm_relu.onnx")),
            OutputPath = target,
        }));
        Assert.Contains("6 values per row", e.Message);
        Assert.False(File.Exists(target));
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    internal static List<string> Labels(int rows) => Enumerable.Range(0, rows).Select(i => (i % 2).ToString()).ToList();

    /// <summary>Writes rows as a list&lt;float&gt; column with Cch's writer, after a key (or label) column.</summary>
    internal static async Task<string> WriteAsync(string path, string column, FeatureMatrix rows, string? keyColumn, IReadOnlyList<string>? keys, bool integerKeys)
    {
        await using (var stream = File.Create(path))
            await RepresentationWriter.WriteAsync(stream, column, rows, keyColumn, keys, integerKeys, new Dictionary<string, string>(), CancellationToken.None);
        return path;
    }
}
