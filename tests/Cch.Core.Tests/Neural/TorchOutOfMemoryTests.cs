using System.Runtime.InteropServices;
using Cch.Neural;
using static TorchSharp.torch;

namespace Cch.Tests.Neural;

/// <summary>
/// Truth: libtorch's own errors, raised for real. An allocation of 2⁵⁰ float32 values (4 PiB, beyond any address
/// space, so it fails at once without touching memory) is an allocation failure; adding a 2×3 to a 4×5 tensor is a
/// shape mismatch, the kind of error a bug in our training code raises. Both come as ExternalException with a C++
/// trace, so only the allocator's words tell them apart.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class TorchOutOfMemoryTests
{
    public TorchOutOfMemoryTests() => TorchCollection.Ready();

    [Fact]
    public void A_failed_allocation_is_out_of_memory()
    {
        var e = Assert.ThrowsAny<ExternalException>(() => empty(1L << 50, dtype: ScalarType.Float32));

        Assert.True(TorchOutOfMemory.Caused(e));
        Assert.Same(e, TorchOutOfMemory.Find(new InvalidOperationException("wrapped", e)));
        Assert.Contains("DefaultCPUAllocator", TorchOutOfMemory.FirstLine(e));
        Assert.DoesNotContain('\n', TorchOutOfMemory.FirstLine(e));
    }

    [Fact]
    public void A_shape_mismatch_is_not_out_of_memory()
    {
        var e = Assert.ThrowsAny<ExternalException>(() =>
        {
            using var a = zeros(2, 3);
            using var b = zeros(4, 5);
            return a.add(b);
        });

        Assert.False(TorchOutOfMemory.Caused(e));
        Assert.Contains("c10", e.Message); // the C++ trace: what the CLI used to match, calling this bug an input error
        Assert.False(TorchOutOfMemory.Caused(new Exception("CUDA out of memory, but not from libtorch")));
    }
}
