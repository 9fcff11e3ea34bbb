namespace Cch.Neural;

/// <summary>
/// libtorch (TorchSharp's native backend) cannot be loaded here, so nothing that trains can run: the
/// distillation verification (<c>--verify</c>) and the trained estimators (<c>infonce</c>, <c>smile</c>,
/// <c>mine</c>, <c>latent</c>). The message names the native library, the loader's own error line and
/// what to do. The criterion with the k-NN and Gaussian estimators never needs libtorch and keeps working.
/// </summary>
public sealed class TorchUnavailableException : Exception
{
    /// <summary>Creates the exception with a complete, user-facing message.</summary>
    public TorchUnavailableException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}
