namespace Cch.Reports;

/// <summary>One ONNX encoder that produced a representation from a raw column.</summary>
/// <param name="Role"><c>teacher</c> or <c>student</c>.</param>
/// <param name="Representation">The representation's name, as used for the teacher or student elsewhere in the report.</param>
/// <param name="RawInput">The raw column it read (after any blur).</param>
/// <param name="Path">Full path of the <c>.onnx</c> file.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file.</param>
/// <param name="Input">The model input: name, element type and declared shape (−1: a free axis).</param>
/// <param name="Output">The output used: name, element type and declared shape.</param>
/// <param name="RowShape">The shape each row was fed in, without the batch axis.</param>
/// <param name="FixedBatch">The batch size the model requires, when its batch axis is fixed; absent otherwise.</param>
/// <param name="InputScale">Factor applied to every raw value.</param>
/// <param name="Dimensions">Values per row of the representation (the flattened output).</param>
/// <param name="Rows">Rows encoded.</param>
/// <param name="BatchSize">Rows per inference call.</param>
/// <param name="Seconds">Inference wall time.</param>
/// <param name="ArgmaxAccuracy">Share of rows whose largest output is the label (a sanity figure for classifier encoders), or absent.</param>
public sealed record EncoderReport(
    string Role,
    string Representation,
    string RawInput,
    string Path,
    string Sha256,
    TensorReport Input,
    TensorReport Output,
    IReadOnlyList<long> RowShape,
    int? FixedBatch,
    double InputScale,
    int Dimensions,
    int Rows,
    int BatchSize,
    double Seconds,
    double? ArgmaxAccuracy)
{
    /// <summary>The report entry for one encoder run.</summary>
    public static EncoderReport From(Encoders.EncoderRun run)
    {
        var m = run.Model;
        return new EncoderReport(
            run.Role, run.Representation, run.RawInput, m.Path, m.Sha256,
            new TensorReport(m.Input.Name, m.Input.ElementType, m.Input.Shape),
            new TensorReport(m.Output.Name, m.Output.ElementType, m.Output.Shape),
            m.RowShape, m.FixedBatch, m.InputScale, run.Dimensions, run.Rows, run.BatchSize, Math.Round(run.Seconds, 3), run.ArgmaxAccuracy);
    }
}

/// <summary>A model input or output as declared in the ONNX file.</summary>
/// <param name="Name">Graph name.</param>
/// <param name="ElementType">ONNX element type, e.g. <c>float</c>.</param>
/// <param name="Shape">Declared shape; −1 marks a free axis.</param>
public sealed record TensorReport(string Name, string ElementType, IReadOnlyList<long> Shape);
