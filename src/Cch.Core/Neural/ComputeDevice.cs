namespace Cch.Neural;

/// <summary>
/// Where the trained estimators (infonce, smile, mine, latent), the distillation verification and the
/// reproduction's networks run (<c>--device</c>, config key <c>device</c>). Everything else in Cch runs on
/// the CPU whatever this says.
/// </summary>
public enum ComputeDevice
{
    /// <summary>libtorch's CPU backend (the default, and what the Cch tool package ships).</summary>
    Cpu,

    /// <summary>
    /// libtorch's CUDA backend, device 0. Needs a CUDA build of libtorch in place of the CPU one (the
    /// TorchSharp-cuda-linux or TorchSharp-cuda-windows package, or the libtorch-cuda runtime); results
    /// are not bit-identical to the CPU's.
    /// </summary>
    Cuda,
}
