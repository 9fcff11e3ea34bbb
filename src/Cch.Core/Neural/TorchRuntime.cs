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

    /// <summary>
    /// What to install when <c>--device cuda</c> is asked for and libtorch has no usable CUDA device.
    /// </summary>
    public const string CudaUnavailableMessage =
        "--device cuda: CUDA is not available to libtorch in this process (torch.cuda.is_available() is false). " +
        "The Cch tool package ships libtorch's CPU build only (the CUDA build is several GB). To train on a GPU, run Cch " +
        "from an application that references TorchSharp-cuda-linux (or TorchSharp-cuda-windows) of TorchSharp's version " +
        "instead of libtorch-cpu-*, or put the libtorch-cuda runtime's libraries (libtorch.so with libtorch_cuda.so) where " +
        "the CPU build's are, with an NVIDIA driver and a visible GPU; see docs/scale.md, \"GPU\". Or drop --device to run on the CPU.";

    /// <summary>
    /// Makes libtorch usable on <paramref name="device"/> or throws: for <see cref="ComputeDevice.Cpu"/> this is
    /// <see cref="Require"/>; for <see cref="ComputeDevice.Cuda"/> it also asks libtorch whether a CUDA device is
    /// available. Front ends call it once before any work, so a missing GPU fails fast (exit 2).
    /// </summary>
    /// <exception cref="TorchUnavailableException">libtorch cannot be loaded at all.</exception>
    /// <exception cref="CchInputException"><see cref="ComputeDevice.Cuda"/> was asked for and libtorch has no usable CUDA device (<see cref="CudaUnavailableMessage"/>).</exception>
    public static void RequireDevice(ComputeDevice device)
    {
        Require();
        if (device == ComputeDevice.Cuda && !CudaAvailable())
            throw new CchInputException(CudaUnavailableMessage);
    }

    // A separate method, so no TorchSharp code is reached before the native bootstrap has run.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static bool CudaAvailable()
    {
        try
        {
            return TorchSharp.torch.cuda.is_available();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return false; // a CPU-only TorchSharp may throw instead of answering false
        }
    }
}
