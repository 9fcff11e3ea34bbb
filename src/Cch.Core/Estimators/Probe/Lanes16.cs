using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Cch.Estimators.Probe;

/// <summary>
/// Operations on 16 float32 lanes (one tile of <see cref="TiledRows"/>), implemented once with one
/// 512-bit vector (<see cref="Lanes512"/>) and once with two 256-bit vectors (<see cref="Lanes256"/>;
/// AVX2, or emulated where absent). Kernels are generic over the implementation, so the JIT compiles
/// one specialised copy per width. Every operation is lane-wise IEEE (FMA is fused in both), and
/// <see cref="Sum"/> first adds lanes 8–15 to lanes 0–7 and then reduces the 8 lanes with
/// <see cref="Vector256.Sum{T}(Vector256{T})"/>, so both widths give the same bits for the same input
/// (exp/log come from the runtime's vector math, which may differ in the last bit between widths).
/// </summary>
internal unsafe interface ILanes16<TSelf>
    where TSelf : struct, ILanes16<TSelf>
{
    static abstract TSelf Zero { get; }

    static abstract TSelf Load(float* p);

    static abstract void Store(TSelf v, float* p);

    static abstract TSelf Broadcast(float x);

    /// <summary>a·b + c with one rounding.</summary>
    static abstract TSelf Fma(TSelf a, TSelf b, TSelf c);

    static abstract TSelf Add(TSelf a, TSelf b);

    static abstract TSelf Subtract(TSelf a, TSelf b);

    static abstract TSelf Multiply(TSelf a, TSelf b);

    static abstract TSelf Divide(TSelf a, TSelf b);

    static abstract TSelf Max(TSelf a, TSelf b);

    static abstract TSelf Exp(TSelf a);

    static abstract TSelf Log(TSelf a);

    /// <summary>1 in lanes whose label equals <paramref name="c"/>, else 0.</summary>
    static abstract TSelf Indicator(int* labels, int c);

    /// <summary>1 in lanes holding a row (label ≥ 0), 0 in padding lanes.</summary>
    static abstract TSelf Valid(int* labels);

    /// <summary>Sum of the 16 lanes in a fixed order (see the type's remarks).</summary>
    static abstract float Sum(TSelf v);
}

/// <summary>16 lanes as one <see cref="Vector512{T}"/>.</summary>
internal readonly unsafe struct Lanes512 : ILanes16<Lanes512>
{
    private readonly Vector512<float> _v;

    private Lanes512(Vector512<float> v) => _v = v;

    public static Lanes512 Zero => new(Vector512<float>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Load(float* p) => new(Vector512.Load(p));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Lanes512 v, float* p) => v._v.Store(p);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Broadcast(float x) => new(Vector512.Create(x));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Fma(Lanes512 a, Lanes512 b, Lanes512 c) => new(Vector512.FusedMultiplyAdd(a._v, b._v, c._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Add(Lanes512 a, Lanes512 b) => new(a._v + b._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Subtract(Lanes512 a, Lanes512 b) => new(a._v - b._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Multiply(Lanes512 a, Lanes512 b) => new(a._v * b._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Divide(Lanes512 a, Lanes512 b) => new(a._v / b._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Max(Lanes512 a, Lanes512 b) => new(Vector512.Max(a._v, b._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Exp(Lanes512 a) => new(Vector512.Exp(a._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Log(Lanes512 a) => new(Vector512.Log(a._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Indicator(int* labels, int c) =>
        new(Vector512.Equals(Vector512.Load(labels), Vector512.Create(c)).AsSingle() & Vector512<float>.One);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Valid(int* labels) =>
        new(Vector512.GreaterThanOrEqual(Vector512.Load(labels), Vector512<int>.Zero).AsSingle() & Vector512<float>.One);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sum(Lanes512 v) => Vector256.Sum(v._v.GetLower() + v._v.GetUpper());
}

/// <summary>16 lanes as two <see cref="Vector256{T}"/> (lanes 0–7, 8–15).</summary>
internal readonly unsafe struct Lanes256 : ILanes16<Lanes256>
{
    private readonly Vector256<float> _lo;
    private readonly Vector256<float> _hi;

    private Lanes256(Vector256<float> lo, Vector256<float> hi)
    {
        _lo = lo;
        _hi = hi;
    }

    public static Lanes256 Zero => new(Vector256<float>.Zero, Vector256<float>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Load(float* p) => new(Vector256.Load(p), Vector256.Load(p + 8));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Lanes256 v, float* p)
    {
        v._lo.Store(p);
        v._hi.Store(p + 8);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Broadcast(float x)
    {
        var v = Vector256.Create(x);
        return new(v, v);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Fma(Lanes256 a, Lanes256 b, Lanes256 c) =>
        new(Vector256.FusedMultiplyAdd(a._lo, b._lo, c._lo), Vector256.FusedMultiplyAdd(a._hi, b._hi, c._hi));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Add(Lanes256 a, Lanes256 b) => new(a._lo + b._lo, a._hi + b._hi);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Subtract(Lanes256 a, Lanes256 b) => new(a._lo - b._lo, a._hi - b._hi);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Multiply(Lanes256 a, Lanes256 b) => new(a._lo * b._lo, a._hi * b._hi);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Divide(Lanes256 a, Lanes256 b) => new(a._lo / b._lo, a._hi / b._hi);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Max(Lanes256 a, Lanes256 b) => new(Vector256.Max(a._lo, b._lo), Vector256.Max(a._hi, b._hi));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Exp(Lanes256 a) => new(Vector256.Exp(a._lo), Vector256.Exp(a._hi));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Log(Lanes256 a) => new(Vector256.Log(a._lo), Vector256.Log(a._hi));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Indicator(int* labels, int c)
    {
        var cv = Vector256.Create(c);
        return new(Vector256.Equals(Vector256.Load(labels), cv).AsSingle() & Vector256<float>.One,
                   Vector256.Equals(Vector256.Load(labels + 8), cv).AsSingle() & Vector256<float>.One);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Valid(int* labels) =>
        new(Vector256.GreaterThanOrEqual(Vector256.Load(labels), Vector256<int>.Zero).AsSingle() & Vector256<float>.One,
            Vector256.GreaterThanOrEqual(Vector256.Load(labels + 8), Vector256<int>.Zero).AsSingle() & Vector256<float>.One);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sum(Lanes256 v) => Vector256.Sum(v._lo + v._hi);
}
