using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Cch.Encoders.Internal;

/// <summary>
/// Builds the input tensor for one batch: rows scaled by the input scale, converted to the model's
/// element type, padded with zero rows when the model's batch axis is fixed and the last batch is
/// short. One buffer per feeder is reused across batches (the tensor pins it while it lives).
/// </summary>
internal sealed class InputFeeder(TensorElementType type, double scale)
{
    private float[]? _float;
    private double[]? _double;
    private Float16[]? _half;
    private BFloat16[]? _brain;

    /// <summary>A tensor of shape <paramref name="shape"/> holding <paramref name="rows"/> (row-major) and zero padding.</summary>
    public OrtValue Create(ReadOnlySpan<double> rows, long[] shape)
    {
        var length = checked((int)shape.Aggregate(1L, (a, b) => a * b));
        switch (type)
        {
            case TensorElementType.Float:
                return Fill(ref _float, rows, length, shape, x => (float)x);
            case TensorElementType.Double:
                return Fill(ref _double, rows, length, shape, x => x);
            case TensorElementType.Float16:
                return Fill(ref _half, rows, length, shape, x => (Float16)(float)x);
            case TensorElementType.BFloat16:
                return Fill(ref _brain, rows, length, shape, x => (BFloat16)(float)x);
            default:
                throw new InvalidOperationException($"Input type {OnnxTypes.Name(type)} cannot be fed.");
        }
    }

    private OrtValue Fill<T>(ref T[]? buffer, ReadOnlySpan<double> rows, int length, long[] shape, Func<double, T> convert)
        where T : unmanaged
    {
        if (buffer is null || buffer.Length < length) buffer = new T[length];
        var span = buffer.AsSpan(0, length);
        for (var i = 0; i < rows.Length; i++) span[i] = convert(rows[i] * scale);
        span[rows.Length..].Clear();
        return OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, buffer.AsMemory(0, length), shape);
    }
}
