namespace Cch.Encoders;

/// <summary>
/// ONNX Runtime's native library could not be loaded (missing <c>onnxruntime</c> native for this
/// platform, or an incompatible system library). The message says which library and what to do.
/// </summary>
public sealed class OnnxRuntimeUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OnnxRuntimeUnavailableException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}
