namespace Cch.Estimators.Internal;

/// <summary>Instruction set used by <see cref="MaxNormKernel"/>; tests force each one.</summary>
internal enum KernelIsa
{
    /// <summary>Best available on this machine.</summary>
    Auto,

    /// <summary>Plain scalar loops.</summary>
    Scalar,

    /// <summary>256-bit vectors (AVX2 or emulated).</summary>
    Vector256,

    /// <summary>512-bit vectors (AVX-512).</summary>
    Vector512,
}
