using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Cch.Neural;

/// <summary>
/// AdamW (Loshchilov &amp; Hutter 2019, "Decoupled Weight Decay Regularization", Algorithm 2; the same
/// update as PyTorch's <c>torch.optim.AdamW</c>): p ← p·(1 − lr·wd); m ← β₁m + (1 − β₁)g;
/// v ← β₂v + (1 − β₂)g²; p ← p − lr/(1 − β₁ᵗ) · m / (√v / √(1 − β₂ᵗ) + ε), with β₁ = 0.9,
/// β₂ = 0.999, ε = 1e−8.
/// </summary>
/// <remarks>
/// Our own instead of TorchSharp's <c>optim.AdamW</c>: that one passes implicitly converted
/// <c>Scalar</c> temporaries to native calls without keeping them alive, so a garbage collection
/// triggered by another thread can finalize a scalar while libtorch reads it. We measured the
/// result: runs that crashed at random with "Expected false to be true … toFloat at
/// c10/core/Scalar.h:140" inside <c>THSTensor_add_scalar_</c> when several processes trained at
/// once. Here every scalar is an explicit local disposed only after the step.
/// </remarks>
internal sealed class AdamWOptimizer : IDisposable
{
    private const double Beta1 = 0.9;
    private const double Beta2 = 0.999;
    private const double Epsilon = 1e-8;

    private readonly Parameter[] _parameters;
    private readonly Tensor[] _firstMoments;
    private readonly Tensor[] _secondMoments;
    private readonly double _learningRate;
    private readonly double[] _weightDecays;
    private int _steps;

    /// <summary>AdamW with one weight decay for every parameter.</summary>
    public AdamWOptimizer(IEnumerable<Parameter> parameters, double learningRate, double weightDecay)
        : this(parameters.Select(p => (p, weightDecay)), learningRate)
    {
    }

    /// <summary>AdamW with a weight decay per parameter (PyTorch's parameter groups).</summary>
    public AdamWOptimizer(IEnumerable<(Parameter Parameter, double WeightDecay)> parameters, double learningRate)
    {
        var list = parameters.ToArray();
        _parameters = list.Select(p => p.Parameter).ToArray();
        _weightDecays = list.Select(p => p.WeightDecay).ToArray();
        _learningRate = learningRate;
        using var noGrad = no_grad();
        _firstMoments = _parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
        _secondMoments = _parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
    }

    /// <summary>Clears the gradients of every parameter.</summary>
    public void ZeroGrad()
    {
        using var scope = NewDisposeScope();
        foreach (var p in _parameters)
            p.grad?.zero_();
    }

    /// <summary>One AdamW update from the current gradients.</summary>
    public void Step()
    {
        _steps++;
        var biasCorrection1 = 1 - Math.Pow(Beta1, _steps);
        var biasCorrection2 = 1 - Math.Pow(Beta2, _steps);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var decays = _weightDecays.Distinct().ToDictionary(wd => wd, wd => (1 - _learningRate * wd).ToScalar());
        using var beta1 = Beta1.ToScalar();
        using var oneMinusBeta1 = (1 - Beta1).ToScalar();
        using var beta2 = Beta2.ToScalar();
        using var oneMinusBeta2 = (1 - Beta2).ToScalar();
        using var inverseRootCorrection2 = (1 / Math.Sqrt(biasCorrection2)).ToScalar();
        using var epsilon = Epsilon.ToScalar();
        using var one = 1.0.ToScalar();
        using var negativeStepSize = (-_learningRate / biasCorrection1).ToScalar();
        for (var i = 0; i < _parameters.Length; i++)
        {
            var p = _parameters[i];
            var g = p.grad;
            if (g is null) continue;
            p.mul_(decays[_weightDecays[i]]);
            _firstMoments[i].mul_(beta1).add_(g, oneMinusBeta1);
            _secondMoments[i].mul_(beta2).addcmul_(g, g, oneMinusBeta2);
            var denominator = _secondMoments[i].sqrt().mul_(inverseRootCorrection2).add_(epsilon, one);
            p.addcdiv_(_firstMoments[i], denominator, negativeStepSize);
        }

        foreach (var d in decays.Values) d.Dispose();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var t in _firstMoments) t.Dispose();
        foreach (var t in _secondMoments) t.Dispose();
    }
}
