namespace Cch.Encoders;

/// <summary>One encoder applied while loading a dataset (recorded in the report).</summary>
/// <param name="Role"><c>teacher</c> or <c>student</c>.</param>
/// <param name="Representation">The name of the representation it produced, e.g. <c>pixels (blur σ=2) → mnist-8.onnx</c>.</param>
/// <param name="RawInput">The column it read, e.g. <c>pixels</c>.</param>
/// <param name="Model">The model, its input and output, and how rows were fed.</param>
/// <param name="Dimensions">Values per row of the representation (the flattened output).</param>
/// <param name="Rows">Rows encoded.</param>
/// <param name="BatchSize">Rows per inference call.</param>
/// <param name="Seconds">Wall time of the inference, in seconds.</param>
/// <param name="ArgmaxAccuracy">
/// A sanity figure for classifier encoders: the share of rows whose largest output is the label,
/// when the label's classes are integers in 0…m−1, the largest is m−1, and the output has m values
/// per row (e.g. an MNIST CNN's 10 logits); <c>null</c> otherwise.
/// </param>
public sealed record EncoderRun(
    string Role,
    string Representation,
    string RawInput,
    EncoderDescription Model,
    int Dimensions,
    int Rows,
    int BatchSize,
    double Seconds,
    double? ArgmaxAccuracy);
