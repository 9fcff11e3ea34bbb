using Cch.Data;
using Cch.Encoders;

namespace Cch.Tests.Encoders;

public sealed class OnnxEncoderTests
{
    [Theory]
    [InlineData("gemm_relu.onnx", null, "h")]
    [InlineData("gemm_relu.onnx", "logits", "logits")]
    [InlineData("conv_image.onnx", null, "features")]
    [InlineData("typed_outputs.onnx", "half", "half")]
    [InlineData("typed_outputs.onnx", "wide", "wide")]
    [InlineData("double_input.onnx", null, "y")]
    [InlineData("fixed_batch1.onnx", null, "y")]
    [InlineData("symbolic_features.onnx", null, "s")]
    [InlineData("int64_output.onnx", null, "idx")]
    public void Outputs_match_the_numpy_reference(string model, string? output, string expectedOutput)
    {
        using var encoder = OnnxEncoder.Open(new EncoderOptions(OnnxFixtures.Model(model)) { OutputName = output, BatchSize = 3 });
        var actual = encoder.Encode(OnnxFixtures.Input(model), "rep");
        Assert.Equal(expectedOutput, encoder.Description.Output.Name);
        OnnxFixtures.AssertClose(OnnxFixtures.Expected(model, expectedOutput), actual);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(1000)]
    public void The_batch_size_does_not_change_the_result(int batch)
    {
        using var encoder = OnnxEncoder.Open(new EncoderOptions(OnnxFixtures.Model("conv_image.onnx")) { BatchSize = batch });
        OnnxFixtures.AssertClose(OnnxFixtures.Expected("conv_image.onnx", "features"), encoder.Encode(OnnxFixtures.Input("conv_image.onnx"), "rep"));
    }

    [Fact]
    public void Input_scale_multiplies_every_value_before_feeding()
    {
        // symbolic_features computes s = 0.5·Σx, linear in x: scaling the input by 1/4 scales s by 1/4.
        var input = OnnxFixtures.Input("symbolic_features.onnx");
        var expected = OnnxFixtures.Expected("symbolic_features.onnx", "s");
        var scaled = new FeatureMatrix("s", expected.Rows, 1, expected.Values.Select(v => v / 4).ToArray());
        using var encoder = OnnxEncoder.Open(new EncoderOptions(OnnxFixtures.Model("symbolic_features.onnx")) { InputScale = 0.25 });
        OnnxFixtures.AssertClose(scaled, encoder.Encode(input, "rep"));
    }

    [Fact]
    public void Describes_the_model_for_the_report()
    {
        var path = OnnxFixtures.Model("fixed_batch1.onnx");
        using var encoder = OnnxEncoder.Open(new EncoderOptions(path));
        var d = encoder.Description;
        Assert.Equal(Path.GetFullPath(path), d.Path);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))), d.Sha256);
        Assert.Equal(1, d.FixedBatch);
        Assert.Equal("x", d.Input.Name);
        Assert.Equal([1L, 5L], d.Input.Shape);
        Assert.Equal("float", d.Input.ElementType);
        Assert.Equal([5L], d.RowShape);
    }

    [Fact]
    public void A_flat_column_is_reshaped_by_input_shape_or_by_the_models_own_shape()
    {
        var input = OnnxFixtures.Input("conv_image.onnx");
        using var given = OnnxEncoder.Open(new EncoderOptions(OnnxFixtures.Model("conv_image.onnx")) { InputShape = [1, 4, 4] });
        OnnxFixtures.AssertClose(OnnxFixtures.Expected("conv_image.onnx", "features"), given.Encode(input, "rep"));
        Assert.Equal([1L, 4L, 4L], given.Description.RowShape);
    }

    [Fact]
    public void Missing_file_is_an_input_error_naming_it()
    {
        var e = Assert.Throws<CchInputException>(() => OnnxEncoder.Open(new EncoderOptions("/nonexistent/model.onnx")));
        Assert.Equal("/nonexistent/model.onnx", e.File);
        Assert.Contains("does not exist", e.Message);
    }

    [Fact]
    public void A_file_that_is_not_onnx_is_an_input_error()
    {
        using var temp = new TempFolder();
        var path = temp.Write("model.onnx", "this is not a protobuf");
        var e = Assert.Throws<CchInputException>(() => OnnxEncoder.Open(new EncoderOptions(path)));
        Assert.Equal(path, e.File);
        Assert.Contains("not an ONNX model", e.Message);
    }

    [Fact]
    public void Several_required_inputs_are_refused_with_their_names()
    {
        var e = Assert.Throws<CchInputException>(() => OnnxEncoder.Open(new EncoderOptions(OnnxFixtures.Model("two_inputs.onnx"))));
        Assert.Contains("2 required inputs", e.Message);
        Assert.Contains("'a'", e.Message);
        Assert.Contains("'b'", e.Message);
    }

    [Fact]
    public void A_non_numeric_output_is_refused()
    {
        var e = Assert.Throws<CchInputException>(() => OnnxEncoder.Open(new EncoderOptions(OnnxFixtures.Model("bool_output.onnx"))));
        Assert.Contains("'positive' bool", e.Message);
        Assert.Contains("not numeric", e.Message);
    }

    [Fact]
    public void An_unknown_output_name_lists_the_outputs_that_exist()
    {
        var e = Assert.Throws<CchInputException>(() => OnnxEncoder.Open(new EncoderOptions(OnnxFixtures.Model("gemm_relu.onnx")) { OutputName = "embedding" }));
        Assert.Contains("no output 'embedding'", e.Message);
        Assert.Contains("'h' float[?,4]", e.Message);
        Assert.Contains("'logits' float[?,3]", e.Message);
    }

    [Fact]
    public void A_row_length_that_does_not_fit_the_input_names_both_sizes()
    {
        using var encoder = OnnxEncoder.Open(new EncoderOptions(OnnxFixtures.Model("conv_image.onnx")));
        var wrong = new FeatureMatrix("data.parquet:pixels", 2, 15, new double[30]);
        var e = Assert.Throws<CchInputException>(() => encoder.Encode(wrong, "rep"));
        Assert.Equal("data.parquet:pixels", e.Column);
        Assert.Contains("1×4×4 = 16 values per row", e.Message);
        Assert.Contains("has 15 values per row", e.Message);
        Assert.Contains("--input-shape", e.Message);
    }

    [Fact]
    public void An_input_shape_that_contradicts_the_model_is_refused()
    {
        var e = Assert.Throws<CchInputException>(() => OnnxEncoder.Open(new EncoderOptions(OnnxFixtures.Model("conv_image.onnx")) { InputShape = [16] }));
        Assert.Contains("1 axes", e.Message);
        e = Assert.Throws<CchInputException>(() => OnnxEncoder.Open(new EncoderOptions(OnnxFixtures.Model("conv_image.onnx")) { InputShape = [1, 2, 8] }));
        Assert.Contains("contradicts", e.Message);
    }

    [Fact]
    public void A_non_finite_output_names_the_first_offending_row()
    {
        using var encoder = OnnxEncoder.Open(new EncoderOptions(OnnxFixtures.Model("symbolic_features.onnx")));
        var values = new double[12];
        values[2 * 4 + 1] = double.PositiveInfinity;
        var e = Assert.Throws<CchInputException>(() => encoder.Encode(new FeatureMatrix("raw", 3, 4, values), "rep"));
        Assert.Contains("for row 2 (0-based) of the 3 rows of 'raw'", e.Message);
    }
}
