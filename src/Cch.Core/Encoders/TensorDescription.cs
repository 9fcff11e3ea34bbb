namespace Cch.Encoders;

/// <summary>One input or output of an ONNX model as the model declares it.</summary>
/// <param name="Name">The graph name, e.g. <c>Input3</c>.</param>
/// <param name="ElementType">The ONNX element type, e.g. <c>float</c>, <c>float16</c>, <c>double</c>, <c>int64</c>, <c>bool</c>.</param>
/// <param name="Shape">The declared shape; −1 marks a free (symbolic or unknown) axis.</param>
public sealed record TensorDescription(string Name, string ElementType, IReadOnlyList<long> Shape)
{
    /// <summary>The shape as text, e.g. <c>[?,1,28,28]</c>.</summary>
    public string ShapeText => $"[{string.Join(",", Shape.Select(d => d < 0 ? "?" : d.ToString(System.Globalization.CultureInfo.InvariantCulture)))}]";

    /// <inheritdoc />
    public override string ToString() => $"'{Name}' {ElementType}{ShapeText}";
}
