namespace Cch.Distillation;

/// <summary>
/// libtorch (TorchSharp's native backend) cannot be loaded here. The message names the native
/// library, the loader's own error line and what to do. The criterion without <c>--verify</c> never
/// needs libtorch and keeps working.
/// </summary>
public sealed class TorchUnavailableException : Exception
{
    /// <summary>Creates the exception with a complete, user-facing message.</summary>
    public TorchUnavailableException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}
