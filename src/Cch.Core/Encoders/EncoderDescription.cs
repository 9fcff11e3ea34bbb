namespace Cch.Encoders;

/// <summary>What an opened encoder is and how Cch feeds it (recorded in the report).</summary>
/// <param name="Path">Full path of the <c>.onnx</c> file.</param>
/// <param name="Sha256">SHA-256 of the file, lower-case hex.</param>
/// <param name="Input">The model's single required input.</param>
/// <param name="Output">The output used as the representation.</param>
/// <param name="OutputNames">Every output of the model, in graph order.</param>
/// <param name="RowShape">The shape each row is fed in, without the batch axis (free axes filled in once the row length is known: −1 until then).</param>
/// <param name="FixedBatch">The batch size the model requires when its batch axis is fixed (e.g. 1); <c>null</c> when it is free.</param>
/// <param name="InputScale">The factor applied to every input value.</param>
public sealed record EncoderDescription(
    string Path,
    string Sha256,
    TensorDescription Input,
    TensorDescription Output,
    IReadOnlyList<string> OutputNames,
    IReadOnlyList<long> RowShape,
    int? FixedBatch,
    double InputScale);
