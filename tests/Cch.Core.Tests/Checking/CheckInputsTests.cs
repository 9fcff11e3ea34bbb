using Cch.Checking;
using Cch.Data;
using Cch.Encoders;
using Cch.Tests.Encoders;

namespace Cch.Tests.Checking;

/// <summary>
/// The check's input step: the read, then the student's blur and the encoders (fixture models with numpy
/// references, tests/TestAssets/onnx/reference.json), and the progress each reports.
/// </summary>
public sealed class CheckInputsTests
{
    [Fact]
    public async Task Check_with_encoders_encodes_teacher_and_student_and_records_both()
    {
        using var dir = new TempFolder();
        var input = OnnxFixtures.Input("gemm_relu.onnx");
        var raw = await RepresentationExportTests.WriteAsync(dir.File("raw.parquet"), "x", input, "label", RepresentationExportTests.Labels(input.Rows), true);

        var (data, encoders) = await CheckInputs.LoadAsync(Raw(raw), new RepresentationTransforms
        {
            TeacherEncoders = [new EncoderOptions(OnnxFixtures.Model("gemm_relu.onnx")) { OutputName = "logits" }],
            StudentEncoder = new EncoderOptions(OnnxFixtures.Model("gemm_relu.onnx")),
        });

        OnnxFixtures.AssertClose(OnnxFixtures.Expected("gemm_relu.onnx", "logits"), data.Teachers[0]);
        OnnxFixtures.AssertClose(OnnxFixtures.Expected("gemm_relu.onnx", "h"), data.Student);
        Assert.Equal(["teacher", "student"], encoders.Select(e => e.Role));
        Assert.Equal("raw.parquet:x → gemm_relu.onnx:logits", data.Teachers[0].Name);
        Assert.Equal("raw.parquet:x → gemm_relu.onnx", data.Student.Name);
    }

    [Fact]
    public async Task The_same_column_through_the_same_encoder_is_still_refused_as_teacher_and_student()
    {
        using var dir = new TempFolder();
        var raw = await RepresentationExportTests.WriteAsync(dir.File("raw.parquet"), "x", OnnxFixtures.Input("gemm_relu.onnx"), "label", RepresentationExportTests.Labels(OnnxFixtures.Input("gemm_relu.onnx").Rows), true);
        var encoder = new EncoderOptions(OnnxFixtures.Model("gemm_relu.onnx"));

        var e = await Assert.ThrowsAsync<CchInputException>(() => CheckInputs.LoadAsync(Raw(raw), new RepresentationTransforms
        {
            TeacherEncoders = [encoder],
            StudentEncoder = encoder with { },
        }));
        Assert.Contains("is the student representation itself", e.Message);
    }

    [Fact]
    public async Task A_byte_identical_copy_of_the_model_counts_as_the_same_encoder()
    {
        using var dir = new TempFolder();
        var raw = await RepresentationExportTests.WriteAsync(dir.File("raw.parquet"), "x", OnnxFixtures.Input("gemm_relu.onnx"), "label", RepresentationExportTests.Labels(OnnxFixtures.Input("gemm_relu.onnx").Rows), true);
        var copy = dir.File("copy.onnx");
        File.Copy(OnnxFixtures.Model("gemm_relu.onnx"), copy);

        var e = await Assert.ThrowsAsync<CchInputException>(() => CheckInputs.LoadAsync(Raw(raw), new RepresentationTransforms
        {
            TeacherEncoders = [new EncoderOptions(OnnxFixtures.Model("gemm_relu.onnx"))],
            StudentEncoder = new EncoderOptions(copy),
        }));
        Assert.Contains("the same column through the same encoder", e.Message);
    }

