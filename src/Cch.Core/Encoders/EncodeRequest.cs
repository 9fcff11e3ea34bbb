using Cch.Data;

namespace Cch.Encoders;

/// <summary>What <c>dotnet cch encode</c> does: run one encoder over one raw column and write the representations to Parquet.</summary>
public sealed record EncodeRequest
{
    /// <summary>The raw column (and optional key and filters) to read.</summary>
    public required ColumnRequest Input { get; init; }

    /// <summary>Blur each row as an image after reading and before encoding (<c>--blur</c>, <c>--image-shape</c>), or <c>null</c>.</summary>
    public ImageBlur? Blur { get; init; }

    /// <summary>The encoder and how to feed it.</summary>
    public required EncoderOptions Encoder { get; init; }

    /// <summary>The Parquet file to write (atomically: a temporary file renamed over it).</summary>
    public required string OutputPath { get; init; }

    /// <summary>Name of the <c>list&lt;float&gt;</c> column (<c>--column</c>; default <c>representation</c>).</summary>
    public string Column { get; init; } = "representation";
}

/// <summary>What <c>encode</c> wrote.</summary>
/// <param name="OutputPath">Full path of the Parquet file.</param>
/// <param name="Column">Name of the representation column.</param>
/// <param name="KeyColumn">Name of the key column carried over, or <c>null</c>.</param>
/// <param name="Rows">Rows written.</param>
/// <param name="Dimensions">Values per row.</param>
/// <param name="Model">The encoder.</param>
/// <param name="Seconds">Inference wall time.</param>
public sealed record EncodeResult(string OutputPath, string Column, string? KeyColumn, int Rows, int Dimensions, EncoderDescription Model, double Seconds);
