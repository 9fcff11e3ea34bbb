namespace Cch.Encoders;

/// <summary>
/// How to run one ONNX encoder over raw feature rows (<c>--teacher-encoder</c>,
/// <c>--student-encoder</c>, <c>dotnet cch encode</c>): each row of the input column is scaled by
/// <see cref="InputScale"/>, reshaped to <see cref="InputShape"/> and fed to the model's single
/// input; the chosen output is flattened per row into the representation.
/// </summary>
/// <param name="ModelPath">The <c>.onnx</c> file (relative paths resolve against the base directory of the request).</param>
public sealed record EncoderOptions(string ModelPath)
{
    /// <summary>The model output to use (<c>--output</c>); <c>null</c>: the first output.</summary>
    public string? OutputName { get; init; }

    /// <summary>
    /// The shape of one row as the model takes it, without the batch axis (<c>--input-shape</c>,
    /// e.g. [1, 28, 28] for a flat 784-value image stored row-major); <c>null</c>: the model's own
    /// input shape, with at most one free axis filled from the row length.
    /// </summary>
    public IReadOnlyList<int>? InputShape { get; init; }

    /// <summary>Every input value is multiplied by this before it is fed (<c>--input-scale</c>, e.g. 1/255 for 8-bit pixels). Default 1.</summary>
    public double InputScale { get; init; } = 1;

    /// <summary>Rows per inference call (<c>--batch-size</c> for <c>encode</c>, <c>--encoder-batch-size</c> for <c>check</c>). Default 256. A model whose batch axis is fixed runs in batches of that size instead.</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>ONNX Runtime intra-op threads (<c>--threads</c>), at most the number of cores. Default 1 (results are identical for a fixed count).</summary>
    public int Threads { get; init; } = 1;

    /// <summary>The default <see cref="BatchSize"/>.</summary>
    public const int DefaultBatchSize = 256;

    /// <summary>Whether two options run the same computation on the same input (same model, by path or by content; same output, shape and scale).</summary>
    public bool SameComputation(EncoderOptions? other, string baseDirectory) =>
        other is not null
        && SameModel(Path.GetFullPath(ModelPath, baseDirectory), Path.GetFullPath(other.ModelPath, baseDirectory))
        && OutputName == other.OutputName
        && InputScale.Equals(other.InputScale)
        && (InputShape ?? []).SequenceEqual(other.InputShape ?? []);

    private static bool SameModel(string a, string b) =>
        string.Equals(a, b, StringComparison.Ordinal)
        || (File.Exists(a) && File.Exists(b) && new FileInfo(a).Length == new FileInfo(b).Length && Cch.Internal.FileHash.Sha256(a) == Cch.Internal.FileHash.Sha256(b));
}