    [Fact]
    public async Task A_blurred_student_may_name_the_teacher_column()
    {
        var request = new DataRequest
        {
            DataPath = TestPaths.Shared("handwritten.parquet"),
            Teachers = [new ColumnSpec(null, "pix240")],
            Student = new ColumnSpec(null, "pix240"),
            Label = new ColumnSpec(null, "label"),
        };

        var (data, encoders) = await CheckInputs.LoadAsync(request, new RepresentationTransforms { StudentBlur = new ImageBlur(1, 16, 15) });

        Assert.Equal(240, data.Student.Columns);
        Assert.NotEqual(data.Teachers[0].Values, data.Student.Values);
        Assert.Contains("blur σ=1", data.Student.Name);
        Assert.Empty(encoders);
        await Assert.ThrowsAsync<CchInputException>(() => CheckInputs.LoadAsync(request, RepresentationTransforms.None));
    }

    [Fact]
    public async Task Teacher_encoders_given_neither_once_nor_per_teacher_are_refused_before_reading()
    {
        var encoder = new EncoderOptions(OnnxFixtures.Model("gemm_relu.onnx"));
        var request = new DataRequest
        {
            DataPath = "missing.parquet",
            Teachers = [new ColumnSpec(null, "a"), new ColumnSpec(null, "b"), new ColumnSpec(null, "c")],
            Student = new ColumnSpec(null, "s"),
            Label = new ColumnSpec(null, "label"),
        };

        // The file does not exist: the error is the encoders' count, so nothing was read.
        var e = await Assert.ThrowsAsync<CchInputException>(() => CheckInputs.LoadAsync(request, new RepresentationTransforms { TeacherEncoders = [encoder, encoder] }));
        Assert.Contains("--teacher-encoder was given 2 times for 3 teacher(s)", e.Message);
    }

    [Fact]
    public async Task Progress_runs_through_the_read_the_blur_and_each_encoder_in_order_each_reaching_every_row()
    {
        using var dir = new TempFolder();
        var input = OnnxFixtures.Input("gemm_relu.onnx");
        var raw = await RepresentationExportTests.WriteAsync(dir.File("raw.parquet"), "x", input, "label", RepresentationExportTests.Labels(input.Rows), true);
        var progress = new RecordingProgress<InputProgress>();
        var encoder = new EncoderOptions(OnnxFixtures.Model("gemm_relu.onnx")) { BatchSize = 1 };

        await CheckInputs.LoadAsync(Raw(raw), new RepresentationTransforms
        {
            StudentBlur = new ImageBlur(0.5, 1, input.Columns),
            TeacherEncoders = [encoder with { OutputName = "logits" }],
            StudentEncoder = encoder,
        }, progress);

        var reports = progress.Reports;
        Assert.Equal(
            [InputProgress.ReadingPhase, "blurring student", "encoding teacher (gemm_relu.onnx)", "encoding student (gemm_relu.onnx)"],
            reports.Select(p => p.Phase).Distinct());
        foreach (var phase in reports.GroupBy(p => p.Phase))
        {
            // Each phase is one run of reports (phases do not interleave), rising from 0 to its total: the rows.
            var values = phase.ToList();
            Assert.Equal(values.Count, reports.SkipWhile(p => p.Phase != phase.Key).TakeWhile(p => p.Phase == phase.Key).Count());
            Assert.All(values, p => Assert.Equal(input.Rows, p.Total));
            Assert.Equal(0, values[0].Completed);
            Assert.Equal(input.Rows, values[^1].Completed);
            Assert.True(values.Zip(values.Skip(1)).All(pair => pair.First.Completed <= pair.Second.Completed), $"{phase.Key}: {string.Join(", ", values.Select(v => v.Completed))}");
        }

        // One report per batch of one row (at least 1 % of the rows apart): the encoder reports every row here.
        Assert.Equal(input.Rows + 1, reports.Count(p => p.Phase == "encoding student (gemm_relu.onnx)"));
    }

    private static DataRequest Raw(string path) => new()
    {
        Teachers = [new ColumnSpec(path, "x")],
        Student = new ColumnSpec(path, "x"),
        Label = new ColumnSpec(path, "label"),
    };
}
