using Cch.Neural.Native;

namespace Cch.Neural;

/// <summary>
/// The one gate in front of TorchSharp: loads libtorch's natives (patching TorchSharp's wrapper in
/// memory where the system libstdc++ is too old, see <c>docs/verification.md</c>) before anything
/// touches <c>TorchSharp.torch</c>. Every caller that trains goes through it: the distillation
/// verification (<see cref="Distillation.DistillationVerifier.Verify"/>) and the trained mutual
/// information estimators (<c>infonce</c>, <c>smile</c>, <c>mine</c>, <c>latent</c>) call it themselves;
/// front ends may call it early to fail fast.
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
