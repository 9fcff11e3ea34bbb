using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Cch.Encoders.Internal;

/// <summary>ONNX element types: names as ONNX spells them, and which ones Cch can feed or read.</summary>
internal static class OnnxTypes
{
    /// <summary>The ONNX name of an element type (<c>float</c>, <c>float16</c>, <c>int64</c>, <c>bool</c>, …).</summary>
    public static string Name(TensorElementType type) => type.ToString().ToLowerInvariant();

    /// <summary>The declared type of an input or output, e.g. <c>float</c>, or <c>sequence</c> for a non-tensor.</summary>
    public static string Name(NodeMetadata metadata) =>
        metadata.IsTensor ? Name(metadata.ElementDataType) : metadata.OnnxValueType.ToString().Replace("ONNX_TYPE_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();

    /// <summary>Input types Cch feeds: real numbers.</summary>
    public static bool IsFeedable(TensorElementType type) => type is TensorElementType.Float or TensorElementType.Double or TensorElementType.Float16 or TensorElementType.BFloat16;

    /// <summary>Output types Cch converts to a representation: every real number type (integers and half precisions are widened).</summary>
    public static bool IsNumeric(TensorElementType type) => type is
        TensorElementType.Float or TensorElementType.Double or TensorElementType.Float16 or TensorElementType.BFloat16
        or TensorElementType.Int8 or TensorElementType.UInt8 or TensorElementType.Int16 or TensorElementType.UInt16
        or TensorElementType.Int32 or TensorElementType.UInt32 or TensorElementType.Int64 or TensorElementType.UInt64;

    /// <summary>Describes an input or output as the model declares it (free axes as −1).</summary>
    public static TensorDescription Describe(string name, NodeMetadata metadata) =>
        new(name, Name(metadata), metadata.IsTensor ? metadata.Dimensions.Select(d => (long)d).ToArray() : []);
}
