using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CchKd;

/// <summary>
/// Adam (Kingma &amp; Ba 2015, arXiv:1412.6980, Algorithm 1) with β₁ = 0.9, β₂ = 0.999, ε = 1e−8.
/// </summary>
/// <remarks>
/// Why not <c>torch.optim.Adam</c>: in TorchSharp 0.107 it passes implicitly converted <c>Scalar</c>
/// temporaries to native calls without keeping them alive, and the finalizer thread can free one while
/// libtorch reads it (a crash at random, "toFloat at c10/core/Scalar.h"). Here every scalar is an
/// explicit <c>using</c> local that lives until the step is done.
/// </remarks>
public sealed class Adam(IEnumerable<Parameter> parameters, double learningRate) : IDisposable
{
    private readonly Parameter[] _parameters = parameters.ToArray();
    private readonly List<(Tensor Mean, Tensor Square)> _moments = [];
    private int _step;

    /// <summary>Clears the gradients before the next backward pass.</summary>
    public void ZeroGrad()
    {
        using var scope = NewDisposeScope();
        foreach (var p in _parameters) p.grad?.zero_();
    }

    /// <summary>One update from the current gradients.</summary>
    public void Step()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        if (_moments.Count == 0)
            _moments.AddRange(_parameters.Select(p => (zeros_like(p).DetachFromDisposeScope(), zeros_like(p).DetachFromDisposeScope())));
        _step++;
        using var beta1 = 0.9.ToScalar();
        using var beta2 = 0.999.ToScalar();
        using var oneMinusBeta1 = 0.1.ToScalar();
        using var oneMinusBeta2 = 0.001.ToScalar();
        using var epsilon = 1e-8.ToScalar();
        using var one = 1.0.ToScalar(); // Tensor.add(x) without an alpha would convert a hidden 1 implicitly
        using var inverseRootCorrection2 = (1 / Math.Sqrt(1 - Math.Pow(0.999, _step))).ToScalar();
        using var negativeStepSize = (-learningRate / (1 - Math.Pow(0.9, _step))).ToScalar();
        for (var i = 0; i < _parameters.Length; i++)
        {
            var (mean, square) = _moments[i];
            var grad = _parameters[i].grad;
            if (grad is null) continue;
            mean.mul_(beta1).add_(grad, oneMinusBeta1);             // m ← β₁m + (1 − β₁)g
            square.mul_(beta2).addcmul_(grad, grad, oneMinusBeta2); // v ← β₂v + (1 − β₂)g²
            var denominator = square.sqrt().mul_(inverseRootCorrection2).add_(epsilon, one);
            _parameters[i].addcdiv_(mean, denominator, negativeStepSize); // p ← p − lr·m̂ / (√v̂ + ε)
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var (mean, square) in _moments) { mean.Dispose(); square.Dispose(); }
    }
}
