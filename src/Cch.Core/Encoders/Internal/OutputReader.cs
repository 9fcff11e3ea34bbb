using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Cch.Encoders.Internal;

/// <summary>Copies a numeric output tensor into doubles, whatever its element type.</summary>
internal static class OutputReader
{
    /// <summary>Copies the first <paramref name="target"/>.Length elements of <paramref name="value"/>.</summary>
    public static void Copy(OrtValue value, TensorElementType type, Span<double> target)
    {
        switch (type)
        {
            case TensorElementType.Float: Widen(value.GetTensorDataAsSpan<float>(), target, x => x); break;
            case TensorElementType.Double: value.GetTensorDataAsSpan<double>()[..target.Length].CopyTo(target); break;
            case TensorElementType.Float16: Widen(value.GetTensorDataAsSpan<Float16>(), target, x => x.ToFloat()); break;
            case TensorElementType.BFloat16: Widen(value.GetTensorDataAsSpan<BFloat16>(), target, x => x.ToFloat()); break;
            case TensorElementType.Int8: Widen(value.GetTensorDataAsSpan<sbyte>(), target, x => x); break;
            case TensorElementType.UInt8: Widen(value.GetTensorDataAsSpan<byte>(), target, x => x); break;
            case TensorElementType.Int16: Widen(value.GetTensorDataAsSpan<short>(), target, x => x); break;
            case TensorElementType.UInt16: Widen(value.GetTensorDataAsSpan<ushort>(), target, x => x); break;
            case TensorElementType.Int32: Widen(value.GetTensorDataAsSpan<int>(), target, x => x); break;
            case TensorElementType.UInt32: Widen(value.GetTensorDataAsSpan<uint>(), target, x => x); break;
            case TensorElementType.Int64: Widen(value.GetTensorDataAsSpan<long>(), target, x => x); break;
            case TensorElementType.UInt64: Widen(value.GetTensorDataAsSpan<ulong>(), target, x => x); break;
            default: throw new InvalidOperationException($"Output type {OnnxTypes.Name(type)} is not numeric.");
        }
    }

    private static void Widen<T>(ReadOnlySpan<T> source, Span<double> target, Func<T, double> widen)
    {
        for (var i = 0; i < target.Length; i++) target[i] = widen(source[i]);
    }
}
