using Cch.Distillation.Native;

namespace Cch.Distillation;

/// <summary>
/// The one gate in front of TorchSharp: loads libtorch's natives (patching TorchSharp's wrapper in
/// memory where the system libstdc++ is too old, see <c>docs/verification.md</c>) before anything
/// touches <c>TorchSharp.torch</c>. Front ends may call <see cref="Require"/> early to fail fast;
/// <see cref="DistillationVerifier.Verify"/> calls it itself.
/// </summary>
public static class TorchRuntime
{
    /// <summary>
    /// Makes libtorch usable in this process or throws. Thread-safe; the first call does the work
    /// (about 0.2 s, mostly loading the 461 MB <c>libtorch_cpu.so</c>) and later calls return its result.
    /// </summary>
    /// <exception cref="TorchUnavailableException">libtorch cannot be loaded; the message names what failed, the loader's error line and what to do.</exception>
    public static void Require()
    {
        var state = TorchNativeBootstrap.Ensure();
        if (!state.Usable)
            throw new TorchUnavailableException(TorchNativeBootstrap.FailureMessage(state));
    }
}
