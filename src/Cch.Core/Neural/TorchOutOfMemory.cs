using System.Runtime.InteropServices;

namespace Cch.Neural;

/// <summary>
/// Tells libtorch's allocation failures apart from its other errors. TorchSharp raises every libtorch error as an
/// <see cref="ExternalException"/> carrying libtorch's message (and often a C++ trace): an allocation that failed
/// (the CPU allocator's "not enough memory" or "can't allocate memory", CUDA or MPS "out of memory") is the size of
/// the model or batch against the memory there is, which the user can change; anything else (a shape mismatch, a
/// wrong dtype) is a bug in the code that built the tensors.
/// </summary>
public static class TorchOutOfMemory
{
    // libtorch's own words, from c10/core/impl/alloc_cpu.cpp, c10/cuda/CUDACachingAllocator.cpp (both spellings
    // across versions), the CUDA runtime's error string and the MPS allocator.
    private static readonly string[] Markers =
    [
        "DefaultCPUAllocator: not enough memory",
        "DefaultCPUAllocator: can't allocate memory",
        "CUDA out of memory",
        "CUDA error: out of memory",
        "MPS backend out of memory",
    ];

    /// <summary>Whether <paramref name="exception"/> or any exception inside it is a libtorch allocation failure.</summary>
    public static bool Caused(Exception exception) => Find(exception) is not null;

    /// <summary>The libtorch allocation failure in <paramref name="exception"/> or inside it, or <c>null</c> when there is none.</summary>
    public static ExternalException? Find(Exception exception) =>
        Internal.ExceptionChain.First(exception, e => e is ExternalException external && Markers.Any(m => e.Message.Contains(m, StringComparison.Ordinal)) ? external : null);

    /// <summary>The first line of libtorch's message (<c>[enforce fail at alloc_cpu.cpp:…] … you tried to allocate N bytes.</c>), without the C++ trace that follows it.</summary>
    public static string FirstLine(ExternalException exception) => exception.Message.Split('\n')[0].Trim();
}
