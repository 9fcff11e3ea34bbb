using System.Runtime.CompilerServices;

namespace Cch.Estimators.Internal;

/// <summary>Per-thread pinned, 64-byte aligned float buffer plus a small selection buffer.</summary>
internal sealed unsafe class Scratch
{
    private readonly float[] _storage;
    private readonly int _offset;

    public Scratch(int length, int k)
    {
        _storage = GC.AllocateUninitializedArray<float>(length + 16, pinned: true);
        var address = (nint)Unsafe.AsPointer(ref _storage[0]);
        _offset = (int)((64 - address % 64) % 64) / sizeof(float);
        Top = new float[Math.Max(k, 1)];
    }

    public float* Pointer => (float*)Unsafe.AsPointer(ref _storage[_offset]);

    public float[] Top { get; }
}
