using TorchSharp;
using static TorchSharp.torch;

namespace Cch.Neural;

/// <summary>
/// LeakyReLU(x) = max(x, a·x) for a slope 0 &lt; a &lt; 1, with the slope held as an explicit
/// <see cref="Scalar"/> owned by the module (TorchSharp's own module converts it on every call; see
/// <see cref="ExplicitScalars"/>).
/// </summary>
internal sealed class LeakyRelu : nn.Module<Tensor, Tensor>
{
    private readonly Scalar _slope;

    /// <summary>Creates the activation.</summary>
    /// <param name="slope">Negative-side slope a, in (0, 1).</param>
    public LeakyRelu(double slope) : base(nameof(LeakyRelu))
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(slope, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(slope, 1);
        _slope = slope.ToScalar();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        return maximum(input, input.mul(_slope));
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing) _slope.Dispose();
        base.Dispose(disposing);
    }
}
